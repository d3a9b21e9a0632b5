//! The shapes of the simulated ThousandEyes v7 answers: HAL bodies with `_links`,
//! problem+json errors (with `errors: [{code, field, message}]` for refused fields), and the
//! id lists of assignments.

use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::v7_rules::Refusal;

pub(super) fn with_type(mut response: Response, content_type: &'static str) -> Response {
    response
        .headers_mut()
        .insert("content-type", HeaderValue::from_static(content_type));
    response
}

pub(super) fn problem(
    status: StatusCode,
    title: &str,
    detail: &str,
    refusals: &[Refusal],
) -> Response {
    let mut body = json!({"type": "about:blank", "title": title, "status": status.as_u16(), "detail": detail, "instance": "/v7"});
    if !refusals.is_empty() {
        body["errors"] = refusals
            .iter()
            .map(|r| json!({"code": "VALIDATION", "field": r.field, "message": r.message}))
            .collect();
    }
    with_type(
        (status, Json(body)).into_response(),
        "application/problem+json",
    )
}

pub(super) fn hal(status: StatusCode, body: Value) -> Response {
    with_type((status, Json(body)).into_response(), "application/hal+json")
}

pub(super) fn not_found(what: &str) -> Response {
    problem(
        StatusCode::NOT_FOUND,
        "URI Resource Not Found",
        &format!("No {what} with this id in this account group."),
        &[],
    )
}

pub(super) fn invalid(refusals: &[Refusal]) -> Response {
    problem(
        StatusCode::BAD_REQUEST,
        "Request validation failed. There are invalid or missing fields",
        "Your request object contains invalid fields.",
        refusals,
    )
}

/// The JSON body, or `None` when it is not JSON (answered by `bad_json`).
pub(super) fn parse(body: &Bytes) -> Option<Value> {
    serde_json::from_slice(body).ok()
}

pub(super) fn bad_json() -> Response {
    problem(
        StatusCode::BAD_REQUEST,
        "Bad Request",
        "The request body is not valid JSON.",
        &[],
    )
}

pub(super) fn with_link(mut item: Value, path: &str) -> Value {
    let id = item["id"].as_str().unwrap_or_default().to_string();
    item["_links"] =
        json!({"self": {"href": format!("https://api.thousandeyes.com/v7/{path}/{id}")}});
    item
}

pub(super) fn listing(items: &[Value], path: &str) -> Response {
    let items: Vec<Value> = items.iter().map(|i| with_link(i.clone(), path)).collect();
    hal(
        StatusCode::OK,
        json!({"items": items, "_links": {"self": {"href": format!("https://api.thousandeyes.com/v7/{path}")}}}),
    )
}

pub(super) fn assignments(ids: Vec<String>, path: String) -> Response {
    hal(
        StatusCode::OK,
        json!({"items": ids, "_links": {"self": {"href": format!("https://api.thousandeyes.com/v7/{path}")}}}),
    )
}

/// A JSON list of ids, or why not.
pub(super) fn id_list(body: &Bytes) -> Result<Vec<String>, String> {
    let body = parse(body).ok_or("the request body is not valid JSON")?;
    let items = body.as_array().ok_or("the body must be a list of ids")?;
    items
        .iter()
        .map(|i| i.as_str().map(str::to_string))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| "each id must be a string".into())
}

pub(super) fn refused(message: String) -> Response {
    invalid(&[Refusal {
        field: String::new(),
        message,
    }])
}
