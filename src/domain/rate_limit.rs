//! How long a vendor asks us to wait after a 429. Each vendor says it its own way: seconds in
//! `Retry-After`, a relative reset, or a reset time as epoch seconds or epoch milliseconds.

use super::request::Response;

/// One way a vendor announces when it will accept requests again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateLimitSignal {
    /// `Retry-After: <seconds>`.
    RetryAfterSeconds,
    /// A header holding the seconds left until the window resets (Confluent `X-RateLimit-Reset`).
    ResetInSeconds(&'static str),
    /// A header holding the reset time in Unix seconds (ThousandEyes).
    ResetAtEpochSeconds(&'static str),
    /// A header holding the reset time in Unix milliseconds (Rocket.Chat).
    ResetAtEpochMillis(&'static str),
}

/// The wait in whole seconds (at least 1) that the first present signal announces, or `None`
/// when the response carries none of them. `now_ms` is the current Unix time in milliseconds.
pub fn wait_seconds(response: &Response, signals: &[RateLimitSignal], now_ms: u64) -> Option<u64> {
    signals.iter().find_map(|signal| {
        let seconds = match *signal {
            RateLimitSignal::RetryAfterSeconds => number(response, "retry-after")?,
            RateLimitSignal::ResetInSeconds(header) => number(response, header)?,
            RateLimitSignal::ResetAtEpochSeconds(header) => number(response, header)?
                .saturating_mul(1000)
                .saturating_sub(now_ms)
                .div_ceil(1000),
            RateLimitSignal::ResetAtEpochMillis(header) => number(response, header)?
                .saturating_sub(now_ms)
                .div_ceil(1000),
        };
        Some(seconds.max(1))
    })
}

fn number(response: &Response, header: &str) -> Option<u64> {
    let text = response.header(header)?.trim();
    text.parse::<u64>().ok().or_else(|| {
        text.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && *f >= 0.0)
            .map(|f| f.ceil() as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW_MS: u64 = 1_790_000_000_000;

    fn limited(name: &str, value: &str) -> Response {
        Response::new(429, "").with_header(name, value)
    }

    #[test]
    fn retry_after_seconds_is_read_as_is() {
        let response = limited("Retry-After", "7");
        assert_eq!(
            wait_seconds(&response, &[RateLimitSignal::RetryAfterSeconds], NOW_MS),
            Some(7)
        );
    }

    #[test]
    fn relative_reset_is_seconds_from_now() {
        let signals = [RateLimitSignal::ResetInSeconds("x-ratelimit-reset")];
        assert_eq!(
            wait_seconds(&limited("X-RateLimit-Reset", "12"), &signals, NOW_MS),
            Some(12)
        );
        assert_eq!(
            wait_seconds(&limited("X-RateLimit-Reset", "0.2"), &signals, NOW_MS),
            Some(1)
        );
    }

    #[test]
    fn epoch_seconds_and_millis_count_down_from_now() {
        let seconds = [RateLimitSignal::ResetAtEpochSeconds(
            "x-organization-rate-limit-reset",
        )];
        let reset = (NOW_MS / 1000 + 30).to_string();
        assert_eq!(
            wait_seconds(
                &limited("X-Organization-Rate-Limit-Reset", &reset),
                &seconds,
                NOW_MS
            ),
            Some(30)
        );
        let millis = [RateLimitSignal::ResetAtEpochMillis("x-ratelimit-reset")];
        let reset = (NOW_MS + 4_500).to_string();
        assert_eq!(
            wait_seconds(&limited("X-RateLimit-Reset", &reset), &millis, NOW_MS),
            Some(5)
        );
    }

    #[test]
    fn a_reset_in_the_past_still_waits_one_second() {
        let millis = [RateLimitSignal::ResetAtEpochMillis("x-ratelimit-reset")];
        let past = (NOW_MS - 10_000).to_string();
        assert_eq!(
            wait_seconds(&limited("X-RateLimit-Reset", &past), &millis, NOW_MS),
            Some(1)
        );
    }

    #[test]
    fn the_first_signal_present_wins_and_garbage_is_ignored() {
        let signals = [
            RateLimitSignal::RetryAfterSeconds,
            RateLimitSignal::ResetInSeconds("x-ratelimit-reset"),
        ];
        let response = Response::new(429, "")
            .with_header("Retry-After", "soon")
            .with_header("X-RateLimit-Reset", "9");
        assert_eq!(wait_seconds(&response, &signals, NOW_MS), Some(9));
        assert_eq!(
            wait_seconds(&Response::new(429, ""), &signals, NOW_MS),
            None
        );
    }
}
