//! `Client::send` refuses before anything leaves: links to another origin, hostile proxy
//! prefixes, next links that decode into another route, missing secrets, writes under a
//! read-only lock. The sandbox plays the
//! foreign host, and its request log is the witness that nothing arrived.

use patchbay::domain::read_only::ReadOnly;
use patchbay::domain::Method;
use patchbay::domain::{ErrorKind, Request};
use patchbay::http::{set_console_read_only, Client, Route};
use serde_json::Value;
use wasm_bindgen_test::wasm_bindgen_test;

use super::fetch::{send, target, unique};
use super::sandbox;

#[wasm_bindgen_test]
async fn a_link_to_another_origin_is_refused_before_anything_is_sent() {
    let (result, _) = send(
        &Client::default(),
        &target(),
        &Request::get("https://evil.test/echo/stolen"),
    )
    .await;
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Refused);
    assert!(
        error
            .message
            .contains("no credentials left for another site"),
        "{}",
        error.message
    );
    let link = format!("{}/echo/followed?page_token=abc", sandbox::url());
    let (followed, _) = send(&Client::default(), &target(), &Request::get(link)).await;
    let seen: Value = followed.unwrap().json().unwrap();
    assert_eq!(seen["path"], "/echo/followed");
    assert_eq!(seen["query"], "page_token=abc");
}

/// The attacks on a proxy prefix, aimed at the sandbox as the foreign host: a browser would
/// resolve each of them to the sandbox's origin, credentials attached, if anything let it.
#[wasm_bindgen_test]
async fn a_hostile_proxy_prefix_sends_nothing_to_another_origin() {
    let host = sandbox::url().trim_start_matches("http://").to_string();
    let path = unique("hostile-prefix");
    for prefix in [
        format!("/\\{host}/echo{path}"),
        format!("//{host}/echo{path}"),
        format!("/\t/{host}/echo{path}"),
        format!("/%2F%2F{host}/echo{path}"),
        format!("/..//{host}/echo{path}"),
    ] {
        let mut target = target();
        target.route = Route::proxy(prefix.clone());
        let (result, _) = send(&Client::default(), &target, &Request::get("/x")).await;
        let error = result.expect_err(&prefix);
        assert_eq!(error.kind, ErrorKind::Refused, "{prefix:?}");
        assert!(
            error.message.contains("No credentials were sent"),
            "{}",
            error.message
        );
    }
    assert!(
        sandbox::requests(&format!("/echo{path}")).await.is_empty(),
        "a request reached the other origin"
    );
}

#[wasm_bindgen_test]
async fn a_next_link_that_decodes_into_another_route_is_not_followed() {
    let mut target = target();
    target.base_url = format!("{}/echo/confluent", sandbox::url());
    let escape = unique("escaped");
    for link in [
        format!("/..%2f..%2fecho{escape}/api"),
        format!("/%2e%2e%2f%2e%2e%2fecho{escape}/api"),
        format!("../../echo{escape}/api"),
        format!(
            "{}/echo/confluent/..%2F..%2Fecho{escape}/api",
            sandbox::url()
        ),
    ] {
        let (result, _) = send(&Client::default(), &target, &Request::get(link.clone())).await;
        assert_eq!(result.expect_err(&link).kind, ErrorKind::Refused, "{link}");
    }
    assert!(sandbox::requests(&format!("/echo{escape}"))
        .await
        .is_empty());
}

#[wasm_bindgen_test]
async fn a_missing_secret_is_refused_naming_it() {
    let no_secret = unique("no-secret");
    let mut target = target();
    target.credentials.secrets.clear();
    let (result, _) = send(&Client::default(), &target, &Request::get(&no_secret)).await;
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Refused);
    assert_eq!(
        error.message,
        "Cloud API secret is not set for this connection"
    );
    assert!(sandbox::requests(&format!("/echo{no_secret}"))
        .await
        .is_empty());
}

/// Under a read-only lock, the connection's own or the console's, every write is refused before
/// it leaves, and reads still go.
#[wasm_bindgen_test]
async fn under_a_read_only_lock_nothing_but_reads_leaves() {
    let path = unique("read-only");
    let writes = [Method::Post, Method::Put, Method::Patch, Method::Delete];
    let write = |method: Method| Request {
        method,
        ..Request::get(&path)
    };
    for lock in [ReadOnly::On, ReadOnly::UntilNewCredentials] {
        let mut target = target();
        target.read_only = lock;
        for method in writes {
            let (result, _) = send(&Client::default(), &target, &write(method)).await;
            let error = result.expect_err(method.as_str());
            assert_eq!(error.kind, ErrorKind::Refused);
            assert!(error.message.contains("read-only"), "{}", error.message);
        }
        let (read, _) = send(&Client::default(), &target, &Request::get(&path)).await;
        assert_eq!(read.unwrap().status, 200);
    }
    set_console_read_only(true);
    let (refused, _) = send(&Client::default(), &target(), &write(Method::Post)).await;
    set_console_read_only(false);
    assert!(refused
        .unwrap_err()
        .message
        .contains("console is read-only"));
    let seen: Vec<String> = sandbox::requests(&format!("/echo{path}"))
        .await
        .iter()
        .map(|r| r["method"].as_str().unwrap_or("?").to_string())
        .collect();
    assert_eq!(seen, ["GET", "GET"], "only the two reads arrived");
    // Unlocked, a write goes again.
    let (sent, _) = send(&Client::default(), &target(), &write(Method::Post)).await;
    assert_eq!(sent.unwrap().status, 200);
}
