//! Subscriptions (`GET /notifications/v1/subscriptions`): which notification types go to
//! which integrations, paged by token like the integrations. Seeded from the fixture; the
//! reset's `subscriptions` option adds more.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Response;
use serde_json::Value;

use super::paging;
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
    let state = lock(&sandbox.vendors.confluent);
    paging::envelope(
        &sandbox.public_url,
        ("subscriptions", "SubscriptionList"),
        &query,
        state.subscriptions.iter(),
        Value::clone,
    )
}
