//! Injected faults: the next N requests matching a method and path prefix get a chosen
//! failure instead of (or before) the simulated vendor's answer.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::server::ConnectionDrop;
use crate::state::{lock, Sandbox};

/// One queued fault.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Fault {
    #[serde(rename = "match", default)]
    pub matcher: Matcher,
    /// How many matching requests it hits before it is spent.
    #[serde(default = "one")]
    pub times: u32,
    pub fault: FaultKind,
}

fn one() -> u32 {
    1
}

/// Which requests a fault hits; an empty matcher hits every simulated request.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Matcher {
    /// `GET`, `POST`, … (any when absent).
    pub method: Option<String>,
    /// A path prefix such as `/confluent/notifications` (any when absent).
    pub path: Option<String>,
}

impl Matcher {
    fn hits(&self, method: &str, path: &str) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self.path.as_deref().is_none_or(|p| path.starts_with(p))
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer this status, body (JSON or text) and headers instead of the vendor.
    Status {
        status: u16,
        #[serde(default)]
        body: Value,
        #[serde(default)]
        headers: BTreeMap<String, String>,
    },
    /// Wait, then let the vendor answer.
    Delay { ms: u64 },
    /// Let the vendor answer, with these headers added (rate-limit figures, say).
    Headers { headers: BTreeMap<String, String> },
    /// A 200 whose JSON body is cut in the middle of a value.
    Malformed,
    /// A 200 that announces more bytes than it sends, then closes.
    Truncated,
    /// Close the connection without answering at all.
    Drop,
}

/// Takes one use of the first fault that hits this request.
fn take(sandbox: &Sandbox, method: &str, path: &str) -> Option<FaultKind> {
    let mut faults = lock(&sandbox.faults);
    let index = faults.iter().position(|f| f.matcher.hits(method, path))?;
    let kind = faults[index].fault.clone();
    faults[index].times -= 1;
    if faults[index].times == 0 {
        faults.remove(index);
    }
    Some(kind)
}

pub async fn apply(State(sandbox): State<Arc<Sandbox>>, request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let Some(kind) = take(&sandbox, &method, &path) else {
        return next.run(request).await;
    };
    match kind {
        FaultKind::Status {
            status,
            body,
            headers,
        } => status_response(status, body, headers),
        FaultKind::Delay { ms } => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(request).await
        }
        FaultKind::Headers { headers } => {
            let mut response = next.run(request).await;
            for (name, value) in headers {
                if let (Ok(name), Ok(value)) = (
                    HeaderName::try_from(name.as_str()),
                    HeaderValue::try_from(value.as_str()),
                ) {
                    response.headers_mut().insert(name, value);
                }
            }
            response
        }
        FaultKind::Malformed => json_response(200, Body::from(r#"{"data": [{"id": "x", "#)),
        FaultKind::Truncated => truncated_response(),
        FaultKind::Drop => {
            if let Some(drop) = request.extensions().get::<ConnectionDrop>() {
                drop.now();
            }
            std::future::pending::<Response>().await
        }
    }
}

fn status_response(status: u16, body: Value, headers: BTreeMap<String, String>) -> Response {
    let body = match body {
        Value::Null => Body::empty(),
        Value::String(text) => Body::from(text),
        json => Body::from(json.to_string()),
    };
    let mut response = json_response(status, body);
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

fn json_response(status: u16, body: Body) -> Response {
    Response::builder()
        .status(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .header("content-type", "application/json")
        .body(body)
        .expect("valid response parts")
}

fn truncated_response() -> Response {
    use futures_util::StreamExt;
    let full = r#"{"data": [{"id": "truncated-1", "display_name": "cut off here"}]}"#;
    let half = Bytes::from(full[..full.len() / 2].to_string());
    let first = futures_util::stream::once(async move { Ok::<_, std::io::Error>(half) });
    // The pause lets the status line and the first half reach the client before the cut.
    let cut = futures_util::stream::once(async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "truncated by fault",
        ))
    });
    Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .header("content-length", full.len().to_string())
        .body(Body::from_stream(first.chain(cut)))
        .expect("valid response parts")
}
