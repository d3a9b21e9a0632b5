//! Rocket.Chat's errors: `{success: false, error, errorType}`. `invalid-params` carries the
//! AJV messages of the server's schema ("must have required property 'username'"), the
//! `error-invalid-*` types name their field; each lands there. Missing permissions are named.

use serde_json::Value;

use super::auth::AUTH;
use crate::domain::error::ApiError;
use crate::domain::error_body::generic_error;
use crate::domain::pointer::FORM_LEVEL;
use crate::domain::request::Response;

/// The field each `error-invalid-*` type is about.
const TYPES: &[(&str, &str)] = &[
    ("error-invalid-channel", "/channel"),
    ("error-invalid-channel-start-with-chars", "/channel"),
    ("error-invalid-room", "/channel"),
    ("error-invalid-user", "/username"),
    ("error-invalid-username", "/username"),
    ("error-invalid-event-type", "/event"),
    ("error-invalid-urls", "/urls"),
    ("error-invalid-targetRoom", "/targetRoom"),
    ("error-invalid-targetRoom-start-with-chars", "/targetRoom"),
    ("error-invalid-triggerWords", "/triggerWords"),
];

const PERMISSIONS: &str = "manage-incoming-integrations or manage-outgoing-integrations (or their manage-own- variants, for integrations the user created)";

pub fn parse(response: &Response, now_ms: u64) -> ApiError {
    let mut error = generic_error(response, AUTH.rate_limit, now_ms);
    let json = response.json().unwrap_or(Value::Null);
    let kind = json.get("errorType").and_then(Value::as_str).unwrap_or("");
    // Meteor errors read "<reason> [<errorType>]": the reason is what a person reads.
    let said = json
        .get("error")
        .and_then(Value::as_str)
        .map(|text| {
            text.strip_suffix(&format!(" [{kind}]"))
                .unwrap_or(text)
                .trim()
                .to_string()
        })
        .unwrap_or_default();
    if kind == "invalid-params" {
        for message in said.split('\n').map(str::trim).filter(|m| !m.is_empty()) {
            error
                .field_errors
                .add(pointer_of_ajv(message), message.to_string());
        }
    } else if let Some((_, pointer)) = TYPES.iter().find(|(t, _)| *t == kind) {
        error.field_errors.add(*pointer, said.clone());
    }
    let on_fields = error.field_errors.iter().any(|(p, _)| !p.is_empty());
    let quoted = if said.is_empty() {
        String::new()
    } else {
        format!(" Rocket.Chat said: “{said}”")
    };
    error.message = match (response.status, kind, said.as_str()) {
        (401, _, "unauthorized") | (403, ..) | (400, "not_authorized", _) => format!(
            "This user may not do that in Rocket.Chat: it needs the permission {PERMISSIONS}.{quoted}"
        ),
        (401, ..) => format!("Rocket.Chat did not accept this connection's user id and token.{quoted}"),
        (400, _, "No integration found.") => {
            "This integration no longer exists in Rocket.Chat.".into()
        }
        (400, ..) if on_fields => "Rocket.Chat rejected some of the values: see the marked fields.".into(),
        (400, ..) => format!("Rocket.Chat refused the request.{quoted}"),
        (429, ..) => "Rocket.Chat is rate limiting this connection (by default 10 calls a minute per endpoint; the api-bypass-rate-limit permission lifts it).".into(),
        _ => error.message,
    };
    error
}

/// The field an AJV message names: "must have required property 'username'", or an
/// additional property's name; otherwise the form.
fn pointer_of_ajv(message: &str) -> String {
    let quoted = message.split('\'').nth(1).filter(|name| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    match quoted {
        Some(name) if message.contains("required property") => format!("/{name}"),
        _ => FORM_LEVEL.to_string(),
    }
}

#[cfg(test)]
#[path = "errors_tests.rs"]
mod tests;
