//! What a write changes, field by field, as a person reads it: the review a save asks for and
//! the change journal's record. Fields are named by their form labels, choices by their titles,
//! and a secret only ever by its fingerprint.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::field::{FieldKind, FieldSpec, FormSpec};
use super::pointer::{get, is_blank};
use super::safety::fingerprint;

/// One field a write changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The form's label for it ("Display name").
    pub field: String,
    pub before: String,
    pub after: String,
}

/// What is shown for a field that holds nothing.
pub const EMPTY: &str = "(empty)";

/// Every active, editable field whose value differs between the draft a form started from and
/// the one it sends, in the form's order. A secret left empty on an edit is kept as saved, so
/// it is no change; one typed shows as its fingerprint.
pub fn draft_changes(form: &FormSpec, before: &Value, after: &Value) -> Vec<FieldChange> {
    let mut fields: Vec<&FieldSpec> = form.active_fields(after);
    for field in form.active_fields(before) {
        if !fields.iter().any(|f| f.pointer == field.pointer) {
            fields.push(field);
        }
    }
    fields
        .into_iter()
        .filter(|field| !field.read_only && !matches!(field.kind, FieldKind::Group(_)))
        .filter_map(|field| {
            let (was, now) = (get(before, &field.pointer), get(after, &field.pointer));
            if same(was, now) {
                return None;
            }
            if field.sensitive && is_blank(now) && !is_blank(was) {
                // Left empty: the saved secret travels unchanged.
                return None;
            }
            Some(FieldChange {
                field: field.label.clone(),
                before: shown(field, was),
                after: shown(field, now),
            })
        })
        .collect()
}

/// Equal, counting blanks (missing, null, "", []) as one.
fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    let blank =
        |v: Option<&Value>| is_blank(v) || v.and_then(Value::as_array).is_some_and(Vec::is_empty);
    (blank(a) && blank(b)) || a == b
}

/// A field's value as the review and the journal show it.
pub fn shown(field: &FieldSpec, value: Option<&Value>) -> String {
    let Some(value) = value.filter(|v| !is_blank(Some(v))) else {
        return EMPTY.into();
    };
    if field.sensitive && field.kind != FieldKind::KeyValue {
        return secret(value);
    }
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let title = |choices: &[super::field::Choice], v: &Value| {
        let raw = text(v);
        choices
            .iter()
            .find(|c| c.value == raw)
            .map_or(raw, |c| c.label.clone())
    };
    match (&field.kind, value) {
        (FieldKind::Bool, Value::Bool(on)) => if *on { "on" } else { "off" }.into(),
        (FieldKind::Enum(choices), v) => title(choices, v),
        (FieldKind::OneOf(variants), v) => {
            let raw = text(v);
            variants
                .iter()
                .find(|variant| variant.value == raw)
                .map_or(raw, |variant| variant.label.clone())
        }
        (FieldKind::MultiChoice(choices), Value::Array(items)) => items
            .iter()
            .map(|item| title(choices, item))
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::Array(items)) => items.iter().map(text).collect::<Vec<_>>().join(", "),
        (FieldKind::KeyValue, Value::Object(pairs)) => pairs
            .iter()
            .map(|(key, v)| {
                if field.sensitive {
                    format!("{key}: {}", secret(v))
                } else {
                    format!("{key}: {}", text(v))
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        (_, v) => text(v),
    }
}

/// A secret, as only its fingerprint: tells whether it changed, never what it is.
fn secret(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    format!("a secret (fingerprint {})", &fingerprint(&text)[..8])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field::{Choice, Variant};
    use serde_json::json;

    fn form() -> FormSpec {
        FormSpec::new(vec![
            FieldSpec::text("/name", "Name"),
            FieldSpec::boolean("/enabled", "Enabled"),
            FieldSpec::choice(
                "/urgency",
                "Urgency",
                vec![Choice::new("low", "Low"), Choice::new("high", "High")],
            ),
            FieldSpec::one_of(
                "/target/kind",
                "Target",
                vec![
                    Variant::new(
                        "slack",
                        "Slack",
                        vec![FieldSpec::secret("/target/url", "Webhook URL")],
                    ),
                    Variant::new(
                        "webhook",
                        "Webhook",
                        vec![
                            FieldSpec::url("/target/endpoint", "Endpoint"),
                            FieldSpec::key_value("/target/headers", "Headers").sensitive(),
                        ],
                    ),
                ],
            ),
            FieldSpec::string_list("/words", "Trigger words"),
            FieldSpec::text("/id", "Id").read_only(),
        ])
    }

    #[test]
    fn a_save_lists_only_what_changed_by_label_and_title() {
        let before = json!({"name": "Ops", "enabled": true, "urgency": "low", "words": ["a"], "id": "1",
            "target": {"kind": "webhook", "endpoint": "https://a.example.com", "headers": {"X-Token": "one"}}});
        let mut after = before.clone();
        after["name"] = json!("Ops alerts");
        after["enabled"] = json!(false);
        after["urgency"] = json!("high");
        after["words"] = json!(["a", "b"]);
        after["id"] = json!("2");
        let changes = draft_changes(&form(), &before, &after);
        let seen: Vec<(&str, &str, &str)> = changes
            .iter()
            .map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("Name", "Ops", "Ops alerts"),
                ("Enabled", "on", "off"),
                ("Urgency", "Low", "High"),
                ("Trigger words", "a", "a, b"),
            ],
            "a read-only field is no change"
        );
        assert!(draft_changes(&form(), &before, &before).is_empty());
    }

    #[test]
    fn secrets_show_only_as_fingerprints_and_a_kept_one_is_no_change() {
        let before = json!({"target": {"kind": "webhook", "endpoint": "https://a.example.com", "headers": {"X-Token": "one"}}});
        let mut after = before.clone();
        after["target"]["headers"]["X-Token"] = json!("two");
        let changes = draft_changes(&form(), &before, &after);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, "Headers");
        assert!(changes[0]
            .before
            .starts_with("X-Token: a secret (fingerprint "));
        assert_ne!(changes[0].before, changes[0].after);
        let text = serde_json::to_string(&changes).unwrap();
        assert!(!text.contains("one\"") && !text.contains("two"), "{text}");

        // Switching the variant names both kinds; the new variant's secret is a fingerprint.
        let slack =
            json!({"target": {"kind": "slack", "url": "https://hooks.slack.com/services/T/B/xyz"}});
        let switched = draft_changes(&form(), &before, &slack);
        let kinds = switched.iter().find(|c| c.field == "Target").unwrap();
        assert_eq!(
            (kinds.before.as_str(), kinds.after.as_str()),
            ("Webhook", "Slack")
        );
        let url = switched.iter().find(|c| c.field == "Webhook URL").unwrap();
        assert_eq!(url.before, EMPTY);
        assert!(url.after.starts_with("a secret (fingerprint ") && !url.after.contains("xyz"));
        assert!(switched
            .iter()
            .any(|c| c.field == "Endpoint" && c.after == EMPTY));

        // An edit form leaves a saved secret empty: it travels unchanged, so it is no change.
        let kept = json!({"target": {"kind": "slack", "url": ""}});
        assert!(draft_changes(&form(), &slack, &kept).is_empty());
    }

    #[test]
    fn a_new_integration_lists_every_field_it_sets() {
        let after = json!({"name": "New", "enabled": false, "words": []});
        let changes = draft_changes(&form(), &json!({}), &after);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["Name", "Enabled"], "an empty list is no value");
        assert!(changes.iter().all(|c| c.before == EMPTY));
    }
}
