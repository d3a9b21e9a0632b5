//! Grafana OnCall's public API, simulated as the engine behaves: page-number envelopes with
//! absolute links built from the sandbox's own base URL (`perpage` capped at 100, a page past
//! the end answering the last page), raw-token auth (403 `Invalid token.`), create 201, PUT
//! ignoring `type`, delete 204 then 404, DRF-shaped validation errors, teams, escalation
//! chains, and maintenance start and stop. Where it differs from its docs, it does what the
//! engine does: a missing key is 403, maintenance-type integrations are created but never
//! listed, unknown template keys are ignored, a new route posts to Slack by default, every
//! integration has a heartbeat link, and past a rate limit (set through the control API) it
//! answers 429 with `Retry-After`.

mod handlers;
mod routes;
mod rules;

use std::sync::Arc;

use axum::extract::{Request, State as AxumState};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::kit::{Collection, RateWindow};
use crate::state::{lock, Sandbox};

/// The demo API key the sandbox accepts (sent raw in `Authorization`, no `Bearer`).
pub const DEMO_KEY: &str = "demo-oncall-key";

const EXAMPLE: &str = include_str!("../../../../fixtures/grafana_oncall/integration.json");

/// Types the engine knows; only some may be created.
pub const CREATABLE: [&str; 11] = [
    "grafana_alerting",
    "webhook",
    "alertmanager",
    "formatted_webhook",
    "kapacitor",
    "elastalert",
    "inbound_email",
    "maintenance",
    "manual",
    "zabbix",
    "grafana",
];
const REFUSED: [&str; 3] = [
    "direct_paging",
    "legacy_alertmanager",
    "legacy_grafana_alerting",
];

pub struct State {
    pub integrations: Collection,
    pub teams: Vec<Value>,
    pub chains: Vec<Value>,
    pub slack_channels: Vec<&'static str>,
    pub telegram_chats: Vec<&'static str>,
    /// Routes beside each integration's default route (which lives in the integration).
    pub routes: Vec<Value>,
    pub rate: RateWindow,
    counter: u64,
}

impl State {
    /// The document's example, demo teams and chains, and `seed` generated integrations.
    /// `options` may set `rate_limit` (`{"limit": N, "window_s": S}`).
    pub fn new(seed: usize, options: &Value) -> State {
        let mut state = State {
            integrations: Collection::new("id"),
            teams: vec![
                json!({"id": "TPLATFORM0001", "name": "Platform", "email": "platform@example.com", "avatar_url": null}),
                json!({"id": "TDATA00000002", "name": "Data", "email": "data@example.com", "avatar_url": null}),
            ],
            chains: vec![
                json!({"id": "F5JU6KJET33FE", "name": "Primary on-call", "team_id": null}),
                json!({"id": "FDATAESCAL002", "name": "Data escalation", "team_id": "TDATA00000002"}),
            ],
            slack_channels: vec!["CH23212D", "C0ALERTS"],
            telegram_chats: vec!["-1001234567890"],
            routes: routes::seeded(options),
            rate: RateWindow::new(options.get("rate_limit")),
            counter: 1,
        };
        state
            .integrations
            .push(serde_json::from_str(EXAMPLE).expect("the fixture is JSON"));
        // Generated integrations are of the types the engine lists (never `maintenance`).
        let listed: Vec<&str> = CREATABLE
            .into_iter()
            .filter(|kind| *kind != "maintenance")
            .collect();
        for n in 0..seed {
            let kind = listed[n % listed.len()];
            let team = if n % 3 == 0 {
                json!("TPLATFORM0001")
            } else {
                Value::Null
            };
            let body = json!({"type": kind, "name": format!("Generated integration {}", n + 1), "team_id": team});
            let stored = state.build(&body);
            state.integrations.push(stored);
        }
        state
    }

    /// A new integration from a valid create body, as the engine stores it.
    pub fn build(&mut self, body: &Value) -> Value {
        let n = self.counter;
        self.counter += 1;
        let id = format!("C{:012}", n * 7919 % 1_000_000_000_007)
            .chars()
            .take(13)
            .collect::<String>();
        let kind = body["type"].as_str().unwrap_or("webhook").to_string();
        let token = format!("tok{:022x}", n.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let name = body
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| format!("{} {}", title(&kind), n));
        let mut templates = rules::empty_templates();
        if let Some(given) = body.get("templates") {
            rules::merge_templates(&mut templates, given);
        }
        // The engine's defaults: a new route posts to Slack once a channel is set.
        let mut route = json!({"id": format!("R{id}"), "escalation_chain_id": null, "slack": {"channel_id": null, "enabled": true}, "telegram": {"id": null, "enabled": false}});
        if let Some(given) = body.get("default_route") {
            rules::merge_route(&mut route, given);
        }
        json!({
            "id": id,
            "name": name,
            "description_short": body.get("description_short").cloned().unwrap_or(Value::Null),
            "team_id": body.get("team_id").cloned().unwrap_or(Value::Null),
            "link": format!("{{{{API_URL}}}}/integrations/v1/{kind}/{token}/"),
            "inbound_email": if kind == "inbound_email" { json!(format!("{token}@inbound.oncall.sandbox.test")) } else { Value::Null },
            "type": kind,
            "default_route": route,
            "templates": templates,
            "heartbeat": {"link": format!("{{{{API_URL}}}}/integrations/v1/{kind}/{token}/heartbeat/")},
            "maintenance_mode": null,
            "maintenance_started_at": null,
            "maintenance_end_at": null,
        })
    }
}

fn title(kind: &str) -> String {
    let mut chars = kind.replace('_', " ").chars().collect::<Vec<_>>();
    if let Some(first) = chars.first_mut() {
        *first = first.to_ascii_uppercase();
    }
    chars.into_iter().collect()
}

pub fn guarded(sandbox: Arc<Sandbox>) -> Router<Arc<Sandbox>> {
    Router::new()
        .route(
            "/api/v1/integrations",
            get(handlers::list).post(handlers::create),
        )
        .route(
            "/api/v1/integrations/",
            get(handlers::list).post(handlers::create),
        )
        .route(
            "/api/v1/integrations/{id}",
            get(handlers::read)
                .put(handlers::update)
                .patch(handlers::update)
                .delete(handlers::remove),
        )
        .route(
            "/api/v1/integrations/{id}/",
            get(handlers::read)
                .put(handlers::update)
                .patch(handlers::update)
                .delete(handlers::remove),
        )
        .route(
            "/api/v1/integrations/{id}/maintenance_start/",
            post(handlers::maintenance_start),
        )
        .route(
            "/api/v1/integrations/{id}/maintenance_stop/",
            post(handlers::maintenance_stop),
        )
        .route("/api/v1/routes/", get(routes::list))
        .route("/api/v1/routes", get(routes::list))
        .route("/api/v1/teams/", get(handlers::teams))
        .route("/api/v1/escalation_chains/", get(handlers::chains))
        .layer(axum::middleware::from_fn_with_state(sandbox, authenticate))
}

/// The raw key in `Authorization`; a wrong or missing one is 403, as the engine answers (its
/// token authentication answers 403 for both). Past the rate limit: 429 with `Retry-After`.
async fn authenticate(
    AxumState(sandbox): AxumState<Arc<Sandbox>>,
    request: Request,
    next: Next,
) -> Response {
    if let Err(seconds) = lock(&sandbox.vendors.grafana_oncall).rate.take() {
        let mut throttled = detail(
            StatusCode::TOO_MANY_REQUESTS,
            &format!("Request was throttled. Expected available in {seconds} seconds."),
        );
        throttled
            .headers_mut()
            .insert("retry-after", HeaderValue::from(seconds));
        return throttled;
    }
    match request
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
    {
        None => detail(
            StatusCode::FORBIDDEN,
            "Authentication credentials were not provided.",
        ),
        Some(DEMO_KEY) => next.run(request).await,
        Some(_) => detail(StatusCode::FORBIDDEN, "Invalid token."),
    }
}

/// DRF's `{"detail": "…"}`.
pub fn detail(status: StatusCode, text: &str) -> Response {
    (status, Json(json!({ "detail": text }))).into_response()
}

/// The base every absolute link starts with: the engine's own API URL.
pub fn api_url(sandbox: &Sandbox) -> String {
    format!("{}/grafana-oncall", sandbox.public_url)
}

pub fn refused_type(kind: &str) -> Option<&'static str> {
    if kind.starts_with("legacy_") {
        return Some("This integration type is deprecated");
    }
    if kind == "direct_paging" {
        return Some("Direct paging integrations can't be created");
    }
    if !CREATABLE.contains(&kind) && !REFUSED.contains(&kind) {
        return Some("Invalid integration type");
    }
    None
}
