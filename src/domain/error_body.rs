//! Reading an error answer when nothing vendor-specific applies: what the status means to a
//! person, what the vendor said (as text, trimmed), the request id to quote, and the wait.

use serde_json::Value;

use super::error::{ApiError, ErrorKind};
use super::rate_limit::{wait_seconds, RateLimitSignal};
use super::request::Response;

/// Headers vendors put their request id in, most common first.
pub const REQUEST_ID_HEADERS: [&str; 4] = [
    "x-request-id",
    "request-id",
    "x-amzn-requestid",
    "x-correlation-id",
];

/// Vendor text longer than this is cut: error panels are not log viewers.
const MAX_VENDOR_TEXT: usize = 300;

/// The vendor's request id, if the response carries one.
pub fn request_id(response: &Response) -> Option<String> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| response.header(name))
        .map(str::to_string)
}

/// An `ApiError` for any non-success response, never failing on a body it cannot read.
pub fn generic_error(response: &Response, signals: &[RateLimitSignal], now_ms: u64) -> ApiError {
    let meaning = status_meaning(response.status);
    let message = match vendor_text(response) {
        Some(said) => format!("{meaning} The vendor said: “{said}”"),
        None => meaning.to_string(),
    };
    let mut error = ApiError::http(response.status, message).with_request_id(request_id(response));
    if response.status == 429 {
        error.retry_after = wait_seconds(response, signals, now_ms);
    }
    error
}

/// An error for a success status whose body Patchbay could not read.
pub fn malformed(response: &Response, what: &str) -> ApiError {
    ApiError {
        kind: ErrorKind::Malformed,
        status: Some(response.status),
        message: format!("The vendor's answer could not be read: {what}."),
        request_id: request_id(response),
        ..Default::default()
    }
}

/// What a status means to the person who caused it.
pub fn status_meaning(status: u16) -> &'static str {
    match status {
        400 => "The vendor refused the request as invalid.",
        401 => "The vendor rejected the credentials of this connection.",
        402 => "The vendor refused: a plan or quota limit was reached.",
        403 => "The credentials of this connection lack permission for this.",
        404 => "Not found: it may have been deleted, or the base URL is wrong.",
        405 => "The vendor does not allow this operation here.",
        408 | 504 => "The vendor did not answer in time.",
        409 => "The vendor refused: it conflicts with something that exists.",
        413 => "The request was too large for the vendor.",
        422 => "The vendor rejected some of the values.",
        429 => "The vendor is rate limiting this connection.",
        500..=599 => "The vendor had a server error; nothing suggests your input was wrong.",
        _ => "The vendor answered with an error.",
    }
}

/// The vendor's own message, from the usual places in a JSON body or a short plain-text body.
pub fn vendor_text(response: &Response) -> Option<String> {
    let text = match response.json() {
        Ok(json) => message_in(&json)?,
        Err(_) => {
            let body = response.body.trim();
            let looks_like_markup = body.starts_with('<');
            if body.is_empty() || looks_like_markup {
                return None;
            }
            body.to_string()
        }
    };
    Some(truncate(text.trim()))
}

fn message_in(json: &Value) -> Option<String> {
    const KEYS: [&str; 5] = ["detail", "message", "error", "title", "error_description"];
    for key in KEYS {
        if let Some(text) = json.get(key).and_then(Value::as_str) {
            return Some(text.to_string());
        }
    }
    match json.get("errors") {
        Some(Value::Array(items)) => items.iter().find_map(|item| match item {
            Value::String(text) => Some(text.clone()),
            other => message_in(other),
        }),
        _ => None,
    }
}

fn truncate(text: &str) -> String {
    if text.chars().count() <= MAX_VENDOR_TEXT {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX_VENDOR_TEXT).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_790_000_000_000;

    #[test]
    fn vendor_messages_are_found_in_the_usual_shapes() {
        let bodies = [
            (r#"{"detail": "Invalid token."}"#, "Invalid token."),
            (
                r#"{"success": false, "error": "No integration found."}"#,
                "No integration found.",
            ),
            (
                r#"{"errors": [{"message": "title can't be blank"}], "code": 422}"#,
                "title can't be blank",
            ),
            (
                r#"{"errors": [{"status": "402", "detail": "Quota exceeded"}]}"#,
                "Quota exceeded",
            ),
            (
                r#"{"timestamp": 1, "errors": ["Invalid aid"]}"#,
                "Invalid aid",
            ),
            ("upstream connect error", "upstream connect error"),
        ];
        for (body, said) in bodies {
            assert_eq!(
                vendor_text(&Response::new(400, body)).as_deref(),
                Some(said),
                "{body}"
            );
        }
    }

    #[test]
    fn markup_empty_and_unknown_bodies_add_nothing() {
        for body in [
            "",
            "<html><body>502</body></html>",
            r#"{"weird": true}"#,
            "[1,2]",
        ] {
            assert_eq!(vendor_text(&Response::new(502, body)), None, "{body}");
        }
    }

    #[test]
    fn long_vendor_text_is_cut() {
        let body = format!(r#"{{"message": "{}"}}"#, "x".repeat(400));
        let text = vendor_text(&Response::new(500, body)).unwrap();
        assert_eq!(text.chars().count(), MAX_VENDOR_TEXT + 1);
        assert!(text.ends_with('…'));
    }

    #[test]
    fn every_error_status_has_a_meaning_and_keeps_status_and_request_id() {
        for status in [
            400, 401, 402, 403, 404, 405, 408, 409, 413, 422, 429, 500, 502, 503, 504, 418,
        ] {
            let response = Response::new(status, "").with_header("X-Request-Id", "r-1");
            let error = generic_error(&response, &[], NOW);
            assert_eq!(error.status, Some(status));
            assert_eq!(error.request_id.as_deref(), Some("r-1"));
            assert_eq!(error.message, status_meaning(status));
        }
        assert_ne!(status_meaning(401), status_meaning(403));
    }

    #[test]
    fn a_429_carries_the_wait_the_vendor_asked_for() {
        let response = Response::new(429, "").with_header("Retry-After", "3");
        let error = generic_error(&response, &[RateLimitSignal::RetryAfterSeconds], NOW);
        assert_eq!(error.retry_after, Some(3));
        assert_eq!(
            error.message,
            "The vendor is rate limiting this connection."
        );
    }

    #[test]
    fn the_message_quotes_the_vendor() {
        let response = Response::new(401, r#"{"detail": "Invalid token."}"#);
        assert_eq!(
            generic_error(&response, &[], NOW).message,
            "The vendor rejected the credentials of this connection. The vendor said: “Invalid token.”"
        );
    }
}
