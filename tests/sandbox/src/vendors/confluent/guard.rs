//! What every Confluent request passes first: HTTP Basic with the demo key, then the rate
//! limit. Every answer carries `X-RateLimit-Limit`, `-Remaining` and `-Reset` (relative
//! seconds, as Confluent documents); past the limit the answer is 429 with `Retry-After`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use serde_json::Value;

use super::failure::{self, Problem};
use super::{DEMO_KEY, DEMO_SECRET};
use crate::state::{lock, Sandbox};

/// A fixed window: `limit` requests per `window`.
pub struct RateWindow {
    limit: u32,
    window: Duration,
    started: Instant,
    used: u32,
}

impl RateWindow {
    /// From `{"limit": N, "window_s": S}`; by default generous enough never to bite.
    pub fn new(options: Option<&Value>) -> RateWindow {
        let number = |key: &str, default: u64| {
            options
                .and_then(|o| o.get(key))
                .and_then(Value::as_u64)
                .unwrap_or(default)
        };
        RateWindow {
            limit: number("limit", 10_000) as u32,
            window: Duration::from_secs(number("window_s", 60).max(1)),
            started: Instant::now(),
            used: 0,
        }
    }

    /// Counts one request; `Err(seconds)` when the window is spent.
    fn take(&mut self) -> Result<(), u64> {
        if self.started.elapsed() >= self.window {
            self.started = Instant::now();
            self.used = 0;
        }
        if self.used >= self.limit {
            return Err(self.reset_in());
        }
        self.used += 1;
        Ok(())
    }

    fn reset_in(&self) -> u64 {
        self.window
            .saturating_sub(self.started.elapsed())
            .as_secs()
            .max(1)
    }

    fn stamp(&self, headers: &mut HeaderMap) {
        let mut set = |name: &'static str, value: u64| {
            headers.insert(name, HeaderValue::from(value));
        };
        set("x-ratelimit-limit", u64::from(self.limit));
        set(
            "x-ratelimit-remaining",
            u64::from(self.limit.saturating_sub(self.used)),
        );
        set("x-ratelimit-reset", self.reset_in());
    }
}

pub async fn check(State(sandbox): State<Arc<Sandbox>>, request: Request, next: Next) -> Response {
    if !authorised(request.headers()) {
        return failure::unauthorized();
    }
    let verdict = lock(&sandbox.vendors.confluent).rate.take();
    let mut response = match verdict {
        Ok(()) => next.run(request).await,
        Err(seconds) => {
            let mut limited = failure::one(
                StatusCode::TOO_MANY_REQUESTS,
                Problem::new(
                    "too_many_requests",
                    "Too Many Requests",
                    "Rate limit exceeded",
                ),
            );
            limited
                .headers_mut()
                .insert("retry-after", HeaderValue::from(seconds));
            limited
        }
    };
    lock(&sandbox.vendors.confluent)
        .rate
        .stamp(response.headers_mut());
    response
}

fn authorised(headers: &HeaderMap) -> bool {
    let Some(encoded) = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
    else {
        return false;
    };
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .unwrap_or_default();
    decoded == format!("{DEMO_KEY}:{DEMO_SECRET}").as_bytes()
}
