//! The simulated ThousandEyes v7 Integrations API over real sockets: what it refuses (problem+
//! json naming each field), what it stores, the link between an operation and one connector,
//! the account group and the organisation's rate limit.

mod common;

use common::{call, start};
use serde_json::{json, Value};

const BEARER: (&str, &str) = ("Authorization", "Bearer demo-thousandeyes-bearer");
const CONNECTORS: &str = "/thousandeyes/v7/connectors/generic";
const OPERATIONS: &str = "/thousandeyes/v7/operations/webhooks";

/// The fields a problem+json refusal names, in order.
fn refused_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["field"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn required_fields_and_enums_are_refused_field_by_field() {
    let port = start(false).await;
    let answer = call(
        port,
        "POST",
        CONNECTORS,
        &[BEARER],
        Some(json!({"name": "", "target": "ftp://x", "authentication": {"type": "basic", "username": "u"}})),
    )
    .await;
    assert_eq!(answer.status, Some(400));
    assert!(answer
        .header("content-type")
        .unwrap()
        .contains("problem+json"));
    assert_eq!(
        refused_fields(&answer.json()),
        ["type", "name", "target", "authentication.password"]
    );
    let operation = call(
        port,
        "POST",
        OPERATIONS,
        &[BEARER],
        Some(json!({"name": "x", "category": "billing"})),
    )
    .await;
    assert_eq!(operation.status, Some(400));
    let fields = refused_fields(&operation.json());
    assert_eq!(
        fields,
        ["category", "status"],
        "status is required even on create"
    );
}

#[tokio::test]
async fn connectors_and_operations_are_created_replaced_and_deleted() {
    let port = start(false).await;
    let created = call(port, "POST", CONNECTORS, &[BEARER], Some(json!({"type": "generic", "name": "Ops", "target": "https://alerts.example.com", "headers": [{"name": "X", "value": "1"}]}))).await;
    assert_eq!(created.status, Some(201));
    let connector = created.json();
    let id = connector["id"].as_str().unwrap();
    assert!(connector["lastModifiedDate"].is_u64());
    let path = format!("{CONNECTORS}/{id}");
    let replaced = call(
        port,
        "PUT",
        &path,
        &[BEARER],
        Some(json!({"type": "generic", "name": "Ops 2", "target": "https://alerts.example.com"})),
    )
    .await;
    assert_eq!(replaced.status, Some(200));
    assert_eq!(replaced.json()["name"], "Ops 2");
    assert!(
        replaced.json().get("headers").is_none(),
        "a PUT replaces the whole connector"
    );
    assert_eq!(
        call(port, "DELETE", &path, &[BEARER], None).await.status,
        Some(204)
    );
    assert_eq!(
        call(port, "GET", &path, &[BEARER], None).await.status,
        Some(404)
    );

    let list = call(port, "GET", OPERATIONS, &[BEARER], None).await.json();
    assert_eq!(list["items"][0]["name"], "My operation");
    assert!(list["_links"]["self"]["href"].is_string());
}

#[tokio::test]
async fn an_operation_sends_through_one_connector_at_most() {
    let port = start(false).await;
    let links =
        "/thousandeyes/v7/operations/webhooks/a32cfbab-32f6-41d8-9027-7127cba965dd/connectors";
    let now = call(port, "GET", links, &[BEARER], None).await.json();
    assert_eq!(
        now["items"],
        json!(["cb1b8033-ea2d-4e9b-a920-fe87850693cf"])
    );
    let connectors = call(port, "GET", CONNECTORS, &[BEARER], None).await.json();
    let other = connectors["items"][1]["id"].as_str().unwrap().to_string();
    let two = call(
        port,
        "PUT",
        links,
        &[BEARER],
        Some(json!(["cb1b8033-ea2d-4e9b-a920-fe87850693cf", other])),
    )
    .await;
    assert_eq!(two.status, Some(400));
    let moved = call(port, "PUT", links, &[BEARER], Some(json!([other]))).await;
    assert_eq!(moved.status, Some(200));
    let seen_from_connector = call(
        port,
        "GET",
        &format!("{CONNECTORS}/{other}/operations"),
        &[BEARER],
        None,
    )
    .await
    .json();
    assert!(seen_from_connector["items"]
        .as_array()
        .unwrap()
        .contains(&json!("a32cfbab-32f6-41d8-9027-7127cba965dd")));
    let old = call(
        port,
        "GET",
        &format!("{CONNECTORS}/cb1b8033-ea2d-4e9b-a920-fe87850693cf/operations"),
        &[BEARER],
        None,
    )
    .await
    .json();
    assert_eq!(old["items"], json!([]));
    assert_eq!(
        call(port, "PUT", links, &[BEARER], Some(json!([])))
            .await
            .json()["items"],
        json!([])
    );
}

#[tokio::test]
async fn bearer_only_the_users_groups_and_the_organisations_rate_limit() {
    let port = start(false).await;
    let basic = (
        "Authorization",
        "Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy",
    );
    let refused = call(port, "GET", CONNECTORS, &[basic], None).await;
    assert_eq!(refused.status, Some(401));
    assert_eq!(refused.json()["error"], "invalid_token");
    let stranger = call(
        port,
        "GET",
        &format!("{CONNECTORS}?aid=4321"),
        &[BEARER],
        None,
    )
    .await;
    assert_eq!(stranger.status, Some(400));
    assert!(stranger.json()["detail"]
        .as_str()
        .unwrap()
        .contains("not a member"));
    let other_group = call(
        port,
        "GET",
        &format!("{CONNECTORS}?aid=5678"),
        &[BEARER],
        None,
    )
    .await;
    let names: Vec<String> = other_group.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.iter().all(|n| n.contains("aid 5678")), "{names:?}");
    let limit = other_group
        .header("x-organization-rate-limit-limit")
        .unwrap();
    assert_eq!(limit, "240");
    let reset: u64 = other_group
        .header("x-organization-rate-limit-reset")
        .unwrap()
        .parse()
        .unwrap();
    assert!(reset > 1_700_000_000, "epoch seconds");
}
