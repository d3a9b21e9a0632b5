//! What uses a ThousandEyes v6 integration: the alert rules whose notifications name it.
//! The list of rules leaves their notifications out, so each rule's detail is read.

use serde_json::Value;

use crate::domain::listing::{Paging, RecordShape};
use crate::domain::records::{Lookups, Record};
use crate::domain::references::{text_at, Referrers};
use crate::domain::request::{encode_segment, Request};

pub fn referrers() -> Referrers {
    Referrers {
        noun: "alert rules",
        first: Request::get("/v6/alert-rules.json"),
        about: None,
        records: RecordShape {
            items: "/alertRules",
            id: "/ruleId",
        },
        paging: Paging::Unpaged,
        detail: Some(|rule| {
            Request::get(format!("/v6/alert-rules/{}.json", encode_segment(&rule.id)))
        }),
        names: |_, detail| {
            let Some(notifications) = detail.and_then(notifications) else {
                return Vec::new();
            };
            ["thirdParty", "webhook"]
                .iter()
                .filter_map(|list| notifications.get(*list)?.as_array())
                .flatten()
                .filter_map(|item| match item.get("integrationId")? {
                    Value::String(id) if !id.is_empty() => Some(id.clone()),
                    Value::Number(id) => Some(id.to_string()),
                    _ => None,
                })
                .collect()
        },
        label,
    }
}

/// A rule's notifications: the detail answers `{alertRules: [rule]}`; a bare rule is read too.
fn notifications(detail: &Value) -> Option<&Value> {
    detail
        .pointer("/alertRules/0/notifications")
        .or_else(|| detail.get("notifications"))
}

/// "Alert rule “Default HTTP Alert Rule”".
fn label(rule: &Record, _: Option<&Value>, _about: &str, _: &Lookups) -> String {
    let name = text_at(&rule.raw, "/ruleName").unwrap_or(rule.id.as_str());
    format!("Alert rule “{name}”")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::references::{listed, References};

    const RULES: &str = include_str!("../../../../tests/fixtures/thousandeyes/alert-rules-v6.json");
    const RULE: &str = include_str!("../../../../tests/fixtures/thousandeyes/alert-rule-v6.json");

    #[test]
    fn a_rule_uses_the_integrations_its_detail_names() {
        let spec = referrers();
        let mut found = listed(&spec, RULES);
        assert_eq!(found.len(), 2);
        let detail = spec.detail.expect("rules are read one by one");
        assert_eq!(detail(&found[0].record).path, "/v6/alert-rules/921.json");
        found[0].detail = Some(serde_json::from_str(RULE).expect("JSON"));
        let refs = References::new(&spec, found);
        let lookups = Lookups::new();
        assert_eq!(
            refs.of("123", &lookups),
            ["Alert rule “Default HTTP Alert Rule”"]
        );
        assert!(refs.names("999"), "an id given as a string");
        assert!(!refs.names("789"), "no rule names it");
        assert!(!refs.names("922"), "a rule is not an integration");
    }
}
