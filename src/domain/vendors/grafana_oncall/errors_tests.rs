//! Each DRF error shape lands where it belongs.

use super::*;
use crate::domain::error::ErrorKind;
use serde_json::json;
use serde_json::Value;

fn parsed(status: u16, body: Value) -> ApiError {
    parse(&Response::new(status, body.to_string()), 0)
}

#[test]
fn field_maps_land_on_their_fields_nested_or_not() {
    let error = parsed(
        400,
        json!({"team_id": ["Object does not exist"], "description_short": ["Ensure this field has no more than 250 characters."]}),
    );
    assert_eq!(error.field_errors["/team_id"], ["Object does not exist"]);
    assert_eq!(
        error.field_errors["/description_short"],
        ["Ensure this field has no more than 250 characters."]
    );
    assert_eq!(
        error.message,
        "OnCall rejected some of the values: see the marked fields."
    );
    let nested = parsed(
        400,
        json!({"default_route": {"escalation_chain_id": ["Object does not exist"]}}),
    );
    assert_eq!(
        nested.field_errors["/default_route/escalation_chain_id"],
        ["Object does not exist"]
    );
    let maintenance = parsed(400, json!({"detail": {"mode": ["Unknown mode"]}}));
    assert_eq!(maintenance.field_errors["/mode"], ["Unknown mode"]);
}

#[test]
fn details_that_name_a_field_land_on_it() {
    let cases = [
        (
            "An integration with this name already exists for this team",
            "/name",
        ),
        ("invalid slack title template", "/templates/slack/title"),
        (
            "Invalid grouping_key template data",
            "/templates/grouping_key",
        ),
        ("Invalid email template data", "/templates/email"),
        ("Invalid template data", "/templates"),
        ("Invalid integration type", "/type"),
        ("Direct paging integrations can't be created", "/type"),
        (
            "Slack isn't connected to this workspace",
            "/default_route/slack/channel_id",
        ),
        (
            "Telegram channel does not exist",
            "/default_route/telegram/id",
        ),
    ];
    for (detail, pointer) in cases {
        assert_eq!(
            parsed(400, json!({"detail": detail})).field_errors[pointer],
            [detail],
            "{detail}"
        );
    }
    let other = parsed(400, json!({"detail": "Something else"}));
    assert_eq!(other.field_errors.form_level(), ["Something else"]);
    assert_eq!(
        other.message,
        "OnCall refused the request. OnCall said: “Something else”"
    );
}

#[test]
fn bare_lists_and_non_field_errors_go_to_form_level() {
    assert_eq!(
        parsed(400, json!(["Bad thing"])).field_errors.form_level(),
        ["Bad thing"]
    );
    assert_eq!(
        parsed(400, json!({"non_field_errors": ["Both missing"]}))
            .field_errors
            .form_level(),
        ["Both missing"]
    );
}

#[test]
fn a_bad_token_says_the_key_is_wrong() {
    for status in [401, 403] {
        let error = parsed(status, json!({"detail": "Invalid token."}));
        assert!(
            error
                .message
                .starts_with("OnCall rejected this connection's API key"),
            "{status}: {}",
            error.message
        );
        assert!(error.field_errors.is_empty());
    }
    let permission = parsed(
        403,
        json!({"detail": "You do not have permission to perform this action."}),
    );
    assert!(permission
        .message
        .contains("grafana-oncall-app.integrations:read"));
}

#[test]
fn a_vanished_integration_and_a_throttle_say_so() {
    let gone = parsed(404, json!({"detail": "Not found."}));
    assert_eq!(
        gone.message,
        "This integration no longer exists in Grafana OnCall. OnCall said: “Not found.”"
    );
    let throttled = parse(
        &Response::new(
            429,
            r#"{"detail": "Request was throttled. Expected available in 7 seconds."}"#,
        )
        .with_header("Retry-After", "7"),
        0,
    );
    assert_eq!(throttled.retry_after, Some(7));
    assert_eq!(
        throttled.message,
        "OnCall is rate limiting this API key; it asked to wait 7 s."
    );
    assert_eq!(throttled.kind, ErrorKind::Http);
}

#[test]
fn unreadable_bodies_still_explain_the_status() {
    for body in ["", "<html>", "42"] {
        let error = parse(&Response::new(502, body), 0);
        assert_eq!(error.status, Some(502));
        assert!(!error.message.is_empty());
    }
}

#[test]
fn top_level_errors_for_nested_fields_land_on_those_fields() {
    let error = parsed(
        400,
        json!({"escalation_chain_id": ["Escalation chain does not exist"], "description": ["This field may not be blank."]}),
    );
    assert_eq!(
        error.field_errors["/default_route/escalation_chain_id"],
        ["Escalation chain does not exist"]
    );
    assert_eq!(
        error.field_errors["/description_short"],
        ["This field may not be blank."]
    );
    assert!(error.field_errors["/escalation_chain_id"].is_empty());
}

#[test]
fn a_grafana_alerting_refusal_lands_on_the_type() {
    let error = parsed(
        400,
        json!({"detail": "Grafana Alerting is not reachable from the OnCall engine"}),
    );
    assert_eq!(
        error.field_errors["/type"],
        ["Grafana Alerting is not reachable from the OnCall engine"]
    );
}
