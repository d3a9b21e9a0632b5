//! Confluent Cloud: a Cloud API key and its secret as HTTP Basic.

use crate::domain::auth::Credentials;
use crate::domain::auth::{basic, AuthScheme};
use crate::domain::field::FieldSpec;
use crate::domain::rate_limit::RateLimitSignal;

pub static AUTH: AuthScheme = AuthScheme {
    help: "Create a Cloud API key (not a cluster key) in Confluent Cloud → API keys; only an \
           OrganizationAdmin key can change notifications.",
    fields: || {
        vec![
            FieldSpec::text("/settings/api_key", "Cloud API key").required(),
            FieldSpec::secret("/secrets/api_secret", "Cloud API secret").required(),
        ]
    },
    headers: auth_headers,
    // `X-RateLimit-Reset` is relative seconds here, not an epoch.
    rate_limit: &[
        RateLimitSignal::RetryAfterSeconds,
        RateLimitSignal::ResetInSeconds("x-ratelimit-reset"),
    ],
    setting_choices: &[],
};

fn auth_headers(credentials: &Credentials) -> Result<Vec<(String, String)>, String> {
    let key = credentials.require_setting("api_key", "Cloud API key")?;
    let secret = credentials.require_secret("api_secret", "Cloud API secret")?;
    Ok(vec![basic(key, secret)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::auth::credentials;
    use serde_json::json;

    #[test]
    fn key_and_secret_become_basic_auth() {
        let credentials = credentials(json!({"api_key": "KEY"}), json!({"api_secret": "SECRET"}));
        let headers = auth_headers(&credentials).unwrap();
        assert_eq!(headers[0].1, "Basic S0VZOlNFQ1JFVA==");
    }
}
