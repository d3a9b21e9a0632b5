//! Confluent Cloud notifications/v1, simulated: the list envelope with token paging and
//! absolute links, create (201 + Location), read, partial update, delete (204), test (204),
//! `Failure` bodies with `source.pointer`, HTTP Basic with a demo key, a configurable
//! integration quota (402) and rate limit (429 + Retry-After, X-RateLimit-* on every answer).

mod failure;
mod guard;
mod handlers;
mod paging;
mod quotas;
mod rules;
mod subscriptions;

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::clock;
use crate::kit::{Collection, RateWindow};
use crate::state::Sandbox;

/// The demo Cloud API key and secret the sandbox accepts.
pub const DEMO_KEY: &str = "DEMOKEY";
pub const DEMO_SECRET: &str = "demo-secret";

const EXAMPLES: &str = include_str!("../../../../fixtures/confluent/list_page.json");
/// Kinds newer than the published contract, served only when a reset asks for them.
const NEWER_KINDS: &str = include_str!("../../../../fixtures/confluent/newer_kinds.json");

/// The simulated organisation.
pub struct State {
    pub integrations: Collection,
    /// What sends notifications to the integrations (the fixture's, and the reset's).
    pub subscriptions: Vec<Value>,
    next_id: u64,
    /// `integrations_per_org`: creating beyond it answers 402.
    pub quota: usize,
    pub rate: RateWindow,
}

impl State {
    /// The documented examples plus `seed` generated integrations. `options` may set `quota`,
    /// `rate_limit` (`{"limit": N, "window_s": S}`) and `newer_kinds` (also serve a target kind
    /// the published contract does not list: `InApp`).
    pub fn new(seed: usize, options: &Value) -> State {
        let examples: Value = serde_json::from_str(EXAMPLES).expect("the fixture is JSON");
        let mut state = State {
            integrations: Collection::new("id"),
            subscriptions: subscriptions::seeded(options),
            next_id: 1,
            quota: options.get("quota").and_then(Value::as_u64).unwrap_or(1000) as usize,
            rate: RateWindow::new(options.get("rate_limit")),
        };
        for example in examples["data"].as_array().into_iter().flatten() {
            state.integrations.push(example.clone());
        }
        if options.get("newer_kinds") == Some(&Value::Bool(true)) {
            let newer: Value = serde_json::from_str(NEWER_KINDS).expect("the fixture is JSON");
            for item in newer["data"].as_array().into_iter().flatten() {
                state.integrations.push(item.clone());
            }
        }
        let kinds = ["Webhook", "Slack", "MsTeams"];
        for n in 0..seed {
            let kind = kinds[n % kinds.len()];
            let field = if kind == "Webhook" {
                "url"
            } else {
                "webhook_url"
            };
            let id = format!("i-g{:05}", n + 1);
            let body = json!({
                "display_name": format!("Generated integration {}", n + 1),
                "description": format!("Seeded for volume ({kind})"),
                "target": {"kind": kind, field: format!("https://hooks.example.com/generated/{}", n + 1)},
            });
            let created = clock::now_secs().saturating_sub((seed - n) as u64 * 60);
            state.integrations.push(integration(&id, &body, created));
        }
        state
    }

    fn next_id(&mut self) -> String {
        let id = format!("i-{:05}", 10_000 + self.next_id);
        self.next_id += 1;
        id
    }
}

/// A stored integration as Confluent returns it; links are completed per request.
fn integration(id: &str, body: &Value, created: u64) -> Value {
    let at = clock::rfc3339(created);
    json!({
        "api_version": "notifications/v1",
        "kind": "Integration",
        "id": id,
        "metadata": {
            "resource_name": format!("crn://confluent.cloud/organization=5a1db0c0-0000-4000-8000-000000000000/integration={id}"),
            "created_at": at,
            "updated_at": at,
        },
        "display_name": body["display_name"],
        "description": body.get("description").cloned().unwrap_or(json!("")),
        "target": body["target"],
    })
}

pub fn routes() -> Router<Arc<Sandbox>> {
    Router::new()
        .route(
            "/notifications/v1/integrations",
            get(handlers::list).post(handlers::create),
        )
        .route("/notifications/v1/integrations:test", post(handlers::test))
        .route("/notifications/v1/subscriptions", get(subscriptions::list))
        .route("/service-quota/v1/applied-quotas", get(quotas::applied))
        .route(
            "/notifications/v1/integrations/{id}",
            get(handlers::read)
                .patch(handlers::update)
                .delete(handlers::remove),
        )
}

/// Wraps the routes in the auth and rate-limit checks every Confluent answer goes through.
pub fn guarded(sandbox: Arc<Sandbox>) -> Router<Arc<Sandbox>> {
    routes().layer(axum::middleware::from_fn_with_state(sandbox, guard::check))
}
