//! The server's checks, in its order: the AJV schema of the route (required keys, types,
//! `additionalProperties: false`) answers `invalid-params` with AJV's messages; then the
//! methods' checks answer their own `error-invalid-*` types.

use serde_json::{json, Map, Value};

use super::{ROOMS, USERS};

pub const EVENTS: [&str; 9] = [
    "sendMessage",
    "messageEdited",
    "messageDeleted",
    "fileUploaded",
    "roomArchived",
    "roomCreated",
    "roomJoined",
    "roomLeft",
    "userCreated",
];

/// `outgoingEvents[event].use.channel`.
pub fn uses_channel(event: &str) -> bool {
    !matches!(event, "roomArchived" | "roomCreated" | "userCreated")
}

/// A refusal: AJV's (`invalid-params`) or a method's (`error-invalid-*`).
pub struct Refusal {
    pub error: String,
    pub kind: &'static str,
}

fn refuse(kind: &'static str, error: impl Into<String>) -> Refusal {
    Refusal {
        error: error.into(),
        kind,
    }
}

/// `(key, JSON type)` of every property a schema lists.
type Props = &'static [(&'static str, &'static str)];

const INCOMING_CREATE: Props = &[
    ("type", "string"),
    ("username", "string"),
    ("channel", "string"),
    ("scriptEnabled", "boolean"),
    ("script", "string"),
    ("name", "string"),
    ("enabled", "boolean"),
    ("alias", "string"),
    ("avatar", "string"),
    ("emoji", "string"),
];

const OUTGOING_CREATE: Props = &[
    ("type", "string"),
    ("username", "string"),
    ("channel", "string"),
    ("event", "string"),
    ("scriptEnabled", "boolean"),
    ("script", "string"),
    ("name", "string"),
    ("enabled", "boolean"),
    ("alias", "string"),
    ("avatar", "string"),
    ("emoji", "string"),
    ("urls", "array"),
    ("targetRoom", "string"),
    ("triggerWords", "array"),
    ("triggerWordAnywhere", "boolean"),
    ("runOnEdits", "boolean"),
    ("impersonateUser", "boolean"),
    ("retryFailedCalls", "boolean"),
    ("retryCount", "number"),
    ("retryDelay", "string"),
    ("token", "string"),
];

const INCOMING_REQUIRED: &[&str] = &[
    "type",
    "username",
    "channel",
    "scriptEnabled",
    "name",
    "enabled",
];
const OUTGOING_REQUIRED: &[&str] = &[
    "type",
    "username",
    "channel",
    "event",
    "scriptEnabled",
    "name",
    "enabled",
];
const INCOMING_UPDATE_REQUIRED: &[&str] = &[
    "integrationId",
    "type",
    "channel",
    "scriptEnabled",
    "name",
    "enabled",
];

fn type_of(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "string",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        Value::Null => "null",
    }
}

/// AJV over `body`: required keys, each listed key's type, and (when `closed`) no other key.
fn ajv(
    body: &Map<String, Value>,
    props: &[Props],
    required: &[&str],
    closed: bool,
    version: (u32, u32),
) -> Result<(), Refusal> {
    let mut messages = Vec::new();
    for key in required {
        if !body.contains_key(*key) {
            messages.push(format!("must have required property '{key}'"));
        }
    }
    for (key, value) in body {
        match props.iter().flat_map(|p| p.iter()).find(|(k, _)| k == key) {
            Some((_, wanted)) if type_of(value) != *wanted => {
                messages.push(format!("must be {wanted}"))
            }
            Some(_) => {}
            None if key == "skipTranspile" && version >= (8, 4) && value.is_boolean() => {}
            None if closed => messages.push("must NOT have additional properties".into()),
            None => {}
        }
    }
    for key in ["urls", "triggerWords"] {
        let blank_item = body
            .get(key)
            .and_then(Value::as_array)
            .is_some_and(|items| {
                items
                    .iter()
                    .any(|i| i.as_str() != Some("") && !i.is_string())
            });
        if blank_item {
            messages.push("must be string".into());
        }
    }
    if messages.is_empty() {
        Ok(())
    } else {
        Err(refuse("invalid-params", messages.join("\n ")))
    }
}

/// The create route's schema, then the method's checks.
pub fn check_create(body: &Map<String, Value>, version: (u32, u32)) -> Result<(), Refusal> {
    match body.get("type").and_then(Value::as_str) {
        Some("webhook-incoming") => {
            ajv(body, &[INCOMING_CREATE], INCOMING_REQUIRED, true, version)?;
            check_incoming(body)
        }
        Some("webhook-outgoing") => {
            ajv(body, &[OUTGOING_CREATE], OUTGOING_REQUIRED, true, version)?;
            check_outgoing(body)
        }
        _ => Err(refuse(
            "invalid-params",
            "must match exactly one schema in oneOf",
        )),
    }
}

/// The update route's schema (incoming allows other keys, outgoing does not), then the method.
pub fn check_update(body: &Map<String, Value>, version: (u32, u32)) -> Result<(), Refusal> {
    match body.get("type").and_then(Value::as_str) {
        Some("webhook-incoming") => {
            ajv(
                body,
                &[INCOMING_CREATE],
                INCOMING_UPDATE_REQUIRED,
                false,
                version,
            )?;
            check_incoming(body)
        }
        Some("webhook-outgoing") => {
            let locate: Props = &[("integrationId", "string"), ("target_url", "string")];
            ajv(
                body,
                &[OUTGOING_CREATE, locate],
                OUTGOING_REQUIRED,
                true,
                version,
            )?;
            if !body.contains_key("integrationId") && !body.contains_key("target_url") {
                return Err(refuse(
                    "invalid-params",
                    "must have required property 'integrationId'",
                ));
            }
            check_outgoing(body)
        }
        _ => Err(refuse(
            "invalid-params",
            "must match exactly one schema in anyOf",
        )),
    }
}

fn text<'a>(body: &'a Map<String, Value>, key: &str) -> &'a str {
    body.get(key).and_then(Value::as_str).unwrap_or("")
}

fn check_user(body: &Map<String, Value>) -> Result<(), Refusal> {
    let username = text(body, "username").trim();
    if username.is_empty() {
        return Err(refuse("error-invalid-username", "Invalid username"));
    }
    if !USERS.contains(&username) {
        return Err(refuse("error-invalid-user", "Invalid user"));
    }
    Ok(())
}

/// `#room` must name a room, `@user` a user.
fn check_entry_exists(entry: &str) -> Result<(), Refusal> {
    let (sigil, name) = entry.split_at(1);
    let known = match sigil {
        "#" => ROOMS.contains(&name),
        _ => USERS.contains(&name),
    };
    if known {
        Ok(())
    } else {
        Err(refuse("error-invalid-room", "Invalid room"))
    }
}

/// As `addIncomingIntegration` checks, in its order: the channel's form, a username, each
/// room, then the user.
fn check_incoming(body: &Map<String, Value>) -> Result<(), Refusal> {
    let channel = text(body, "channel");
    if channel.trim().is_empty() {
        return Err(refuse("error-invalid-channel", "Invalid channel"));
    }
    let entries: Vec<&str> = channel.split(',').map(str::trim).collect();
    if entries
        .iter()
        .any(|entry| !(entry.starts_with('#') || entry.starts_with('@')))
    {
        return Err(refuse(
            "error-invalid-channel-start-with-chars",
            "Invalid channel. Start with @ or #",
        ));
    }
    if text(body, "username").trim().is_empty() {
        return Err(refuse("error-invalid-username", "Invalid username"));
    }
    for entry in entries {
        check_entry_exists(entry)?;
    }
    check_user(body)
}

fn check_outgoing(body: &Map<String, Value>) -> Result<(), Refusal> {
    let event = text(body, "event");
    if !EVENTS.contains(&event) {
        return Err(refuse("error-invalid-event-type", "Invalid event type"));
    }
    check_user(body)?;
    if uses_channel(event) {
        for entry in text(body, "channel").split(',').map(str::trim) {
            let scoped = [
                "all_public_channels",
                "all_private_groups",
                "all_direct_messages",
            ]
            .contains(&entry.to_lowercase().as_str());
            if scoped {
                continue;
            }
            if !(entry.starts_with('#') || entry.starts_with('@')) {
                return Err(refuse(
                    "error-invalid-channel-start-with-chars",
                    "Invalid Channel. Start with @ or #",
                ));
            }
            check_entry_exists(entry)?;
        }
    }
    let urls = body.get("urls").and_then(Value::as_array);
    let kept = urls
        .into_iter()
        .flatten()
        .filter(|u| u.as_str().is_some_and(|u| !u.trim().is_empty()))
        .count();
    if kept == 0 {
        return Err(refuse("error-invalid-urls", "Invalid URLs"));
    }
    if event == "userCreated" {
        let room = text(body, "targetRoom").trim();
        if room.is_empty() {
            return Err(refuse("error-invalid-targetRoom", "Invalid Target Room"));
        }
        if !(room.starts_with('#') || room.starts_with('@')) {
            return Err(refuse(
                "error-invalid-targetRoom-start-with-chars",
                "Invalid Target Room. Start with @ or #",
            ));
        }
    }
    Ok(())
}

/// What the server keeps of a valid body: the writable keys, `channel` split into an array,
/// blank URLs and trigger words dropped, retry defaults, and a script's compile result.
pub fn stored_fields(body: &Value) -> Value {
    let mut stored = Map::new();
    for (key, value) in body.as_object().into_iter().flatten() {
        if matches!(
            key.as_str(),
            "integrationId" | "target_url" | "skipTranspile"
        ) {
            continue;
        }
        stored.insert(key.clone(), value.clone());
    }
    let channels: Vec<Value> = body["channel"]
        .as_str()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| json!(c))
        .collect();
    stored.insert("channel".into(), Value::Array(channels));
    for key in ["urls", "triggerWords"] {
        if let Some(items) = body.get(key).and_then(Value::as_array) {
            let kept: Vec<Value> = items
                .iter()
                .filter(|i| i.as_str().is_some_and(|t| !t.trim().is_empty()))
                .cloned()
                .collect();
            stored.insert(key.into(), Value::Array(kept));
        }
    }
    if body["type"] == "webhook-outgoing" {
        if body["retryFailedCalls"] == true && body["retryCount"].as_i64().unwrap_or(0) <= 0 {
            stored.insert("retryCount".into(), json!(4));
        }
        let delay = body["retryDelay"]
            .as_str()
            .unwrap_or("powers-of-ten")
            .to_lowercase();
        stored.insert("retryDelay".into(), json!(delay));
    }
    let (compiled, error) = compile(body["script"].as_str().unwrap_or(""));
    stored.insert("scriptCompiled".into(), compiled);
    stored.insert("scriptError".into(), error);
    Value::Object(stored)
}

/// A stand-in for the server's Babel compile: a script whose brackets do not balance does
/// not compile, and the error is stored (the save itself succeeds).
fn compile(script: &str) -> (Value, Value) {
    if script.trim().is_empty() {
        return (Value::Null, Value::Null);
    }
    let mut depth: i64 = 0;
    for c in script.chars() {
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            break;
        }
    }
    if depth == 0 {
        (json!(script), Value::Null)
    } else {
        (
            Value::Null,
            json!({"name": "SyntaxError", "message": "Unexpected token: brackets do not balance"}),
        )
    }
}
