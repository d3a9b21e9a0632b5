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
/// `Retry-After` may be seconds or an HTTP date; a reset header's value is read by its size,
/// whatever the vendor declared: epoch milliseconds, epoch seconds, or seconds from now.
pub fn wait_seconds(response: &Response, signals: &[RateLimitSignal], now_ms: u64) -> Option<u64> {
    signals.iter().find_map(|signal| {
        let seconds = match *signal {
            RateLimitSignal::RetryAfterSeconds => {
                let text = response.header("retry-after")?.trim();
                match number_text(text) {
                    Some(seconds) => seconds,
                    None => seconds_until(http_date_ms(text)?, now_ms),
                }
            }
            RateLimitSignal::ResetInSeconds(header)
            | RateLimitSignal::ResetAtEpochSeconds(header)
            | RateLimitSignal::ResetAtEpochMillis(header) => {
                reset_wait(number_text(response.header(header)?.trim())?, now_ms)
            }
        };
        Some(seconds.max(1))
    })
}

/// A reset value read by its size: from 10^11 it can only be epoch milliseconds (10^11 ms is
/// 1973), from 10^9 epoch seconds (2001), and below that seconds from now.
fn reset_wait(value: u64, now_ms: u64) -> u64 {
    if value >= 100_000_000_000 {
        seconds_until(value, now_ms)
    } else if value >= 1_000_000_000 {
        seconds_until(value.saturating_mul(1000), now_ms)
    } else {
        value
    }
}

fn seconds_until(at_ms: u64, now_ms: u64) -> u64 {
    at_ms.saturating_sub(now_ms).div_ceil(1000)
}

fn number_text(text: &str) -> Option<u64> {
    text.parse::<u64>().ok().or_else(|| {
        text.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && *f >= 0.0)
            .map(|f| f.ceil() as u64)
    })
}

/// An HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110's IMF-fixdate) as Unix milliseconds.
fn http_date_ms(text: &str) -> Option<u64> {
    let mut parts = text.split_whitespace();
    let _weekday = parts.next()?.strip_suffix(',')?;
    let day: u64 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month_name)? as u64 + 1;
    let year: u64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':').map(|p| p.parse::<u64>().ok());
    let (hour, minute, second) = (clock.next()??, clock.next()??, clock.next()??);
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60
    {
        return None;
    }
    let days = days_from_civil(year, month, day)?;
    Some(((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: u64, month: u64, day: u64) -> Option<u64> {
    let y = if month <= 2 {
        year.checked_sub(1)?
    } else {
        year
    };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe).checked_sub(719_468)
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
    fn retry_after_as_an_http_date_counts_down_from_now() {
        // NOW_MS is 2026-09-21T14:13:20Z.
        let response = limited("Retry-After", "Mon, 21 Sep 2026 14:13:50 GMT");
        assert_eq!(
            wait_seconds(&response, &[RateLimitSignal::RetryAfterSeconds], NOW_MS),
            Some(30)
        );
        assert_eq!(http_date_ms("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            http_date_ms("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000)
        );
        assert_eq!(http_date_ms("Sun, 06 Nov 1994 08:49:37 PST"), None);
        assert_eq!(http_date_ms("tomorrow"), None);
    }

    #[test]
    fn a_reset_header_is_read_by_its_size_whatever_was_declared() {
        let relative = [RateLimitSignal::ResetInSeconds("x-ratelimit-reset")];
        let epoch_s = (NOW_MS / 1000 + 20).to_string();
        let epoch_ms = (NOW_MS + 7_000).to_string();
        for (value, wait) in [("12", 12), (epoch_s.as_str(), 20), (epoch_ms.as_str(), 7)] {
            assert_eq!(
                wait_seconds(&limited("X-RateLimit-Reset", value), &relative, NOW_MS),
                Some(wait),
                "{value}"
            );
        }
        let millis = [RateLimitSignal::ResetAtEpochMillis("x-ratelimit-reset")];
        assert_eq!(
            wait_seconds(&limited("X-RateLimit-Reset", &epoch_s), &millis, NOW_MS),
            Some(20)
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
