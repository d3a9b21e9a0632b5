//! The vendor registry, above the vendor modules: which module serves which `Vendor`. Pages
//! and state ask a `Vendor` for its auth and its API here; no vendor module imports this file.

use super::api::VendorApi;
use super::auth::{AuthScheme, Credentials, SettingChoices};
use super::field::FieldSpec;
use super::rate_limit::RateLimitSignal;
use super::vendor::Vendor;
use super::vendors::{confluent, grafana_oncall, pagertree, rocketchat, thousandeyes};

/// The API a connection with these settings speaks: a vendor with more than one API version
/// (ThousandEyes v6 and v7) picks by its setting; the others have one.
pub fn api_for(
    vendor: Vendor,
    settings: &serde_json::Map<String, serde_json::Value>,
) -> Option<&'static dyn VendorApi> {
    match vendor {
        Vendor::ThousandEyes => Some(thousandeyes::api_for(settings)),
        other => api(other),
    }
}

/// Settings saved by an earlier version, read as today's: a ThousandEyes connection saved
/// before API versions were offered speaks v6, as it did.
pub fn upgrade_settings(vendor: Vendor, settings: &mut serde_json::Map<String, serde_json::Value>) {
    if vendor == Vendor::ThousandEyes {
        thousandeyes::upgrade_settings(settings);
    }
}

/// How `vendor` authenticates.
pub fn auth(vendor: Vendor) -> &'static AuthScheme {
    match vendor {
        Vendor::ThousandEyes => &thousandeyes::AUTH,
        Vendor::GrafanaOncall => &grafana_oncall::AUTH,
        Vendor::RocketChat => &rocketchat::AUTH,
        Vendor::Confluent => &confluent::AUTH,
        Vendor::PagerTree => &pagertree::AUTH,
    }
}

/// The vendors whose integration pages are built (ThousandEyes: its v6 list, the API of a
/// connection saved before versions were offered). The others say so plainly in the console.
pub fn api(vendor: Vendor) -> Option<&'static dyn VendorApi> {
    match vendor {
        Vendor::Confluent => Some(&confluent::API),
        Vendor::GrafanaOncall => Some(&grafana_oncall::API),
        Vendor::PagerTree => Some(&pagertree::API),
        Vendor::RocketChat => Some(&rocketchat::API),
        Vendor::ThousandEyes => Some(&thousandeyes::API),
    }
}

impl Vendor {
    /// Where to get the credentials, for the connection form's help text.
    pub fn credentials_help(self) -> &'static str {
        auth(self).help
    }

    /// The credential fields of this vendor's auth scheme. Pointers live under `/settings`
    /// (kept with the connection) or `/secrets` (kept apart, never persisted by default).
    pub fn credential_fields(self) -> Vec<FieldSpec> {
        (auth(self).fields)()
    }

    /// The headers that authenticate a request, built from the connection's settings and
    /// secrets; `Err` names the missing credential.
    pub fn auth_headers(self, credentials: &Credentials) -> Result<Vec<(String, String)>, String> {
        (auth(self).headers)(credentials)
    }

    /// How this vendor announces when to retry after a 429.
    pub fn rate_limit_signals(self) -> &'static [RateLimitSignal] {
        auth(self).rate_limit
    }

    /// The connection settings whose choices this vendor serves (account groups).
    pub fn setting_choices(self) -> &'static [SettingChoices] {
        auth(self).setting_choices
    }

    /// The integration API of this vendor, once its vertical is built.
    pub fn api(self) -> Option<&'static dyn VendorApi> {
        api(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field::FieldKind;
    use crate::domain::form_spec::leaf_fields;

    /// Every API a connection can speak.
    fn every_api() -> Vec<&'static dyn VendorApi> {
        let mut all: Vec<&'static dyn VendorApi> =
            Vendor::ALL.iter().filter_map(|v| api(*v)).collect();
        let v7 = serde_json::json!({"version": "v7"});
        all.push(api_for(Vendor::ThousandEyes, v7.as_object().unwrap()).unwrap());
        all
    }

    /// A credential every view masks is never put back into an edit form's input: its field is
    /// sensitive (a secret, a sensitive URL or name/value list), so the form sets it aside.
    #[test]
    fn every_masked_credential_is_a_sensitive_field_of_its_form() {
        for api in every_api() {
            let form = api.form_spec(None);
            let secrets = api.secret_pointers();
            for field in leaf_fields(&form) {
                let masked = secrets.iter().any(|s| *s == field.pointer);
                if masked {
                    assert!(
                        field.sensitive || field.kind == FieldKind::Secret,
                        "{:?}: {} is masked in every view but not sensitive in the form",
                        api.vendor(),
                        field.pointer
                    );
                }
            }
        }
    }
}
