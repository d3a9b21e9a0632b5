//! What the console builds for ThousandEyes v7, sent to the simulated server: a connector of
//! every authentication type and a webhook operation are created, read, linked, replaced
//! from the console's own edit draft, and deleted, all accepted.

mod common;

use common::{call, start};
use patchbay::domain::registry::api_for;
use patchbay::domain::{Request, Vendor, VendorApi};
use serde_json::{json, Value};

const BEARER: (&str, &str) = ("Authorization", "Bearer demo-thousandeyes-bearer");

async fn send(port: u16, request: Request) -> Value {
    let method = format!("{:?}", request.method).to_uppercase();
    let mut path = format!("/thousandeyes{}", request.path);
    if !request.query.is_empty() {
        let pairs: Vec<String> = request
            .query
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        path = format!("{path}?{}", pairs.join("&"));
    }
    let answer = call(port, &method, &path, &[BEARER], request.body.clone()).await;
    let status = answer.status.unwrap_or(0);
    assert!(
        (200..300).contains(&status),
        "{method} {path} {:?}: {}",
        request.body,
        answer.body
    );
    if answer.body.trim().is_empty() {
        Value::Null
    } else {
        answer.json()
    }
}

fn v7() -> &'static dyn VendorApi {
    let settings = json!({"version": "v7"}).as_object().cloned().unwrap();
    api_for(Vendor::ThousandEyes, &settings).unwrap()
}

#[tokio::test]
async fn every_kind_the_console_builds_is_accepted_and_round_trips() {
    let api = v7();
    let port = start(false).await;
    let auths = [
        json!({"type": "none"}),
        json!({"type": "basic", "username": "u", "password": "p"}),
        json!({"type": "bearer-token", "token": "t"}),
        json!({"type": "other-token", "token": "t"}),
        json!({"type": "oauth-client-credentials", "oauthClientId": "c", "oauthTokenUrl": "https://o.example.com/token", "oauthClientSecret": "s", "scope": "read"}),
        json!({"type": "oauth-auth-code", "oauthClientId": "c", "oauthAuthUrl": "https://o.example.com/a", "oauthTokenUrl": "https://o.example.com/t", "oauthClientSecret": "s", "code": "x", "redirectUri": "https://app.example.com/cb"}),
    ];
    let mut last_connector = None;
    for auth in auths {
        let draft = json!({"kind": "connector", "name": "Console", "target": "https://alerts.example.com/te", "authentication": auth, "headers": {"X-Team": "ops"}});
        let created = send(port, api.create_request(&draft).unwrap()).await;
        let record = api
            .parse_one(&patchbay::domain::Response::new(201, created.to_string()))
            .unwrap();
        // Read back, edited from the console's own draft, replaced.
        let read = send(port, api.get_request(&record.id)).await;
        assert_eq!(read["headers"], json!([{"name": "X-Team", "value": "ops"}]));
        let mut edit = api.draft_from(&record);
        edit["name"] = json!("Console, renamed");
        let replaced = send(port, api.update_request(&record, &edit).unwrap()).await;
        assert_eq!(replaced["name"], "Console, renamed");
        assert_eq!(
            replaced.get("authentication"),
            created.get("authentication")
        );
        last_connector = Some(record);
    }
    let connector = last_connector.unwrap();

    let draft = json!({"kind": "operation", "name": "Alerts", "category": "traffic-monitoring", "enabled": false, "path": "/te", "payload": "{\"a\": \"{{alert.id}}\"}", "queryParams": "{\"q\": \"1\"}"});
    let created = send(port, api.create_request(&draft).unwrap()).await;
    assert_eq!(created["status"], "pending");
    let operation = api
        .parse_one(&patchbay::domain::Response::new(201, created.to_string()))
        .unwrap();
    let connector_id = connector.id.trim_start_matches("connector-");
    send(
        port,
        api.action_request("link", &operation, &json!({"connector": connector_id}))
            .unwrap(),
    )
    .await;
    let assigned = send(
        port,
        api.sub_list(&connector, &Default::default()).unwrap().first,
    )
    .await;
    assert_eq!(
        assigned["items"],
        json!([operation.id.trim_start_matches("operation-")])
    );
    let mut edit = api.draft_from(&operation);
    edit["enabled"] = json!(true);
    let replaced = send(port, api.update_request(&operation, &edit).unwrap()).await;
    assert_eq!(replaced["enabled"], true);
    assert_eq!(replaced["status"], "pending");
    send(port, api.delete_request(&operation).unwrap()).await;
    send(port, api.delete_request(&connector).unwrap()).await;

    // The listed kinds, as the console reads them.
    let first = send(port, api.list_request(&Default::default(), None).unwrap()).await;
    let page = api
        .parse_list(
            &patchbay::domain::Response::new(200, first.to_string()),
            None,
        )
        .unwrap();
    assert!(page.records.iter().all(|r| r.id.starts_with("connector-")));
    assert!(page.next.is_some());
}
