//! The simulated vendors, one router each, mounted under `/<vendor>/` (the slug a console
//! connection's base URL ends with). A vendor whose simulation is not built yet answers 501
//! with a sentence saying so, rather than pretending.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::state::Sandbox;

/// Every vendor slug, in the console's order.
pub const VENDORS: [&str; 5] = [
    "thousandeyes",
    "grafana-oncall",
    "rocketchat",
    "confluent",
    "pagertree",
];

pub fn routes() -> Router<Arc<Sandbox>> {
    VENDORS.iter().fold(Router::new(), |router, slug| {
        router.nest(&format!("/{slug}"), vendor_routes(slug))
    })
}

fn vendor_routes(slug: &'static str) -> Router<Arc<Sandbox>> {
    Router::new().fallback(move || not_simulated(slug))
}

async fn not_simulated(slug: &'static str) -> (StatusCode, Json<Value>) {
    (
        StatusCode::NOT_IMPLEMENTED,
        Json(json!({"error": format!("The sandbox does not simulate the {slug} API yet.")})),
    )
}

/// Resets every vendor's data, seeding `seed` generated integrations each.
pub fn reset_all(_sandbox: &Sandbox, _seed: usize) {}
