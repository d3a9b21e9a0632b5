//! The routes.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use super::{failure, rules};
use crate::clock;
use crate::kit::Window;
use crate::state::{lock, Sandbox};

type Params = Query<HashMap<String, String>>;

/// `offset` and `count` (default 50, at most 100; 0 means every one); `type` and `name`
/// filter on 7.0+ servers only.
pub async fn list(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let mut state = lock(&sandbox.vendors.rocketchat);
    let filters = state.version >= (7, 0);
    let kind = params.get("type").filter(|_| filters).cloned();
    let name = params
        .get("name")
        .filter(|_| filters)
        .map(|n| n.to_lowercase());
    let query = format!("{kind:?}{name:?}");
    let items = state.integrations.matching(&query, |i| {
        kind.as_deref().is_none_or(|k| i["type"] == k)
            && name
                .as_deref()
                .is_none_or(|n| i["name"].as_str().unwrap_or("").to_lowercase().contains(n))
    });
    let number = |key: &str| params.get(key).and_then(|v| v.parse::<usize>().ok());
    let total = items.len();
    let count = match number("count").unwrap_or(50) {
        0 => total.max(1),
        n => n.min(100),
    };
    let window = Window::at(number("offset").unwrap_or(0), count, total);
    let page: Vec<Value> = window
        .take(items.into_iter())
        .into_iter()
        .cloned()
        .collect();
    let length = page.len();
    Json(json!({"integrations": page, "offset": window.offset, "items": length, "count": length, "total": total, "success": true}))
        .into_response()
}

pub async fn read(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let id = params.get("integrationId").cloned().unwrap_or_default();
    match lock(&sandbox.vendors.rocketchat).integrations.get(&id) {
        Some(found) => Json(json!({"integration": found, "success": true})).into_response(),
        None => failure(
            StatusCode::BAD_REQUEST,
            "The integration does not exists.",
            Some("error-invalid-integration"),
        ),
    }
}

fn object(bytes: &Bytes) -> Option<Map<String, Value>> {
    serde_json::from_slice::<Value>(bytes)
        .ok()?
        .as_object()
        .cloned()
}

/// The schema's answer to a body that is not a JSON object.
fn not_an_object() -> Response {
    failure(
        StatusCode::BAD_REQUEST,
        "must be object",
        Some("invalid-params"),
    )
}

fn refused(refusal: rules::Refusal) -> Response {
    failure(StatusCode::BAD_REQUEST, &refusal.error, Some(refusal.kind))
}

pub async fn create(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Response {
    let Some(body) = object(&body) else {
        return not_an_object();
    };
    let mut state = lock(&sandbox.vendors.rocketchat);
    if let Err(refusal) = rules::check_create(&body, state.version) {
        return refused(refusal);
    }
    let created = state.build(&Value::Object(body), clock::now_secs());
    state.integrations.push(created.clone());
    Json(json!({"integration": created, "success": true})).into_response()
}

/// The whole integration replaces the stored one, except what the server owns.
pub async fn update(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Response {
    let Some(body) = object(&body) else {
        return not_an_object();
    };
    let mut state = lock(&sandbox.vendors.rocketchat);
    if let Err(refusal) = rules::check_update(&body, state.version) {
        return refused(refusal);
    }
    let id = body
        .get("integrationId")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let Some(stored) = state.integrations.get(&id).cloned() else {
        return failure(StatusCode::BAD_REQUEST, "No integration found.", None);
    };
    if stored["type"] != body["type"] {
        return failure(StatusCode::BAD_REQUEST, "No integration found.", None);
    }
    let mut changed = rules::stored_fields(&Value::Object(body));
    for owned in ["_id", "token", "userId", "_createdAt", "_createdBy"] {
        if let Some(value) = stored.get(owned) {
            if owned != "token" || stored["type"] == "webhook-incoming" {
                changed[owned] = value.clone();
            }
        }
    }
    changed["_updatedAt"] = json!(clock::rfc3339(clock::now_secs()));
    changed["_updatedBy"] = json!({"username": "demo.admin", "_id": super::DEMO_USER_ID});
    if let Some(slot) = state.integrations.get_mut(&id) {
        *slot = changed.clone();
    }
    Json(json!({"integration": changed, "success": true})).into_response()
}

/// `{type, integrationId}`: the removed integration comes back.
pub async fn remove(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Response {
    let Some(body) = object(&body) else {
        return not_an_object();
    };
    let id = body
        .get("integrationId")
        .and_then(Value::as_str)
        .unwrap_or("");
    let mut state = lock(&sandbox.vendors.rocketchat);
    let matches_type = state
        .integrations
        .get(id)
        .is_some_and(|i| i.get("type") == body.get("type"));
    if !matches_type {
        return failure(StatusCode::BAD_REQUEST, "No integration found.", None);
    }
    match state.integrations.remove(id) {
        Some(removed) => Json(json!({"integration": removed, "success": true})).into_response(),
        None => failure(StatusCode::BAD_REQUEST, "No integration found.", None),
    }
}

/// `/api/info`: the server's version.
pub async fn info(State(sandbox): State<Arc<Sandbox>>) -> Response {
    let version = lock(&sandbox.vendors.rocketchat).version_text.clone();
    Json(json!({"version": version, "success": true})).into_response()
}

/// `integrations.history?id=`: an outgoing webhook's deliveries, newest first, by
/// `offset`/`count`.
pub async fn history(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let id = params.get("id").cloned().unwrap_or_default();
    let state = lock(&sandbox.vendors.rocketchat);
    if state
        .integrations
        .get(&id)
        .is_none_or(|i| i["type"] != "webhook-outgoing")
    {
        return failure(
            StatusCode::BAD_REQUEST,
            "The integration does not exists.",
            Some("error-invalid-integration"),
        );
    }
    let all = state.history.get(&id).cloned().unwrap_or_default();
    let number = |key: &str| params.get(key).and_then(|v| v.parse::<usize>().ok());
    let window = Window::at(
        number("offset").unwrap_or(0),
        number("count").unwrap_or(50).clamp(1, 100),
        all.len(),
    );
    let page = window.take(all.into_iter());
    let length = page.len();
    Json(json!({"history": page, "offset": window.offset, "items": length, "count": length, "total": window.total, "success": true}))
        .into_response()
}

/// Routes a server adds in 8.7: older ones answer as for any unknown endpoint.
fn before_8_7(state: &super::State) -> Option<Response> {
    (state.version < (8, 7)).then(|| {
        (
            StatusCode::NOT_FOUND,
            Json(json!({"status": "error", "message": "API endpoint not found"})),
        )
            .into_response()
    })
}

/// `integrations.clearHistory` `{integrationId}` (8.7+).
pub async fn clear_history(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Response {
    let mut state = lock(&sandbox.vendors.rocketchat);
    if let Some(missing) = before_8_7(&state) {
        return missing;
    }
    let id = object(&body)
        .and_then(|b| {
            b.get("integrationId")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_default();
    if state.integrations.get(&id).is_none() {
        return failure(
            StatusCode::BAD_REQUEST,
            "The integration does not exists.",
            Some("error-invalid-integration"),
        );
    }
    state.history.insert(id, Vec::new());
    Json(json!({"success": true})).into_response()
}

/// `integrations.replayOutgoing` `{integrationId, historyId}` (8.7+): the delivery is sent
/// again, and the new attempt heads the history.
pub async fn replay(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Response {
    let mut state = lock(&sandbox.vendors.rocketchat);
    if let Some(missing) = before_8_7(&state) {
        return missing;
    }
    let body = object(&body).unwrap_or_default();
    let text = |key: &str| {
        body.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let (id, history_id) = (text("integrationId"), text("historyId"));
    let Some(original) = state
        .history
        .get(&id)
        .and_then(|all| all.iter().find(|h| h["_id"] == history_id.as_str()))
        .cloned()
    else {
        return failure(
            StatusCode::BAD_REQUEST,
            "History not found",
            Some("error-invalid-history"),
        );
    };
    let again = super::delivery(
        &format!("{history_id}r{}", clock::now_secs()),
        original["event"].as_str().unwrap_or(""),
        original["url"].as_str().unwrap_or(""),
        false,
        clock::now_secs(),
    );
    if let Some(all) = state.history.get_mut(&id) {
        all.insert(0, again);
    }
    Json(json!({"success": true})).into_response()
}
