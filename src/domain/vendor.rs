//! The five vendors and the one interface each vendor module implements. Pages only speak
//! `VendorApi`; what a vendor means (paths, bodies, errors, rules) stays in its module.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::api::VendorApi;
use super::field::FieldSpec;
use super::rate_limit::RateLimitSignal;
use super::vendors;

/// A vendor Patchbay speaks to. The serialised form is the slug used in URLs and exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Vendor {
    #[serde(rename = "thousandeyes")]
    ThousandEyes,
    GrafanaOncall,
    #[serde(rename = "rocketchat")]
    RocketChat,
    Confluent,
    #[serde(rename = "pagertree")]
    PagerTree,
}

impl Vendor {
    pub const ALL: [Vendor; 5] = [
        Vendor::ThousandEyes,
        Vendor::GrafanaOncall,
        Vendor::RocketChat,
        Vendor::Confluent,
        Vendor::PagerTree,
    ];

    /// The stable name used in URLs, proxy prefixes and connection files.
    pub fn slug(self) -> &'static str {
        match self {
            Vendor::ThousandEyes => "thousandeyes",
            Vendor::GrafanaOncall => "grafana-oncall",
            Vendor::RocketChat => "rocketchat",
            Vendor::Confluent => "confluent",
            Vendor::PagerTree => "pagertree",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Vendor> {
        Vendor::ALL.into_iter().find(|v| v.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            Vendor::ThousandEyes => "ThousandEyes",
            Vendor::GrafanaOncall => "Grafana OnCall",
            Vendor::RocketChat => "Rocket.Chat",
            Vendor::Confluent => "Confluent Cloud",
            Vendor::PagerTree => "PagerTree",
        }
    }

    /// The public API host, where there is one; self-hosted vendors have none.
    pub fn default_base_url(self) -> Option<&'static str> {
        match self {
            Vendor::ThousandEyes => Some("https://api.thousandeyes.com"),
            Vendor::Confluent => Some("https://api.confluent.cloud"),
            Vendor::PagerTree => Some("https://api.pagertree.com"),
            Vendor::GrafanaOncall | Vendor::RocketChat => None,
        }
    }

    /// The same-origin prefix a deployment's reverse proxy forwards to this vendor.
    pub fn default_proxy_prefix(self) -> String {
        format!("/proxy/{}", self.slug())
    }

    /// Where to get the credentials, for the connection form's help text.
    pub fn credentials_help(self) -> &'static str {
        vendors::auth(self).help
    }

    /// The credential fields of this vendor's auth scheme. Pointers live under `/settings`
    /// (kept with the connection) or `/secrets` (kept apart, never persisted by default).
    pub fn credential_fields(self) -> Vec<FieldSpec> {
        (vendors::auth(self).fields)()
    }

    /// The headers that authenticate a request, built from the connection's settings and
    /// secrets; `Err` names the missing credential.
    pub fn auth_headers(self, credentials: &Credentials) -> Result<Vec<(String, String)>, String> {
        (vendors::auth(self).headers)(credentials)
    }

    /// How this vendor announces when to retry after a 429.
    pub fn rate_limit_signals(self) -> &'static [RateLimitSignal] {
        vendors::auth(self).rate_limit
    }

    /// The integration API of this vendor, once its vertical is built.
    pub fn api(self) -> Option<&'static dyn VendorApi> {
        vendors::api(self)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_match_the_serialised_form() {
        for vendor in Vendor::ALL {
            assert_eq!(Vendor::from_slug(vendor.slug()), Some(vendor));
            let json = serde_json::to_value(vendor).unwrap();
            assert_eq!(json, Value::String(vendor.slug().into()));
            assert_eq!(serde_json::from_value::<Vendor>(json).unwrap(), vendor);
        }
        assert_eq!(Vendor::from_slug("nope"), None);
    }

    #[test]
    fn proxy_prefixes_follow_the_slug() {
        assert_eq!(
            Vendor::GrafanaOncall.default_proxy_prefix(),
            "/proxy/grafana-oncall"
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
