//! The sandbox's own behaviour, over real sockets: control API, request log, every fault kind,
//! CORS on and off, request ids.

mod common;

use std::time::{Duration, Instant};

use common::{call, start};
use serde_json::{json, Value};

async fn fault(port: u16, spec: Value) {
    let answer = call(port, "POST", "/_sandbox/faults", &[], Some(spec)).await;
    assert_eq!(answer.status, Some(201), "{}", answer.body);
}

#[tokio::test]
async fn echo_answers_with_the_request_it_saw_and_logs_it() {
    let port = start(false).await;
    let answer = call(
        port,
        "PATCH",
        "/echo/things/1?x=1",
        &[("Authorization", "Basic abc")],
        Some(json!({"a": 1})),
    )
    .await;
    assert_eq!(answer.status, Some(200));
    let seen = answer.json();
    assert_eq!(seen["method"], "PATCH");
    assert_eq!(seen["path"], "/echo/things/1");
    assert_eq!(seen["query"], "x=1");
    assert_eq!(seen["headers"]["authorization"], "Basic abc");
    assert_eq!(seen["body"], r#"{"a":1}"#);

    let log = call(port, "GET", "/_sandbox/requests", &[], None)
        .await
        .json();
    assert_eq!(
        log.as_array().unwrap().len(),
        1,
        "control calls are not logged"
    );
    assert_eq!(log[0]["method"], "PATCH");
    assert_eq!(log[0]["body"], r#"{"a":1}"#);
    let filtered = call(port, "GET", "/_sandbox/requests?path=/confluent", &[], None)
        .await
        .json();
    assert_eq!(filtered, json!([]));
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let port = start(false).await;
    let first = call(port, "GET", "/echo", &[], None)
        .await
        .header("x-request-id")
        .unwrap();
    let second = call(port, "GET", "/_sandbox/health", &[], None)
        .await
        .header("x-request-id")
        .unwrap();
    assert!(first.starts_with("sbx-"));
    assert_ne!(first, second);
}

#[tokio::test]
async fn a_status_fault_hits_only_matching_requests_and_only_n_times() {
    let port = start(false).await;
    fault(port, json!({
        "match": {"method": "GET", "path": "/echo/limited"},
        "times": 2,
        "fault": {"kind": "status", "status": 429, "body": {"error": "slow down"}, "headers": {"Retry-After": "3"}}
    }))
    .await;
    let other_path = call(port, "GET", "/echo/other", &[], None).await;
    assert_eq!(other_path.status, Some(200));
    let other_method = call(port, "POST", "/echo/limited", &[], None).await;
    assert_eq!(other_method.status, Some(200));
    for _ in 0..2 {
        let limited = call(port, "GET", "/echo/limited", &[], None).await;
        assert_eq!(limited.status, Some(429));
        assert_eq!(limited.header("retry-after").as_deref(), Some("3"));
        assert_eq!(limited.json(), json!({"error": "slow down"}));
        assert!(limited.header("x-request-id").is_some());
    }
    assert_eq!(
        call(port, "GET", "/echo/limited", &[], None).await.status,
        Some(200)
    );
    assert_eq!(
        call(port, "GET", "/_sandbox/faults", &[], None)
            .await
            .json(),
        json!([])
    );
}

#[tokio::test]
async fn faults_queue_in_order_and_can_be_cleared() {
    let port = start(false).await;
    fault(
        port,
        json!([
            {"fault": {"kind": "status", "status": 500}},
            {"fault": {"kind": "status", "status": 503}}
        ]),
    )
    .await;
    assert_eq!(
        call(port, "GET", "/echo", &[], None).await.status,
        Some(500)
    );
    assert_eq!(
        call(port, "GET", "/echo", &[], None).await.status,
        Some(503)
    );
    fault(port, json!({"fault": {"kind": "status", "status": 500}})).await;
    assert_eq!(
        call(port, "DELETE", "/_sandbox/faults", &[], None)
            .await
            .status,
        Some(204)
    );
    assert_eq!(
        call(port, "GET", "/echo", &[], None).await.status,
        Some(200)
    );
}

#[tokio::test]
async fn a_bad_fault_is_refused_with_the_reason() {
    let port = start(false).await;
    let answer = call(
        port,
        "POST",
        "/_sandbox/faults",
        &[],
        Some(json!({"fault": {"kind": "explode"}})),
    )
    .await;
    assert_eq!(answer.status, Some(422));
    assert!(answer.body.contains("explode"), "{}", answer.body);
    let zero = call(
        port,
        "POST",
        "/_sandbox/faults",
        &[],
        Some(json!({"times": 0, "fault": {"kind": "drop"}})),
    )
    .await;
    assert_eq!(zero.status, Some(422));
}

#[tokio::test]
async fn a_delay_fault_answers_late_but_answers() {
    let port = start(false).await;
    fault(port, json!({"fault": {"kind": "delay", "ms": 300}})).await;
    let started = Instant::now();
    let answer = call(port, "GET", "/echo", &[], None).await;
    assert_eq!(answer.status, Some(200));
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn a_headers_fault_lets_the_vendor_answer_with_the_headers_added() {
    let port = start(false).await;
    fault(
        port,
        json!({"fault": {"kind": "headers", "headers": {"X-RateLimit-Remaining": "2"}}}),
    )
    .await;
    let answer = call(port, "GET", "/echo/x", &[], None).await;
    assert_eq!(answer.status, Some(200));
    assert_eq!(
        answer.json()["path"],
        "/echo/x",
        "the vendor itself answered"
    );
    assert_eq!(answer.header("x-ratelimit-remaining").as_deref(), Some("2"));
    let next = call(port, "GET", "/echo/x", &[], None).await;
    assert_eq!(next.header("x-ratelimit-remaining"), None, "used once");
}

#[tokio::test]
async fn a_malformed_fault_sends_json_that_does_not_parse() {
    let port = start(false).await;
    fault(port, json!({"fault": {"kind": "malformed"}})).await;
    let answer = call(port, "GET", "/echo", &[], None).await;
    assert_eq!(answer.status, Some(200));
    assert!(serde_json::from_str::<Value>(&answer.body).is_err());
}

#[tokio::test]
async fn a_truncated_fault_sends_fewer_bytes_than_it_announced() {
    let port = start(false).await;
    fault(port, json!({"fault": {"kind": "truncated"}})).await;
    let answer = call(port, "GET", "/echo", &[], None).await;
    assert_eq!(answer.status, Some(200));
    let announced: usize = answer.header("content-length").unwrap().parse().unwrap();
    assert!(
        answer.body.len() < announced,
        "{} of {announced}",
        answer.body.len()
    );
}

#[tokio::test]
async fn a_drop_fault_closes_the_connection_without_an_answer() {
    let port = start(false).await;
    fault(port, json!({"fault": {"kind": "drop"}})).await;
    let answer = call(port, "GET", "/echo", &[], None).await;
    assert_eq!(answer.status, None);
    assert!(answer.head.is_empty());
    assert_eq!(
        call(port, "GET", "/echo", &[], None).await.status,
        Some(200),
        "the next request is served"
    );
}

#[tokio::test]
async fn reset_clears_log_and_faults() {
    let port = start(false).await;
    call(port, "GET", "/echo", &[], None).await;
    fault(port, json!({"fault": {"kind": "status", "status": 500}})).await;
    let reset = call(
        port,
        "POST",
        "/_sandbox/reset",
        &[],
        Some(json!({"seed": 3})),
    )
    .await;
    assert_eq!(reset.status, Some(204));
    assert_eq!(
        call(port, "GET", "/_sandbox/requests", &[], None)
            .await
            .json(),
        json!([])
    );
    assert_eq!(
        call(port, "GET", "/echo", &[], None).await.status,
        Some(200)
    );
}

#[tokio::test]
async fn what_is_not_simulated_says_so() {
    let port = start(false).await;
    let answer = call(
        port,
        "GET",
        "/thousandeyes/v7/connectors/panorama",
        &[],
        None,
    )
    .await;
    assert_eq!(answer.status, Some(501));
    assert_eq!(
        answer.json()["error"],
        "The sandbox simulates ThousandEyes' account groups, v6 integrations and alert rules, and v7 connectors and webhook operations only."
    );
}

#[tokio::test]
async fn without_cors_no_browser_may_read_the_answers() {
    let port = start(false).await;
    let preflight = call(
        port,
        "OPTIONS",
        "/echo",
        &[
            ("Origin", "http://app.test"),
            ("Access-Control-Request-Method", "GET"),
        ],
        None,
    )
    .await;
    assert_ne!(preflight.status, Some(204));
    assert_eq!(preflight.header("access-control-allow-origin"), None);
    let plain = call(port, "GET", "/echo", &[("Origin", "http://app.test")], None).await;
    assert_eq!(plain.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn with_cors_preflights_pass_and_vendor_headers_are_readable() {
    let port = start(true).await;
    let preflight = call(
        port,
        "OPTIONS",
        "/echo",
        &[
            ("Origin", "http://app.test"),
            ("Access-Control-Request-Method", "PATCH"),
            (
                "Access-Control-Request-Headers",
                "authorization,content-type",
            ),
        ],
        None,
    )
    .await;
    assert_eq!(preflight.status, Some(204));
    assert_eq!(
        preflight.header("access-control-allow-origin").as_deref(),
        Some("http://app.test")
    );
    assert_eq!(
        preflight.header("access-control-allow-headers").as_deref(),
        Some("authorization,content-type")
    );
    assert!(preflight
        .header("access-control-allow-methods")
        .unwrap()
        .contains("PATCH"));
    let log = call(port, "GET", "/_sandbox/requests", &[], None)
        .await
        .json();
    assert_eq!(log, json!([]), "preflights are not vendor requests");

    let plain = call(port, "GET", "/echo", &[("Origin", "http://app.test")], None).await;
    assert_eq!(
        plain.header("access-control-allow-origin").as_deref(),
        Some("http://app.test")
    );
    assert!(plain
        .header("access-control-expose-headers")
        .unwrap()
        .contains("X-Request-Id"));
}
