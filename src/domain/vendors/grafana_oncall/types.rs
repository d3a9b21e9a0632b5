//! OnCall's integration types: the ones the engine lets the public API create, with the titles
//! a person reads; types it has but refuses to create; and anything newer, kept as it came.

/// Creatable through `POST /api/v1/integrations/` (the engine's installed types).
pub const CREATABLE: [(&str, &str); 11] = [
    ("grafana_alerting", "Grafana Alerting"),
    ("webhook", "Webhook"),
    ("alertmanager", "Alertmanager"),
    ("formatted_webhook", "Formatted webhook"),
    ("kapacitor", "Kapacitor"),
    ("elastalert", "ElastAlert"),
    ("inbound_email", "Inbound email"),
    ("maintenance", "Maintenance"),
    ("manual", "Manual"),
    ("zabbix", "Zabbix"),
    ("grafana", "Grafana (legacy alerting)"),
];

/// Types the engine has but will not create through the API.
const NOT_CREATABLE: [(&str, &str); 1] = [("direct_paging", "Direct paging")];

/// The title of a type, or `None` for a type Patchbay does not know.
pub fn title(kind: &str) -> Option<&'static str> {
    CREATABLE
        .iter()
        .chain(NOT_CREATABLE.iter())
        .find(|(k, _)| *k == kind)
        .map(|(_, t)| *t)
}

pub fn is_known(kind: &str) -> bool {
    title(kind).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_types_have_titles_and_unknown_ones_do_not() {
        assert_eq!(title("formatted_webhook"), Some("Formatted webhook"));
        assert_eq!(title("direct_paging"), Some("Direct paging"));
        assert_eq!(title("slack_channel"), None);
        assert!(!is_known("legacy_alertmanager"));
        assert_eq!(CREATABLE.len(), 11);
    }
}
