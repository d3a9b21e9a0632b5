//! Subscriptions (`GET /notifications/v1/subscriptions`): which notification types go to
//! which integrations, paged by token like the integrations. Seeded from the fixture; the
//! reset's `subscriptions` option adds more.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::{failure, paging};
use crate::kit::Window;
use crate::state::{lock, Sandbox};

const SUBSCRIPTIONS: &str = include_str!("../../../../fixtures/confluent/subscriptions.json");

pub fn seeded(options: &Value) -> Vec<Value> {
    let fixture: Value = serde_json::from_str(SUBSCRIPTIONS).expect("the fixture is JSON");
    let given = options["subscriptions"].as_array().into_iter().flatten();
    fixture["data"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(given)
        .cloned()
        .collect()
}

pub async fn list(
    State(sandbox): State<Arc<Sandbox>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (size, offset) = match paging::parse(
        query.get("page_size").map(String::as_str),
        query.get("page_token").map(String::as_str),
    ) {
        Ok(parsed) => parsed,
        Err(problem) => return failure::one(StatusCode::BAD_REQUEST, problem),
    };
    let state = lock(&sandbox.vendors.confluent);
    let window = Window::at(offset, size, state.subscriptions.len());
    let base = &sandbox.public_url;
    let link = |at: usize| Value::String(paging::link_to(base, "subscriptions", size, at));
    let metadata = json!({
        "first": link(0),
        "last": link(window.last()),
        "prev": window.prev().map_or(Value::Null, link),
        "next": window.next().map_or(Value::Null, link),
        "total_size": window.total,
    });
    let data = window.take(state.subscriptions.iter().cloned());
    Json(json!({"api_version": "notifications/v1", "kind": "SubscriptionList", "metadata": metadata, "data": data}))
        .into_response()
}
