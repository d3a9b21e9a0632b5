//! What the console builds for Rocket.Chat, sent to the simulated server: every kind and every
//! event passes the server's schemas and checks, and an edit of each passes the update's.

mod common;

use common::{call, start};
use patchbay::domain::Vendor;
use serde_json::{json, Value};

const HEADERS: [(&str, &str); 2] = [
    ("X-User-Id", "demo-user"),
    ("X-Auth-Token", "demo-rocketchat-token"),
];

async fn send(port: u16, request: patchbay::domain::Request) -> Value {
    let mut path = format!("/rocketchat{}", request.path);
    if !request.query.is_empty() {
        let query: Vec<String> = request
            .query
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        path.push('?');
        path.push_str(&query.join("&"));
    }
    let method = format!("{:?}", request.method).to_uppercase();
    let answer = call(port, &method, &path, &HEADERS, request.body.clone()).await;
    assert_eq!(
        answer.status,
        Some(200),
        "{method} {path} {:?}: {}",
        request.body,
        answer.body
    );
    answer.json()
}

#[tokio::test]
async fn every_kind_and_event_the_console_sends_is_accepted_created_and_updated() {
    let api = Vendor::RocketChat
        .api()
        .expect("the Rocket.Chat vertical is built");
    let port = start(false).await;
    let incoming = json!({"type": "webhook-incoming", "name": "In", "enabled": true, "username": "rocket.cat",
        "scriptEnabled": false, "channel": "#general, @alice", "alias": "A", "emoji": ":ghost:", "avatar": "https://img.example.com/a.png"});
    let mut drafts = vec![incoming];
    for event in [
        "sendMessage",
        "messageEdited",
        "messageDeleted",
        "fileUploaded",
        "roomArchived",
        "roomCreated",
        "roomJoined",
        "roomLeft",
        "userCreated",
    ] {
        drafts.push(json!({"type": "webhook-outgoing", "name": event, "enabled": true, "username": "rocket.cat", "scriptEnabled": true,
            "script": "class Script {}", "event": event, "channel": "all_public_channels", "targetRoom": "#welcome",
            "urls": ["https://hooks.example.com/x", ""], "triggerWords": ["!go", ""], "triggerWordAnywhere": true, "runOnEdits": false,
            "impersonateUser": false, "retryFailedCalls": true, "retryCount": 3, "retryDelay": "powers-of-two", "token": "t0k"}));
    }
    for draft in drafts {
        let created = send(
            port,
            api.create_request(&draft).expect("the console sends it"),
        )
        .await;
        let id = created["integration"]["_id"].as_str().unwrap().to_string();
        let read = send(port, api.get_request(&id)).await;
        let record = api
            .parse_one(&patchbay::domain::Response::new(200, read.to_string()))
            .unwrap();
        let mut edited = api.draft_from(&record);
        edited["name"] = json!("edited");
        let updated = send(
            port,
            api.update_request(&record, &edited)
                .expect("the console sends it"),
        )
        .await;
        assert_eq!(updated["integration"]["name"], "edited");
        assert_eq!(
            updated["integration"]["_createdAt"],
            created["integration"]["_createdAt"]
        );
        send(port, api.delete_request(&record).unwrap()).await;
    }
}
