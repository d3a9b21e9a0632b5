//! The simulated Confluent against Confluent's published notifications/v1 contract: the
//! fixtures taken from its documents, and every answer the sandbox gives to the calls the
//! console makes (successes and each documented error), validate against the OpenAPI schemas.

mod common;
mod contract;

use common::{call, start, Raw};
use contract::Contract;
use serde_json::{json, Value};

const SPEC: &str = include_str!("../../fixtures/confluent/notifications-v1.openapi.yaml");
const LIST_SPEC: &str = include_str!("../../fixtures/confluent/list-operation.openapi.yaml");
const LIST: &str = include_str!("../../fixtures/confluent/list_page.json");
const ERRORS: &str = include_str!("../../fixtures/confluent/errors.json");
const NEWER: &str = include_str!("../../fixtures/confluent/newer_kinds.json");

const AUTH: (&str, &str) = ("Authorization", "Basic REVNT0tFWTpkZW1vLXNlY3JldA=="); // DEMOKEY:demo-secret
const ITEMS: &str = "/notifications/v1/integrations";
const ONE: &str = "/notifications/v1/integrations/{id}";
const TEST: &str = "/notifications/v1/integrations:test";

/// Every operation, from the integrations spec.
fn contract() -> Contract {
    Contract::from_yaml(SPEC)
}

/// The list operation, from the document the seed holds (it wins for lists).
fn list_contract() -> Contract {
    Contract::from_yaml(LIST_SPEC)
}

fn assert_valid(problems: Vec<String>, what: &str) {
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
}

async fn confluent(port: u16, method: &str, path: &str, body: Option<Value>) -> Raw {
    call(port, method, &format!("/confluent{path}"), &[AUTH], body).await
}

/// Checks one answer against the operation `template` documents, and returns its body.
fn judged(contract: &Contract, method: &str, template: &str, answer: &Raw) -> Value {
    let status = answer.status.expect("an answer");
    let body = if answer.body.trim().is_empty() {
        Value::Null
    } else {
        answer.json()
    };
    let what = format!("{method} {template} → {status}: {body}");
    assert_valid(
        contract.check_answer(method, template, status, &body),
        &what,
    );
    body
}

#[test]
fn the_documented_fixtures_validate_against_the_contract() {
    let contract = contract();
    let list: Value = serde_json::from_str(LIST).unwrap();
    assert_valid(
        list_contract().check_answer("GET", ITEMS, 200, &list),
        "list_page.json",
    );
    let errors: Value = serde_json::from_str(ERRORS).unwrap();
    for (status, body) in errors.as_object().unwrap() {
        assert_valid(
            contract.check_schema("Failure", body),
            &format!("errors.json {status}"),
        );
    }
}

#[test]
fn the_judge_refuses_what_the_contract_does_not_allow() {
    let contract = contract();
    // A kind newer than the contract, a `{id}` placeholder URL, and an undocumented status.
    let newer: Value = serde_json::from_str(NEWER).unwrap();
    assert!(!list_contract()
        .check_answer("GET", ITEMS, 200, &newer)
        .is_empty());
    let placeholder = json!({"display_name": "x", "target": {"kind": "Webhook", "url": "https://my.webhook.url/{id}"}});
    assert!(!contract
        .check_schema("createNotificationsV1Integration_request", &placeholder)
        .is_empty());
    assert!(!contract
        .check_answer("POST", TEST, 422, &json!({"errors": []}))
        .is_empty());
}

/// A sandbox and the two documents that judge it.
struct Judge {
    port: u16,
    every: Contract,
    lists: Contract,
}

impl Judge {
    /// Sends `method path` (with the demo credentials unless `anonymous`) and checks the answer
    /// against what `template` documents; list reads go to the list document.
    async fn ask(&self, method: &str, template: &str, path: &str, body: Option<Value>) -> Value {
        let answer = confluent(self.port, method, path, body).await;
        self.judge(method, template, &answer)
    }

    fn judge(&self, method: &str, template: &str, answer: &Raw) -> Value {
        let contract = if method == "GET" && template == ITEMS {
            &self.lists
        } else {
            &self.every
        };
        judged(contract, method, template, answer)
    }
}

#[tokio::test]
async fn every_answer_the_console_can_meet_validates_against_the_contract() {
    let port = start(false).await;
    let judge = Judge {
        port,
        every: contract(),
        lists: list_contract(),
    };
    common::reset_with(port, json!({"seed": 3})).await;

    // Reads: a page, the next page by its link, a bad page size, no credentials.
    let page = judge
        .ask("GET", ITEMS, &format!("{ITEMS}?page_size=3"), None)
        .await;
    let next = page["metadata"]["next"].as_str().expect("a next link");
    let next_path = next.replace(&format!("http://127.0.0.1:{port}/confluent"), "");
    judge.ask("GET", ITEMS, &next_path, None).await;
    judge
        .ask("GET", ITEMS, &format!("{ITEMS}?page_size=0"), None)
        .await;
    let anonymous = call(port, "GET", &format!("/confluent{ITEMS}"), &[], None).await;
    judge.judge("GET", ITEMS, &anonymous);

    // Writes: create, read, change, test, delete; and each refusal.
    let body = json!({"display_name": "Contract", "description": "d",
        "target": {"kind": "Slack", "webhook_url": "https://hooks.slack.com/services/T1/B1/abc"}});
    let invalid = json!({"display_name": "", "target": {"kind": "Webhook", "url": "not a url"}});
    let unreachable = json!({"display_name": "T", "target": {"kind": "Webhook", "url": "https://nowhere.invalid/x"}});
    let created = judge.ask("POST", ITEMS, ITEMS, Some(body.clone())).await;
    let item = format!("{ITEMS}/{}", created["id"].as_str().unwrap());
    let calls = [
        ("GET", ONE, item.as_str(), None),
        (
            "PATCH",
            ONE,
            item.as_str(),
            Some(json!({"description": "e"})),
        ),
        ("POST", ITEMS, ITEMS, Some(invalid.clone())),
        (
            "PATCH",
            ONE,
            item.as_str(),
            Some(json!({"display_name": ""})),
        ),
        ("POST", TEST, TEST, Some(body.clone())),
        ("POST", TEST, TEST, Some(invalid)),
        ("POST", TEST, TEST, Some(unreachable)),
        ("DELETE", ONE, item.as_str(), None),
        ("GET", ONE, item.as_str(), None),
        (
            "DELETE",
            ONE,
            "/notifications/v1/integrations/i-12348",
            None,
        ),
    ];
    for (method, template, path, sent) in calls {
        judge.ask(method, template, path, sent).await;
    }

    // The quota and the rate limit.
    let limited = json!({"seed": 0, "vendors": {"confluent": {"quota": 1, "rate_limit": {"limit": 3, "window_s": 30}}}});
    common::reset_with(port, limited).await;
    judge.ask("POST", ITEMS, ITEMS, Some(body)).await;
    let mut last = confluent(port, "GET", ITEMS, None).await;
    while last.status == Some(200) {
        last = confluent(port, "GET", ITEMS, None).await;
    }
    assert_eq!(last.status, Some(429));
    judge.judge("GET", ITEMS, &last);
}
