use serde_json::json;

use super::*;
use crate::domain::columns::{detail_rows, list_cells, list_labels};
use crate::domain::field::Choice;
use crate::domain::listing::read_list;
use crate::domain::records::BASE_URL;

const LIST: &str = include_str!("../../../../tests/fixtures/rocketchat/list_page.json");
const INCOMING_RECORD: &str = include_str!("../../../../tests/fixtures/rocketchat/incoming.json");

fn incoming() -> Record {
    Record {
        id: "n3XLB9ZaGuNNhb4Ex".into(),
        raw: serde_json::from_str(INCOMING_RECORD).unwrap(),
    }
}

fn workspace() -> Lookups {
    Lookups::from([(
        BASE_URL.to_string(),
        vec![Choice::new(
            "https://chat.example.com/",
            "https://chat.example.com/",
        )],
    )])
}

#[test]
fn the_documents_list_reads_with_its_total() {
    let page = read_list(&Response::new(200, LIST), &RECORDS, &PAGING, None, &|_| {
        unreachable!("a 200")
    })
    .unwrap();
    assert_eq!(page.records.len(), 2);
    assert_eq!(page.total, Some(2));
    assert_eq!(page.next, None);
    assert_eq!(summary(&page.records[0]).kind, "Outgoing webhook");
}

#[test]
fn rows_show_type_channels_event_urls_and_script() {
    let labels = list_labels(&COLUMNS);
    let cells = list_cells(&COLUMNS, &incoming(), &workspace());
    let at = |label: &str| cells[labels.iter().position(|l| *l == label).unwrap()].clone();
    assert_eq!(at("Type"), Cell::Text("Incoming webhook".into()));
    assert_eq!(at("Channels"), Cell::Text("#general, @alice".into()));
    assert_eq!(at("Script"), Cell::Text("Off".into()));
    assert_eq!(at("Event"), Cell::Empty);
    let broken = Record {
        id: "b".into(),
        raw: json!({"_id": "b", "type": "webhook-outgoing", "scriptEnabled": true, "scriptError": {"name": "SyntaxError", "message": "Unexpected token (1:4)"}, "event": "roomJoined"}),
    };
    let cells = list_cells(&COLUMNS, &broken, &workspace());
    assert!(cells.contains(&Cell::Text(
        "Does not compile: Unexpected token (1:4)".into()
    )));
    assert!(cells.contains(&Cell::Text("User joined room".into())));
}

#[test]
fn an_incoming_webhooks_url_is_built_from_the_workspace_and_masked() {
    let rows = detail_rows(&COLUMNS, &incoming(), &workspace());
    let url = rows
        .iter()
        .find(|(label, _)| label == "Webhook URL")
        .unwrap();
    assert_eq!(
        url.1,
        Cell::Secret("https://chat.example.com/hooks/n3XLB9ZaGuNNhb4Ex/Xb7kq2PZr9W4mNcT5vYh3LdF8sJg6QaE1uBo0RiKtCnVwMyz".into())
    );
    let shown: String = rows
        .iter()
        .filter_map(|(_, c)| match c {
            Cell::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert!(
        !shown.contains("Xb7kq2PZ"),
        "the token shows nowhere in clear"
    );
}

#[test]
fn one_integration_comes_wrapped_and_the_draft_joins_channels() {
    let body = format!(r#"{{"integration": {INCOMING_RECORD}, "success": true}}"#);
    let record = one(&Response::new(200, &body)).unwrap();
    assert_eq!(record.id, "n3XLB9ZaGuNNhb4Ex");
    let draft = draft_from(&record);
    assert_eq!(draft["channel"], "#general,@alice");
    assert!(draft.get("_id").is_none() && draft.get("userId").is_none());
    assert!(one(&Response::new(200, r#"{"success": true}"#)).is_err());
}

#[test]
fn loaded_rows_are_filtered_as_the_server_filters() {
    let record = incoming();
    let keep = |filters: &[(&str, &str)]| {
        let filters: Vec<(String, String)> = filters
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        keeps(&record, &filters)
    };
    assert!(keep(&[("type", "webhook-incoming"), ("name", "gitlab")]));
    assert!(!keep(&[("type", "webhook-outgoing")]));
    assert!(!keep(&[("name", "jira")]));
}

#[test]
fn the_server_version_is_read_from_api_info() {
    let page =
        server_version(&Response::new(200, r#"{"version":"8.4.1","success":true}"#)).unwrap();
    assert_eq!(page.choices, [Choice::new("8.4.1", "8.4.1")]);
    let admin = server_version(&Response::new(
        200,
        r#"{"info":{"version":"8.7.2","build":{}},"success":true}"#,
    ))
    .unwrap();
    assert_eq!(admin.choices, [Choice::new("8.7.2", "8.7.2")]);
    let hidden = server_version(&Response::new(200, r#"{"success":true}"#)).unwrap();
    assert!(
        hidden.choices.is_empty(),
        "an unknown version offers nothing version-gated"
    );
}

#[test]
fn hygiene_finds_an_outgoing_webhook_on_every_message_and_a_script_that_does_not_compile() {
    use crate::domain::hygiene::{NO_TRIGGER_WORDS, SCRIPT_ERROR};
    let record = |raw: serde_json::Value| Record {
        id: "x".into(),
        raw,
    };
    let ids = |raw| {
        hygiene(&record(raw))
            .into_iter()
            .map(|(id, _)| id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(json!({"type": "webhook-outgoing", "event": "sendMessage", "triggerWords": ["", " "]})),
        [NO_TRIGGER_WORDS]
    );
    assert_eq!(
        ids(json!({"type": "webhook-outgoing", "triggerWords": []})),
        [NO_TRIGGER_WORDS],
        "sendMessage is the default event"
    );
    assert!(ids(
        json!({"type": "webhook-outgoing", "event": "sendMessage", "triggerWords": ["!deploy"]})
    )
    .is_empty());
    assert!(ids(json!({"type": "webhook-outgoing", "event": "roomJoined"})).is_empty());
    assert!(ids(json!({"type": "webhook-incoming"})).is_empty());
    let broken = hygiene(&record(
        json!({"type": "webhook-incoming", "scriptEnabled": true, "scriptError": {"name": "SyntaxError", "message": "Unexpected token (1:4)"}}),
    ));
    assert_eq!(
        broken,
        [(SCRIPT_ERROR, "Unexpected token (1:4)".to_string())]
    );
}
