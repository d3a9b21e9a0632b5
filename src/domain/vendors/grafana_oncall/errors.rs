//! OnCall speaks Django REST Framework: `{"field": ["message"]}` (nested for nested fields),
//! `{"detail": "…"}` (sometimes a field map), `non_field_errors`, or a bare list. Each message
//! lands on the field it is about; a `detail` that names a field is placed on it too.

use super::auth::AUTH;
use crate::domain::error::{ApiError, FieldErrors};
use crate::domain::error_body::generic_error;
use crate::domain::error_shape::{ErrorMapping, ErrorShape};
use crate::domain::pointer::FORM_LEVEL;
use crate::domain::request::Response;

/// OnCall speaks Django REST Framework; some nested fields come back at top level.
pub const ERROR_MAPPING: ErrorMapping = ErrorMapping {
    shape: ErrorShape::FieldMap,
    aliases: &[
        ("escalation_chain_id", "/default_route/escalation_chain_id"),
        ("slack", "/default_route/slack/channel_id"),
        ("telegram", "/default_route/telegram/id"),
        ("description", "/description_short"),
    ],
};

pub fn parse(response: &Response, now_ms: u64) -> ApiError {
    let mut error = generic_error(response, AUTH.rate_limit, now_ms);
    let read = ERROR_MAPPING.read(response);
    error.field_errors = read.fields;
    let detail = read.detail;
    if let Some(text) = &detail {
        if response.status == 400 {
            error
                .field_errors
                .add(pointer_for_detail(text), text.clone());
        }
    }
    let said = detail
        .as_deref()
        .map(|t| format!(" OnCall said: “{t}”"))
        .unwrap_or_default();
    error.message = match response.status {
        401 | 403 if detail.as_deref().is_some_and(is_bad_token) => format!(
            "OnCall rejected this connection's API key: check the key, and that the base URL is the OnCall API URL.{said}"
        ),
        401 => format!("OnCall did not accept this connection's API key.{said}"),
        403 => format!(
            "This API key may not do that: reading needs grafana-oncall-app.integrations:read, changing needs …:write.{said}"
        ),
        404 => format!("This integration no longer exists in Grafana OnCall.{said}"),
        400 if has_field_errors(&error.field_errors) => "OnCall rejected some of the values: see the marked fields.".into(),
        400 => format!("OnCall refused the request.{said}"),
        429 => match error.retry_after {
            Some(seconds) => format!("OnCall is rate limiting this API key; it asked to wait {seconds} s."),
            None => "OnCall is rate limiting this API key.".into(),
        },
        _ => error.message,
    };
    error
}

fn is_bad_token(detail: &str) -> bool {
    let lower = detail.to_lowercase();
    lower.contains("invalid token") || lower.contains("authentication credentials")
}

fn has_field_errors(errors: &FieldErrors) -> bool {
    errors.iter().any(|(pointer, _)| !pointer.is_empty())
}

/// Where a `detail` sentence belongs: the engine reports some field problems this way.
fn pointer_for_detail(detail: &str) -> String {
    let lower = detail.to_lowercase();
    if lower.contains("name already exists") {
        return "/name".into();
    }
    if lower.contains("integration type")
        || lower.contains("direct paging")
        || lower.contains("grafana alerting")
        || lower.contains("grafana_alerting")
    {
        return "/type".into();
    }
    // "invalid slack title template", "Invalid grouping_key template data", "Invalid email template data"
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.first() == Some(&"invalid") && words.contains(&"template") {
        return match words.as_slice() {
            [_, channel, field, "template"] => format!("/templates/{channel}/{field}"),
            [_, name, "template", "data"] if *name != "template" => format!("/templates/{name}"),
            _ => "/templates".into(),
        };
    }
    if lower.contains("slack") {
        return "/default_route/slack/channel_id".into();
    }
    if lower.contains("telegram channel") {
        return "/default_route/telegram/id".into();
    }
    FORM_LEVEL.into()
}

#[cfg(test)]
#[path = "errors_tests.rs"]
mod tests;
