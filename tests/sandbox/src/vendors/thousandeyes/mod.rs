//! ThousandEyes, as far as the console uses it so far: the account groups a token can see, in
//! v6 (`/v6/account-groups[.json]`, HTTP Basic or bearer) and v7 (`/v7/account-groups`, bearer
//! only) shapes. Wrong credentials are 401 in each version's error shape; an `aid` the user is
//! not assigned to is 400. Other paths answer 501 until their simulation is built.

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

pub fn guarded(_sandbox: Arc<Sandbox>) -> Router<Arc<Sandbox>> {
    Router::new()
        .route("/v6/account-groups", get(groups_v6))
        .route("/v6/account-groups.json", get(groups_v6))
        .route("/v7/account-groups", get(groups_v7))
        .fallback(|| async {
            (
                StatusCode::NOT_IMPLEMENTED,
                Json(json!({"error": "The sandbox simulates only ThousandEyes' account groups so far."})),
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

fn bearer_is(headers: &HeaderMap) -> bool {
    header(headers, "authorization") == Some(&format!("Bearer {DEMO_BEARER}"))
}

fn v6_error(status: StatusCode, message: &str, path: &str) -> Response {
    let body = json!({
        "timestamp": 0,
        "httpStatus": status.as_u16(),
        "errors": [message],
        "path": path,
    });
    (status, Json(body)).into_response()
}
