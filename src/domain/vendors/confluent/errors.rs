//! Confluent's `Failure` body (`{"errors": [{status, code, title, detail, source}]}`) read the
//! way Confluent meant it: each error with a `source.pointer` lands on that field, a
//! `source.parameter` names the parameter, and the status says what to do about it.

use super::auth::AUTH;
use crate::domain::error::ApiError;
use crate::domain::error_body::generic_error;
use crate::domain::error_shape::{ErrorMapping, ErrorShape};
use crate::domain::request::Response;

/// Confluent's errors are a JSON:API-style list; pointers name the form's own fields.
pub const ERROR_MAPPING: ErrorMapping = ErrorMapping {
    shape: ErrorShape::ErrorList,
    aliases: &[],
};

pub fn parse(response: &Response, now_ms: u64) -> ApiError {
    let mut error = generic_error(response, AUTH.rate_limit, now_ms);
    let read = ERROR_MAPPING.read(response);
    error.field_errors = read.fields;
    let first = read.first;
    let said = |text: Option<String>| {
        text.map(|t| format!(" Confluent said: “{t}”"))
            .unwrap_or_default()
    };
    error.message = match response.status {
        401 => format!(
            "Confluent rejected this connection's Cloud API key or secret: check both on the connection.{}",
            said(authenticate_description(response).or(first))
        ),
        402 => format!(
            "Your Confluent organisation has reached its integration quota (integrations_per_org): \
             delete an integration or ask Confluent to raise the quota.{}",
            said(first)
        ),
        403 => format!(
            "This Cloud API key may not do that: changing notifications needs an OrganizationAdmin key.{}",
            said(first)
        ),
        404 => format!("This integration no longer exists in Confluent Cloud.{}", said(first)),
        // `:test` answers 400 for the same problems a save answers 422 for.
        400 | 422 if error.field_errors.iter().any(|(p, _)| !p.is_empty()) => {
            "Confluent rejected some of the values: see the marked fields.".into()
        }
        429 => match error.retry_after {
            Some(seconds) => format!("Confluent is rate limiting this connection; it asked to wait {seconds} s."),
            None => "Confluent is rate limiting this connection.".into(),
        },
        _ if first.is_some() => format!("{}{}", crate::domain::error_body::status_meaning(response.status), said(first)),
        _ => error.message,
    };
    error
}

/// The `error_description` of a `WWW-Authenticate: Basic error="…", error_description="…"`.
fn authenticate_description(response: &Response) -> Option<String> {
    let header = response.header("www-authenticate")?;
    let start = header.find("error_description=\"")? + "error_description=\"".len();
    let rest = &header[start..];
    Some(rest[..rest.find('"')?].to_string())
}

#[cfg(test)]
#[path = "errors_tests.rs"]
mod tests;
