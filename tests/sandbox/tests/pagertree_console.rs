//! What the console builds for PagerTree, sent to the simulated server: creates of several
//! types with their options, then an edit and a delete of each, are all accepted.

mod common;

use common::{call, start};
use patchbay::domain::Vendor;
use serde_json::{json, Value};

const KEY: (&str, &str) = ("Authorization", "Bearer demo-pagertree-key");

async fn send(port: u16, request: patchbay::domain::Request) -> (u16, Value) {
    let method = format!("{:?}", request.method).to_uppercase();
    let path = format!("/pagertree/api/v4{}", request.path);
    let answer = call(port, &method, &path, &[KEY], request.body.clone()).await;
    let status = answer.status.unwrap_or(0);
    assert!(
        (200..300).contains(&status),
        "{method} {path} {:?}: {}",
        request.body,
        answer.body
    );
    let body = if answer.body.trim().is_empty() {
        Value::Null
    } else {
        answer.json()
    };
    (status, body)
}

#[tokio::test]
async fn creates_edits_and_deletes_of_each_kind_of_option_are_accepted() {
    let api = Vendor::PagerTree
        .api()
        .expect("the PagerTree vertical is built");
    let port = start(false).await;
    let base = |type_id: &str| {
        json!({"name": "Console", "urgency": "high", "enabled": true,
        "integration_type_id": type_id, "team_ids": ["01GDKK569YVD2EB6E9V80VXWY1"], "option_title_template_enabled": false})
    };
    let mut slack = base("01GDBF0SLACKV3CHANNEL00000");
    slack["option_incoming_webhook_url"] = json!("https://hooks.slack.com/services/T0/B0/x");
    slack["option_alert_open"] = json!(true);
    let mut email = base("01GDBF5EMAIL00000000000000");
    email["option_sanitize_level"] = json!("basic");
    email["option_dedup_threads"] = json!(false);
    let mut twilio = base("01GDBF7TWILIOLCR000000000V");
    for (key, value) in [
        ("account_sid", json!("AC1")),
        ("api_key", json!("SK1")),
        ("api_secret", json!("s")),
        ("api_region", json!("sydney.au1")),
        ("max_wait_time", json!(120)),
        ("record_email", json!("team,a@b.co")),
    ] {
        twilio[format!("option_{key}")] = value;
    }
    let mut logic = base("01GDBF6LOGICMONITOR0000000");
    for key in [
        "logic_monitor_account_name",
        "access_id",
        "access_key",
        "bearer_token",
    ] {
        logic[format!("option_{key}")] = json!("x");
    }
    logic["option_alert_acknowledged"] = json!(true);
    let mut teams = base("01GDBF2MSTEAMS00000000000V");
    teams["option_incoming_webhook_url"] = json!("https://x.webhook.office.com/a");
    teams["option_time_zone"] = json!("Europe/Paris");
    for draft in [
        slack,
        email,
        twilio,
        logic,
        teams,
        base("01GDBEYARHS4W4QM6X370Z5TMB"),
    ] {
        let (status, created) = send(
            port,
            api.create_request(&draft).expect("the console sends it"),
        )
        .await;
        assert_eq!(status, 201);
        for (key, value) in draft.as_object().unwrap() {
            if let Some(option) = key.strip_prefix("option_") {
                assert_eq!(
                    &created["options"][option], value,
                    "{option} is stored as sent"
                );
            }
        }
        let record = api
            .parse_one(&patchbay::domain::Response::new(200, created.to_string()))
            .unwrap();
        let mut edited = api.draft_from(&record);
        edited["name"] = json!("Edited");
        let (_, updated) = send(
            port,
            api.update_request(&record, &edited)
                .expect("the console sends it"),
        )
        .await;
        assert_eq!(updated["name"], "Edited");
        assert_eq!(
            updated["options"], created["options"],
            "an edit keeps every option"
        );
        send(port, api.delete_request(&record).unwrap()).await;
    }
}
