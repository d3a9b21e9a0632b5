//! A connection: one vendor account the console talks to. Its settings persist; its secrets
//! never travel with it (see `credentials`). How connections are written to and read from a
//! file, and the rules they must pass, is `connection_file`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::read_only::ReadOnly;
use crate::domain::{Credentials, Vendor};
use crate::http::{Route, Target};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Connection {
    pub id: String,
    pub vendor: Vendor,
    pub label: String,
    pub base_url: String,
    pub route: Route,
    /// Non-secret settings: an email, a user id, an API key id, an account group.
    #[serde(default)]
    pub settings: Map<String, Value>,
    /// Shown to whoever uses the connection: where to get its key, whom to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A demonstration connection of the shipped preset: it may take the preset's published
    /// demo credentials (the sandbox's), which no other connection ever takes from a file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
    /// Read-only: only reads are sent for it (`true`, or `"until_new_credentials"` in a file).
    #[serde(default, skip_serializing_if = "ReadOnly::is_off")]
    pub read_only: ReadOnly,
}

impl Connection {
    /// The integration API this connection speaks (a ThousandEyes connection's version).
    pub fn api(&self) -> Option<&'static dyn crate::domain::VendorApi> {
        crate::domain::registry::api_for(self.vendor, &self.settings)
    }

    /// What the fetch layer needs to reach this connection's vendor.
    pub fn target(&self, secrets: Map<String, Value>) -> Target {
        Target {
            vendor: self.vendor,
            base_url: self.base_url.clone(),
            route: self.route.clone(),
            credentials: Credentials {
                settings: self.settings.clone(),
                secrets,
            },
            read_only: self.read_only,
        }
    }

    /// Whether requests would reach the same place: secrets saved for one destination must
    /// never be sent to another (an edited base URL, or an imported file that reuses an id).
    pub fn same_destination(&self, other: &Connection) -> bool {
        self.vendor == other.vendor && self.base_url == other.base_url && self.route == other.route
    }

    /// Where requests go, in words: "via /proxy/confluent" or "direct".
    pub fn route_summary(&self) -> String {
        match &self.route {
            Route::Direct => "direct from the browser".into(),
            Route::Proxy { prefix } => format!("via {prefix}"),
        }
    }
}

/// A fresh id: the vendor's slug and a random suffix (ids appear in URLs, so keep them short).
pub fn new_id(vendor: Vendor, random: f64) -> String {
    let n = (random.clamp(0.0, 1.0) * 36f64.powi(6)) as u64;
    let mut suffix = String::new();
    let mut rest = n;
    for _ in 0..6 {
        let digit = (rest % 36) as u32;
        suffix.push(char::from_digit(digit, 36).unwrap_or('0'));
        rest /= 36;
    }
    format!("{}-{suffix}", vendor.slug())
}
