//! What every vendor's auth is made of, below the vendor modules: a connection's credentials,
//! an auth scheme (the fields to ask for, the headers they make, how a 429 says "wait"), and
//! the header helpers the schemes share.

use serde_json::{Map, Value};

use super::error::ApiError;
use super::field::{Choice, FieldSpec};
use super::rate_limit::RateLimitSignal;
use super::request::{Request, Response};

/// The auth headers a vendor's credentials make, or which credential is missing.
pub type AuthHeaders = Result<Vec<(String, String)>, String>;

/// How a vendor authenticates: the fields to ask for, the headers they make, how it says
/// "wait" on a 429.
pub struct AuthScheme {
    pub help: &'static str,
    pub fields: fn() -> Vec<FieldSpec>,
    pub headers: fn(&Credentials) -> AuthHeaders,
    pub rate_limit: &'static [RateLimitSignal],
    /// Settings whose choices the vendor serves to these credentials (account groups).
    pub setting_choices: &'static [SettingChoices],
}

/// A connection setting chosen from what the vendor serves to the credentials being entered
/// (ThousandEyes' account groups), read from the connection form before the connection exists.
pub struct SettingChoices {
    /// The setting's field, e.g. `/settings/aid`; an enum with `choices_from_vendor`.
    pub pointer: &'static str,
    /// What the choices are, for the button and messages: "account groups".
    pub what: &'static str,
    /// The request that reads them with these credentials.
    pub request: fn(&Credentials) -> Request,
    /// The choices in a successful answer, or why it could not be read.
    pub read: fn(&Response) -> Result<Vec<Choice>, ApiError>,
}

/// A connection's credentials: non-secret parts (a user id, an API key id, an email) and
/// secrets (tokens), both keyed by the last token of their field's pointer.
#[derive(Clone, Default, PartialEq)]
pub struct Credentials {
    pub settings: Map<String, Value>,
    pub secrets: Map<String, Value>,
}

/// Secrets print as `••••` and a fingerprint, so a `{:?}` in a log or a panic message tells
/// two keys apart without giving either away.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secrets: std::collections::BTreeMap<&str, String> = self
            .secrets
            .iter()
            .map(|(key, value)| {
                let text = value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_string);
                (
                    key.as_str(),
                    format!("•••• ({})", super::safety::fingerprint(&text)),
                )
            })
            .collect();
        f.debug_struct("Credentials")
            .field("settings", &self.settings)
            .field("secrets", &secrets)
            .finish()
    }
}

impl Credentials {
    pub fn setting(&self, key: &str) -> Option<&str> {
        non_blank(self.settings.get(key))
    }

    /// A setting as the text a vendor receives, whatever its JSON type: an account group id
    /// saved as a number (ThousandEyes v6) or a string (v7) is `"1234"` either way.
    pub fn setting_text(&self, key: &str) -> Option<String> {
        match self.settings.get(key)? {
            Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
            Value::Number(number) => Some(number.to_string()),
            Value::Bool(flag) => Some(flag.to_string()),
            _ => None,
        }
    }

    pub fn secret(&self, key: &str) -> Option<&str> {
        non_blank(self.secrets.get(key))
    }

    /// A secret that must be there, or the message that says which one is missing.
    pub fn require_secret(&self, key: &str, label: &str) -> Result<&str, String> {
        self.secret(key)
            .ok_or_else(|| format!("{label} is not set for this connection"))
    }

    pub fn require_setting(&self, key: &str, label: &str) -> Result<&str, String> {
        self.setting(key)
            .ok_or_else(|| format!("{label} is not set for this connection"))
    }
}

fn non_blank(value: Option<&Value>) -> Option<&str> {
    value
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

/// `Authorization: Basic base64(user:password)`.
pub fn basic(user: &str, password: &str) -> (String, String) {
    let token = super::base64::encode(format!("{user}:{password}").as_bytes());
    ("Authorization".into(), format!("Basic {token}"))
}

pub fn header(name: &str, value: &str) -> (String, String) {
    (name.into(), value.into())
}

/// Credentials from two JSON objects, for the vendors' auth tests.
#[cfg(test)]
pub fn credentials(settings: serde_json::Value, secrets: serde_json::Value) -> Credentials {
    Credentials {
        settings: settings.as_object().cloned().unwrap_or_default(),
        secrets: secrets.as_object().cloned().unwrap_or_default(),
    }
}

/// Puts connection settings on a request as query parameters (`(parameter, setting key)`),
/// for vendors that want one on every call (ThousandEyes' account group `aid`). A parameter the
/// request already carries is left as the request has it.
pub fn scoped(
    mut request: super::request::Request,
    pairs: &[(&str, &str)],
    credentials: &Credentials,
) -> super::request::Request {
    for (parameter, key) in pairs {
        let present = request.query.iter().any(|(name, _)| name == parameter);
        if let (false, Some(value)) = (present, credentials.setting_text(key)) {
            request = request.query(*parameter, value);
        }
    }
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_reach_every_request_as_their_vendor_wants_them() {
        let credentials = credentials(
            serde_json::json!({"aid": 1234, "region": " eu "}),
            serde_json::json!({}),
        );
        let request = super::super::request::Request::get("/v7/connectors/generic");
        let sent = scoped(
            request,
            &[("aid", "aid"), ("region", "region"), ("missing", "nope")],
            &credentials,
        );
        assert_eq!(
            sent.query,
            vec![
                ("aid".to_string(), "1234".to_string()),
                ("region".to_string(), "eu".to_string())
            ]
        );
        let chosen = super::super::request::Request::get("/x").query("aid", "99");
        assert_eq!(
            scoped(chosen, &[("aid", "aid")], &credentials).query.len(),
            1
        );
    }

    #[test]
    fn debug_output_never_holds_a_secret() {
        let credentials = Credentials {
            settings: serde_json::json!({"api_key": "DEMOKEY"})
                .as_object()
                .unwrap()
                .clone(),
            secrets: serde_json::json!({"api_secret": "s3cr3t-value-42"})
                .as_object()
                .unwrap()
                .clone(),
        };
        let printed = format!("{credentials:?} {credentials:#?}");
        assert!(!printed.contains("s3cr3t-value-42"), "{printed}");
        assert!(printed.contains("DEMOKEY") && printed.contains("api_secret"));
    }

    #[test]
    fn blank_credentials_count_as_missing() {
        let mut credentials = Credentials::default();
        credentials
            .secrets
            .insert("token".into(), Value::String("  ".into()));
        assert_eq!(
            credentials.require_secret("token", "API token"),
            Err("API token is not set for this connection".to_string())
        );
    }
}
