//! PagerTree answers errors as `{"errors": [{"message": "…"}], "code": 422}`. The messages are
//! Rails full messages ("Name can't be blank", "Option incoming webhook url is not a valid
//! URL"), which start with the attribute they are about, humanised. Each lands on that field;
//! anything else stays at form level.

use super::auth::AUTH;
use super::options::all_option_keys;
use crate::domain::error::ApiError;
use crate::domain::error_body::generic_error;
use crate::domain::pointer::FORM_LEVEL;
use crate::domain::request::Response;
use serde_json::Value;

/// Attributes that are not `option_<key>`, humanised as Rails does, and their fields.
const ATTRIBUTES: &[(&str, &str)] = &[
    ("name", "/name"),
    ("urgency", "/urgency"),
    ("integration type", "/integration_type_id"),
    ("enabled", "/enabled"),
    ("account users", "/account_user_ids"),
    ("account user ids", "/account_user_ids"),
    ("routers", "/router_ids"),
    ("router ids", "/router_ids"),
    ("teams", "/team_ids"),
    ("team ids", "/team_ids"),
    ("destinations", super::parse::DESTINATIONS),
    // The Twilio adapter reports its e-mail list under a virtual attribute.
    ("record emails", "/option_record_email"),
];

pub fn parse(response: &Response, now_ms: u64) -> ApiError {
    let mut error = generic_error(response, AUTH.rate_limit, now_ms);
    let messages = messages(response);
    for message in &messages {
        error
            .field_errors
            .add(pointer_for(message), message.clone());
    }
    let on_fields = error.field_errors.iter().any(|(p, _)| !p.is_empty());
    let opening = match response.status {
        401 => "PagerTree did not accept this connection's API key.",
        403 => "This API key's user may not do that in PagerTree.",
        404 => "This integration no longer exists in PagerTree.",
        409 => {
            "PagerTree refused the change because it conflicts with the integration as it is now."
        }
        422 if on_fields => "PagerTree rejected some of the values: see the marked fields.",
        400 | 422 => "PagerTree refused the request.",
        // PagerTree documents no header: the wait is Patchbay's own backoff, shown as it runs.
        429 => "PagerTree is rate limiting this connection.",
        _ => return error,
    };
    error.message = match messages.first() {
        Some(said) if !(422 == response.status && on_fields) && response.status != 429 => {
            format!("{opening} PagerTree said: “{said}”")
        }
        _ => opening.to_string(),
    };
    error
}

/// The `message` of each entry of `errors` (entries carry no field of their own).
fn messages(response: &Response) -> Vec<String> {
    let Ok(json) = response.json() else {
        return Vec::new();
    };
    json.get("errors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.get("message").and_then(Value::as_str))
        .map(str::to_string)
        .collect()
}

/// The field a Rails full message is about: the longest attribute name it starts with, then a
/// space ("Option alert acknowledged" before "Option alert").
pub fn pointer_for(message: &str) -> String {
    // Attribute names are ASCII: no Unicode case tables needed.
    let lower = message.to_ascii_lowercase();
    let starts = |name: &str| {
        lower
            .strip_prefix(name)
            .is_some_and(|rest| rest.starts_with(' '))
    };
    let options = all_option_keys().map(|key| {
        (
            format!("option {}", key.replace('_', " ")),
            format!("/option_{key}"),
        )
    });
    let fixed = ATTRIBUTES
        .iter()
        .map(|(name, pointer)| (name.to_string(), pointer.to_string()));
    options
        .chain(fixed)
        .filter(|(name, _)| starts(name))
        .max_by_key(|(name, _)| name.len())
        .map_or_else(|| FORM_LEVEL.to_string(), |(_, pointer)| pointer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> ApiError {
        parse(&Response::new(status, body), 0)
    }

    #[test]
    fn rails_messages_land_on_the_field_they_name() {
        let error = answer(
            422,
            r#"{"errors":[{"message":"Name can't be blank"},{"message":"Option incoming webhook url is not a valid URL"},{"message":"Record emails must be a valid email"},{"message":"Option time zone does not exist"}],"code":422}"#,
        );
        assert_eq!(error.field_errors.get("/name"), ["Name can't be blank"]);
        assert_eq!(
            error.field_errors.get("/option_incoming_webhook_url"),
            ["Option incoming webhook url is not a valid URL"]
        );
        assert_eq!(
            error.field_errors.get("/option_record_email"),
            ["Record emails must be a valid email"]
        );
        assert_eq!(
            error.field_errors.get("/option_time_zone"),
            ["Option time zone does not exist"]
        );
        assert!(error.field_errors.form_level().is_empty());
        assert_eq!(
            error.message,
            "PagerTree rejected some of the values: see the marked fields."
        );
    }

    #[test]
    fn the_longest_attribute_wins_and_unknown_ones_stay_at_form_level() {
        assert_eq!(
            pointer_for("Option alert acknowledged must be true or false"),
            "/option_alert_acknowledged"
        );
        assert_eq!(
            pointer_for("Option title template enabled is invalid"),
            "/option_title_template_enabled"
        );
        assert_eq!(pointer_for("title can't be blank"), FORM_LEVEL);
        assert_eq!(
            pointer_for("Integration type must exist"),
            "/integration_type_id"
        );
        assert_eq!(
            pointer_for("Named thing"),
            FORM_LEVEL,
            "a word boundary, not a prefix"
        );
    }

    #[test]
    fn each_status_says_what_it_means() {
        let unknown = answer(
            422,
            r#"{"errors":[{"message":"Something odd happened"}],"code":422}"#,
        );
        assert_eq!(
            unknown.field_errors.form_level(),
            ["Something odd happened"]
        );
        assert!(unknown.message.contains("Something odd happened"));
        assert!(
            answer(401, r#"{"errors":[{"message":"Unauthorized"}],"code":401}"#)
                .message
                .contains("API key")
        );
        assert!(
            answer(409, r#"{"errors":[{"message":"Conflict"}],"code":409}"#)
                .message
                .contains("conflicts")
        );
        assert!(answer(404, "").message.contains("no longer exists"));
    }
}
