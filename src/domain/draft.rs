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

/// What a partial update (PATCH) carries: each top-level field of `after` whose value differs
/// from `before`, sent whole (a changed `target` goes as one object, as a one-of must). A text
/// field that was emptied is sent as `""` so the vendor clears it.
pub fn changed_fields(before: &Value, after: &Value) -> Value {
    let mut changes = serde_json::Map::new();
    let (Some(old), Some(new)) = (before.as_object(), after.as_object()) else {
        return after.clone();
    };
    for (key, value) in new {
        if old.get(key) != Some(value) {
            changes.insert(key.clone(), value.clone());
        }
    }
    for (key, value) in old {
        if !new.contains_key(key) && value.is_string() {
            changes.insert(key.clone(), Value::String(String::new()));
        }
    }
    Value::Object(changes)
}

/// The fields a save sent that the vendor's answer does not hold as sent, as pointers
/// (`/description`): a server that silently drops or rewrites a field is pointed out, not
/// trusted. Nulls sent (reset to the default) and differences only in surrounding spaces are
/// not counted.
pub fn unstored_fields(sent: &Value, stored: &Value) -> Vec<String> {
    let mut pointers = Vec::new();
    collect_unstored(sent, stored, String::new(), &mut pointers);
    pointers
}

fn collect_unstored(sent: &Value, stored: &Value, at: String, out: &mut Vec<String>) {
    match sent {
        Value::Null => {}
        Value::Object(fields) => {
            for (key, value) in fields {
                let child = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                let stored_child = stored.get(key).unwrap_or(&Value::Null);
                collect_unstored(value, stored_child, child, out);
            }
        }
        Value::String(text) => {
            if stored.as_str().map(str::trim) != Some(text.trim()) {
                out.push(at);
            }
        }
        other => {
            if stored != other {
                out.push(at);
            }
        }
    }
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

    #[test]
    fn a_partial_update_carries_only_what_changed() {
        let before = json!({"display_name": "Ops", "description": "old", "target": {"kind": "Slack", "webhook_url": "https://a.test"}});
        let renamed = json!({"display_name": "Ops 2", "description": "old", "target": {"kind": "Slack", "webhook_url": "https://a.test"}});
        assert_eq!(
            changed_fields(&before, &renamed),
            json!({"display_name": "Ops 2"})
        );
        let retargeted = json!({"display_name": "Ops", "description": "old", "target": {"kind": "Slack", "webhook_url": "https://b.test"}});
        assert_eq!(
            changed_fields(&before, &retargeted),
            json!({"target": {"kind": "Slack", "webhook_url": "https://b.test"}})
        );
        let cleared = json!({"display_name": "Ops", "target": {"kind": "Slack", "webhook_url": "https://a.test"}});
        assert_eq!(
            changed_fields(&before, &cleared),
            json!({"description": ""})
        );
        assert_eq!(changed_fields(&before, &before), json!({}));
    }

    #[test]
    fn fields_the_vendor_did_not_store_as_sent_are_named() {
        let sent = json!({"name": "Ops", "description": "paging", "slack": {"channel_id": "C1", "enabled": true},
                          "templates": {"web": null}, "tags": ["a"]});
        let stored = json!({"id": "X", "name": "Ops ", "description": null,
                            "slack": {"channel_id": "C2", "enabled": true}, "templates": {"web": "{{ x }}"}, "tags": ["a"]});
        assert_eq!(
            unstored_fields(&sent, &stored),
            ["/description", "/slack/channel_id"]
        );
        assert!(unstored_fields(&sent, &sent).is_empty());
    }
}
