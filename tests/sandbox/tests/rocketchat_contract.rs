//! The simulated Rocket.Chat against Rocket.Chat's published integrations OpenAPI file: each
//! answer to the calls the console makes has a documented status and validates against the
//! documented schema. (The file is wrong about some requests, so requests are judged by the
//! server's rules instead: `tests/rocketchat.rs`.)

mod common;
mod contract;

use common::{call, start, Raw};
use contract::Contract;
use serde_json::{json, Value};

const SPEC: &str = include_str!("../../fixtures/rocketchat/integrations.openapi.yaml");
const HEADERS: [(&str, &str); 2] = [
    ("X-User-Id", "demo-user"),
    ("X-Auth-Token", "demo-rocketchat-token"),
];

async fn rc(port: u16, method: &str, route: &str, body: Option<Value>) -> Raw {
    call(
        port,
        method,
        &format!("/rocketchat/api/v1/{route}"),
        &HEADERS,
        body,
    )
    .await
}

/// Where the published file is wrong about answers, by its own examples and the server's
/// code: a script that compiled (or none) has a `null` `scriptError` and `scriptCompiled`;
/// `channel` holds strings (`#room`, `@user`), not objects; and `remove`'s schema types
/// `channel` as a boolean and `enabled`/`scriptEnabled` as strings, which its own outgoing
/// example (`channel: []`, `enabled: false`) contradicts.
fn wrong_in_the_file(problem: &str) -> bool {
    let null_script = problem.starts_with("null is not of type \"string\"")
        && (problem.contains("/scriptError") || problem.contains("/scriptCompiled"));
    let channel_strings =
        problem.contains("is not of type \"object\"") && problem.contains("/channel/");
    let removed = problem.ends_with("at /integration/channel")
        && problem.contains("is not of type \"boolean\"")
        || (problem.ends_with("at /integration/enabled")
            || problem.ends_with("at /integration/scriptEnabled"))
            && problem.contains("is not of type \"string\"");
    null_script || channel_strings || removed
}

fn judged(contract: &Contract, method: &str, route: &str, answer: &Raw) -> Value {
    let status = answer.status.expect("an answer");
    let body = answer.json();
    let path = format!("/api/v1/{}", route.split('?').next().unwrap_or(route));
    let problems: Vec<String> = contract
        .check_answer(method, &path, status, &body)
        .into_iter()
        .filter(|p| !wrong_in_the_file(p))
        .collect();
    assert!(
        problems.is_empty(),
        "{method} {path} → {status}:\n{}",
        problems.join("\n")
    );
    body
}

#[test]
fn only_the_files_known_mistakes_are_forgiven() {
    assert!(wrong_in_the_file(
        "null is not of type \"string\" at /integration/scriptError"
    ));
    assert!(wrong_in_the_file(
        "\"#general\" is not of type \"object\" at /integrations/2/channel/0"
    ));
    assert!(!wrong_in_the_file(
        "null is not of type \"string\" at /integration/name"
    ));
    assert!(!wrong_in_the_file("\"success\" is a required property at "));
}

#[tokio::test]
async fn every_answer_the_console_meets_is_documented() {
    let contract = Contract::from_yaml(SPEC);
    let port = start(false).await;
    let list = rc(port, "GET", "integrations.list?offset=0&count=100", None).await;
    judged(&contract, "GET", "integrations.list", &list);
    let outgoing = json!({"type": "webhook-outgoing", "name": "Out", "enabled": true, "username": "rocket.cat",
        "scriptEnabled": false, "event": "sendMessage", "channel": "#ops", "urls": ["https://hooks.example.com/x"]});
    let created = rc(port, "POST", "integrations.create", Some(outgoing.clone())).await;
    let id = judged(&contract, "POST", "integrations.create", &created)["integration"]["_id"]
        .as_str()
        .unwrap()
        .to_string();
    let read = rc(
        port,
        "GET",
        &format!("integrations.get?integrationId={id}"),
        None,
    )
    .await;
    judged(&contract, "GET", "integrations.get", &read);
    let mut whole = outgoing.clone();
    whole["integrationId"] = json!(id);
    let updated = rc(port, "PUT", "integrations.update", Some(whole)).await;
    judged(&contract, "PUT", "integrations.update", &updated);
    let history = rc(port, "GET", &format!("integrations.history?id={id}"), None).await;
    judged(&contract, "GET", "integrations.history", &history);
    let refused = rc(
        port,
        "POST",
        "integrations.create",
        Some(json!({"type": "webhook-incoming"})),
    )
    .await;
    judged(&contract, "POST", "integrations.create", &refused);
    let removed = rc(
        port,
        "POST",
        "integrations.remove",
        Some(json!({"type": "webhook-outgoing", "integrationId": id})),
    )
    .await;
    judged(&contract, "POST", "integrations.remove", &removed);
    let unauthorised = call(
        port,
        "GET",
        "/rocketchat/api/v1/integrations.list",
        &[],
        None,
    )
    .await;
    judged(&contract, "GET", "integrations.list", &unauthorised);
}
