//! How much of a vendor's rate-limit window is left, as its answers say (ThousandEyes'
//! `X-Organization-Rate-Limit-*`, shared by the whole organisation; `X-RateLimit-*` of
//! Rocket.Chat and Confluent). The page says so once it runs low, before a 429 makes everyone
//! wait.

use super::paging::requests_left;
use super::rate_limit::{wait_seconds, RateLimitSignal};
use super::request::Response;

/// The headers vendors use to say how many requests a window allows.
const REQUESTS_ALLOWED: [&str; 3] = [
    "x-organization-rate-limit-limit",
    "x-ratelimit-limit",
    "ratelimit-limit",
];

/// What one answer said about the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    pub left: u64,
    pub limit: Option<u64>,
    /// Seconds until the window resets, when the vendor said.
    pub resets_in: Option<u64>,
}

impl Budget {
    /// The budget an answer reports, if it reports one; `now_ms` dates epoch resets.
    pub fn of(response: &Response, signals: &[RateLimitSignal], now_ms: u64) -> Option<Budget> {
        let left = requests_left(&response.headers)?;
        let limit = response
            .headers
            .iter()
            .filter(|(name, _)| {
                REQUESTS_ALLOWED
                    .iter()
                    .any(|h| name.eq_ignore_ascii_case(h))
            })
            .find_map(|(_, value)| value.trim().parse().ok());
        Some(Budget {
            left,
            limit,
            resets_in: wait_seconds(response, signals, now_ms),
        })
    }

    /// Low: a fifth or less of the window left (of an unknown window, fewer than ten).
    pub fn is_low(&self) -> bool {
        match self.limit {
            Some(limit) => self.left * 5 <= limit,
            None => self.left < 10,
        }
    }

    /// What the page says while the budget is low.
    pub fn message(&self, vendor: &str) -> String {
        let of = self.limit.map(|l| format!(" of {l}")).unwrap_or_default();
        let reset = self
            .resets_in
            .map(|s| format!(" The window resets in {s} s."))
            .unwrap_or_default();
        format!(
            "{vendor} will take {} more request{}{of} in this rate-limit window, shared by everyone who uses this account.{reset} \
             Patchbay slows down as it runs out and waits for the reset rather than retry.",
            self.left,
            if self.left == 1 { "" } else { "s" },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(headers: &[(&str, &str)]) -> Response {
        let mut response = Response::new(200, "{}");
        response.headers = headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        response
    }

    const TE: [RateLimitSignal; 1] = [RateLimitSignal::ResetAtEpochSeconds(
        "x-organization-rate-limit-reset",
    )];

    #[test]
    fn the_organisations_window_is_read_from_its_headers() {
        let now_ms = 1_770_000_000_000;
        let budget = Budget::of(
            &answer(&[
                ("X-Organization-Rate-Limit-Limit", "240"),
                ("X-Organization-Rate-Limit-Remaining", "12"),
                ("X-Organization-Rate-Limit-Reset", "1770000042"),
            ]),
            &TE,
            now_ms,
        )
        .unwrap();
        assert_eq!(
            budget,
            Budget {
                left: 12,
                limit: Some(240),
                resets_in: Some(42)
            }
        );
        assert!(budget.is_low());
        let text = budget.message("ThousandEyes");
        assert!(
            text.starts_with("ThousandEyes will take 12 more requests of 240"),
            "{text}"
        );
        assert!(text.contains("resets in 42 s"));
        assert_eq!(Budget::of(&answer(&[]), &TE, now_ms), None);
    }

    #[test]
    fn low_is_a_fifth_of_the_window() {
        let budget = |left, limit| Budget {
            left,
            limit,
            resets_in: None,
        };
        assert!(!budget(49, Some(240)).is_low());
        assert!(budget(48, Some(240)).is_low());
        assert!(!budget(3, Some(10)).is_low());
        assert!(budget(9, None).is_low());
    }
}
