//! ThousandEyes: the account groups a token can see, in v6 (`/v6/account-groups[.json]`, HTTP
//! Basic or bearer) and v7 (`/v7/account-groups`, bearer only) shapes; v6's integrations of
//! each account group (`/v6/integrations[.json]`: the document's example in the default group,
//! generated ones in every group); and v7's connectors and webhook operations (`v7.rs`).
//! Wrong credentials are 401 in each version's error shape; an `aid` the user is not assigned
//! to is 400. The organisation's rate limit (240 a minute unless a reset sets another) is
//! shared by v6 and v7 and stamps `X-Organization-Rate-Limit-*` on their integration answers,
//! the reset in epoch seconds. Other paths answer 501.

mod alert_rules;
mod v7;
mod v7_answers;
mod v7_rules;

use std::sync::Arc;

use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;

use crate::kit::credentials::{basic_is, header};
use crate::state::Sandbox;

/// The demo user's email and basic-auth token (the document's own example pair).
pub const DEMO_EMAIL: &str = "noreply@thousandeyes.com";
pub const DEMO_TOKEN: &str = "g351mw5xqhvkmh1vq6zfm51c62wyzib2";
/// The demo OAuth bearer token.
pub const DEMO_BEARER: &str = "demo-thousandeyes-bearer";

const GROUPS_V6: &str = include_str!("../../../../fixtures/thousandeyes/account-groups-v6.json");
const GROUPS_V7: &str = include_str!("../../../../fixtures/thousandeyes/account-groups-v7.json");
const INTEGRATIONS_V6: &str =
    include_str!("../../../../fixtures/thousandeyes/integrations-v6.json");

/// The default account group (the user's login group), where the document's example lives.
pub(crate) const DEFAULT_AID: &str = "1234";

/// The simulated organisation's integrations and its rate limit.
pub struct State {
    /// The v6 answer of each account group, by `aid`.
    integrations: std::collections::BTreeMap<String, Value>,
    /// The default account group's alert rules, in detail.
    alert_rules: Vec<Value>,
    /// v7's connectors and operations of each account group, by `aid`.
    v7: std::collections::BTreeMap<String, v7::Group>,
    /// The last id handed out, for v7's new records.
    next_id: u64,
    rate: crate::kit::RateWindow,
}

impl State {
    /// `options.generated` v6 integrations per account group (else the seed),
    /// `options.v7_generated` v7 connectors and operations per group (2 by default), and
    /// `rate_limit` (`{"limit": N, "window_s": S}`; 240 a minute by default).
    pub fn new(seed: usize, options: &Value) -> State {
        let generated = options
            .get("generated")
            .and_then(Value::as_u64)
            .map_or(seed, |n| n as usize);
        let v7_generated = options
            .get("v7_generated")
            .and_then(Value::as_u64)
            .map_or(2, |n| n as usize);
        let groups: Value = serde_json::from_str(GROUPS_V6).expect("the fixture is JSON");
        let mut integrations = std::collections::BTreeMap::new();
        let (mut v7, mut next_id) = (std::collections::BTreeMap::new(), 0);
        for group in groups["accountGroups"].as_array().into_iter().flatten() {
            let aid = group["aid"].to_string();
            v7.insert(
                aid.clone(),
                v7::Group::seeded(&aid, v7_generated, &mut next_id),
            );
            let mut answer: Value = if aid == DEFAULT_AID {
                serde_json::from_str(INTEGRATIONS_V6).expect("the fixture is JSON")
            } else {
                json!({"integrations": {"thirdParty": [], "webhook": []}})
            };
            for n in 0..generated {
                let name = format!(
                    "Generated integration {} ({})",
                    n + 1,
                    group["accountGroupName"].as_str().unwrap_or("")
                );
                let (list, entry) = match n % 3 {
                    0 => (
                        "webhook",
                        json!({"integrationId": format!("wb-{aid}-{n}"), "integrationName": name, "integrationType": "WEBHOOK", "target": format!("https://hooks.example.com/te/{aid}/{n}?token=t{n}")}),
                    ),
                    1 => (
                        "thirdParty",
                        json!({"integrationId": format!("sl-{aid}-{n}"), "integrationName": name, "integrationType": "SLACK", "channel": "#alerts", "target": format!("https://hooks.slack.com/services/T0/B{aid}/{n}x")}),
                    ),
                    _ => (
                        "thirdParty",
                        json!({"integrationId": format!("pgd-{aid}-{n}"), "integrationName": name, "integrationType": "PAGER_DUTY", "authMethod": "Auth Token", "authUser": "oncall", "authToken": format!("pd{aid}{n:08}")}),
                    ),
                };
                if let Some(items) = answer["integrations"][list].as_array_mut() {
                    items.push(entry);
                }
            }
            integrations.insert(aid, answer);
        }
        let mut rate_options = json!({"limit": 240, "window_s": 60});
        if let Some(given) = options.get("rate_limit") {
            rate_options = given.clone();
        }
        State {
            integrations,
            alert_rules: alert_rules::seeded(),
            v7,
            next_id,
            rate: crate::kit::RateWindow::new(Some(&rate_options)),
        }
    }
}

pub fn guarded(_sandbox: Arc<Sandbox>) -> Router<Arc<Sandbox>> {
    Router::new()
        .route("/v6/account-groups", get(groups_v6))
        .route("/v6/account-groups.json", get(groups_v6))
        .route("/v7/account-groups", get(groups_v7))
        .route("/v6/integrations", get(integrations_v6))
        .route("/v6/integrations.json", get(integrations_v6))
        .route("/v6/alert-rules", get(alert_rules::list))
        .route("/v6/alert-rules.json", get(alert_rules::list))
        .route("/v6/alert-rules/{id}", get(alert_rules::one))
        .merge(v7::routes())
        .fallback(|| async {
            (
                StatusCode::NOT_IMPLEMENTED,
                Json(json!({"error": "The sandbox simulates ThousandEyes' account groups, v6 integrations and alert rules, and v7 connectors and webhook operations only."})),
            )
        })
}

async fn groups_v6(headers: HeaderMap, Query(query): Query<HashMap<String, String>>) -> Response {
    if !(basic_is(&headers, DEMO_EMAIL, DEMO_TOKEN) || bearer_is(&headers)) {
        return v6_error(
            StatusCode::UNAUTHORIZED,
            "Invalid credentials",
            "/v6/account-groups",
        );
    }
    answer(GROUPS_V6, &query, |why| {
        v6_error(StatusCode::BAD_REQUEST, why, "/v6/account-groups")
    })
}

/// The account group's integrations (the default group's without an `aid`), after the
/// organisation's rate limit, whose headers every answer carries.
async fn integrations_v6(
    axum::extract::State(sandbox): axum::extract::State<Arc<Sandbox>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    v6_guarded(
        &sandbox,
        &headers,
        &query,
        "/v6/integrations",
        |state, aid| Json(state.integrations[aid].clone()).into_response(),
    )
}

/// A v6 answer as ThousandEyes gates it: past the organisation's rate window 429, with the
/// wrong credentials 401, for an account group the user is not in 400; else `show` answers for
/// the group. Every answer carries the rate window's headers.
pub(crate) fn v6_guarded(
    sandbox: &Sandbox,
    headers: &HeaderMap,
    query: &HashMap<String, String>,
    path: &str,
    show: impl FnOnce(&State, &str) -> Response,
) -> Response {
    let mut state = crate::state::lock(&sandbox.vendors.thousandeyes);
    let mut response = if state.rate.take().is_err() {
        v6_error(StatusCode::TOO_MANY_REQUESTS, "Rate limit exceeded", path)
    } else if !(basic_is(headers, DEMO_EMAIL, DEMO_TOKEN) || bearer_is(headers)) {
        v6_error(StatusCode::UNAUTHORIZED, "Invalid credentials", path)
    } else {
        let aid = query.get("aid").map_or(DEFAULT_AID, String::as_str);
        if state.integrations.contains_key(aid) {
            show(&state, aid)
        } else {
            v6_error(
                StatusCode::BAD_REQUEST,
                "The user is not assigned to the requested account group.",
                path,
            )
        }
    };
    state.rate.stamp_as(
        response.headers_mut(),
        "x-organization-rate-limit",
        crate::kit::Reset::AtEpochSeconds,
    );
    response
}

async fn groups_v7(headers: HeaderMap, Query(query): Query<HashMap<String, String>>) -> Response {
    if !bearer_is(&headers) {
        let body = json!({"error": "invalid_token", "error_description": "Invalid access token"});
        return (StatusCode::UNAUTHORIZED, Json(body)).into_response();
    }
    answer(GROUPS_V7, &query, |why| {
        let body =
            json!({"type": "about:blank", "title": "Bad Request", "status": 400, "detail": why});
        let mut response = (StatusCode::BAD_REQUEST, Json(body)).into_response();
        response.headers_mut().insert(
            "content-type",
            "application/problem+json".parse().expect("a valid header"),
        );
        response
    })
}

/// The list, unless the query names an `aid` the demo user is not assigned to.
fn answer(
    list: &str,
    query: &HashMap<String, String>,
    refuse: impl Fn(&str) -> Response,
) -> Response {
    let body: Value = serde_json::from_str(list).expect("the fixture is JSON");
    if let Some(aid) = query.get("aid") {
        let assigned = body["accountGroups"]
            .as_array()
            .into_iter()
            .flatten()
            // v6 answers the aid as a number, v7 as a string.
            .any(|group| match &group["aid"] {
                Value::String(text) => text == aid,
                number => number.as_u64().is_some_and(|n| n.to_string() == *aid),
            });
        if !assigned {
            return refuse("The user is not assigned to the requested account group.");
        }
    }
    Json(body).into_response()
}

pub(crate) fn bearer_is(headers: &HeaderMap) -> bool {
    header(headers, "authorization") == Some(&format!("Bearer {DEMO_BEARER}"))
}

pub(crate) fn v6_error(status: StatusCode, message: &str, path: &str) -> Response {
    let body = json!({
        "timestamp": 0,
        "httpStatus": status.as_u16(),
        "errors": [message],
        "path": path,
    });
    (status, Json(body)).into_response()
}
