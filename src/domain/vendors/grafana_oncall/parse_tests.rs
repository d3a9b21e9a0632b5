//! The document's JSON examples parsed; rows, details, drafts and capabilities.

use super::*;
use crate::domain::api::Page;
use crate::domain::vendors::grafana_oncall::OnCallApi;
use crate::domain::VendorApi;

/// A list page as the console reads it: through the generic reader, where this vendor says.
fn list(response: &Response, at: Option<&Cursor>) -> Result<Page, ApiError> {
    OnCallApi.parse_list(response, at)
}

fn one(response: &Response) -> Result<Record, ApiError> {
    OnCallApi.parse_one(response)
}

fn list_cells(record: &Record, lookups: &Lookups) -> Vec<Cell> {
    OnCallApi.list_cells(record, lookups)
}

fn detail_fields(record: &Record, lookups: &Lookups) -> Vec<(String, Cell)> {
    OnCallApi.detail_fields(record, lookups)
}
use crate::domain::api::Lookups;

const LIST: &str = include_str!("../../../../tests/fixtures/grafana_oncall/list_page.json");
const ONE: &str = include_str!("../../../../tests/fixtures/grafana_oncall/integration.json");
const UPDATED: &str = include_str!("../../../../tests/fixtures/grafana_oncall/updated.json");

#[test]
fn the_documented_list_envelope_parses() {
    let page = list(&Response::new(200, LIST), None).unwrap();
    assert_eq!(page.records.len(), 1);
    assert_eq!(page.records[0].id, "CFRPV98RPR1U8");
    assert_eq!((page.total, page.next, page.skipped), (Some(1), None, 0));
}

#[test]
fn the_documented_integration_and_update_answers_parse() {
    for body in [ONE, UPDATED] {
        let record = one(&Response::new(200, body)).unwrap();
        assert_eq!(summary(&record).name, "Grafana :blush:");
        assert_eq!(summary(&record).kind, "Grafana (legacy alerting)");
    }
}

#[test]
fn next_links_are_followed_as_cursors_and_counts_become_totals() {
    let body = json!({"count": 230, "next": "https://oncall.test/oncall/api/v1/integrations/?page=2&perpage=100", "previous": null,
        "results": [{"id": "A"}, {"no": "id"}], "current_page_number": 1, "page_size": 100, "total_pages": 3});
    let page = list(&Response::new(200, body.to_string()), None).unwrap();
    assert_eq!(
        page.next,
        Some(Cursor::Link(
            "https://oncall.test/oncall/api/v1/integrations/?page=2&perpage=100".into()
        ))
    );
    assert_eq!(
        (page.total, page.records.len(), page.skipped),
        (Some(230), 1, 1)
    );
}

#[test]
fn rows_show_team_and_chain_names_and_mask_the_ingest_link_and_email() {
    let mut record = one(&Response::new(200, ONE)).unwrap();
    record.raw["team_id"] = json!("TEAM1");
    record.raw["inbound_email"] = json!("abc123@inbound.oncall.test");
    record.raw["maintenance_mode"] = json!("debug");
    record.raw["maintenance_end_at"] = json!("2026-11-23T18:00:00Z");
    let lookups = Lookups::from([
        (
            "/team_id".to_string(),
            vec![Choice::new("TEAM1", "Platform")],
        ),
        (
            "/default_route/escalation_chain_id".to_string(),
            vec![Choice::new("F5JU6KJET33FE", "Primary on-call")],
        ),
    ]);
    assert_eq!(
        list_cells(&record, &lookups),
        [
            Cell::Text("Grafana (legacy alerting)".into()),
            Cell::Text("Platform".into()),
            Cell::Empty,
            Cell::Text("Primary on-call".into()),
            Cell::Text("debug until 2026-11-23T18:00:00Z".into()),
            Cell::Secret("{{API_URL}}/integrations/v1/grafana/mReAoNwDm0eMwKo1mTeTwYo/".into()),
            Cell::Secret("abc123@inbound.oncall.test".into()),
        ]
    );
    assert_eq!(
        list_cells(&record, &Lookups::new())[1],
        Cell::Text("TEAM1".into()),
        "an unknown id shows as itself"
    );
    let details = detail_fields(&record, &lookups);
    assert!(details.contains(&("Slack channel".to_string(), Cell::Text("CH23212D".into()))));
}

#[test]
fn the_edit_draft_holds_every_template_with_defaults_as_empty_text() {
    let record = one(&Response::new(200, ONE)).unwrap();
    let draft = draft_from(&record);
    assert_eq!(draft["type"], "grafana");
    assert_eq!(draft["team_id"], "");
    assert_eq!(
        draft["default_route"]["escalation_chain_id"],
        "F5JU6KJET33FE"
    );
    assert_eq!(
        draft["default_route"]["slack"],
        json!({"channel_id": "CH23212D", "enabled": false})
    );
    assert_eq!(draft["templates"]["grouping_key"], "");
    assert_eq!(
        draft["templates"]["slack"],
        json!({"title": "", "message": "", "image_url": ""})
    );
    assert_eq!(draft["templates"]["sms"], json!({"title": ""}));
    assert_eq!(draft["templates"]["msteams"]["image_url"], "");
}

#[test]
fn unknown_types_are_read_only_and_direct_paging_cannot_be_deleted() {
    let of = |kind: &str| Record {
        id: "X".into(),
        raw: json!({"id": "X", "type": kind}),
    };
    assert_eq!(capabilities(&of("webhook")), Capabilities::full());
    let unknown = capabilities(&of("slack_channel"));
    assert!(!unknown.can_edit && !unknown.can_delete);
    assert!(unknown
        .read_only_reason
        .unwrap()
        .contains("“slack_channel”"));
    assert_eq!(summary(&of("slack_channel")).kind, "slack_channel");
    let paging = capabilities(&of("direct_paging"));
    assert!(paging.can_edit && !paging.can_delete);
}

#[test]
fn lookups_read_ids_and_names() {
    let body = json!({"count": 2, "next": null, "results": [{"id": "T1", "name": "Platform"}, {"id": "T2"}, {"name": "no id"}]});
    let page = lookup(&Response::new(200, body.to_string())).unwrap();
    assert_eq!(
        page.choices,
        [Choice::new("T1", "Platform"), Choice::new("T2", "T2")]
    );
}

#[test]
fn malformed_answers_are_errors_not_panics() {
    for body in ["", "{\"results\": 3}", "nope", "[]"] {
        assert!(list(&Response::new(200, body), None).is_err(), "{body}");
    }
    assert!(one(&Response::new(200, "{}")).is_err());
}

#[test]
fn every_view_masks_the_same_secret_fields() {
    let api = crate::domain::vendors::grafana_oncall::OnCallApi;
    for body in [ONE, UPDATED] {
        let record = one(&Response::new(200, body)).unwrap();
        crate::domain::api::assert_secrets_masked_alike(&api, &record);
    }
    for record in list(&Response::new(200, LIST), None).unwrap().records {
        crate::domain::api::assert_secrets_masked_alike(&api, &record);
    }
}

#[test]
fn hygiene_finds_maintenance_left_on_no_team_and_a_default_route_to_nowhere() {
    use crate::domain::hygiene::{DEFAULT_ROUTE_EMPTY, MAINTENANCE_ON, NO_TEAM};
    let found = |raw: serde_json::Value| {
        OnCallApi
            .hygiene(&Record {
                id: "x".into(),
                raw,
            })
            .into_iter()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found(
            json!({"maintenance_mode": "maintenance", "maintenance_end_at": "2026-12-01T00:00:00Z",
            "team_id": null, "default_route": {"escalation_chain_id": "C1"}})
        ),
        [
            (
                MAINTENANCE_ON,
                "maintenance until 2026-12-01T00:00:00Z".to_string()
            ),
            (NO_TEAM, "no team_id".to_string())
        ]
    );
    assert!(found(json!({"maintenance_mode": null, "team_id": "T1", "default_route": {"slack": {"channel_id": "CH1"}}})).is_empty());
    assert_eq!(
        found(json!({"team_id": "T1", "default_route": {"escalation_chain_id": null}})),
        [(
            DEFAULT_ROUTE_EMPTY,
            "no escalation chain or channel".to_string()
        )]
    );
}
