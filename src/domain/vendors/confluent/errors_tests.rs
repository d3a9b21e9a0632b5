//! Every documented error body and status, mapped to what a person should read and where.

use super::*;
use crate::domain::error::ErrorKind;
use serde_json::json;
use serde_json::Value;

const ERRORS: &str = include_str!("../../../../tests/fixtures/confluent/errors.json");

fn documented(status: u16) -> Response {
    let all: Value = serde_json::from_str(ERRORS).unwrap();
    Response::new(status, all[status.to_string()].to_string()).with_header("X-Request-Id", "req-42")
}

#[test]
fn every_documented_error_keeps_its_status_and_request_id() {
    for status in [400, 401, 402, 403, 409, 422, 500] {
        let error = parse(&documented(status), 0);
        assert_eq!(error.kind, ErrorKind::Http);
        assert_eq!(error.status, Some(status));
        assert_eq!(error.request_id.as_deref(), Some("req-42"), "{status}");
        assert!(!error.message.is_empty());
    }
}

#[test]
fn a_422_lands_on_the_field_its_pointer_names() {
    let error = parse(&documented(422), 0);
    assert_eq!(
        error.field_errors["/cluster/storage_size"],
        ["The property '/cluster/storage_size' of type string did not match the following type: integer"]
    );
    assert_eq!(
        error.message,
        "Confluent rejected some of the values: see the marked fields."
    );
    let body = json!({"errors": [
        {"status": "422", "detail": "must be at most 64 characters", "source": {"pointer": "/display_name"}},
        {"status": "422", "detail": "is not a valid URI", "source": {"pointer": "/target/url"}}
    ]});
    let error = parse(&Response::new(422, body.to_string()), 0);
    assert_eq!(
        error.field_errors["/display_name"],
        ["must be at most 64 characters"]
    );
    assert_eq!(error.field_errors["/target/url"], ["is not a valid URI"]);
}

#[test]
fn a_refused_test_body_marks_its_fields_like_a_refused_save() {
    let body = json!({"errors": [{"status": "400", "code": "invalid", "title": "Bad Request",
        "detail": "must not be blank", "source": {"pointer": "/display_name"}}]});
    let error = parse(&Response::new(400, body.to_string()), 0);
    assert_eq!(error.field_errors["/display_name"], ["must not be blank"]);
    assert_eq!(
        error.message,
        "Confluent rejected some of the values: see the marked fields."
    );
}

#[test]
fn a_parameter_error_is_named_at_form_level() {
    let error = parse(&documented(400), 0);
    assert_eq!(
        error.field_errors.form_level(),
        ["num_doors: The 'delorean' resource can't be filtered by 'num_doors'"]
    );
}

#[test]
fn a_402_says_the_integration_quota_is_reached() {
    let error = parse(&documented(402), 0);
    assert!(
        error
            .message
            .starts_with("Your Confluent organisation has reached its integration quota"),
        "{}",
        error.message
    );
}

#[test]
fn a_401_says_which_credential_to_check_and_quotes_the_vendor() {
    let error = parse(&documented(401), 0);
    assert!(error
        .message
        .starts_with("Confluent rejected this connection's Cloud API key or secret"));
    let with_header = documented(401).with_header(
        "WWW-Authenticate",
        "Basic error=\"invalid_key\", error_description=\"The API Key is invalid\"",
    );
    assert!(parse(&with_header, 0)
        .message
        .ends_with("Confluent said: “The API Key is invalid”"));
}

#[test]
fn a_403_says_which_permission_is_missing() {
    let error = parse(&documented(403), 0);
    assert!(
        error.message.contains("needs an OrganizationAdmin key"),
        "{}",
        error.message
    );
    assert!(error.message.contains("'plutonium' role"));
}

#[test]
fn a_429_reads_the_wait_from_retry_after_or_the_relative_reset() {
    let retry_after = Response::new(429, "").with_header("Retry-After", "7");
    let error = parse(&retry_after, 0);
    assert_eq!(error.retry_after, Some(7));
    assert_eq!(
        error.message,
        "Confluent is rate limiting this connection; it asked to wait 7 s."
    );
    let reset = Response::new(429, "").with_header("X-RateLimit-Reset", "12");
    assert_eq!(
        parse(&reset, 1_790_000_000_000).retry_after,
        Some(12),
        "relative seconds, not an epoch"
    );
}

#[test]
fn a_404_and_a_500_say_what_happened() {
    let gone = parse(
        &Response::new(404, r#"{"errors":[{"status":"404","detail":"Not found"}]}"#),
        0,
    );
    assert!(gone
        .message
        .starts_with("This integration no longer exists"));
    let broken = parse(&documented(500), 0);
    assert!(broken
        .message
        .contains("nothing suggests your input was wrong"));
    assert!(broken.message.contains("Doc Brown"));
}

#[test]
fn unreadable_error_bodies_still_give_a_message() {
    for body in [
        "",
        "<html>bad gateway</html>",
        "{\"errors\": 3}",
        "{\"errors\": [{}]}",
    ] {
        let error = parse(&Response::new(502, body), 0);
        assert_eq!(error.status, Some(502));
        assert!(!error.message.is_empty(), "{body:?}");
    }
}
