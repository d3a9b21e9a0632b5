//! The control API under `/_sandbox/`: reset, inject faults, read the request log, health.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::faults::Fault;
use crate::request_log::LoggedRequest;
use crate::state::{lock, Sandbox};
use crate::vendors::VENDORS;

pub fn routes() -> Router<Arc<Sandbox>> {
    Router::new()
        .route("/_sandbox/health", get(health))
        .route("/_sandbox/reset", post(reset))
        .route(
            "/_sandbox/faults",
            post(add_fault).get(list_faults).delete(clear_faults),
        )
        .route("/_sandbox/requests", get(requests).delete(clear_requests))
}

async fn health(State(sandbox): State<Arc<Sandbox>>) -> Json<Value> {
    Json(json!({"ok": true, "public_url": sandbox.public_url, "vendors": VENDORS}))
}

#[derive(Deserialize, Default)]
struct ResetBody {
    seed: Option<usize>,
    #[serde(default)]
    vendors: Value,
}

/// `POST /_sandbox/reset` with an optional `{"seed": N, "vendors": {"confluent": {...}}}`:
/// clears log and faults and reseeds every vendor, with per-vendor options.
async fn reset(State(sandbox): State<Arc<Sandbox>>, body: Option<Json<ResetBody>>) -> StatusCode {
    let body = body.map(|Json(b)| b).unwrap_or_default();
    sandbox.reset(body.seed.unwrap_or(sandbox.default_seed), &body.vendors);
    StatusCode::NO_CONTENT
}

/// `POST /_sandbox/faults` with one fault or a list of them; they queue in order.
async fn add_fault(
    State(sandbox): State<Arc<Sandbox>>,
    Json(body): Json<Value>,
) -> Result<StatusCode, (StatusCode, String)> {
    let faults: Vec<Fault> = match body {
        Value::Array(_) => serde_json::from_value(body),
        other => serde_json::from_value(other).map(|f| vec![f]),
    }
    .map_err(|e| (StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    if faults.iter().any(|f| f.times == 0) {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            "times must be at least 1".into(),
        ));
    }
    lock(&sandbox.faults).extend(faults);
    Ok(StatusCode::CREATED)
}

async fn list_faults(State(sandbox): State<Arc<Sandbox>>) -> Json<Vec<Fault>> {
    Json(lock(&sandbox.faults).clone())
}

async fn clear_faults(State(sandbox): State<Arc<Sandbox>>) -> StatusCode {
    lock(&sandbox.faults).clear();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct LogFilter {
    path: Option<String>,
}

/// `GET /_sandbox/requests[?path=/prefix]`: what the simulated vendors received, oldest first.
async fn requests(
    State(sandbox): State<Arc<Sandbox>>,
    Query(filter): Query<LogFilter>,
) -> Json<Vec<LoggedRequest>> {
    let log = lock(&sandbox.log);
    let prefix = filter.path.unwrap_or_default();
    Json(
        log.iter()
            .filter(|r| r.path.starts_with(&prefix))
            .cloned()
            .collect(),
    )
}

async fn clear_requests(State(sandbox): State<Arc<Sandbox>>) -> StatusCode {
    lock(&sandbox.log).clear();
    StatusCode::NO_CONTENT
}
