//! ThousandEyes v7's errors: problem+json (`{type, title, status, detail, instance}`), with
//! `errors: [{code, field, message}]` on a 400 that names fields, and `{error,
//! error_description}` on a 401. Field messages land on their form fields.

use serde_json::Value;

use super::super::auth::AUTH;
use crate::domain::error::ApiError;
use crate::domain::error_body::generic_error;
use crate::domain::pointer::FORM_LEVEL;
use crate::domain::request::Response;

pub fn parse(response: &Response, now_ms: u64) -> ApiError {
    let mut error = generic_error(response, AUTH.rate_limit, now_ms);
    let json = response.json().unwrap_or(Value::Null);
    for item in json
        .get("errors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(message) = item.get("message").and_then(Value::as_str) else {
            continue;
        };
        match item.get("field").and_then(Value::as_str) {
            Some(field) if !field.is_empty() => error.field_errors.add(pointer_of(field), message),
            _ => error.field_errors.add(FORM_LEVEL, message),
        }
    }
    let said = ["detail", "error_description", "title"]
        .iter()
        .find_map(|key| json.get(*key).and_then(Value::as_str))
        .map(|text| format!(" ThousandEyes said: “{text}”"))
        .unwrap_or_default();
    let named_fields = !error.field_errors.is_empty();
    error.message = match response.status {
        400 if named_fields => format!("ThousandEyes refused some values; they are marked below.{said}"),
        400 => format!("ThousandEyes refused the request; if an account group is set on this connection, check that its user is a member of it.{said}"),
        401 => format!("ThousandEyes did not accept this connection's bearer token: it may have expired or been revoked.{said}"),
        403 => format!("This connection's token may not manage integrations in this account group (it needs the Integrations permission).{said}"),
        404 => format!("ThousandEyes has no such connector or operation in this account group: it may have been deleted.{said}"),
        429 => "ThousandEyes is rate limiting this organisation (240 calls a minute, shared by all its users).".into(),
        _ => error.message,
    };
    error
}

/// `authentication.username` → `/authentication/username`; an item of a list
/// (`headers[0].name`) is reported on the list.
fn pointer_of(field: &str) -> String {
    let field = field.split('[').next().unwrap_or(field);
    format!("/{}", field.replace('.', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_details_land_on_their_fields() {
        let body = r#"{"type":"about:blank","title":"Request validation failed. There are invalid or missing fields","status":400,"detail":"Your request object contains invalid fields.","instance":"/v7","errors":[{"code":"AM-5432","field":"authentication.username","message":"username must not be blank"},{"code":"X","field":"headers[0].name","message":"header name is required"},{"code":"Y","message":"something general"}]}"#;
        let error = parse(&Response::new(400, body), 0);
        let fields: Vec<(String, Vec<String>)> = error
            .field_errors
            .iter()
            .map(|(p, m)| (p.clone(), m.clone()))
            .collect();
        assert!(fields.contains(&(
            "/authentication/username".into(),
            vec!["username must not be blank".into()]
        )));
        assert!(fields.contains(&("/headers".into(), vec!["header name is required".into()])));
        assert!(fields.contains(&(FORM_LEVEL.into(), vec!["something general".into()])));
        assert!(error
            .message
            .starts_with("ThousandEyes refused some values"));
        assert!(error.message.contains("contains invalid fields"));
    }

    #[test]
    fn statuses_are_worded_for_the_token_and_the_group() {
        let unauthorised = parse(
            &Response::new(
                401,
                r#"{"error":"invalid_token","error_description":"Invalid access token"}"#,
            ),
            0,
        );
        assert!(unauthorised.message.contains("bearer token"));
        assert!(unauthorised.message.contains("Invalid access token"));
        let not_member = parse(
            &Response::new(
                400,
                r#"{"title":"Bad Request","status":400,"detail":"You are not a member of this account group"}"#,
            ),
            0,
        );
        assert!(not_member
            .message
            .contains("check that its user is a member"));
        assert!(parse(&Response::new(404, "{}"), 0)
            .message
            .contains("may have been deleted"));
        assert!(parse(&Response::new(502, "<html>"), 0)
            .field_errors
            .is_empty());
    }
}
