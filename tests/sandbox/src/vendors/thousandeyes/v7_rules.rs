//! What ThousandEyes v7 accepts for a generic connector and a webhook operation: the
//! Integrations API's (7.0.100) required fields, enums and types, each refusal a problem+json
//! `errors` item `{code, field, message}` naming the field in dotted form.

use serde_json::{json, Value};

/// One refused field.
pub struct Refusal {
    pub field: String,
    pub message: String,
}

fn refuse(field: &str, message: &str) -> Refusal {
    Refusal {
        field: field.to_string(),
        message: message.to_string(),
    }
}

const AUTH_REQUIRED: [(&str, &[&str]); 5] = [
    ("basic", &["username", "password"]),
    ("bearer-token", &["token"]),
    ("other-token", &["token"]),
    (
        "oauth-client-credentials",
        &["oauthClientId", "oauthTokenUrl", "oauthClientSecret"],
    ),
    (
        "oauth-auth-code",
        &[
            "oauthClientId",
            "oauthAuthUrl",
            "oauthTokenUrl",
            "oauthClientSecret",
            "code",
            "redirectUri",
        ],
    ),
];

pub const CATEGORIES: [&str; 3] = ["alerts", "recommendations", "traffic-monitoring"];
pub const STATUSES: [&str; 4] = ["pending", "connected", "failing", "unverified"];

fn text<'a>(body: &'a Value, key: &str) -> Option<&'a str> {
    body.get(key).and_then(Value::as_str)
}

/// A required, non-blank string.
fn required(body: &Value, key: &str, at: &str, out: &mut Vec<Refusal>) {
    match body.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        Some(Value::String(_)) | None | Some(Value::Null) => {
            out.push(refuse(at, &format!("{key} must not be blank")))
        }
        Some(_) => out.push(refuse(at, &format!("{key} must be a string"))),
    }
}

/// An optional string.
fn optional_text(body: &Value, key: &str, out: &mut Vec<Refusal>) {
    if body
        .get(key)
        .is_some_and(|v| !v.is_string() && !v.is_null())
    {
        out.push(refuse(key, &format!("{key} must be a string")));
    }
}

fn is_http_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
}

fn headers(body: &Value, out: &mut Vec<Refusal>) {
    match body.get("headers") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (n, item) in items.iter().enumerate() {
                for key in ["name", "value"] {
                    if !item.get(key).is_some_and(Value::is_string) {
                        out.push(refuse(
                            &format!("headers[{n}].{key}"),
                            &format!("{key} is required"),
                        ));
                    }
                }
            }
        }
        Some(_) => out.push(refuse("headers", "headers must be a list of {name, value}")),
    }
}

pub fn connector(body: &Value) -> Vec<Refusal> {
    let mut out = Vec::new();
    if !body.is_object() {
        return vec![refuse("", "the body must be a connector object")];
    }
    match text(body, "type") {
        Some("generic") => {}
        None => out.push(refuse("type", "type must not be null")),
        Some(_) => out.push(refuse("type", "type must be one of: generic")),
    }
    required(body, "name", "name", &mut out);
    required(body, "target", "target", &mut out);
    if let Some(target) = text(body, "target").filter(|t| !t.trim().is_empty()) {
        if !is_http_url(target) {
            out.push(refuse("target", "target must be a valid URL"));
        }
    }
    if let Some(auth) = body.get("authentication").filter(|a| !a.is_null()) {
        authentication(auth, &mut out);
    }
    headers(body, &mut out);
    out
}

fn authentication(auth: &Value, out: &mut Vec<Refusal>) {
    let kind = text(auth, "type").unwrap_or_default();
    let Some((_, fields)) = AUTH_REQUIRED.iter().find(|(k, _)| *k == kind) else {
        let allowed: Vec<&str> = AUTH_REQUIRED.iter().map(|(k, _)| *k).collect();
        out.push(refuse(
            "authentication.type",
            &format!("type must be one of: {}", allowed.join(", ")),
        ));
        return;
    };
    for field in *fields {
        required(auth, field, &format!("authentication.{field}"), out);
    }
    for url in ["oauthTokenUrl", "oauthAuthUrl", "redirectUri"] {
        if let Some(value) = text(auth, url).filter(|v| !v.trim().is_empty()) {
            if !is_http_url(value) {
                out.push(refuse(
                    &format!("authentication.{url}"),
                    &format!("{url} must be a valid URL"),
                ));
            }
        }
    }
}

pub fn operation(body: &Value) -> Vec<Refusal> {
    let mut out = Vec::new();
    if !body.is_object() {
        return vec![refuse("", "the body must be a webhook operation object")];
    }
    required(body, "name", "name", &mut out);
    for (key, allowed) in [("category", &CATEGORIES[..]), ("status", &STATUSES[..])] {
        match text(body, key) {
            Some(value) if allowed.contains(&value) => {}
            None => out.push(refuse(key, &format!("{key} must not be null"))),
            Some(_) => out.push(refuse(
                key,
                &format!("{key} must be one of: {}", allowed.join(", ")),
            )),
        }
    }
    if let Some(kind) = body.get("type").filter(|t| !t.is_null()) {
        if kind != &json!("webhook") {
            out.push(refuse("type", "type must be one of: webhook"));
        }
    }
    if body
        .get("enabled")
        .is_some_and(|v| !v.is_boolean() && !v.is_null())
    {
        out.push(refuse("enabled", "enabled must be a boolean"));
    }
    for key in ["path", "payload", "queryParams"] {
        optional_text(body, key, &mut out);
    }
    headers(body, &mut out);
    out
}

/// Keeps the fields the schema knows (others are ignored, as a JSON binder does) and drops the
/// read-only ones a client may echo back.
pub fn stored(body: &Value, keys: &[&str]) -> Value {
    let mut kept = serde_json::Map::new();
    for key in keys {
        if let Some(value) = body.get(*key).filter(|v| !v.is_null()) {
            kept.insert(key.to_string(), value.clone());
        }
    }
    Value::Object(kept)
}

pub const CONNECTOR_KEYS: [&str; 5] = ["type", "name", "target", "authentication", "headers"];
pub const OPERATION_KEYS: [&str; 9] = [
    "name",
    "enabled",
    "category",
    "status",
    "path",
    "payload",
    "headers",
    "queryParams",
    "type",
];
