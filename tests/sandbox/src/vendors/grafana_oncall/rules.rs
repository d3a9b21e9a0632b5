//! The engine's checks of a create or update body, in its order and its error shapes.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::{detail, refused_type, State};

const BEHAVIOUR: [&str; 4] = [
    "grouping_key",
    "resolve_signal",
    "acknowledge_signal",
    "source_link",
];
const CHANNELS: [(&str, &[&str]); 8] = [
    ("slack", &["title", "message", "image_url"]),
    ("web", &["title", "message", "image_url"]),
    ("telegram", &["title", "message", "image_url"]),
    ("sms", &["title"]),
    ("phone_call", &["title"]),
    ("email", &["title", "message"]),
    ("mobile_app", &["title", "message"]),
    ("msteams", &["title", "message", "image_url"]),
];

/// Every template at its default (`null`).
pub fn empty_templates() -> Value {
    let mut templates = json!({});
    for name in BEHAVIOUR {
        templates[name] = Value::Null;
    }
    for (channel, fields) in CHANNELS {
        templates[channel] = fields
            .iter()
            .map(|f| (f.to_string(), Value::Null))
            .collect();
    }
    templates
}

/// Applies given templates: a value sets, `null` resets (a whole channel or one field).
pub fn merge_templates(stored: &mut Value, given: &Value) {
    for (key, value) in given.as_object().into_iter().flatten() {
        match (CHANNELS.iter().find(|(c, _)| c == key), value) {
            (Some((_, fields)), Value::Null) => {
                for field in *fields {
                    stored[key][*field] = Value::Null;
                }
            }
            (Some((_, fields)), Value::Object(parts)) => {
                for (field, template) in parts {
                    if fields.contains(&field.as_str()) {
                        stored[key][field] = template.clone();
                    }
                }
            }
            // The engine ignores keys it does not know.
            (None, _) if !BEHAVIOUR.contains(&key.as_str()) => {}
            _ => stored[key] = value.clone(),
        }
    }
}

pub fn merge_route(stored: &mut Value, given: &Value) {
    if let Some(chain) = given.get("escalation_chain_id") {
        stored["escalation_chain_id"] = chain.clone();
    }
    for (key, id_field) in [("slack", "channel_id"), ("telegram", "id")] {
        if let Some(part) = given.get(key) {
            if let Some(id) = part.get(id_field) {
                stored[key][id_field] = match id.as_str() {
                    Some(text) if key == "slack" => json!(text.to_uppercase()),
                    _ => id.clone(),
                };
            }
            if let Some(enabled) = part.get("enabled") {
                stored[key]["enabled"] = enabled.clone();
            }
        }
    }
}

/// Checks a body; `editing` is the id of the integration an update changes.
pub fn check(state: &State, body: &Value, editing: Option<&str>) -> Result<(), Refusal> {
    if editing.is_none() {
        match body.get("type").and_then(Value::as_str) {
            None => {
                return Err(Refusal::Fields(
                    json!({"type": ["This field is required."]}),
                ))
            }
            Some(kind) => {
                if let Some(problem) = refused_type(kind) {
                    return Err(Refusal::Detail(problem.to_string()));
                }
            }
        }
    }
    // A blank name or description is refused (a null description is a reset).
    for field in ["name", "description_short"] {
        if body
            .get(field)
            .and_then(Value::as_str)
            .is_some_and(|t| t.trim().is_empty())
        {
            return Err(Refusal::Fields(
                json!({ field: ["This field may not be blank."] }),
            ));
        }
    }
    if let Some(text) = body.get("description_short").and_then(Value::as_str) {
        if text.chars().count() > 250 {
            return Err(Refusal::Fields(
                json!({"description_short": ["Ensure this field has no more than 250 characters."]}),
            ));
        }
    }
    let team = match body.get("team_id") {
        Some(Value::String(id)) if id != "null" => {
            if !state.teams.iter().any(|t| t["id"] == *id) {
                return Err(Refusal::Fields(
                    json!({"team_id": ["Object does not exist"]}),
                ));
            }
            json!(id)
        }
        Some(_) => Value::Null,
        None => editing
            .and_then(|id| state.integrations.get(id))
            .map(|stored| stored["team_id"].clone())
            .unwrap_or(Value::Null),
    };
    if let Some(templates) = body.get("templates") {
        check_templates(templates).map_err(Refusal::Detail)?;
    }
    if let Some(name) = body.get("name").and_then(Value::as_str) {
        let taken = state
            .integrations
            .any_other(editing, |i| i["name"] == name && i["team_id"] == team);
        if taken {
            return Err(Refusal::Detail(
                "An integration with this name already exists for this team".to_string(),
            ));
        }
    }
    if let Some(route) = body.get("default_route") {
        if let Some(chain) = route.get("escalation_chain_id").and_then(Value::as_str) {
            // The engine reports it at top level, though the field is nested.
            if !state.chains.iter().any(|c| c["id"] == chain) {
                return Err(Refusal::Fields(
                    json!({"escalation_chain_id": ["Object does not exist"]}),
                ));
            }
        }
        if let Some(channel) = route.pointer("/slack/channel_id").and_then(Value::as_str) {
            if !state
                .slack_channels
                .contains(&channel.to_uppercase().as_str())
            {
                return Err(Refusal::Detail("Slack channel does not exist".to_string()));
            }
        }
        if let Some(chat) = route.pointer("/telegram/id").and_then(Value::as_str) {
            if !state.telegram_chats.contains(&chat) {
                return Err(Refusal::Detail(
                    "Telegram channel does not exist".to_string(),
                ));
            }
        }
    }
    Ok(())
}

fn check_templates(templates: &Value) -> Result<(), String> {
    let Some(map) = templates.as_object() else {
        return Err("Invalid template data".into());
    };
    for (key, value) in map {
        if BEHAVIOUR.contains(&key.as_str()) {
            match value {
                Value::Null => {}
                Value::String(text) if jinja_ok(text) => {}
                _ => return Err(format!("Invalid {key} template data")),
            }
            continue;
        }
        // Keys the engine does not know are ignored, not refused.
        let Some((channel, known)) = CHANNELS.iter().find(|(c, _)| c == key) else {
            continue;
        };
        let parts = match value {
            Value::Null => continue,
            Value::Object(parts) => parts,
            _ => return Err(format!("Invalid {channel} template data")),
        };
        for (field, template) in parts {
            if !known.contains(&field.as_str()) {
                continue;
            }
            if let Some(text) = template.as_str() {
                if !jinja_ok(text) {
                    return Err(format!("invalid {channel} {field} template"));
                }
            }
        }
    }
    Ok(())
}

/// A rough syntax check, independent of the console's: tags close, and `if`/`for` balance.
fn jinja_ok(text: &str) -> bool {
    let closes = |open: &str, close: &str| {
        let mut rest = text;
        while let Some(at) = rest.find(open) {
            match rest[at..].find(close) {
                Some(end) => rest = &rest[at + end..],
                None => return false,
            }
        }
        true
    };
    let count = |word: &str| text.matches(word).count();
    closes("{{", "}}")
        && closes("{%", "%}")
        && closes("{#", "#}")
        && count("{% if") == count("{% endif")
        && count("{% for") == count("{% endfor")
}

/// Why a body is refused, in one of the engine's two 400 shapes.
pub enum Refusal {
    Detail(String),
    Fields(Value),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::Detail(text) => detail(StatusCode::BAD_REQUEST, &text),
            Refusal::Fields(map) => fields(map),
        }
    }
}

/// A DRF field map (400).
pub fn fields(map: Value) -> Response {
    (StatusCode::BAD_REQUEST, Json(map)).into_response()
}
