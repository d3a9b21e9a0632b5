//! The simulated vendors, one router each, mounted under `/<vendor>/` (the slug a console
//! connection's base URL ends with). A vendor whose simulation is not built yet answers 501
//! with a sentence saying so, rather than pretending.

pub mod confluent;
pub mod grafana_oncall;
pub mod pagertree;
pub mod rocketchat;
pub mod thousandeyes;

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::state::{lock, Sandbox};

/// Every vendor slug, in the console's order.
pub const VENDORS: [&str; 5] = [
    "thousandeyes",
    "grafana-oncall",
    "rocketchat",
    "confluent",
    "pagertree",
];

/// Each simulated vendor's data.
pub struct States {
    pub confluent: Mutex<confluent::State>,
    pub grafana_oncall: Mutex<grafana_oncall::State>,
    pub pagertree: Mutex<pagertree::State>,
    pub rocketchat: Mutex<rocketchat::State>,
    pub thousandeyes: Mutex<thousandeyes::State>,
}

impl States {
    pub fn new(seed: usize, options: &Value) -> States {
        States {
            confluent: Mutex::new(confluent::State::new(seed, &options["confluent"])),
            grafana_oncall: Mutex::new(grafana_oncall::State::new(
                seed,
                &options["grafana_oncall"],
            )),
            pagertree: Mutex::new(pagertree::State::new(seed, &options["pagertree"])),
            rocketchat: Mutex::new(rocketchat::State::new(seed, &options["rocketchat"])),
            thousandeyes: Mutex::new(thousandeyes::State::new(seed, &options["thousandeyes"])),
        }
    }

    /// Back to the documented examples plus `seed` generated integrations per vendor;
    /// `options.<vendor>` tunes a vendor (quotas, rate limits).
    pub fn reset(&self, seed: usize, options: &Value) {
        *lock(&self.confluent) = confluent::State::new(seed, &options["confluent"]);
        *lock(&self.grafana_oncall) = grafana_oncall::State::new(seed, &options["grafana_oncall"]);
        *lock(&self.pagertree) = pagertree::State::new(seed, &options["pagertree"]);
        *lock(&self.rocketchat) = rocketchat::State::new(seed, &options["rocketchat"]);
        *lock(&self.thousandeyes) = thousandeyes::State::new(seed, &options["thousandeyes"]);
    }
}

pub fn routes(sandbox: Arc<Sandbox>) -> Router<Arc<Sandbox>> {
    VENDORS.iter().fold(Router::new(), |router, slug| {
        let vendor = match *slug {
            "confluent" => confluent::guarded(sandbox.clone()),
            "grafana-oncall" => grafana_oncall::guarded(sandbox.clone()),
            "thousandeyes" => thousandeyes::guarded(sandbox.clone()),
            "pagertree" => pagertree::guarded(sandbox.clone()),
            "rocketchat" => rocketchat::guarded(sandbox.clone()),
            _ => not_simulated(slug),
        };
        router.nest(&format!("/{slug}"), vendor)
    })
}

fn not_simulated(slug: &'static str) -> Router<Arc<Sandbox>> {
    Router::new().fallback(move || async move {
        (
            StatusCode::NOT_IMPLEMENTED,
            Json(json!({"error": format!("The sandbox does not simulate the {slug} API yet.")})),
        )
    })
}
