//! ThousandEyes' errors: v6 answers `{timestamp, httpStatus, errors: [...], path}`; each status
//! is worded for the token and the account group.

use serde_json::Value;

use super::auth::AUTH;
use crate::domain::error::ApiError;
use crate::domain::error_body::generic_error;
use crate::domain::request::Response;

pub fn parse(response: &Response, now_ms: u64) -> ApiError {
    let mut error = generic_error(response, AUTH.rate_limit, now_ms);
    let said = response
        .json()
        .ok()
        .and_then(|json| {
            json.get("errors")
                .and_then(Value::as_array)
                .and_then(|errors| errors.first().cloned())
        })
        .and_then(|first| first.as_str().map(str::to_string))
        .map(|text| format!(" ThousandEyes said: “{text}”"))
        .unwrap_or_default();
    error.message = match response.status {
        400 => format!("ThousandEyes refused the request; if an account group is set on this connection, check that its user is a member of it.{said}"),
        401 => format!("ThousandEyes did not accept this connection's credentials.{said}"),
        403 => format!("This connection's user may not read integrations in ThousandEyes.{said}"),
        429 => "ThousandEyes is rate limiting this organisation (240 calls a minute, shared by all its users).".into(),
        _ => error.message,
    };
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_group_the_user_is_not_in_is_named() {
        let error = parse(
            &Response::new(
                400,
                r#"{"timestamp":0,"httpStatus":400,"errors":["The user is not assigned to the requested account group."],"path":"/v6/integrations"}"#,
            ),
            0,
        );
        assert!(error
            .message
            .contains("check that its user is a member of it"));
        assert!(error
            .message
            .contains("not assigned to the requested account group"));
        assert!(parse(&Response::new(401, "{}"), 0)
            .message
            .starts_with("ThousandEyes did not accept"));
    }
}
