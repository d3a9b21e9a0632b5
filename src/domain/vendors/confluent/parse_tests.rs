//! The documents' JSON examples parsed: the list envelope, every target kind, unknown kinds.

use super::*;
use crate::domain::api::Capabilities;

const LIST: &str = include_str!("../../../../tests/fixtures/confluent/list_page.json");

fn listed() -> Page {
    list(&Response::new(200, LIST)).expect("the documented list parses")
}

#[test]
fn the_documented_list_envelope_parses_with_its_paging_metadata() {
    let page = listed();
    assert_eq!(page.records.len(), 6);
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
    let page = list(&Response::new(200, body.to_string())).unwrap();
    assert_eq!((page.next, page.total, page.records.len()), (None, None, 0));
}

#[test]
fn every_target_kind_becomes_a_row_and_unknown_kinds_are_tolerated() {
    let rows: Vec<IntegrationSummary> = listed().records.iter().map(summary).collect();
    let view: Vec<(&str, &str, Option<&str>, bool)> = rows
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.kind.as_str(),
                r.target.as_deref(),
                r.target_is_secret,
            )
        })
        .collect();
    assert_eq!(
        view,
        [
            (
                "Slack integration",
                "Slack",
                Some("https://hooks.slack.com/services/{id}/{id}/{id}"),
                true
            ),
            (
                "Webhook integration",
                "Webhook",
                Some("https://my.webhook.url/{id}"),
                true
            ),
            (
                "Teams integration",
                "Microsoft Teams",
                Some("https://admin.webhook.office.com/webhookb2/{id}/IncomingWebhook/{id}"),
                true
            ),
            (
                "Organization admins",
                "Email to a role",
                Some("OrganizationAdmin"),
                false
            ),
            ("On-call user", "Email to a user", Some("u-temp1"), false),
            ("In-app notices", "InApp", None, false),
        ]
    );
    assert_eq!(
        rows[0].description.as_deref(),
        Some("A Slack channel integration")
    );
    assert_eq!(
        rows[0].updated_at.as_deref(),
        Some("2006-01-02T15:04:05-07:00")
    );
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
    assert_eq!(summary(&record).target.as_deref(), Some("u-temp1"));
}

#[test]
fn entries_without_an_id_are_counted_not_fatal() {
    let body = json!({"data": [{"display_name": "no id"}, 42, {"id": "ok", "target": {"kind": "Webhook", "url": "https://a.test"}}]});
    let page = list(&Response::new(200, body.to_string())).unwrap();
    assert_eq!(page.records.len(), 1);
    assert_eq!(page.skipped, 2);
}

#[test]
fn malformed_answers_are_errors_never_panics() {
    for body in ["", "{\"data\": [", "[]", "{\"data\": {}}", "<html>"] {
        let error = list(&Response::new(200, body)).unwrap_err();
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
            "target": {"kind": "Slack", "webhook_url": "https://hooks.slack.com/services/{id}/{id}/{id}"}
        })
    );
}
