//! The operations.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::catalogue::{type_by_id, TYPES};
use super::{errors, rules};
use crate::clock;
use crate::kit::Window;
use crate::state::{lock, Sandbox};

type Params = Query<HashMap<String, String>>;

/// `limit` (1–100, default 10) from `offset`, or from `page` (1-based) when no offset is given.
/// `Err` is the 400's message.
fn window(params: &HashMap<String, String>, total: usize) -> Result<Window, &'static str> {
    let limit = match params.get("limit") {
        None => 10,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => return Err("limit must be an integer from 1 to 100"),
        },
    };
    let number = |key: &str| params.get(key).and_then(|v| v.parse::<usize>().ok());
    let offset = match (number("offset"), number("page")) {
        (Some(offset), _) => offset,
        (None, Some(page)) => page.saturating_sub(1) * limit,
        (None, None) => 0,
    };
    Ok(Window::at(offset, limit, total))
}

fn envelope(window: Window, data: Vec<Value>) -> Response {
    Json(json!({
        "data": data,
        "has_more": window.next().is_some(),
        "total_count": window.total,
    }))
    .into_response()
}

/// Any attribute as an equality filter: the integration's own fields, and the type's id.
fn equals(integration: &Value, key: &str, wanted: &str) -> bool {
    let value = match key {
        "integration_type_id" => &integration["integration_type"]["id"],
        other => &integration[other],
    };
    match value {
        Value::String(s) => s == wanted,
        Value::Bool(b) => rules::cast_bool(&json!(wanted)) == Some(*b),
        Value::Number(n) => n.to_string() == wanted,
        _ => false,
    }
}

pub async fn list(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let filters: Vec<(&str, &str)> = ["name", "urgency", "enabled", "integration_type_id"]
        .iter()
        .filter_map(|k| params.get(*k).map(|v| (*k, v.as_str())))
        .collect();
    let mut state = lock(&sandbox.vendors.pagertree);
    let query = format!("{filters:?}");
    let items = state
        .integrations
        .matching(&query, |i| filters.iter().all(|(k, v)| equals(i, k, v)));
    let window = match window(&params, items.len()) {
        Ok(window) => window,
        Err(message) => return errors(StatusCode::BAD_REQUEST, &[message]),
    };
    let data = window
        .take(items.into_iter())
        .into_iter()
        .cloned()
        .collect();
    envelope(window, data)
}

pub async fn read(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Response {
    match lock(&sandbox.vendors.pagertree).integrations.get(&id) {
        Some(stored) => Json(stored.clone()).into_response(),
        None => not_found(),
    }
}

pub async fn create(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Response {
    let Some(body) = object(&body) else {
        return malformed();
    };
    let sent = rules::permitted(&body);
    let type_id = sent
        .get("integration_type_id")
        .and_then(Value::as_str)
        .unwrap_or("");
    let Some(kind) = type_by_id(type_id) else {
        return errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            &["Integration type must exist"],
        );
    };
    let mut state = lock(&sandbox.vendors.pagertree);
    let fields = Value::Object(sent.clone());
    let candidate = state.build(kind, &fields, &sent, clock::now_secs());
    let problems = rules::problems(&candidate, kind, |k, id| state.knows(k, id));
    if !problems.is_empty() {
        state.counter -= 1;
        return errors(StatusCode::UNPROCESSABLE_ENTITY, &problems);
    }
    state.integrations.push(candidate.clone());
    (StatusCode::CREATED, Json(candidate)).into_response()
}

/// Only what was sent changes; the type may not.
pub async fn update(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let Some(body) = object(&body) else {
        return malformed();
    };
    let sent = rules::permitted(&body);
    let mut state = lock(&sandbox.vendors.pagertree);
    let Some(stored) = state.integrations.get(&id).cloned() else {
        return not_found();
    };
    let current_type = stored["integration_type"]["id"].as_str().unwrap_or("");
    if let Some(asked) = sent.get("integration_type_id").and_then(Value::as_str) {
        if asked != current_type {
            return errors(
                StatusCode::UNPROCESSABLE_ENTITY,
                &["Integration type can't be changed"],
            );
        }
    }
    let Some(kind) = type_by_id(current_type) else {
        return errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            &["Integration type must exist"],
        );
    };
    let mut changed = stored.clone();
    for key in [
        "name",
        "enabled",
        "urgency",
        "account_user_ids",
        "router_ids",
        "team_ids",
    ] {
        if let Some(value) = sent.get(key) {
            changed[key] = match key {
                "enabled" => rules::cast_bool(value).map_or(stored["enabled"].clone(), Value::Bool),
                _ => value.clone(),
            };
        }
    }
    changed["options"] = rules::options(kind, Some(&stored["options"]), &sent);
    let problems = rules::problems(&changed, kind, |k, id| state.knows(k, id));
    if !problems.is_empty() {
        return errors(StatusCode::UNPROCESSABLE_ENTITY, &problems);
    }
    changed["updated_at"] = json!(clock::rfc3339(clock::now_secs()));
    if let Some(slot) = state.integrations.get_mut(&id) {
        *slot = changed.clone();
    }
    Json(changed).into_response()
}

pub async fn remove(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Response {
    match lock(&sandbox.vendors.pagertree).integrations.remove(&id) {
        Some(_) => StatusCode::NO_CONTENT.into_response(),
        None => not_found(),
    }
}

fn type_json(index: usize) -> Value {
    let kind = &TYPES[index];
    json!({"id": kind.id, "name": kind.name})
}

pub async fn types(Query(params): Params) -> Response {
    let all: Vec<Value> = (0..TYPES.len()).map(type_json).collect();
    page_of(&params, all)
}

pub async fn one_type(Path(id): Path<String>) -> Response {
    match TYPES.iter().position(|t| t.id == id) {
        Some(index) => Json(type_json(index)).into_response(),
        None => not_found(),
    }
}

pub async fn teams(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let all = lock(&sandbox.vendors.pagertree).teams.clone();
    page_of(&params, all)
}

pub async fn routers(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let all = lock(&sandbox.vendors.pagertree).routers.clone();
    page_of(&params, all)
}

pub async fn account_users(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let all = lock(&sandbox.vendors.pagertree).account_users.clone();
    page_of(&params, all)
}

fn page_of(params: &HashMap<String, String>, all: Vec<Value>) -> Response {
    match window(params, all.len()) {
        Ok(window) => {
            let data = window.take(all.into_iter());
            envelope(window, data)
        }
        Err(message) => errors(StatusCode::BAD_REQUEST, &[message]),
    }
}

fn object(bytes: &Bytes) -> Option<Value> {
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .filter(Value::is_object)
}

fn malformed() -> Response {
    errors(
        StatusCode::BAD_REQUEST,
        &["The request body must be a JSON object"],
    )
}

fn not_found() -> Response {
    errors(StatusCode::NOT_FOUND, &["Not Found"])
}
