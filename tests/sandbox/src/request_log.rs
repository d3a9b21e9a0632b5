//! The request log: what the simulated vendors received, so tests can assert what a vendor
//! saw (and that invalid input never arrived). Control calls are not logged.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

use crate::state::{lock, Sandbox};

/// Bodies larger than this are refused, as a vendor would (413).
const MAX_BODY: usize = 1 << 20;
/// Oldest entries are dropped past this many.
const MAX_ENTRIES: usize = 10_000;

#[derive(Clone, Debug, Serialize)]
pub struct LoggedRequest {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

pub async fn record(State(sandbox): State<Arc<Sandbox>>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return Response::builder()
            .status(413)
            .body(Body::from("request body too large"))
            .expect("static response");
    };
    let entry = LoggedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().unwrap_or("").to_string(),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.to_string(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    };
    {
        let mut log = lock(&sandbox.log);
        if log.len() >= MAX_ENTRIES {
            log.remove(0);
        }
        log.push(entry);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}
