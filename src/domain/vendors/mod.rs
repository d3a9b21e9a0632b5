//! One module per vendor. Each starts with its auth scheme (the credential fields of its
//! connection form and the headers they become); its vertical adds a `VendorApi`.

pub mod confluent;
pub mod grafana_oncall;
mod pagertree;
mod rocketchat;
mod thousandeyes;

use super::api::VendorApi;
use super::field::FieldSpec;
use super::rate_limit::RateLimitSignal;
use super::vendor::{Credentials, Vendor};

/// The auth headers a vendor's credentials make, or which credential is missing.
pub type AuthHeaders = Result<Vec<(String, String)>, String>;

/// How a vendor authenticates: the fields to ask for, the headers they make, how it says
/// "wait" on a 429.
pub struct AuthScheme {
    pub help: &'static str,
    pub fields: fn() -> Vec<FieldSpec>,
    pub headers: fn(&Credentials) -> AuthHeaders,
    pub rate_limit: &'static [RateLimitSignal],
}

pub fn auth(vendor: Vendor) -> &'static AuthScheme {
    match vendor {
        Vendor::ThousandEyes => &thousandeyes::AUTH,
        Vendor::GrafanaOncall => &grafana_oncall::AUTH,
        Vendor::RocketChat => &rocketchat::AUTH,
        Vendor::Confluent => &confluent::AUTH,
        Vendor::PagerTree => &pagertree::AUTH,
    }
}

/// The vendors whose integration pages are built. The others say so plainly in the console.
pub fn api(vendor: Vendor) -> Option<&'static dyn VendorApi> {
    match vendor {
        Vendor::Confluent => Some(&confluent::API),
        Vendor::GrafanaOncall => Some(&grafana_oncall::API),
        Vendor::ThousandEyes | Vendor::RocketChat | Vendor::PagerTree => None,
    }
}

/// `Authorization: Basic base64(user:password)`.
fn basic(user: &str, password: &str) -> (String, String) {
    let token = super::base64::encode(format!("{user}:{password}").as_bytes());
    ("Authorization".into(), format!("Basic {token}"))
}

fn header(name: &str, value: &str) -> (String, String) {
    (name.into(), value.into())
}

/// Credentials from two JSON objects, for the vendors' auth tests.
#[cfg(test)]
fn credentials(settings: serde_json::Value, secrets: serde_json::Value) -> Credentials {
    Credentials {
        settings: settings.as_object().cloned().unwrap_or_default(),
        secrets: secrets.as_object().cloned().unwrap_or_default(),
    }
}
