//! From what the user typed to what a vendor receives: only the fields the form makes active
//! (the chosen variant's, never a hidden one's), without blanks and without read-only fields.

use serde_json::Value;

use super::field::{FieldKind, FormSpec};
use super::pointer::{get, is_blank, set};

/// The request body a form's draft stands for.
pub fn payload(form: &FormSpec, draft: &Value) -> Value {
    let mut body = Value::Object(Default::default());
    for field in form.active_fields(draft) {
        if field.read_only || matches!(field.kind, FieldKind::Group(_)) {
            continue;
        }
        let Some(value) = get(draft, &field.pointer) else {
            continue;
        };
        let value = match (&field.kind, value) {
            (FieldKind::StringList, Value::Array(items)) => Value::Array(
                items
                    .iter()
                    .filter(|item| !is_blank(Some(item)))
                    .cloned()
                    .collect(),
            ),
            _ => value.clone(),
        };
        if !is_blank(Some(&value)) {
            set(&mut body, &field.pointer, value);
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field::{FieldSpec, Variant};
    use serde_json::json;

    fn form() -> FormSpec {
        FormSpec::new(vec![
            FieldSpec::text("/display_name", "Name").required(),
            FieldSpec::text("/id", "Id").read_only(),
            FieldSpec::multiline("/description", "Description"),
            FieldSpec::string_list("/urls", "URLs"),
            FieldSpec::boolean("/enabled", "Enabled"),
            FieldSpec::one_of(
                "/target/kind",
                "Target",
                vec![
                    Variant::new(
                        "Webhook",
                        "Webhook",
                        vec![FieldSpec::url("/target/url", "URL")],
                    ),
                    Variant::new(
                        "Slack",
                        "Slack",
                        vec![FieldSpec::url("/target/webhook_url", "URL")],
                    ),
                ],
            ),
        ])
    }

    #[test]
    fn hidden_variants_blank_and_read_only_fields_are_not_sent() {
        let draft = json!({
            "display_name": "Ops",
            "id": "int-1",
            "description": " ",
            "urls": ["https://a.test", ""],
            "enabled": false,
            "target": {"kind": "Slack", "url": "https://typed-before.test", "webhook_url": "https://hooks.slack.test/x"},
            "unknown": 1
        });
        assert_eq!(
            payload(&form(), &draft),
            json!({
                "display_name": "Ops",
                "urls": ["https://a.test"],
                "enabled": false,
                "target": {"kind": "Slack", "webhook_url": "https://hooks.slack.test/x"}
            })
        );
    }
}
