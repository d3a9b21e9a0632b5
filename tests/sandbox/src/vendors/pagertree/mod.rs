//! PagerTree API v4, simulated as its docs and its open-source adapters say: bearer API keys
//! (401 otherwise), `{data, has_more, total_count}` lists paged by `limit` (1–100, default 10)
//! and `offset` or `page`, equality filters on any attribute, create 201, PUT, delete 204,
//! the permitted-parameters filter, Rails casting of options, each type's defaults and
//! validations, the destination rule, Rails messages in `{errors: [{message}], code}`, the
//! catalogue of integration types, teams, routers and account users. Past a rate limit (set
//! through the control API) it answers 429 with no header, as PagerTree documents none.

mod catalogue;
mod handlers;
mod rules;

use std::sync::Arc;

use axum::extract::{Request, State as AxumState};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use crate::clock;
use crate::kit::{credentials, Collection, RateWindow};
use crate::state::{lock, Sandbox};

/// The demo API key the sandbox accepts as `Authorization: Bearer <key>`.
pub const DEMO_KEY: &str = "demo-pagertree-key";

const EXAMPLES: &str = include_str!("../../../../fixtures/pagertree/list_page.json");

/// A demo account holds at least this many integrations, whatever the seed.
const DEMO_MINIMUM: usize = 200;

pub struct State {
    pub integrations: Collection,
    pub teams: Vec<Value>,
    pub routers: Vec<Value>,
    pub account_users: Vec<Value>,
    pub rate: RateWindow,
    counter: u64,
}

impl State {
    /// The documented examples, demo destinations, and generated integrations across the
    /// catalogue: `options.generated` of them, else the seed but at least 200. `options` may
    /// also set `rate_limit` (`{"limit": N, "window_s": S}`).
    pub fn new(seed: usize, options: &Value) -> State {
        let named = |prefix: &str, names: &[&str]| -> Vec<Value> {
            names
                .iter()
                .enumerate()
                .map(|(n, name)| json!({"id": format!("{prefix}{:0>w$}", n + 1, w = 26 - prefix.len()), "name": name}))
                .collect()
        };
        let mut teams = vec![json!({"id": "01GDKK569YVD2EB6E9V80VXWY1", "name": "Web team"})];
        teams.extend(named("01GDKKTEAM", &["Platform", "Data", "Mobile"]));
        let mut routers =
            vec![json!({"id": "01GDKK3ROUTER0000000000001", "name": "Business hours"})];
        routers.extend(named("01GDKKROUTER", &["Night shift"]));
        let mut account_users = vec![
            json!({"id": "01GDKK2ACCOUNTUSER000000001", "user": {"name": "Ann Lee", "email": "ann@example.com"}}),
        ];
        account_users.extend(["Bo Chen", "Cy Diaz"].iter().enumerate().map(
            |(n, name)| json!({"id": format!("01GDKKUSER{:016}", n + 2), "user": {"name": name}}),
        ));
        let mut state = State {
            integrations: Collection::new("id"),
            teams,
            routers,
            account_users,
            rate: RateWindow::new(options.get("rate_limit")),
            counter: 1,
        };
        let examples: Value = serde_json::from_str(EXAMPLES).expect("the fixture is JSON");
        for example in examples["data"].as_array().into_iter().flatten() {
            state.integrations.push(example.clone());
        }
        let generated = options
            .get("generated")
            .and_then(Value::as_u64)
            .map_or(seed.max(DEMO_MINIMUM), |n| n as usize);
        let urgencies = rules::URGENCIES;
        for n in 0..generated {
            let kind = &catalogue::TYPES[n % catalogue::TYPES.len()];
            let team = state.teams[n % state.teams.len()]["id"].clone();
            let mut sent = Map::new();
            for (key, cast_as, _) in kind.own_options() {
                if matches!(cast_as, catalogue::Cast::Url) {
                    sent.insert(
                        format!("option_{key}"),
                        json!(format!("https://hooks.example.com/generated/{}", n + 1)),
                    );
                } else if matches!(cast_as, catalogue::Cast::Text)
                    && matches!(
                        key,
                        &"account_sid" | &"api_key" | &"api_secret" | &"custom_definition"
                    )
                {
                    sent.insert(
                        format!("option_{key}"),
                        json!(format!("generated-{key}-{}", n + 1)),
                    );
                }
            }
            let integration = json!({
                "name": format!("Generated integration {}", n + 1),
                "enabled": n % 7 != 0,
                "urgency": urgencies[n % urgencies.len()],
                "team_ids": [team],
                "router_ids": [],
                "account_user_ids": [],
            });
            let created = clock::now_secs().saturating_sub((generated - n) as u64 * 60);
            let stored = state.build(kind, &integration, &sent, created);
            state.integrations.push(stored);
        }
        state
    }

    /// A stored integration as the API answers it.
    fn build(
        &mut self,
        kind: &catalogue::Type,
        fields: &Value,
        sent: &Map<String, Value>,
        created: u64,
    ) -> Value {
        let n = self.counter;
        self.counter += 1;
        let at = clock::rfc3339(created);
        json!({
            "id": format!("01GDKN{:020}", n),
            "name": fields["name"],
            "enabled": fields.get("enabled").cloned().unwrap_or(json!(true)),
            "urgency": fields["urgency"],
            "integration_type": {"id": kind.id, "name": kind.name},
            "options": rules::options(kind, None, sent),
            "account_user_ids": fields.get("account_user_ids").cloned().unwrap_or(json!([])),
            "router_ids": fields.get("router_ids").cloned().unwrap_or(json!([])),
            "team_ids": fields.get("team_ids").cloned().unwrap_or(json!([])),
            "created_at": at,
            "updated_at": at,
        })
    }

    /// Whether `id` is one of the account's destinations of `kind` (`team_ids`, …).
    fn knows(&self, kind: &str, id: &str) -> bool {
        let list = match kind {
            "team_ids" => &self.teams,
            "router_ids" => &self.routers,
            _ => &self.account_users,
        };
        list.iter().any(|d| d["id"] == id)
    }
}

pub fn guarded(sandbox: Arc<Sandbox>) -> Router<Arc<Sandbox>> {
    Router::new()
        .route(
            "/api/v4/integrations",
            get(handlers::list).post(handlers::create),
        )
        .route(
            "/api/v4/integrations/{id}",
            get(handlers::read)
                .put(handlers::update)
                .delete(handlers::remove),
        )
        .route("/api/v4/integration_types", get(handlers::types))
        .route("/api/v4/integration_types/{id}", get(handlers::one_type))
        .route("/api/v4/teams", get(handlers::teams))
        .route("/api/v4/routers", get(handlers::routers))
        .route("/api/v4/account_users", get(handlers::account_users))
        .layer(axum::middleware::from_fn_with_state(sandbox, authenticate))
}

/// The key as a bearer token, else 401; past the rate limit, 429 without any header.
async fn authenticate(
    AxumState(sandbox): AxumState<Arc<Sandbox>>,
    request: Request,
    next: Next,
) -> Response {
    if lock(&sandbox.vendors.pagertree).rate.take().is_err() {
        return errors(StatusCode::TOO_MANY_REQUESTS, &["Too many requests"]);
    }
    let bearer = credentials::header(request.headers(), "authorization")
        .and_then(|h| h.strip_prefix("Bearer "));
    if bearer != Some(DEMO_KEY) {
        return errors(StatusCode::UNAUTHORIZED, &["Unauthorized"]);
    }
    next.run(request).await
}

/// PagerTree's error body: `{"errors": [{"message": …}], "code": status}`.
pub fn errors(status: StatusCode, messages: &[impl AsRef<str>]) -> Response {
    let entries: Vec<Value> = messages
        .iter()
        .map(|m| json!({"message": m.as_ref()}))
        .collect();
    (
        status,
        Json(json!({"errors": entries, "code": status.as_u16()})),
    )
        .into_response()
}
