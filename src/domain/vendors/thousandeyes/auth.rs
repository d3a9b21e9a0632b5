//! ThousandEyes: HTTP Basic with the user's email and API token (v6), or an OAuth bearer token
//! (v6 and v7); the account group (`aid`), chosen from the groups the token can see, picks whose
//! integrations are listed.

use serde_json::json;

use super::account_groups::ACCOUNT_GROUP;
use super::version::{is_v7, V7};
use crate::domain::auth::Credentials;
use crate::domain::auth::{basic, header, AuthScheme};
use crate::domain::field::{FieldSpec, Variant};
use crate::domain::rate_limit::RateLimitSignal;

pub static AUTH: AuthScheme = AuthScheme {
    help: "Tokens are on your ThousandEyes profile page, under User API Tokens.",
    fields: credential_fields,
    headers: auth_headers,
    // 240 requests a minute per organisation; the reset header is Unix seconds.
    rate_limit: &[RateLimitSignal::ResetAtEpochSeconds(
        "x-organization-rate-limit-reset",
    )],
    setting_choices: &[ACCOUNT_GROUP],
};

fn bearer_token() -> FieldSpec {
    FieldSpec::secret("/secrets/bearer_token", "Bearer token").required()
}

fn credential_fields() -> Vec<FieldSpec> {
    let v6_sign_in = FieldSpec::one_of(
        "/settings/auth",
        "Sign in with",
        vec![
            Variant::new(
                "basic",
                "Email and basic auth token",
                vec![
                    FieldSpec::text("/settings/email", "Email")
                        .required()
                        .pattern("must be an email address", |t| t.contains('@')),
                    FieldSpec::secret("/secrets/token", "Basic auth token").required(),
                ],
            ),
            Variant::new("bearer", "OAuth bearer token", vec![bearer_token()]),
        ],
    )
    .required()
    .default_value(json!("basic"));
    vec![
        FieldSpec::one_of(
            "/settings/version",
            "API version",
            vec![
                Variant::new(
                    V7,
                    "API v7: connectors and webhook operations (OAuth bearer token)",
                    vec![bearer_token()],
                ),
                Variant::new(
                    "v6",
                    "API v6: the classic integrations, read-only (deprecated)",
                    vec![v6_sign_in],
                ),
            ],
        )
        .required()
        .default_value(json!(V7))
        .help("v7 creates and edits connectors and webhook operations; v6 only lists the integrations made in ThousandEyes' own pages."),
        FieldSpec::choice("/settings/aid", "Account group", vec![])
            .choices_from_vendor()
            .pattern("must be an account group id (digits)", |aid| {
                !aid.is_empty() && aid.bytes().all(|b| b.is_ascii_digit())
            })
            .help("Read the groups this token can see with the button below the form, then choose one. Leave empty for the token's default group."),
    ]
}

fn auth_headers(credentials: &Credentials) -> Result<Vec<(String, String)>, String> {
    if is_v7(credentials) || credentials.setting("auth") == Some("bearer") {
        let token = credentials.require_secret("bearer_token", "Bearer token")?;
        return Ok(vec![header("Authorization", &format!("Bearer {token}"))]);
    }
    let email = credentials.require_setting("email", "Email")?;
    let token = credentials.require_secret("token", "Basic auth token")?;
    Ok(vec![basic(email, token)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::auth::credentials;

    #[test]
    fn basic_auth_joins_email_and_token() {
        let c = credentials(
            json!({"auth": "basic", "email": "noreply@thousandeyes.com"}),
            json!({"token": "g351mw5xqhvkmh1vq6zfm51c62wyzib2"}),
        );
        assert_eq!(
            auth_headers(&c).unwrap(),
            [basic(
                "noreply@thousandeyes.com",
                "g351mw5xqhvkmh1vq6zfm51c62wyzib2"
            )]
        );
    }

    #[test]
    fn bearer_auth_sends_the_oauth_token() {
        let c = credentials(json!({"auth": "bearer"}), json!({"bearer_token": "tok"}));
        assert_eq!(
            auth_headers(&c).unwrap(),
            [header("Authorization", "Bearer tok")]
        );
    }

    #[test]
    fn v7_sends_the_bearer_token_whatever_a_v6_sign_in_left_behind() {
        let c = credentials(
            json!({"version": "v7", "auth": "basic", "email": "a@b.c"}),
            json!({"bearer_token": "tok", "token": "basic-token"}),
        );
        assert_eq!(
            auth_headers(&c).unwrap(),
            [header("Authorization", "Bearer tok")]
        );
    }

    #[test]
    fn a_missing_token_is_named() {
        let c = credentials(json!({"auth": "basic", "email": "a@b.c"}), json!({}));
        assert_eq!(
            auth_headers(&c).unwrap_err(),
            "Basic auth token is not set for this connection"
        );
    }
}
