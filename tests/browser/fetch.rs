//! `Client::send` against the real sandbox: what the vendor receives, retries on 429 / 5xx /
//! lost connections, no retry of writes, timeouts, refusals. Each test uses its own path so
//! faults and logs never mix.

use std::cell::RefCell;
use std::rc::Rc;

use patchbay::domain::read_only::ReadOnly;
use patchbay::domain::{Credentials, ErrorKind, Request, Vendor};
use patchbay::http::retry::RetryPolicy;
use patchbay::http::{Client, Route, Target, WaitNotice, WaitReason};
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

use super::sandbox;

/// A Confluent-flavoured connection straight at the sandbox's echo endpoint.
pub(super) fn target() -> Target {
    Target {
        vendor: Vendor::Confluent,
        base_url: format!("{}/echo", sandbox::url()),
        route: Route::Direct,
        credentials: Credentials {
            settings: json!({"api_key": "KEY"}).as_object().unwrap().clone(),
            secrets: json!({"api_secret": "SECRET"}).as_object().unwrap().clone(),
        },
        read_only: ReadOnly::Off,
    }
}

/// A path of its own for one test run, so faults and logs never mix across tests or runs.
pub(super) fn unique(name: &str) -> String {
    format!(
        "/{name}-{}",
        js_sys::Math::random().to_bits() % 1_000_000_007
    )
}

/// Fast backoff, so retry tests take milliseconds.
fn quick_client() -> Client {
    Client {
        policy: RetryPolicy {
            backoff_base_ms: 20,
            backoff_max_ms: 40,
            ..RetryPolicy::default()
        },
        timeout_ms: 5_000,
    }
}

/// Sends and records every wait notice.
pub(super) async fn send(
    client: &Client,
    target: &Target,
    request: &Request,
) -> (
    Result<patchbay::domain::Response, patchbay::domain::ApiError>,
    Vec<WaitNotice>,
) {
    let notices = Rc::new(RefCell::new(Vec::new()));
    let seen = notices.clone();
    let result = client
        .send(target, request, &move |n| seen.borrow_mut().push(n))
        .await;
    let notices = notices.borrow().clone();
    (result, notices)
}

#[wasm_bindgen_test]
async fn the_vendor_receives_method_path_query_auth_and_json_body() {
    let request = Request::patch("/things/1")
        .query("page_size", "10")
        .json(json!({"display_name": "Ops"}));
    let (result, notices) = send(&Client::default(), &target(), &request).await;
    let response = result.expect("an answer");
    assert_eq!(response.status, 200);
    assert!(response
        .header("x-request-id")
        .is_some_and(|id| id.starts_with("sbx-")));
    let seen: Value = response.json().unwrap();
    assert_eq!(seen["method"], "PATCH");
    assert_eq!(seen["path"], "/echo/things/1");
    assert_eq!(seen["query"], "page_size=10");
    assert_eq!(seen["headers"]["authorization"], "Basic S0VZOlNFQ1JFVA==");
    assert_eq!(seen["headers"]["content-type"], "application/json");
    assert_eq!(seen["headers"]["accept"], "application/json");
    assert_eq!(
        serde_json::from_str::<Value>(seen["body"].as_str().unwrap()).unwrap(),
        json!({"display_name": "Ops"})
    );
    assert!(notices.is_empty());
}

#[wasm_bindgen_test]
async fn a_429_waits_the_vendors_retry_after_says_so_then_succeeds() {
    let rate_limited = unique("rate-limited");
    sandbox::fault(json!({
        "match": {"path": &format!("/echo{rate_limited}")},
        "fault": {"kind": "status", "status": 429, "headers": {"Retry-After": "1"}, "body": {"errors": [{"detail": "slow down"}]}}
    }))
    .await;
    let (result, notices) = send(
        &Client::default(),
        &target(),
        &Request::post(&rate_limited).json(json!({})),
    )
    .await;
    assert_eq!(
        result.unwrap().status,
        200,
        "a 429 means the vendor did nothing: even a POST is retried"
    );
    assert_eq!(
        notices,
        vec![WaitNotice {
            reason: WaitReason::RateLimited,
            seconds: 1,
            next_attempt: 2
        }]
    );
    assert_eq!(
        sandbox::requests(&format!("/echo{rate_limited}"))
            .await
            .len(),
        2
    );
}

#[wasm_bindgen_test]
async fn a_429_asking_for_more_than_the_cap_is_returned_not_waited() {
    let long_wait = unique("long-wait");
    sandbox::fault(json!({
        "match": {"path": &format!("/echo{long_wait}")},
        "fault": {"kind": "status", "status": 429, "headers": {"Retry-After": "600"}}
    }))
    .await;
    let (result, notices) = send(&Client::default(), &target(), &Request::get(&long_wait)).await;
    let response = result.unwrap();
    assert_eq!(response.status, 429);
    assert_eq!(response.header("retry-after"), Some("600"));
    assert!(notices.is_empty());
    assert_eq!(
        sandbox::requests(&format!("/echo{long_wait}")).await.len(),
        1
    );
}

#[wasm_bindgen_test]
async fn a_get_is_retried_after_a_500() {
    let flaky = unique("flaky");
    sandbox::fault(json!({"match": {"path": &format!("/echo{flaky}")}, "fault": {"kind": "status", "status": 500}})).await;
    let (result, notices) = send(&quick_client(), &target(), &Request::get(&flaky)).await;
    assert_eq!(result.unwrap().status, 200);
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].reason, WaitReason::ServerError(500));
    assert_eq!(sandbox::requests(&format!("/echo{flaky}")).await.len(), 2);
}

#[wasm_bindgen_test]
async fn a_write_is_not_repeated_after_a_500() {
    let write_once = unique("write-once");
    sandbox::fault(json!({"match": {"path": &format!("/echo{write_once}")}, "fault": {"kind": "status", "status": 500, "body": {"message": "boom"}}})).await;
    let (result, notices) = send(
        &quick_client(),
        &target(),
        &Request::post(&write_once).json(json!({"a": 1})),
    )
    .await;
    let response = result.unwrap();
    assert_eq!(response.status, 500);
    assert_eq!(response.body, r#"{"message":"boom"}"#);
    assert!(notices.is_empty());
    assert_eq!(
        sandbox::requests(&format!("/echo{write_once}")).await.len(),
        1
    );
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_retried_for_a_get_then_reported() {
    let dropping = unique("dropping");
    // Chromium itself resends a request once when a reused connection closes unanswered, so
    // the sandbox keeps dropping and the assertions count Patchbay's own retries (notices).
    sandbox::fault(json!({"match": {"path": &format!("/echo{dropping}")}, "times": 50, "fault": {"kind": "drop"}})).await;
    let (result, notices) = send(&quick_client(), &target(), &Request::get(&dropping)).await;
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Network);
    assert!(
        error
            .message
            .starts_with(&format!("Could not reach Confluent Cloud (GET {dropping})")),
        "{}",
        error.message
    );
    assert!(!error.message.contains("SECRET"));
    assert_eq!(
        notices.iter().map(|n| n.reason).collect::<Vec<_>>(),
        vec![WaitReason::NoAnswer; 2]
    );
    assert!(sandbox::requests(&format!("/echo{dropping}")).await.len() >= 3);
}

#[wasm_bindgen_test]
async fn a_dropped_write_says_it_may_have_been_applied() {
    let drop_write = unique("drop-write");
    sandbox::fault(json!({"match": {"path": &format!("/echo{drop_write}")}, "times": 50, "fault": {"kind": "drop"}})).await;
    let (result, notices) = send(&quick_client(), &target(), &Request::delete(&drop_write)).await;
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Network);
    assert!(
        error
            .message
            .ends_with("It may or may not have been applied; reload before trying again."),
        "{}",
        error.message
    );
    assert!(notices.is_empty(), "Patchbay did not send the write again");
}

#[wasm_bindgen_test]
async fn a_body_cut_off_midway_counts_as_lost_and_a_get_tries_again() {
    let truncated = unique("truncated");
    sandbox::fault(
        json!({"match": {"path": &format!("/echo{truncated}")}, "fault": {"kind": "truncated"}}),
    )
    .await;
    let (result, notices) = send(&quick_client(), &target(), &Request::get(&truncated)).await;
    assert_eq!(result.unwrap().status, 200);
    assert_eq!(notices.len(), 1);
    assert_eq!(
        sandbox::requests(&format!("/echo{truncated}")).await.len(),
        2
    );
}

#[wasm_bindgen_test]
async fn a_malformed_body_is_handed_back_for_the_vendor_module_to_reject() {
    let malformed = unique("malformed");
    sandbox::fault(
        json!({"match": {"path": &format!("/echo{malformed}")}, "fault": {"kind": "malformed"}}),
    )
    .await;
    let (result, _) = send(&Client::default(), &target(), &Request::get(&malformed)).await;
    let response = result.unwrap();
    assert_eq!(response.status, 200);
    assert!(response.json().is_err());
}

#[wasm_bindgen_test]
async fn a_slow_vendor_times_out_with_a_message_naming_the_wait() {
    let slow = unique("slow");
    sandbox::fault(
        json!({"match": {"path": &format!("/echo{slow}")}, "fault": {"kind": "delay", "ms": 3000}}),
    )
    .await;
    let client = Client {
        policy: RetryPolicy {
            read_retries: 0,
            ..RetryPolicy::default()
        },
        timeout_ms: 300,
    };
    let (result, _) = send(&client, &target(), &Request::get(&slow)).await;
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Timeout);
    assert_eq!(
        error.message,
        format!("Confluent Cloud did not answer within 300 ms (GET {slow}).")
    );
}

#[wasm_bindgen_test]
async fn leaving_the_page_abandons_the_request_and_its_retries() {
    use leptos::prelude::Owner;
    use leptos::reactive::computed::ScopedFuture;
    let abandoned = unique("abandoned");
    sandbox::fault(json!({"match": {"path": format!("/echo{abandoned}")}, "times": 5, "fault": {"kind": "delay", "ms": 1500}})).await;
    let outcome = Rc::new(RefCell::new(None));
    let page = Owner::new();
    {
        let (outcome, path) = (outcome.clone(), abandoned.clone());
        // As a page's resource runs it: polled under the page's reactive owner.
        let task = page.with(|| {
            ScopedFuture::new(async move {
                let result = quick_client()
                    .send(&target(), &Request::get(&path), &|_| {})
                    .await;
                *outcome.borrow_mut() = Some(result);
            })
        });
        wasm_bindgen_futures::spawn_local(task);
    }
    patchbay::http::client::sleep(300).await;
    page.cleanup();
    patchbay::http::client::sleep(2_000).await;
    let result = outcome
        .borrow_mut()
        .take()
        .expect("send returned once its page went away");
    let error = result.expect_err("the vendor's late answer is not waited for");
    assert_eq!(
        error.message,
        format!("Cancelled: the page that asked for GET {abandoned} was left.")
    );
    assert_eq!(
        sandbox::requests(&format!("/echo{abandoned}")).await.len(),
        1,
        "no retry after leaving"
    );
}
