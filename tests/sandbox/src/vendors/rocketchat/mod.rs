//! Rocket.Chat's integrations API, simulated as the server behaves (its AJV schemas run
//! before its methods): `X-User-Id`/`X-Auth-Token` (401 otherwise), `{integrations, offset,
//! items, count, total}` lists by `offset`/`count` with `type`/`name` filters (7.0+ servers
//! only), `{integration}` answers, create and update with `additionalProperties: false` where
//! the server has it, the methods' checks (users, rooms, channel prefixes, events, URLs,
//! target room), scripts that do not compile stored with `scriptError`, remove by type and id,
//! `{success: false, error, errorType}` bodies, and a per-route rate limit whose
//! `X-RateLimit-Reset` is epoch milliseconds.

mod handlers;
mod rules;

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Request, State as AxumState};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::clock;
use crate::kit::{credentials, Collection, RateWindow, Reset};
use crate::state::{lock, Sandbox};

/// The demo user id and personal access token the sandbox accepts.
pub const DEMO_USER_ID: &str = "demo-user";
pub const DEMO_TOKEN: &str = "demo-rocketchat-token";

const EXAMPLES: &str = include_str!("../../../../fixtures/rocketchat/list_page.json");
const INCOMING_EXAMPLE: &str = include_str!("../../../../fixtures/rocketchat/incoming.json");

/// A demo workspace holds at least this many integrations, whatever the seed.
const DEMO_MINIMUM: usize = 150;

pub const USERS: [&str; 4] = ["rocket.cat", "alice", "bob", "demo.admin"];
pub const ROOMS: [&str; 5] = ["general", "ops", "alerts", "welcome", "random"];

pub struct State {
    pub integrations: Collection,
    /// The server's version, as `/api/info` says (`options.version`); filters need 7.0,
    /// `skipTranspile` 8.4.
    pub version: (u32, u32),
    pub version_text: String,
    /// One window per route, as the server's rate limiter counts.
    rates: HashMap<String, RateWindow>,
    /// Each outgoing webhook's deliveries, newest first.
    pub history: HashMap<String, Vec<Value>>,
    rate_options: Value,
    counter: u64,
}

impl State {
    /// The documents' examples and `options.generated` integrations (else the seed, at least
    /// 150), half incoming, half outgoing. `options` may set `rate_limit` (`{"limit": N,
    /// "window_s": S}`, per route), `version` (`"6.13.0"`: a server that ignores filters) and
    /// `history` (deliveries per outgoing webhook).
    pub fn new(seed: usize, options: &Value) -> State {
        let version = options
            .get("version")
            .and_then(Value::as_str)
            .unwrap_or("8.7.0");
        let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
        let mut state = State {
            integrations: Collection::new("_id"),
            version: (parts.next().unwrap_or(0), parts.next().unwrap_or(0)),
            version_text: version.to_string(),
            rates: HashMap::new(),
            history: HashMap::new(),
            rate_options: options.get("rate_limit").cloned().unwrap_or(Value::Null),
            counter: 1,
        };
        let examples: Value = serde_json::from_str(EXAMPLES).expect("the fixture is JSON");
        for example in examples["integrations"].as_array().into_iter().flatten() {
            let mut example = example.clone();
            // The document's records predate events; the trigger words say which they are.
            if example.get("event").is_none() {
                example["event"] = json!("sendMessage");
            }
            state.integrations.push(example);
        }
        state
            .integrations
            .push(serde_json::from_str(INCOMING_EXAMPLE).expect("the fixture is JSON"));
        let generated = options
            .get("generated")
            .and_then(Value::as_u64)
            .map_or(seed.max(DEMO_MINIMUM), |n| n as usize);
        for n in 0..generated {
            let room = ROOMS[n % ROOMS.len()];
            let body = if n % 2 == 0 {
                json!({"type": "webhook-incoming", "name": format!("Generated integration {}", n + 1),
                    "enabled": n % 5 != 0, "username": "rocket.cat", "channel": format!("#{room}"), "scriptEnabled": false})
            } else {
                let event = rules::EVENTS[n % rules::EVENTS.len()];
                json!({"type": "webhook-outgoing", "name": format!("Generated integration {}", n + 1),
                    "enabled": true, "username": "rocket.cat", "event": event,
                    "channel": if rules::uses_channel(event) { format!("#{room}") } else { String::new() },
                    "targetRoom": "#welcome", "urls": [format!("https://hooks.example.com/generated/{}", n + 1)],
                    "scriptEnabled": false})
            };
            let created = clock::now_secs().saturating_sub((generated - n) as u64 * 60);
            let stored = state.build(&body, created);
            state.integrations.push(stored);
        }
        let outgoing: Vec<(String, String, String)> = state
            .integrations
            .iter()
            .filter(|i| i["type"] == "webhook-outgoing")
            .map(|i| {
                let text = |p: &str| {
                    i.pointer(p)
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string()
                };
                (text("/_id"), text("/event"), text("/urls/0"))
            })
            .collect();
        // `options.history`: deliveries per outgoing webhook (3 unless set).
        let kept = options.get("history").and_then(Value::as_u64).unwrap_or(3) as usize;
        for (n, (id, event, url)) in outgoing.into_iter().enumerate() {
            let deliveries = (0..kept)
                .map(|k| {
                    delivery(
                        &format!("{id}h{k}"),
                        &event,
                        &url,
                        n + k == 1,
                        clock::now_secs() - 60 * (kept - k) as u64,
                    )
                })
                .rev()
                .collect();
            state.history.insert(id, deliveries);
        }
        state
    }

    /// A new integration as the server stores it.
    fn build(&mut self, body: &Value, created: u64) -> Value {
        let n = self.counter;
        self.counter += 1;
        let id = format!("rc{:015}", n.wrapping_mul(7_919) % 1_000_000_000_000_000);
        let at = clock::rfc3339(created);
        let mut stored = rules::stored_fields(body);
        stored["_id"] = json!(id);
        stored["userId"] = json!(body["username"]);
        stored["_createdAt"] = json!(at);
        stored["_createdBy"] = json!({"username": "demo.admin", "_id": DEMO_USER_ID});
        stored["_updatedAt"] = json!(at);
        if body["type"] == "webhook-incoming" {
            stored["token"] = json!(format!(
                "{:0>48}",
                format!("{:x}", n.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            ));
        }
        stored
    }

    /// The rate window of `route`: the server's limiter counts each route apart.
    fn window(&mut self, route: &str) -> &mut RateWindow {
        let options = (!self.rate_options.is_null()).then_some(&self.rate_options);
        self.rates
            .entry(route.to_string())
            .or_insert_with(|| RateWindow::new(options))
    }
}

/// One delivery as the server records it: its steps, the target's answer or the error.
pub fn delivery(id: &str, event: &str, url: &str, failed: bool, at: u64) -> Value {
    let when = clock::rfc3339(at);
    if failed {
        json!({"_id": id, "type": "outgoing-webhook", "step": "after-http-call", "event": event, "url": url,
            "_createdAt": when, "_updatedAt": when, "error": true, "finished": true,
            "httpError": {"message": "connect ECONNREFUSED 10.0.0.1:443"}})
    } else {
        json!({"_id": id, "type": "outgoing-webhook", "step": "after-process-http-status-200", "event": event, "url": url,
            "_createdAt": when, "_updatedAt": when, "error": false, "finished": true,
            "httpResult": "{\"statusCode\":200}"})
    }
}

pub fn guarded(sandbox: Arc<Sandbox>) -> Router<Arc<Sandbox>> {
    Router::new()
        .route("/api/v1/integrations.list", get(handlers::list))
        .route("/api/v1/integrations.get", get(handlers::read))
        .route("/api/v1/integrations.create", post(handlers::create))
        .route("/api/v1/integrations.update", put(handlers::update))
        .route("/api/v1/integrations.remove", post(handlers::remove))
        .route("/api/info", get(handlers::info))
        .route("/api/v1/integrations.history", get(handlers::history))
        .route(
            "/api/v1/integrations.clearHistory",
            post(handlers::clear_history),
        )
        .route(
            "/api/v1/integrations.replayOutgoing",
            post(handlers::replay),
        )
        .layer(axum::middleware::from_fn_with_state(sandbox, authenticate))
}

/// The two headers, else 401; then the route's rate limit, whose headers every answer carries.
async fn authenticate(
    AxumState(sandbox): AxumState<Arc<Sandbox>>,
    request: Request,
    next: Next,
) -> Response {
    let headers = request.headers();
    let signed_in = credentials::header(headers, "x-user-id") == Some(DEMO_USER_ID)
        && credentials::header(headers, "x-auth-token") == Some(DEMO_TOKEN);
    if !signed_in {
        return failure(
            StatusCode::UNAUTHORIZED,
            "You must be logged in to do this.",
            None,
        );
    }
    let route = request.uri().path().to_string();
    let verdict = lock(&sandbox.vendors.rocketchat).window(&route).take();
    let mut response = match verdict {
        Ok(()) => next.run(request).await,
        Err(seconds) => failure(
            StatusCode::TOO_MANY_REQUESTS,
            &format!("Error, too many requests. Please slow down. You must wait {seconds} seconds before trying this endpoint again."),
            Some("error-too-many-requests"),
        ),
    };
    lock(&sandbox.vendors.rocketchat).window(&route).stamp_as(
        response.headers_mut(),
        "x-ratelimit",
        Reset::AtEpochMillis,
    );
    response
}

/// `{success: false, error, errorType}`; Meteor errors carry their type in the text too.
pub fn failure(status: StatusCode, error: &str, kind: Option<&str>) -> Response {
    let body = match kind {
        Some(kind) => {
            json!({"success": false, "error": format!("{error} [{kind}]"), "errorType": kind})
        }
        None => json!({"success": false, "error": error}),
    };
    (status, Json(body)).into_response()
}
