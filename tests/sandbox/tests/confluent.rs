//! The simulated Confluent Cloud notifications API, over real sockets: envelope and paging,
//! auth, create/read/update/delete/test, validation failures with pointers, quota, rate limit.

mod common;

use common::{call, start, Raw};
use serde_json::{json, Value};

const AUTH: (&str, &str) = ("Authorization", "Basic REVNT0tFWTpkZW1vLXNlY3JldA=="); // DEMOKEY:demo-secret
const ITEMS: &str = "/confluent/notifications/v1/integrations";

async fn confluent(port: u16, method: &str, path: &str, body: Option<Value>) -> Raw {
    call(port, method, path, &[AUTH], body).await
}

async fn reset(port: u16, body: Value) {
    common::reset_with(port, body).await;
}

fn path_of(link: &Value, port: u16) -> String {
    link.as_str()
        .unwrap()
        .replace(&format!("http://127.0.0.1:{port}"), "")
}

fn hook(kind: &str) -> Value {
    match kind {
        "Webhook" => json!({"kind": "Webhook", "url": "https://hooks.test/a"}),
        other => json!({"kind": other, "webhook_url": "https://hooks.test/b"}),
    }
}

#[tokio::test]
async fn without_the_demo_key_every_call_is_401_with_www_authenticate() {
    let port = start(false).await;
    for headers in [
        vec![],
        vec![("Authorization", "Basic REVNT0tFWTp3cm9uZw==")],
        vec![("Authorization", "Bearer x")],
    ] {
        let answer = call(port, "GET", ITEMS, &headers, None).await;
        assert_eq!(answer.status, Some(401));
        assert!(answer
            .header("www-authenticate")
            .unwrap()
            .contains("invalid_key"));
        assert_eq!(answer.json()["errors"][0]["code"], "user_unauthenticated");
        assert!(answer.header("x-request-id").is_some());
        // Like every other answer, a 401 carries the rate-limit headers.
        for name in [
            "x-ratelimit-limit",
            "x-ratelimit-remaining",
            "x-ratelimit-reset",
        ] {
            assert!(answer.header(name).is_some(), "{name}");
        }
    }
}

#[tokio::test]
async fn an_invalid_test_body_is_400_as_the_contract_says_not_422() {
    let port = start(false).await;
    let bad = json!({"display_name": "", "target": {"kind": "Webhook", "url": "not a url"}});
    let answer = confluent(port, "POST", &format!("{ITEMS}:test"), Some(bad)).await;
    assert_eq!(answer.status, Some(400));
    let errors = answer.json()["errors"].as_array().unwrap().clone();
    assert!(errors.iter().all(|e| e["status"] == "400"));
    assert!(errors
        .iter()
        .any(|e| e["source"]["pointer"] == "/display_name"));
    let good = json!({"display_name": "T", "target": hook("Webhook")});
    let sent = confluent(port, "POST", &format!("{ITEMS}:test"), Some(good)).await;
    assert_eq!(sent.status, Some(204));
}

#[tokio::test]
async fn the_list_envelope_holds_the_documented_examples_with_absolute_links() {
    let port = start(false).await;
    let answer = confluent(port, "GET", ITEMS, None).await;
    assert_eq!(answer.status, Some(200));
    let list = answer.json();
    assert_eq!(list["api_version"], "notifications/v1");
    assert_eq!(list["kind"], "IntegrationList");
    assert_eq!(list["metadata"]["total_size"], 5);
    assert_eq!(list["metadata"]["next"], Value::Null);
    assert_eq!(
        list["metadata"]["first"],
        format!("http://127.0.0.1:{port}{ITEMS}?page_size=100")
    );
    assert_eq!(list["data"][0]["id"], "dlz-f3a90de");
    assert_eq!(
        list["data"][0]["metadata"]["self"],
        format!("http://127.0.0.1:{port}{ITEMS}/dlz-f3a90de")
    );
    let kinds: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["target"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["Slack", "Webhook", "MsTeams", "RoleEmail", "UserEmail",]
    );
    for header in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-request-id",
    ] {
        assert!(answer.header(header).is_some(), "{header}");
    }
}

#[tokio::test]
async fn following_next_links_reaches_every_integration_once() {
    let port = start(false).await;
    reset(port, json!({"seed": 600})).await;
    let mut path = format!("{ITEMS}?page_size=250");
    let mut ids = Vec::new();
    let mut pages = 0;
    loop {
        let page = confluent(port, "GET", &path, None).await.json();
        pages += 1;
        assert_eq!(page["metadata"]["total_size"], 605);
        ids.extend(
            page["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_str().unwrap().to_string()),
        );
        if page["metadata"]["next"].is_null() {
            assert!(!page["metadata"]["prev"].is_null());
            break;
        }
        path = path_of(&page["metadata"]["next"], port);
    }
    assert_eq!(pages, 3);
    assert_eq!(ids.len(), 605);
    assert_eq!(ids.last().unwrap(), "i-g00600");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 605);
}

#[tokio::test]
async fn bad_page_parameters_are_400_failures_naming_the_parameter() {
    let port = start(false).await;
    let cases = [
        ("page_size=251", "page_size"),
        ("page_size=0", "page_size"),
        ("page_token=garbage", "page_token"),
        (
            &format!("page_token={}", "a".repeat(256)) as &str,
            "page_token",
        ),
    ];
    for (query, parameter) in cases {
        let answer = confluent(port, "GET", &format!("{ITEMS}?{query}"), None).await;
        assert_eq!(answer.status, Some(400), "{query}");
        assert_eq!(answer.json()["errors"][0]["source"]["parameter"], parameter);
    }
    assert_eq!(
        confluent(port, "GET", &format!("{ITEMS}?page_size=250"), None)
            .await
            .status,
        Some(200)
    );
    assert_eq!(
        confluent(port, "GET", &format!("{ITEMS}?page_size=1"), None)
            .await
            .status,
        Some(200)
    );
}

#[tokio::test]
async fn create_answers_201_with_location_and_the_integration_can_be_read() {
    let port = start(false).await;
    let body = json!({"display_name": "Ops", "description": "pager", "target": hook("Slack")});
    let answer = confluent(port, "POST", ITEMS, Some(body)).await;
    assert_eq!(answer.status, Some(201));
    let created = answer.json();
    let location = answer.header("location").unwrap();
    assert_eq!(created["metadata"]["self"], location.as_str());
    assert_eq!(created["display_name"], "Ops");
    assert_eq!(created["target"], hook("Slack"));
    assert!(created["metadata"]["created_at"]
        .as_str()
        .unwrap()
        .ends_with('Z'));
    let read = confluent(port, "GET", &path_of(&json!(location), port), None).await;
    assert_eq!(read.status, Some(200));
    assert_eq!(read.json()["id"], created["id"]);
}

#[tokio::test]
async fn each_violated_constraint_is_a_422_with_its_pointer() {
    let port = start(false).await;
    let body = json!({"display_name": "n".repeat(65), "description": "d".repeat(129), "target": {"kind": "Webhook", "url": "/relative"}});
    let answer = confluent(port, "POST", ITEMS, Some(body)).await;
    assert_eq!(answer.status, Some(422));
    let pointers: Vec<String> = answer.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"]["pointer"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(pointers, ["/display_name", "/description", "/target/url"]);
    let missing = confluent(port, "POST", ITEMS, Some(json!({}))).await.json();
    assert_eq!(missing["errors"].as_array().unwrap().len(), 2);
    let edge = json!({"display_name": "n".repeat(64), "description": "d".repeat(128), "target": hook("MsTeams")});
    assert_eq!(
        confluent(port, "POST", ITEMS, Some(edge)).await.status,
        Some(201)
    );
    assert_eq!(
        confluent(port, "POST", ITEMS, None).await.status,
        Some(400),
        "a body that is not JSON"
    );
}

#[tokio::test]
async fn email_targets_are_refused_for_every_write() {
    let port = start(false).await;
    let role = json!({"display_name": "Admins", "target": {"kind": "RoleEmail", "role_name": "OrganizationAdmin"}});
    let answer = confluent(port, "POST", ITEMS, Some(role)).await;
    assert_eq!(answer.status, Some(422));
    assert_eq!(
        answer.json()["errors"][0]["source"]["pointer"],
        "/target/kind"
    );
    let patch = confluent(
        port,
        "PATCH",
        &format!("{ITEMS}/i-12348"),
        Some(json!({"display_name": "x"})),
    )
    .await;
    assert_eq!(patch.status, Some(400));
    assert_eq!(
        confluent(port, "DELETE", &format!("{ITEMS}/i-12349"), None)
            .await
            .status,
        Some(400)
    );
    reset(
        port,
        json!({"seed": 0, "vendors": {"confluent": {"newer_kinds": true}}}),
    )
    .await;
    assert_eq!(
        confluent(port, "DELETE", &format!("{ITEMS}/i-12350"), None)
            .await
            .status,
        Some(400),
        "unknown kinds too"
    );
}

#[tokio::test]
async fn the_quota_answers_402_once_reached() {
    let port = start(false).await;
    reset(
        port,
        json!({"seed": 0, "vendors": {"confluent": {"quota": 6}}}),
    )
    .await;
    let body = json!({"display_name": "Ops", "target": hook("Webhook")});
    assert_eq!(
        confluent(port, "POST", ITEMS, Some(body.clone()))
            .await
            .status,
        Some(201)
    );
    let refused = confluent(port, "POST", ITEMS, Some(body)).await;
    assert_eq!(refused.status, Some(402));
    assert_eq!(refused.json()["errors"][0]["code"], "quota_exceeded");
}

#[tokio::test]
async fn a_patch_changes_only_what_it_sends() {
    let port = start(false).await;
    let path = format!("{ITEMS}/dlz-f3a90de");
    let before = confluent(port, "GET", &path, None).await.json();
    let answer = confluent(
        port,
        "PATCH",
        &path,
        Some(json!({"display_name": "Renamed"})),
    )
    .await;
    assert_eq!(answer.status, Some(200));
    let after = answer.json();
    assert_eq!(after["display_name"], "Renamed");
    assert_eq!(after["description"], before["description"]);
    assert_eq!(after["target"], before["target"]);
    assert_ne!(
        after["metadata"]["updated_at"],
        before["metadata"]["updated_at"]
    );
    let bad = confluent(
        port,
        "PATCH",
        &path,
        Some(json!({"target": {"kind": "Slack"}})),
    )
    .await;
    assert_eq!(bad.status, Some(422));
    assert_eq!(
        bad.json()["errors"][0]["source"]["pointer"],
        "/target/webhook_url"
    );
}

#[tokio::test]
async fn delete_answers_204_then_the_integration_is_gone() {
    let port = start(false).await;
    let path = format!("{ITEMS}/i-12346");
    let answer = confluent(port, "DELETE", &path, None).await;
    assert_eq!(answer.status, Some(204));
    assert_eq!(answer.body, "");
    let gone = confluent(port, "GET", &path, None).await;
    assert_eq!(gone.status, Some(404));
    assert_eq!(
        confluent(port, "DELETE", &path, None).await.status,
        Some(404)
    );
}

#[tokio::test]
async fn a_test_notification_saves_nothing_and_reports_delivery_problems() {
    let port = start(false).await;
    let ok = confluent(
        port,
        "POST",
        &format!("{ITEMS}:test"),
        Some(json!({"display_name": "T", "target": hook("Slack")})),
    )
    .await;
    assert_eq!(ok.status, Some(204));
    assert_eq!(
        confluent(port, "GET", ITEMS, None).await.json()["metadata"]["total_size"],
        5
    );
    let invalid = confluent(
        port,
        "POST",
        &format!("{ITEMS}:test"),
        Some(json!({"target": hook("Slack")})),
    )
    .await;
    assert_eq!(invalid.status, Some(400), "the contract gives :test no 422");
    let unreachable = json!({"display_name": "T", "target": {"kind": "Webhook", "url": "https://nowhere.invalid/hook"}});
    let failed = confluent(port, "POST", &format!("{ITEMS}:test"), Some(unreachable)).await;
    assert_eq!(failed.status, Some(400));
    assert!(failed.json()["errors"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("nowhere.invalid"));
}

#[tokio::test]
async fn past_the_rate_limit_the_answer_is_429_with_retry_after() {
    let port = start(false).await;
    reset(
        port,
        json!({"vendors": {"confluent": {"rate_limit": {"limit": 2, "window_s": 60}}}}),
    )
    .await;
    let first = confluent(port, "GET", ITEMS, None).await;
    assert_eq!(first.header("x-ratelimit-remaining").as_deref(), Some("1"));
    assert_eq!(first.header("x-ratelimit-limit").as_deref(), Some("2"));
    confluent(port, "GET", ITEMS, None).await;
    let limited = confluent(port, "GET", ITEMS, None).await;
    assert_eq!(limited.status, Some(429));
    let wait: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    assert_eq!(
        limited.header("x-ratelimit-remaining").as_deref(),
        Some("0")
    );
}
