use serde_json::json;

use super::*;
use crate::domain::columns::{detail_rows, list_cells, list_labels, secret_pointers};
use crate::domain::field::Choice;
use crate::domain::listing::read_list;
use crate::domain::request::Response;

const LIST: &str = include_str!("../../../../tests/fixtures/pagertree/list_page.json");

fn listed() -> Vec<Record> {
    read_list(&Response::new(200, LIST), &RECORDS, &PAGING, None, &|_| {
        unreachable!("a 200")
    })
    .unwrap()
    .records
}

fn lookups() -> Lookups {
    Lookups::from([
        (
            TEAMS.to_string(),
            vec![Choice::new("01GDKK569YVD2EB6E9V80VXWY1", "Web team")],
        ),
        (
            ROUTERS.to_string(),
            vec![Choice::new("01GDKK3ROUTER0000000000001", "Business hours")],
        ),
        (
            ACCOUNT_USERS.to_string(),
            vec![Choice::new("01GDKK2ACCOUNTUSER000000001", "Ann Lee")],
        ),
    ])
}

#[test]
fn the_envelope_gives_records_total_and_the_next_offset() {
    let page = read_list(&Response::new(200, LIST), &RECORDS, &PAGING, None, &|_| {
        unreachable!("a 200")
    })
    .unwrap();
    assert_eq!(page.records.len(), 2);
    assert_eq!(page.records[0].id, "01GDKM2Q8Y3D7Z0R5VQ1T6XW9A");
    assert_eq!(page.total, Some(230));
    assert!(page.next.is_some(), "has_more: true");
    let last = json!({"data": [], "has_more": false, "total_count": 230}).to_string();
    let end = read_list(&Response::new(200, last), &RECORDS, &PAGING, None, &|_| {
        unreachable!("a 200")
    })
    .unwrap();
    assert_eq!(end.next, None);
}

#[test]
fn rows_show_type_urgency_state_and_destinations_by_name() {
    let records = listed();
    assert_eq!(
        list_labels(&COLUMNS),
        ["Type", "Urgency", "Enabled", "Destinations", "Updated"]
    );
    let cells = list_cells(&COLUMNS, &records[1], &lookups());
    assert_eq!(cells[0], Cell::Text("Slack".into()));
    assert_eq!(cells[1], Cell::Text("critical".into()));
    assert_eq!(cells[2], Cell::Text("Disabled".into()));
    assert_eq!(
        cells[3],
        Cell::Text("Router Business hours · User Ann Lee".into())
    );
    assert_eq!(cells[4], Cell::Time("2026-11-22T08:30:45.000Z".into()));
    let first = list_cells(&COLUMNS, &records[0], &Lookups::new());
    assert_eq!(
        first[3],
        Cell::Text("Team 01GDKK569YVD2EB6E9V80VXWY1".into()),
        "an id whose name has not landed shows as itself"
    );
    assert_eq!(summary(&records[0]).kind, "Uptime Robot");
    assert_eq!(summary(&records[1]).name, "Ops channel");
}

#[test]
fn option_credentials_are_masked_everywhere() {
    let slack = &listed()[1];
    let rows = option_rows(slack);
    let webhook = rows
        .iter()
        .find(|(label, _)| label == "Incoming webhook URL")
        .unwrap();
    assert!(matches!(webhook.1, Cell::Secret(_)));
    assert!(rows.contains(&("Alert open".into(), Cell::Text("on".into()))));
    assert!(rows.contains(&("Description template".into(), Cell::Empty)));
    for (_, cell) in detail_rows(&COLUMNS, slack, &lookups()) {
        if let Cell::Text(text) = cell {
            assert!(!text.contains("hooks.slack.com"), "{text}");
        }
    }
    assert!(secret_pointers(&COLUMNS).contains(&"/options/incoming_webhook_url"));
}

#[test]
fn the_masked_pointers_are_exactly_the_option_credentials() {
    let mut from_options: Vec<String> = secret_keys()
        .into_iter()
        .map(|k| format!("/options/{k}"))
        .collect();
    from_options.sort();
    let mut listed: Vec<String> = OPTION_SECRETS.iter().map(|p| p.to_string()).collect();
    listed.sort();
    assert_eq!(listed, from_options);
}

#[test]
fn the_draft_sends_options_flat_and_keeps_destinations() {
    let draft = draft_from(&listed()[1]);
    assert_eq!(draft["name"], "Ops channel");
    assert_eq!(draft["urgency"], "critical");
    assert_eq!(draft["enabled"], false);
    assert_eq!(draft["integration_type_id"], "01GDBF0SLACKV3CHANNEL00000");
    assert_eq!(draft["router_ids"], json!(["01GDKK3ROUTER0000000000001"]));
    assert_eq!(draft["team_ids"], json!([]));
    assert_eq!(
        draft["option_incoming_webhook_url"],
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
    );
    assert_eq!(draft["option_alert_open"], true);
    assert_eq!(
        draft["option_description_template"], "",
        "null reads as empty"
    );
    assert!(draft.get("options").is_none());
    let bare = Record {
        id: "x".into(),
        raw: json!({"id": "x", "integration_type_id": "01TYPE"}),
    };
    assert_eq!(draft_from(&bare)["integration_type_id"], "01TYPE");
}

#[test]
fn every_view_masks_the_credentials_among_the_options() {
    for record in listed() {
        crate::domain::api::assert_secrets_masked_alike(&super::super::PagerTreeApi, &record);
    }
}

#[test]
fn a_record_with_only_a_type_id_shows_the_catalogues_name() {
    let record = Record {
        id: "i1".into(),
        raw: json!({"id": "i1", "integration_type_id": "ty-slack"}),
    };
    let catalogue = Lookups::from([(TYPE.to_string(), vec![Choice::new("ty-slack", "Slack")])]);
    let cells = list_cells(&COLUMNS, &record, &catalogue);
    assert_eq!(cells[0], Cell::Text("Slack".into()));
    assert_eq!(
        list_cells(&COLUMNS, &record, &Lookups::new())[0],
        Cell::Text("ty-slack".into())
    );
}
