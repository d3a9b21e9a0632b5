//! Confluent's `Failure` body: `{"errors": [{id, status, code, title, detail, source}]}`.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// One entry of a Failure.
#[derive(Debug)]
pub struct Problem {
    pub code: &'static str,
    pub title: &'static str,
    pub detail: String,
    pub pointer: Option<String>,
    pub parameter: Option<&'static str>,
}

impl Problem {
    pub fn new(code: &'static str, title: &'static str, detail: impl Into<String>) -> Self {
        Problem {
            code,
            title,
            detail: detail.into(),
            pointer: None,
            parameter: None,
        }
    }

    /// A validation problem on a body property (422 with `source.pointer`).
    pub fn at(pointer: &str, detail: impl Into<String>) -> Self {
        Problem {
            pointer: Some(pointer.to_string()),
            ..Problem::new("invalid_configuration", "Validation Failed", detail)
        }
    }

    /// A problem with a query parameter (400 with `source.parameter`).
    pub fn parameter(parameter: &'static str, detail: impl Into<String>) -> Self {
        Problem {
            parameter: Some(parameter),
            ..Problem::new("invalid_parameter", "Invalid Parameter", detail)
        }
    }
}

pub fn respond(status: StatusCode, problems: Vec<Problem>) -> Response {
    let errors: Vec<Value> = problems
        .into_iter()
        .enumerate()
        .map(|(n, p)| {
            let mut error = json!({
                "id": format!("sbx-problem-{n}"),
                "status": status.as_u16().to_string(),
                "code": p.code,
                "title": p.title,
                "detail": p.detail,
            });
            if let Some(pointer) = p.pointer {
                error["source"] = json!({ "pointer": pointer });
            } else if let Some(parameter) = p.parameter {
                error["source"] = json!({ "parameter": parameter });
            }
            error
        })
        .collect();
    (status, Json(json!({ "errors": errors }))).into_response()
}

pub fn one(status: StatusCode, problem: Problem) -> Response {
    respond(status, vec![problem])
}

pub fn unauthorized() -> Response {
    let mut response = one(
        StatusCode::UNAUTHORIZED,
        Problem::new(
            "user_unauthenticated",
            "Authentication Required",
            "Valid authentication credentials must be provided",
        ),
    );
    response.headers_mut().insert(
        "www-authenticate",
        HeaderValue::from_static(
            "Basic error=\"invalid_key\", error_description=\"The API Key is invalid\"",
        ),
    );
    response
}

pub fn not_found(id: &str) -> Response {
    one(
        StatusCode::NOT_FOUND,
        Problem::new(
            "resource_not_found",
            "Not Found",
            format!("The integration '{id}' was not found"),
        ),
    )
}
