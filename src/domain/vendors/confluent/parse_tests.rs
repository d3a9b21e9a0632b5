//! The documents' JSON examples parsed: the list envelope, every target kind, unknown kinds.

use super::*;
use crate::domain::vendors::confluent::ConfluentApi;
use crate::domain::VendorApi;

/// A list page as the console reads it: through the generic reader, where this vendor says.
fn list(response: &Response, at: Option<&Cursor>) -> Result<Page, ApiError> {
    ConfluentApi.parse_list(response, at)
}

fn one(response: &Response) -> Result<Record, ApiError> {
    ConfluentApi.parse_one(response)
}

fn list_cells(record: &Record) -> Vec<Cell> {
    ConfluentApi.list_cells(record, &Lookups::new())
}

fn detail_fields(record: &Record) -> Vec<(String, Cell)> {
    ConfluentApi.detail_fields(record, &Lookups::new())
}
use crate::domain::api::{Capabilities, Cursor, Page};
use crate::domain::error::ApiError;
use crate::domain::request::Response;

const LIST: &str = include_str!("../../../../tests/fixtures/confluent/list_page.json");
const NEWER: &str = include_str!("../../../../tests/fixtures/confluent/newer_kinds.json");

/// The documented examples, then a kind newer than the contract (InApp).
fn listed() -> Page {
    let mut page = documented();
    let newer = list(&Response::new(200, NEWER), None).unwrap();
    page.records.extend(newer.records);
    page
}

fn documented() -> Page {
    list(&Response::new(200, LIST), None).expect("the documented list parses")
}

#[test]
fn the_documented_list_envelope_parses_with_its_paging_metadata() {
    let page = documented();
    assert_eq!(page.records.len(), 5);
    assert_eq!(page.skipped, 0);
    assert_eq!(page.total, Some(123));
    assert_eq!(
        page.next,
        Some(Cursor::Link("https://api.confluent.cloud/notifications/v1/integrations?page_token=UvmDWOB1iwfAIBPj6EYb".into()))
    );
    assert_eq!(page.records[0].id, "dlz-f3a90de");
}

#[test]
fn the_last_page_has_no_next_link() {
    let body = json!({"api_version": "notifications/v1", "kind": "IntegrationList", "metadata": {"next": null}, "data": []});
    let page = list(&Response::new(200, body.to_string()), None).unwrap();
    assert_eq!((page.next, page.total, page.records.len()), (None, None, 0));
}

#[test]
fn every_target_kind_becomes_a_row_and_unknown_kinds_are_tolerated() {
    let page = listed();
    let rows: Vec<(String, Vec<Cell>)> = page
        .records
        .iter()
        .map(|r| (summary(r).name, list_cells(r)))
        .collect();
    let kind_and_target: Vec<(&str, &Cell, &Cell)> = rows
        .iter()
        .map(|(n, c)| (n.as_str(), &c[0], &c[1]))
        .collect();
    let secret = |s: &str| Cell::Secret(s.into());
    let text = |s: &str| Cell::Text(s.into());
    assert_eq!(
        kind_and_target,
        [
            (
                "Slack integration",
                &text("Slack"),
                &secret("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")
            ),
            (
                "Webhook integration",
                &text("Webhook"),
                &secret("https://my.webhook.url/hooks/12346")
            ),
            (
                "Teams integration",
                &text("Microsoft Teams"),
                &secret("https://admin.webhook.office.com/webhookb2/00000000-0000-0000-0000-000000000000/IncomingWebhook/0000000000000000000000000000000")
            ),
            (
                "Organization admins",
                &text("Email to a role"),
                &text("OrganizationAdmin")
            ),
            ("On-call user", &text("Email to a user"), &text("u-temp1")),
            ("In-app notices", &text("InApp"), &Cell::Empty),
        ]
    );
    assert_eq!(rows[0].1[2], text("A Slack channel integration"));
    assert_eq!(rows[0].1[3], Cell::Time("2006-01-02T15:04:05-07:00".into()));
    assert_eq!(rows[0].1[4], Cell::Time("2006-01-02T15:04:05-07:00".into()));
    assert_eq!((&rows[1].1[3], &rows[1].1[4]), (&Cell::Empty, &Cell::Empty));
    assert_eq!(rows[0].1.len(), ConfluentApi.list_columns().len());
}

#[test]
fn the_detail_lists_metadata_too() {
    let fields = detail_fields(&listed().records[0]);
    let labels: Vec<&str> = fields.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "ID",
            "Display name",
            "Kind",
            "Target",
            "Description",
            "Created",
            "Updated",
            "Self",
            "Resource name"
        ]
    );
    assert_eq!(fields[8].1, Cell::Text("crn://confluent.cloud/organization=9bb441c4-edef-46ac-8a41-c49e44a3fd9a/integration=i-12345".into()));
}

#[test]
fn only_webhook_slack_and_teams_may_be_changed() {
    let page = listed();
    let caps: Vec<Capabilities> = page
        .records
        .iter()
        .map(|r| TargetKind::of(&r.raw).capabilities())
        .collect();
    assert!(caps[..3]
        .iter()
        .all(|c| c.can_edit && c.can_delete && c.can_test && c.read_only_reason.is_none()));
    for c in &caps[3..] {
        assert!(!c.can_edit && !c.can_delete && c.read_only_reason.is_some());
    }
    assert!(caps[5]
        .read_only_reason
        .as_deref()
        .unwrap()
        .contains("“InApp”"));
}

#[test]
fn a_user_given_as_a_plain_id_is_read_too() {
    let record = Record {
        id: "i".into(),
        raw: json!({"id": "i", "target": {"kind": "UserEmail", "user": "u-temp1"}}),
    };
    assert_eq!(list_cells(&record)[1], Cell::Text("u-temp1".into()));
}

#[test]
fn entries_without_an_id_are_counted_not_fatal() {
    let body = json!({"data": [{"display_name": "no id"}, 42, {"id": "ok", "target": {"kind": "Webhook", "url": "https://a.test"}}]});
    let page = list(&Response::new(200, body.to_string()), None).unwrap();
    assert_eq!(page.records.len(), 1);
    assert_eq!(page.skipped, 2);
}

#[test]
fn malformed_answers_are_errors_never_panics() {
    for body in ["", "{\"data\": [", "[]", "{\"data\": {}}", "<html>"] {
        let error = list(&Response::new(200, body), None).unwrap_err();
        assert_eq!(
            error.kind,
            crate::domain::error::ErrorKind::Malformed,
            "{body:?}"
        );
    }
    assert!(one(&Response::new(200, "{\"display_name\": \"no id\"}")).is_err());
    assert!(one(&Response::new(200, "not json")).is_err());
}

#[test]
fn one_integration_keeps_every_field_the_vendor_sent() {
    let item = json!({"id": "i-9", "display_name": "X", "target": {"kind": "Webhook", "url": "https://a.test"}, "future_field": {"a": 1}});
    let record = one(&Response::new(200, item.to_string())).unwrap();
    assert_eq!(record.raw, item);
}

#[test]
fn the_edit_draft_holds_only_editable_fields() {
    let record = &listed().records[0];
    assert_eq!(
        draft_from(record),
        json!({
            "display_name": "Slack integration",
            "description": "A Slack channel integration",
            "target": {"kind": "Slack", "webhook_url": "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"}
        })
    );
}

#[test]
fn every_view_masks_the_same_secret_fields() {
    for record in listed().records {
        crate::domain::api::assert_secrets_masked_alike(
            &crate::domain::vendors::confluent::ConfluentApi,
            &record,
        );
    }
}
