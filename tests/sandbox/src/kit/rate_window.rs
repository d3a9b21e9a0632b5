//! A fixed-window rate limit, set per vendor through the control API (`rate_limit`), so the
//! console's waiting on 429s can be tried against any simulated vendor.

use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;

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
    pub fn take(&mut self) -> Result<(), u64> {
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

    /// Calls left in this window.
    pub fn remaining(&self) -> u32 {
        self.limit.saturating_sub(self.used)
    }

    pub fn reset_in(&self) -> u64 {
        self.window
            .saturating_sub(self.started.elapsed())
            .as_secs()
            .max(1)
    }

    /// `X-RateLimit-Limit`, `-Remaining` and `-Reset` in seconds from now (Confluent, OnCall).
    pub fn stamp(&self, headers: &mut HeaderMap) {
        self.stamp_as(headers, "x-ratelimit", Reset::InSeconds);
    }

    /// `<prefix>-limit`, `-remaining` and `-reset`, the reset written as the vendor writes it.
    pub fn stamp_as(&self, headers: &mut HeaderMap, prefix: &str, reset: Reset) {
        let now = crate::clock::now_secs();
        let reset = match reset {
            Reset::InSeconds => self.reset_in(),
            Reset::AtEpochSeconds => now + self.reset_in(),
            Reset::AtEpochMillis => (now + self.reset_in()) * 1000,
        };
        for (suffix, value) in [
            ("limit", u64::from(self.limit)),
            ("remaining", u64::from(self.remaining())),
            ("reset", reset),
        ] {
            if let Ok(name) = HeaderName::try_from(format!("{prefix}-{suffix}")) {
                headers.insert(name, HeaderValue::from(value));
            }
        }
    }
}

/// How a vendor writes when its window resets.
#[derive(Clone, Copy, Debug)]
pub enum Reset {
    /// Seconds from now.
    InSeconds,
    /// Unix seconds (ThousandEyes).
    AtEpochSeconds,
    /// Unix milliseconds (Rocket.Chat).
    AtEpochMillis,
}
