//! What PagerTree's controller and models do with a write: the permitted-parameters filter,
//! Rails casting of option values, the adapter's defaults and validations, the destination
//! rule. Messages are Rails full messages, as the API answers them.

use serde_json::{json, Map, Value};

use super::catalogue::{Cast, Need, Type};

/// The controller's `permit`: these keys, arrays of ids, and every `option_*` key. Anything
/// else is dropped without a word.
pub fn permitted(body: &Value) -> Map<String, Value> {
    let mut kept = Map::new();
    for (key, value) in body.as_object().into_iter().flatten() {
        let scalar = !value.is_array() && !value.is_object();
        let keep = match key.as_str() {
            "name" | "enabled" | "urgency" | "integration_type_id" => scalar,
            "account_user_ids" | "router_ids" | "team_ids" => value.is_array(),
            other => other.starts_with("option_") && scalar,
        };
        if keep {
            kept.insert(key.clone(), value.clone());
        }
    }
    kept
}

pub const URGENCIES: [&str; 4] = ["low", "medium", "high", "critical"];

/// Rails' boolean casting: `""` and `null` are nil; `0`, `"0"`, `"f"`, `"false"`, `"off"` (any
/// case of those Rails lists) are false; anything else is true.
pub fn cast_bool(value: &Value) -> Option<bool> {
    match value {
        Value::Null => None,
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.as_f64() != Some(0.0)),
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(!matches!(
            s.as_str(),
            "0" | "f" | "F" | "false" | "FALSE" | "off" | "OFF"
        )),
        _ => Some(true),
    }
}

/// Ruby's `to_i`, as Rails' integer type casts a string: leading digits, else 0.
pub fn cast_int(value: &Value) -> Option<i64> {
    match value {
        Value::Null => None,
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => {
            let text = s.trim_start();
            let (sign, digits) = match text.strip_prefix('-') {
                Some(rest) => (-1, rest),
                None => (1, text.strip_prefix('+').unwrap_or(text)),
            };
            let leading: String = digits.chars().take_while(char::is_ascii_digit).collect();
            Some(sign * leading.parse::<i64>().unwrap_or(0))
        }
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

fn cast_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// The stored value of one option from what was sent; `None` keeps the default.
fn cast(kind: Cast, value: &Value) -> Value {
    match kind {
        Cast::Bool(_) => cast_bool(value).map_or(Value::Null, Value::Bool),
        Cast::Int(_) => cast_int(value).map_or(Value::Null, |n| json!(n)),
        _ => cast_text(value).map_or(Value::Null, Value::String),
    }
}

fn default_of(kind: Cast) -> Value {
    match kind {
        Cast::Bool(on) => Value::Bool(on),
        Cast::Enum(values) => json!(values[0]),
        Cast::TimeZone => json!("UTC"),
        _ => Value::Null,
    }
}

/// The type's options after a write: `stored` (on update) overlaid by what was sent, cast;
/// anything still missing takes its default.
pub fn options(kind: &Type, stored: Option<&Value>, sent: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    for (key, cast_as, _) in kind.all_options() {
        let value = match sent.get(&format!("option_{key}")) {
            Some(given) => cast(*cast_as, given),
            None => stored
                .and_then(|s| s.get(*key))
                .cloned()
                .unwrap_or(Value::Null),
        };
        let value = if value.is_null() {
            default_of(*cast_as)
        } else {
            value
        };
        out.insert(key.to_string(), value);
    }
    Value::Object(out)
}

/// The model's and the adapter's validations of a would-be integration; empty when it saves.
pub fn problems(
    integration: &Value,
    kind: &Type,
    known_ids: impl Fn(&str, &str) -> bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let blank = |v: Option<&Value>| match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        _ => false,
    };
    if blank(integration.get("name")) {
        out.push("Name can't be blank".to_string());
    }
    match integration.get("urgency").and_then(Value::as_str) {
        Some(u) if URGENCIES.contains(&u) => {}
        None | Some("") => out.push("Urgency can't be blank".into()),
        Some(_) => out.push("Urgency is not included in the list".into()),
    }
    let mut destinations = 0;
    for (key, humanised) in [
        ("account_user_ids", "Account user ids"),
        ("router_ids", "Router ids"),
        ("team_ids", "Team ids"),
    ] {
        for id in integration[key].as_array().into_iter().flatten() {
            match id.as_str() {
                Some(id) if known_ids(key, id) => destinations += 1,
                _ => out.push(format!("{humanised} has an id that does not exist: {id}")),
            }
        }
    }
    if destinations == 0 {
        out.push("Destinations must include at least one account user, router or team".into());
    }
    let options = &integration["options"];
    for (key, cast_as, need) in kind.all_options() {
        let value = &options[*key];
        let label = format!("Option {}", key.replace('_', " "));
        let required = match need {
            Need::No => false,
            Need::Yes => true,
            Need::WhenOn(switch) => options[*switch] == Value::Bool(true),
        };
        if required && blank(Some(value)) {
            out.push(format!("{label} can't be blank"));
            continue;
        }
        let text = value.as_str().unwrap_or_default();
        match cast_as {
            Cast::Url if !text.is_empty() && !full_domain_url(text) => {
                out.push(format!("{label} is not a valid URL"))
            }
            Cast::Enum(values) if !values.contains(&text) => {
                out.push(format!("{label} is not included in the list"))
            }
            Cast::TimeZone if !known_zone(text) => {
                out.push(format!("{label} is not a valid time zone"))
            }
            Cast::Emails if !text.is_empty() && !emails(text) => {
                out.push("Record emails must be a valid email".into())
            }
            Cast::Int(Some((min, max))) => match value.as_i64() {
                Some(n) if n < *min => {
                    out.push(format!("{label} must be greater than or equal to {min}"))
                }
                Some(n) if n > *max => {
                    out.push(format!("{label} must be less than or equal to {max}"))
                }
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// validate_url with `no_local`: an absolute http(s) URL whose host has a dot.
fn full_domain_url(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| h.contains('.'))
    })
}

/// UTC, a tz identifier by its form, or one of Rails' friendly names (a few of them here).
fn known_zone(text: &str) -> bool {
    const FRIENDLY: [&str; 8] = [
        "UTC",
        "Eastern Time (US & Canada)",
        "Central Time (US & Canada)",
        "Mountain Time (US & Canada)",
        "Pacific Time (US & Canada)",
        "London",
        "Paris",
        "Tokyo",
    ];
    const AREAS: [&str; 10] = [
        "Africa",
        "America",
        "Antarctica",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
        "Etc",
    ];
    FRIENDLY.contains(&text)
        || text
            .split_once('/')
            .is_some_and(|(area, place)| AREAS.contains(&area) && !place.is_empty())
}

/// Ruby's `split(",")` (trailing empties dropped); each entry a group or an address.
fn emails(text: &str) -> bool {
    let mut entries: Vec<&str> = text.split(',').collect();
    while entries.last() == Some(&"") {
        entries.pop();
    }
    entries.into_iter().all(|entry| {
        ["team", "team-admin", "on-call"].contains(&entry)
            || entry.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && !domain.is_empty()
                    && !entry.chars().any(char::is_whitespace)
                    && !domain.contains('@')
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendors::pagertree::catalogue::type_by_id;

    #[test]
    fn unknown_keys_are_dropped_and_options_are_cast_as_rails_does() {
        let kept = permitted(
            &json!({"name": "A", "tiny_id": 4, "options": {"x": 1}, "team_ids": ["T"], "option_alert_open": "1", "option_bad": ["x"]}),
        );
        assert_eq!(
            Value::Object(kept.clone()),
            json!({"name": "A", "team_ids": ["T"], "option_alert_open": "1"})
        );
        let slack = type_by_id("01GDBF0SLACKV3CHANNEL00000").unwrap();
        let stored = options(slack, None, &kept);
        assert_eq!(stored["alert_open"], true);
        assert_eq!(stored["alert_resolved"], false, "the default");
        for (sent, cast) in [("true", true), ("0", false), ("off", false), ("yes", true)] {
            assert_eq!(cast_bool(&json!(sent)), Some(cast), "{sent}");
        }
        assert_eq!(cast_bool(&json!("")), None);
        assert_eq!(cast_int(&json!(" 45s")), Some(45));
        assert_eq!(cast_int(&json!("abc")), Some(0));
    }

    #[test]
    fn each_rule_speaks_as_rails() {
        let teams = type_by_id("01GDBF2MSTEAMS00000000000V").unwrap();
        let mut sent = Map::new();
        sent.insert(
            "option_incoming_webhook_url".into(),
            json!("http://localhost/x"),
        );
        sent.insert("option_time_zone".into(), json!("Mars"));
        let integration = json!({"name": " ", "urgency": "silent", "team_ids": [], "options": options(teams, None, &sent)});
        assert_eq!(
            problems(&integration, teams, |_, _| true),
            [
                "Name can't be blank",
                "Urgency is not included in the list",
                "Destinations must include at least one account user, router or team",
                "Option incoming webhook url is not a valid URL",
                "Option time zone is not a valid time zone",
            ]
        );
        let twilio = type_by_id("01GDBF7TWILIOLCR000000000V").unwrap();
        let mut sent = Map::new();
        for key in ["account_sid", "api_key", "api_secret"] {
            sent.insert(format!("option_{key}"), json!("x"));
        }
        sent.insert("option_max_wait_time".into(), json!("3601"));
        sent.insert("option_record_email".into(), json!("team, a@b.co"));
        let integration = json!({"name": "T", "urgency": "low", "router_ids": ["R"], "options": options(twilio, None, &sent)});
        assert_eq!(
            problems(&integration, twilio, |_, _| true),
            [
                "Record emails must be a valid email",
                "Option max wait time must be less than or equal to 3600",
            ]
        );
    }
}
