//! The simulated ThousandEyes account groups, over real sockets: both versions' shapes, who
//! may read them, and an `aid` the user is not assigned to.

mod common;

use common::{call, start};
use serde_json::json;

/// `noreply@thousandeyes.com:g351mw5xqhvkmh1vq6zfm51c62wyzib2`, base64.
const BASIC: (&str, &str) = (
    "Authorization",
    "Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy",
);
const BEARER: (&str, &str) = ("Authorization", "Bearer demo-thousandeyes-bearer");

#[tokio::test]
async fn v6_lists_groups_with_numeric_aids_for_basic_and_bearer_credentials() {
    let port = start(false).await;
    for auth in [BASIC, BEARER] {
        for path in [
            "/thousandeyes/v6/account-groups.json",
            "/thousandeyes/v6/account-groups",
        ] {
            let answer = call(port, "GET", path, &[auth], None).await;
            assert_eq!(answer.status, Some(200), "{path}");
            let first = &answer.json()["accountGroups"][0];
            assert_eq!(first["aid"], json!(1234));
            assert_eq!(first["default"], json!(1));
        }
    }
}

#[tokio::test]
async fn v7_lists_groups_with_string_aids_for_bearer_tokens_only() {
    let port = start(false).await;
    let answer = call(
        port,
        "GET",
        "/thousandeyes/v7/account-groups",
        &[BEARER],
        None,
    )
    .await;
    assert_eq!(answer.status, Some(200));
    let first = &answer.json()["accountGroups"][0];
    assert_eq!(first["aid"], json!("1234"));
    assert_eq!(first["isDefaultAccountGroup"], json!(true));
    let basic = call(
        port,
        "GET",
        "/thousandeyes/v7/account-groups",
        &[BASIC],
        None,
    )
    .await;
    assert_eq!(basic.status, Some(401));
    assert_eq!(basic.json()["error"], json!("invalid_token"));
}

#[tokio::test]
async fn wrong_credentials_are_401_in_the_v6_error_shape() {
    let port = start(false).await;
    let wrong = (
        "Authorization",
        "Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOndyb25n",
    );
    let answer = call(
        port,
        "GET",
        "/thousandeyes/v6/account-groups.json",
        &[wrong],
        None,
    )
    .await;
    assert_eq!(answer.status, Some(401));
    assert_eq!(answer.json()["httpStatus"], json!(401));
    assert_eq!(answer.json()["errors"][0], json!("Invalid credentials"));
}

#[tokio::test]
async fn an_aid_the_user_is_not_assigned_to_is_400() {
    let port = start(false).await;
    let mine = call(
        port,
        "GET",
        "/thousandeyes/v6/account-groups.json?aid=5678",
        &[BASIC],
        None,
    )
    .await;
    assert_eq!(mine.status, Some(200));
    let other = call(
        port,
        "GET",
        "/thousandeyes/v6/account-groups.json?aid=4444",
        &[BASIC],
        None,
    )
    .await;
    assert_eq!(other.status, Some(400));
    let v7 = call(
        port,
        "GET",
        "/thousandeyes/v7/account-groups?aid=4444",
        &[BEARER],
        None,
    )
    .await;
    assert_eq!(v7.status, Some(400));
    assert_eq!(
        v7.header("content-type").as_deref(),
        Some("application/problem+json")
    );
}

#[tokio::test]
async fn v6_integrations_are_per_account_group_with_the_organisations_rate_limit() {
    let port = start(false).await;
    common::reset_with(port, json!({"seed": 0, "vendors": {"thousandeyes": {"generated": 6, "rate_limit": {"limit": 3, "window_s": 60}}}})).await;
    let basic = BASIC;
    let default = call(
        port,
        "GET",
        "/thousandeyes/v6/integrations.json",
        &[basic],
        None,
    )
    .await;
    assert_eq!(default.status, Some(200));
    let body = default.json();
    assert_eq!(
        body["integrations"]["thirdParty"][0]["integrationName"],
        "Jira Thousandeyes"
    );
    assert_eq!(
        body["integrations"]["thirdParty"].as_array().unwrap().len(),
        2 + 4
    );
    assert_eq!(
        default
            .header("x-organization-rate-limit-remaining")
            .as_deref(),
        Some("2")
    );
    let reset: u64 = default
        .header("x-organization-rate-limit-reset")
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        reset > 1_700_000_000 && reset < 10_000_000_000,
        "epoch seconds: {reset}"
    );
    let lab = call(
        port,
        "GET",
        "/thousandeyes/v6/integrations?aid=9012",
        &[basic],
        None,
    )
    .await
    .json();
    assert_eq!(lab["integrations"]["webhook"].as_array().unwrap().len(), 2);
    let stranger = call(
        port,
        "GET",
        "/thousandeyes/v6/integrations.json?aid=1",
        &[basic],
        None,
    )
    .await;
    assert_eq!(stranger.status, Some(400));
    assert_eq!(
        stranger.json()["errors"][0],
        "The user is not assigned to the requested account group."
    );
    let limited = call(
        port,
        "GET",
        "/thousandeyes/v6/integrations.json",
        &[basic],
        None,
    )
    .await;
    assert_eq!(limited.status, Some(429));
    assert_eq!(
        limited
            .header("x-organization-rate-limit-remaining")
            .as_deref(),
        Some("0")
    );
}
