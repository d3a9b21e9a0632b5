//! Builders: paths, pages, filters, exact bodies, and the full object on update.

use super::*;
use crate::domain::api::refused_fields;
use crate::domain::listing::read_list;
use crate::domain::request::{Method, Response};
use crate::domain::vendors::rocketchat::parse::{draft_from, PAGING, RECORDS};

const LIST: &str = include_str!("../../../../tests/fixtures/rocketchat/list_page.json");
const INCOMING_RECORD: &str = include_str!("../../../../tests/fixtures/rocketchat/incoming.json");

fn records() -> Vec<Record> {
    read_list(&Response::new(200, LIST), &RECORDS, &PAGING, None, &|_| {
        unreachable!("a 200")
    })
    .unwrap()
    .records
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn lists_ask_by_offset_and_count_with_the_servers_filters() {
    let query = ListQuery {
        filters: vec![
            ("type".into(), OUTGOING.into()),
            ("name".into(), "gug".into()),
        ],
        ..Default::default()
    };
    let request = list(&query, Some(&Cursor::Offset(100))).unwrap();
    assert_eq!(request.path, "/api/v1/integrations.list");
    assert_eq!(
        request.query,
        pairs(&[
            ("offset", "100"),
            ("count", "100"),
            ("type", OUTGOING),
            ("name", "gug")
        ])
    );
    for (size, ok) in [(1, true), (100, true), (0, false), (101, false)] {
        let query = ListQuery {
            page_size: Some(size),
            ..Default::default()
        };
        assert_eq!(list(&query, None).is_ok(), ok, "{size}");
    }
    assert_eq!(get("a b").query, pairs(&[("integrationId", "a b")]));
}

#[test]
fn an_incoming_create_sends_only_the_keys_its_schema_allows() {
    let draft = json!({"type": INCOMING, "name": "In", "enabled": true, "username": "rocket.cat", "scriptEnabled": false, "channel": "#general,@alice", "alias": "", "emoji": ":ghost:"});
    let request = create(&draft).unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "/api/v1/integrations.create")
    );
    assert_eq!(
        request.body.unwrap(),
        json!({"type": INCOMING, "name": "In", "enabled": true, "username": "rocket.cat", "scriptEnabled": false, "channel": "#general,@alice", "emoji": ":ghost:"})
    );
}

#[test]
fn an_outgoing_create_sends_trigger_words_as_an_array_and_an_empty_channel_where_unused() {
    let draft = json!({"type": OUTGOING, "name": "Out", "enabled": true, "username": "rocket.cat", "scriptEnabled": false,
        "event": "sendMessage", "channel": "#ops", "urls": ["https://a.example.com/x", ""], "triggerWords": ["!deploy", ""],
        "retryDelay": "powers-of-ten"});
    let body = create(&draft).unwrap().body.unwrap();
    assert_eq!(body["triggerWords"], json!(["!deploy"]));
    assert_eq!(body["urls"], json!(["https://a.example.com/x"]));
    assert_eq!(body["channel"], "#ops");
    let created = json!({"type": OUTGOING, "name": "Out", "enabled": true, "username": "rocket.cat", "scriptEnabled": false,
        "event": "roomCreated", "channel": "#ops", "urls": ["https://a.example.com/x"], "triggerWords": ["!deploy"]});
    let body = create(&created).unwrap().body.unwrap();
    assert_eq!(
        body["channel"], "",
        "roomCreated uses no channel: the key goes empty"
    );
    assert!(
        body.get("triggerWords").is_none(),
        "trigger words belong to sendMessage"
    );
    assert!(body.get("skipTranspile").is_none());
    assert!(!refused_fields(create(&json!({"type": OUTGOING}))).is_empty());
}

#[test]
fn an_update_puts_the_whole_integration_so_nothing_unedited_is_lost() {
    let guggy = records().remove(0);
    let mut draft = draft_from(&guggy);
    // The document's record predates events and names no channel; the server now wants both.
    draft["event"] = json!("sendMessage");
    draft["channel"] = json!("#general");
    draft["name"] = json!("Guggy 2");
    let request = update(&guggy, &draft).unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Put, "/api/v1/integrations.update")
    );
    let body = request.body.unwrap();
    assert_eq!(body["integrationId"], "WMQDChpnYTRmFre9h");
    assert_eq!(body["type"], OUTGOING);
    assert_eq!(body["name"], "Guggy 2");
    assert_eq!(body["triggerWords"], json!(["!guggy", "guggy", "gif+"]));
    assert_eq!(body["alias"], "Guggy");
    assert_eq!(body["token"], "aobEdbYhXfu5hkeqG");
    assert_eq!(body["script"], guggy.raw["script"]);
    for read_only in [
        "_id",
        "_createdAt",
        "userId",
        "scriptCompiled",
        "scriptError",
    ] {
        assert!(body.get(read_only).is_none(), "{read_only}");
    }
    let incoming = Record {
        id: "n3XLB9ZaGuNNhb4Ex".into(),
        raw: serde_json::from_str(INCOMING_RECORD).unwrap(),
    };
    let body = update(&incoming, &draft_from(&incoming))
        .unwrap()
        .body
        .unwrap();
    assert_eq!(body["channel"], "#general,@alice");
    assert!(
        body.get("token").is_none(),
        "an incoming token is the server's"
    );
}

#[test]
fn remove_posts_the_type_and_id() {
    let guggy = records().remove(0);
    let request = delete(&guggy).unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "/api/v1/integrations.remove")
    );
    assert_eq!(
        request.body.unwrap(),
        json!({"type": OUTGOING, "integrationId": "WMQDChpnYTRmFre9h"})
    );
}

#[test]
fn skip_transpile_travels_only_when_the_form_offered_it() {
    let draft = json!({"type": INCOMING, "name": "In", "enabled": true, "username": "rocket.cat", "scriptEnabled": true, "channel": "#general"});
    assert!(create(&draft)
        .unwrap()
        .body
        .unwrap()
        .get("skipTranspile")
        .is_none());
    let mut offered = draft.clone();
    offered["skipTranspile"] = json!(true);
    assert_eq!(
        create(&offered).unwrap().body.unwrap()["skipTranspile"],
        true
    );
    let lookups = lookups();
    assert_eq!(
        (lookups[0].pointer.as_str(), lookups[0].first.path.as_str()),
        ("@server_version", "/api/info")
    );
}
