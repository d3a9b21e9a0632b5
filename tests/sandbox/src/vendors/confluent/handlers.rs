//! The operations: list, create, read, update, delete, test.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::failure::{self, Problem};
use super::{integration, paging, rules};
use crate::clock;
use crate::state::{lock, Sandbox};

/// `GET /notifications/v1/integrations?page_size=&page_token=`
pub async fn list(
    State(sandbox): State<Arc<Sandbox>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let state = lock(&sandbox.vendors.confluent);
    let base = &sandbox.public_url;
    paging::envelope(
        base,
        ("integrations", "IntegrationList"),
        &query,
        state.integrations.iter(),
        |i| with_links(i, base),
    )
}

/// `POST /notifications/v1/integrations` → 201 with `Location`.
pub async fn create(State(sandbox): State<Arc<Sandbox>>, body: Bytes) -> Response {
    let Some(body) = json_object(&body) else {
        return malformed_body();
    };
    let problems = rules::check_new(&body);
    if !problems.is_empty() {
        return failure::respond(StatusCode::UNPROCESSABLE_ENTITY, problems);
    }
    let mut state = lock(&sandbox.vendors.confluent);
    if state.integrations.len() >= state.quota {
        return failure::one(
            StatusCode::PAYMENT_REQUIRED,
            Problem::new(
                "quota_exceeded",
                "Integrations Per Org Quota Exceeded",
                "The request would exceed the quota: integrations_per_org",
            ),
        );
    }
    let id = state.next_id();
    let created = integration(&id, &body, clock::now_secs());
    state.integrations.push(created.clone());
    let created = with_links(&created, &sandbox.public_url);
    let mut response = (StatusCode::CREATED, Json(created.clone())).into_response();
    if let Ok(location) =
        HeaderValue::from_str(created["metadata"]["self"].as_str().unwrap_or_default())
    {
        response.headers_mut().insert("location", location);
    }
    response
}

/// `GET /notifications/v1/integrations/{id}`
pub async fn read(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Response {
    let state = lock(&sandbox.vendors.confluent);
    match state.integrations.get(&id) {
        Some(stored) => Json(with_links(stored, &sandbox.public_url)).into_response(),
        None => failure::not_found(&id),
    }
}

/// `PATCH /notifications/v1/integrations/{id}`: only the fields sent change.
pub async fn update(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let Some(body) = json_object(&body) else {
        return malformed_body();
    };
    let mut state = lock(&sandbox.vendors.confluent);
    let Some(stored) = state.integrations.get_mut(&id) else {
        return failure::not_found(&id);
    };
    if let Some(refusal) = refuse_managed(stored, "updated") {
        return refusal;
    }
    let problems = rules::check_patch(&body);
    if !problems.is_empty() {
        return failure::respond(StatusCode::UNPROCESSABLE_ENTITY, problems);
    }
    for key in ["display_name", "description", "target"] {
        if let Some(value) = body.get(key) {
            stored[key] = value.clone();
        }
    }
    stored["metadata"]["updated_at"] = json!(clock::rfc3339(clock::now_secs()));
    Json(with_links(stored, &sandbox.public_url)).into_response()
}

/// `DELETE /notifications/v1/integrations/{id}` → 204.
pub async fn remove(State(sandbox): State<Arc<Sandbox>>, Path(id): Path<String>) -> Response {
    let mut state = lock(&sandbox.vendors.confluent);
    let Some(stored) = state.integrations.get(&id) else {
        return failure::not_found(&id);
    };
    if let Some(refusal) = refuse_managed(stored, "deleted") {
        return refusal;
    }
    state.integrations.remove(&id);
    StatusCode::NO_CONTENT.into_response()
}

/// `POST /notifications/v1/integrations:test` → 204, saving nothing. A target host under
/// `.invalid` cannot be reached, as the real service would report. An invalid body is 400
/// here: the contract gives `:test` no 422.
pub async fn test(body: Bytes) -> Response {
    let Some(body) = json_object(&body) else {
        return malformed_body();
    };
    let problems = rules::check_new(&body);
    if !problems.is_empty() {
        return failure::respond(StatusCode::BAD_REQUEST, problems);
    }
    let url = ["/target/url", "/target/webhook_url"]
        .iter()
        .find_map(|p| body.pointer(p))
        .and_then(Value::as_str)
        .unwrap_or("");
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default();
    if host.ends_with(".invalid") {
        return failure::one(
            StatusCode::BAD_REQUEST,
            Problem::new(
                "test_failed",
                "Test Notification Failed",
                format!("Could not deliver the test notification: host {host} not found"),
            ),
        );
    }
    StatusCode::NO_CONTENT.into_response()
}

/// Email integrations are Confluent's own.
fn refuse_managed(integration: &Value, verb: &str) -> Option<Response> {
    let kind = integration
        .pointer("/target/kind")
        .and_then(Value::as_str)
        .unwrap_or("");
    (!matches!(kind, "Webhook" | "Slack" | "MsTeams")).then(|| {
        failure::one(
            StatusCode::BAD_REQUEST,
            Problem::new(
                "invalid_operation",
                "Operation Not Allowed",
                format!("Integrations of kind {kind} cannot be {verb} through the API"),
            ),
        )
    })
}

fn json_object(bytes: &Bytes) -> Option<Value> {
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .filter(Value::is_object)
}

fn malformed_body() -> Response {
    failure::one(
        StatusCode::BAD_REQUEST,
        Problem::new(
            "malformed_request",
            "Malformed Request",
            "The request body must be a JSON object",
        ),
    )
}

/// The stored integration with its `metadata.self` under the sandbox's public URL.
fn with_links(integration: &Value, base: &str) -> Value {
    let mut out = integration.clone();
    let id = out["id"].as_str().unwrap_or_default().to_string();
    out["metadata"]["self"] = json!(format!(
        "{base}/confluent/notifications/v1/integrations/{id}"
    ));
    out
}
