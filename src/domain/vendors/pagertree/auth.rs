//! PagerTree API v4 auth: the user's API key as a bearer token.

use crate::domain::auth::Credentials;
use crate::domain::auth::{header, AuthScheme};
use crate::domain::field::FieldSpec;
use crate::domain::rate_limit::RateLimitSignal;

pub static AUTH: AuthScheme = AuthScheme {
    help: "Your API key is under User Settings → API Keys in PagerTree.",
    fields: || vec![FieldSpec::secret("/secrets/api_key", "API key").required()],
    headers: auth_headers,
    // PagerTree documents 429 but no header: the fetch layer backs off on its own.
    rate_limit: &[RateLimitSignal::RetryAfterSeconds],
    setting_choices: &[],
};

fn auth_headers(credentials: &Credentials) -> Result<Vec<(String, String)>, String> {
    let key = credentials.require_secret("api_key", "API key")?;
    Ok(vec![header("Authorization", &format!("Bearer {key}"))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::auth::credentials;
    use serde_json::json;

    #[test]
    fn the_key_is_a_bearer_token() {
        let credentials = credentials(json!({}), json!({"api_key": "pt_1"}));
        assert_eq!(
            auth_headers(&credentials).unwrap(),
            [header("Authorization", "Bearer pt_1")]
        );
    }
}
