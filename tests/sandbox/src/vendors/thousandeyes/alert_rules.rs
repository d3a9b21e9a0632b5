//! v6 alert rules (`GET /v6/alert-rules.json`, `GET /v6/alert-rules/{ruleId}.json`): the list
//! without notifications, as ThousandEyes lists rules, and each rule's detail with them, in
//! `{alertRules: [rule]}`. The default account group holds the fixture's two rules; the others
//! none. Same credentials, account-group check and rate window as the integrations list.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::{v6_error, v6_guarded, DEFAULT_AID};
use crate::state::Sandbox;

const RULES: &str = include_str!("../../../../fixtures/thousandeyes/alert-rules-v6.json");
const RULE: &str = include_str!("../../../../fixtures/thousandeyes/alert-rule-v6.json");

/// Each rule of the default account group, in detail.
pub fn seeded() -> Vec<Value> {
    let listed: Value = serde_json::from_str(RULES).expect("the fixture is JSON");
    let detailed: Value = serde_json::from_str(RULE).expect("the fixture is JSON");
    listed["alertRules"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|rule| {
            let same = |d: &&Value| d["ruleId"] == rule["ruleId"];
            let detail = detailed["alertRules"]
                .as_array()
                .into_iter()
                .flatten()
                .find(same);
            detail.cloned().unwrap_or_else(|| {
                let mut rule = rule.clone();
                rule["notifications"] = json!({});
                rule
            })
        })
        .collect()
}

/// What a rule's list entry leaves out.
const DETAIL_ONLY: [&str; 2] = ["notifications", "testIds"];

pub async fn list(
    State(sandbox): State<Arc<Sandbox>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    answer(
        &sandbox,
        &headers,
        &query,
        "/v6/alert-rules",
        |rules: &[Value]| {
            let listed: Vec<Value> = rules
                .iter()
                .map(|rule| {
                    let mut rule = rule.clone();
                    if let Some(rule) = rule.as_object_mut() {
                        DETAIL_ONLY.iter().for_each(|key| _ = rule.remove(*key));
                    }
                    rule
                })
                .collect();
            Json(json!({ "alertRules": listed })).into_response()
        },
    )
}

pub async fn one(
    State(sandbox): State<Arc<Sandbox>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let id = id.trim_end_matches(".json").to_string();
    let path = format!("/v6/alert-rules/{id}");
    answer(
        &sandbox,
        &headers,
        &query,
        &path.clone(),
        |rules| match rules
            .iter()
            .find(|rule| id.parse::<u64>().is_ok_and(|n| rule["ruleId"] == n))
        {
            Some(rule) => Json(json!({ "alertRules": [rule] })).into_response(),
            None => v6_error(StatusCode::NOT_FOUND, "Alert rule not found", &path),
        },
    )
}

/// The rules of the request's account group through `show`, once ThousandEyes' v6 gate lets
/// the request through.
fn answer(
    sandbox: &Sandbox,
    headers: &HeaderMap,
    query: &HashMap<String, String>,
    path: &str,
    show: impl FnOnce(&[Value]) -> Response,
) -> Response {
    v6_guarded(sandbox, headers, query, path, |state, aid| {
        if aid == DEFAULT_AID {
            show(&state.alert_rules)
        } else {
            show(&[])
        }
    })
}
