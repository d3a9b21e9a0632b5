//! Rocket.Chat: a personal access token and the user id it belongs to, as two headers.

use crate::domain::auth::Credentials;
use crate::domain::auth::{header, AuthScheme};
use crate::domain::field::FieldSpec;
use crate::domain::rate_limit::RateLimitSignal;

pub static AUTH: AuthScheme = AuthScheme {
    help: "Create a personal access token under My Account → Personal Access Tokens; it shows \
           the token and your user id once. The base URL is the workspace's (https://chat.example.com). \
           Keep the proxy route unless the workspace allows this site's origin (Administration → \
           General → REST API → Enable CORS).",
    fields: || {
        vec![
            FieldSpec::text("/settings/user_id", "User id").required(),
            FieldSpec::secret("/secrets/auth_token", "Personal access token").required(),
        ]
    },
    headers: auth_headers,
    // The reset header is Unix milliseconds.
    rate_limit: &[RateLimitSignal::ResetAtEpochMillis("x-ratelimit-reset")],
    setting_choices: &[],
};

fn auth_headers(credentials: &Credentials) -> Result<Vec<(String, String)>, String> {
    let user = credentials.require_setting("user_id", "User id")?;
    let token = credentials.require_secret("auth_token", "Personal access token")?;
    Ok(vec![
        header("X-User-Id", user),
        header("X-Auth-Token", token),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::auth::credentials;
    use serde_json::json;

    #[test]
    fn user_id_and_token_travel_as_their_own_headers() {
        let credentials = credentials(json!({"user_id": "u1"}), json!({"auth_token": "t1"}));
        assert_eq!(
            auth_headers(&credentials).unwrap(),
            [header("X-User-Id", "u1"), header("X-Auth-Token", "t1")]
        );
    }
}
