//! The sandbox's shared state: the request log, the queued faults, and each vendor's data.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use crate::faults::Fault;
use crate::request_log::LoggedRequest;

pub struct Sandbox {
    pub public_url: String,
    pub default_seed: usize,
    pub log: Mutex<Vec<LoggedRequest>>,
    pub faults: Mutex<Vec<Fault>>,
    pub vendors: crate::vendors::States,
    request_ids: AtomicU64,
}

impl Sandbox {
    pub fn new(public_url: String, default_seed: usize) -> Self {
        Sandbox {
            public_url: public_url.trim_end_matches('/').to_string(),
            default_seed,
            log: Mutex::new(Vec::new()),
            faults: Mutex::new(Vec::new()),
            vendors: crate::vendors::States::new(default_seed, &serde_json::Value::Null),
            request_ids: AtomicU64::new(1),
        }
    }

    /// Back to a known state: no log, no faults, and each vendor seeded with `seed` generated
    /// integrations besides its documented examples, tuned by `options.<vendor>`.
    pub fn reset(&self, seed: usize, options: &serde_json::Value) {
        lock(&self.log).clear();
        lock(&self.faults).clear();
        self.vendors.reset(seed, options);
    }

    /// A fresh request id, as vendors put in `X-Request-Id`.
    pub fn next_request_id(&self) -> String {
        format!(
            "sbx-{:06}",
            self.request_ids.fetch_add(1, Ordering::Relaxed)
        )
    }
}

/// Locks a mutex, recovering the data if a panicking handler poisoned it: a sandbox that
/// keeps answering is more useful to a test than one that cascades the first failure.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Every response carries `X-Request-Id`, as every real vendor here does.
pub async fn stamp_request_id(
    State(sandbox): State<Arc<Sandbox>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    if !response.headers().contains_key("x-request-id") {
        let id = sandbox.next_request_id();
        if let Ok(value) = HeaderValue::from_str(&id) {
            response.headers_mut().insert("x-request-id", value);
        }
    }
    response
}
