//! The operations.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::{api_url, detail, rules};
use crate::clock;
use crate::kit::Window;
use crate::state::{lock, Sandbox};

type Params = Query<HashMap<String, String>>;

/// The page envelope over `items`, with absolute links under the engine's own URL.
/// One page of `items`, each shown through `show` (only the page's own: a long list costs
/// the page, not the whole list).
pub(super) fn page(
    sandbox: &Sandbox,
    path: &str,
    items: Vec<&Value>,
    show: impl Fn(&Value) -> Value,
    params: &HashMap<String, String>,
    default_size: usize,
) -> Response {
    let number = |key: &str| {
        params
            .get(key)
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|n| *n >= 1)
    };
    let size = number("perpage").unwrap_or(default_size).min(100);
    let count = items.len();
    let window = Window::page(number("page").unwrap_or(1), size, count);
    let (current, total_pages) = (window.number(), window.pages());
    let extra: String = ["name", "team_id", "integration_id", "routing_regex"]
        .iter()
        .filter_map(|k| {
            params.get(*k).map(|v| {
                format!(
                    "&{k}={}",
                    url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
                )
            })
        })
        .collect();
    let link = |n: usize| {
        json!(format!(
            "{}{path}?page={n}&perpage={size}{extra}",
            api_url(sandbox)
        ))
    };
    let results: Vec<Value> = window
        .take(items.into_iter())
        .into_iter()
        .map(show)
        .collect();
    Json(json!({
        "count": count,
        "next": if current < total_pages { link(current + 1) } else { Value::Null },
        "previous": if current > 1 { link(current - 1) } else { Value::Null },
        "results": results,
        "current_page_number": current,
        "page_size": size,
        "total_pages": total_pages,
    }))
    .into_response()
}

/// An integration as the engine answers it: links under its own API URL.
fn shown(sandbox: &Sandbox, integration: &Value) -> Value {
    let text = integration
        .to_string()
        .replace("{{API_URL}}", &api_url(sandbox));
    serde_json::from_str(&text).unwrap_or_else(|_| integration.clone())
}

pub async fn list(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let name = params.get("name").map(String::as_str);
    let team = params.get("team_id").map(String::as_str);
    let mut state = lock(&sandbox.vendors.grafana_oncall);
    let query = format!("name={name:?}&team_id={team:?}");
    let items = state.integrations.matching(&query, |i| {
        // The engine creates maintenance-type integrations but never lists them.
        i["type"] != "maintenance"
            && name.is_none_or(|n| i["name"] == n)
            && match team {
                None => true,
                Some("null") => i["team_id"].is_null(),
                Some(team) => i["team_id"] == team,
            }
    });
    let show = |i: &Value| shown(&sandbox, i);
    page(&sandbox, "/api/v1/integrations/", items, show, &params, 50)
}

pub async fn create(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Response {
    let Some(body) = object(&body) else {
        return detail(StatusCode::BAD_REQUEST, "JSON parse error");
    };
    let mut state = lock(&sandbox.vendors.grafana_oncall);
    if let Err(refusal) = rules::check(&state, &body, None) {
        return refusal.into_response();
    }
    let created = state.build(&body);
    state.integrations.push(created.clone());
    (StatusCode::CREATED, Json(shown(&sandbox, &created))).into_response()
}

pub async fn read(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Response {
    let state = lock(&sandbox.vendors.grafana_oncall);
    match state.integrations.get(&id) {
        Some(stored) => Json(shown(&sandbox, stored)).into_response(),
        None => detail(StatusCode::NOT_FOUND, "Not found."),
    }
}

/// PUT (and PATCH): `type` is ignored, as the engine's update serializer does.
pub async fn update(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let Some(body) = object(&body) else {
        return detail(StatusCode::BAD_REQUEST, "JSON parse error");
    };
    let mut state = lock(&sandbox.vendors.grafana_oncall);
    if state.integrations.get(&id).is_none() {
        return detail(StatusCode::NOT_FOUND, "Not found.");
    }
    if let Err(refusal) = rules::check(&state, &body, Some(&id)) {
        return refusal.into_response();
    }
    let Some(stored) = state.integrations.get_mut(&id) else {
        return detail(StatusCode::NOT_FOUND, "Not found.");
    };
    for key in ["name", "description_short", "team_id"] {
        if let Some(value) = body.get(key) {
            stored[key] = if key == "team_id" && value == "null" {
                Value::Null
            } else {
                value.clone()
            };
        }
    }
    if let Some(templates) = body.get("templates") {
        rules::merge_templates(&mut stored["templates"], templates);
    }
    if let Some(route) = body.get("default_route") {
        rules::merge_route(&mut stored["default_route"], route);
    }
    Json(shown(&sandbox, stored)).into_response()
}

pub async fn remove(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Response {
    let mut state = lock(&sandbox.vendors.grafana_oncall);
    let Some(stored) = state.integrations.get(&id) else {
        return detail(StatusCode::NOT_FOUND, "Not found.");
    };
    if stored["type"] == "direct_paging" {
        return detail(
            StatusCode::BAD_REQUEST,
            "Direct paging integrations can't be deleted",
        );
    }
    state.integrations.remove(&id);
    StatusCode::NO_CONTENT.into_response()
}

pub async fn maintenance_start(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let body = object(&body).unwrap_or_default();
    let mode = body
        .get("mode")
        .map(|m| m.as_str().unwrap_or_default().to_lowercase())
        .unwrap_or_default();
    if mode != "debug" && mode != "maintenance" {
        return rules::fields(json!({"mode": ["Unknown mode"]}));
    }
    let Some(duration) = body
        .get("duration")
        .and_then(|d| d.as_u64().or_else(|| d.as_str()?.parse().ok()))
    else {
        return rules::fields(json!({"duration": ["Invalid duration"]}));
    };
    let mut state = lock(&sandbox.vendors.grafana_oncall);
    let Some(stored) = state.integrations.get_mut(&id) else {
        return detail(StatusCode::NOT_FOUND, "Not found.");
    };
    if !stored["maintenance_mode"].is_null() {
        return detail(StatusCode::BAD_REQUEST, "Maintenance is already active");
    }
    let now = clock::now_secs();
    stored["maintenance_mode"] = json!(mode);
    stored["maintenance_started_at"] = json!(clock::rfc3339(now));
    stored["maintenance_end_at"] = json!(clock::rfc3339(now + duration));
    Json(shown(&sandbox, stored)).into_response()
}

pub async fn maintenance_stop(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
) -> Response {
    let mut state = lock(&sandbox.vendors.grafana_oncall);
    let Some(stored) = state.integrations.get_mut(&id) else {
        return detail(StatusCode::NOT_FOUND, "Not found.");
    };
    for key in [
        "maintenance_mode",
        "maintenance_started_at",
        "maintenance_end_at",
    ] {
        stored[key] = Value::Null;
    }
    Json(shown(&sandbox, stored)).into_response()
}

pub async fn teams(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let state = lock(&sandbox.vendors.grafana_oncall);
    let items = state.teams.iter().collect();
    page(&sandbox, "/api/v1/teams/", items, Value::clone, &params, 50)
}

pub async fn chains(State(sandbox): State<Arc<Sandbox>>, Query(params): Params) -> Response {
    let state = lock(&sandbox.vendors.grafana_oncall);
    let items = state.chains.iter().collect();
    page(
        &sandbox,
        "/api/v1/escalation_chains/",
        items,
        Value::clone,
        &params,
        50,
    )
}

fn object(bytes: &Bytes) -> Option<Value> {
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .filter(Value::is_object)
}
