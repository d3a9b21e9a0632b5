//! Grafana OnCall: the raw API key in `Authorization`, with no `Bearer` prefix.

use crate::domain::auth::Credentials;
use crate::domain::auth::{header, AuthScheme};
use crate::domain::field::FieldSpec;
use crate::domain::rate_limit::RateLimitSignal;

pub static AUTH: AuthScheme = AuthScheme {
    help: "Create an API key in Grafana OnCall → Settings → API Tokens; the base URL is the \
           OnCall API URL shown on the same page.",
    fields: || vec![FieldSpec::secret("/secrets/api_key", "API key").required()],
    headers: auth_headers,
    // DRF sends `Retry-After`; OnCall adds `RateLimit-Reset` (seconds).
    rate_limit: &[
        RateLimitSignal::RetryAfterSeconds,
        RateLimitSignal::ResetInSeconds("ratelimit-reset"),
    ],
    setting_choices: &[],
};

fn auth_headers(credentials: &Credentials) -> Result<Vec<(String, String)>, String> {
    let key = credentials.require_secret("api_key", "API key")?;
    Ok(vec![header("Authorization", key)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::auth::credentials;
    use serde_json::json;

    #[test]
    fn the_key_is_sent_raw_without_a_scheme() {
        let credentials = credentials(json!({}), json!({"api_key": "abc123"}));
        assert_eq!(
            auth_headers(&credentials).unwrap(),
            [header("Authorization", "abc123")]
        );
    }
}
