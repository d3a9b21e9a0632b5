//! The five vendors, as identities: slug, title, public base URL, proxy prefix. What each
//! vendor does (auth, its integration API) is dispatched above the vendor modules, in
//! `registry`; this file sits below them, so any vendor module may name a `Vendor`.

use serde::{Deserialize, Serialize};

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
            Vendor::PagerTree => Some("https://api.pagertree.com/api/v4"),
            Vendor::GrafanaOncall | Vendor::RocketChat => None,
        }
    }

    /// The same-origin prefix a deployment's reverse proxy forwards to this vendor.
    pub fn default_proxy_prefix(self) -> String {
        format!("/proxy/{}", self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

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
}
