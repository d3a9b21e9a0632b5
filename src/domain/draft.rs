//! From what the user typed to what a vendor receives: only the fields the form makes active
//! (the chosen variant's, never a hidden one's), without blanks and without read-only fields.

use serde_json::Value;

use super::field::{FieldKind, FormSpec};
use super::pointer::{child, get, is_blank, set};
use super::send_rule::{Purpose, WhenEmpty};

/// The request body a form's draft stands for, as a create sends it (see `body`).
pub fn payload(form: &FormSpec, draft: &Value) -> Value {
    body(form, draft, Purpose::Create)
}

/// The request body a form's draft stands for: each active, editable field's value at its
/// pointer on the wire, as its `SendRule` says (an empty value left out, sent as `null`, or
/// cleared on edit; a flag sent only with its field; upper case). Hidden variants and
/// read-only fields never travel.
pub fn body(form: &FormSpec, draft: &Value, purpose: Purpose) -> Value {
    let mut body = Value::Object(Default::default());
    let editing = purpose == Purpose::Edit;
    for field in form.active_fields(draft) {
        if field.read_only || matches!(field.kind, FieldKind::Group(_)) {
            continue;
        }
        let rule = &field.send;
        let wire = rule.wire.unwrap_or(&field.pointer);
        if let Some(partner) = rule.only_with {
            if is_blank(get(draft, partner)) {
                if editing && field.kind == FieldKind::Bool {
                    set(&mut body, wire, Value::Bool(false));
                }
                continue;
            }
        }
        let value = get(draft, &field.pointer).map(|value| match (&field.kind, value) {
            (FieldKind::StringList, Value::Array(items)) => Value::Array(
                items
                    .iter()
                    .filter(|item| !is_blank(Some(item)))
                    .cloned()
                    .collect(),
            ),
            (_, Value::String(text)) if rule.upper => Value::String(text.trim().to_uppercase()),
            // Single-line values travel without surrounding spaces; multi-line text as typed.
            (FieldKind::Multiline, _) => value.clone(),
            (_, Value::String(text)) => Value::String(text.trim().to_string()),
            _ => value.clone(),
        });
        match value {
            Some(value) if !is_blank(Some(&value)) => set(&mut body, wire, value),
            // An edit that unticks every choice sends the empty list, which clears them.
            _ if editing && matches!(field.kind, FieldKind::MultiChoice(_)) => {
                set(&mut body, wire, Value::Array(Vec::new()))
            }
            _ => match (rule.when_empty, editing) {
                (WhenEmpty::Null, _) | (WhenEmpty::NullOnEdit, true) => {
                    set(&mut body, wire, Value::Null)
                }
                _ => {}
            },
        }
    }
    body
}

/// An edit draft with its saved secrets taken out, so that no input ever holds one: the draft
/// without them, and each secret's pointer and value (every secret field of the form, in any
/// variant, and each value of a sensitive name/value field, whose names stay). The form shows
/// them as saved; `with_secrets_kept` puts back those left alone.
pub fn set_aside_secrets(form: &FormSpec, mut draft: Value) -> (Value, Vec<KeptSecret>) {
    /// Each secret's pointer, and whether its place stays (a name/value entry's name does).
    fn secrets(fields: &[super::field::FieldSpec], draft: &Value, out: &mut Vec<(String, bool)>) {
        for field in fields {
            match &field.kind {
                FieldKind::Secret => out.push((field.pointer.clone(), false)),
                FieldKind::Text | FieldKind::Url if field.sensitive => {
                    out.push((field.pointer.clone(), false))
                }
                FieldKind::KeyValue if field.sensitive => {
                    let entries = get(draft, &field.pointer).and_then(Value::as_object);
                    out.extend(
                        entries
                            .into_iter()
                            .flatten()
                            .map(|(name, _)| (child(&field.pointer, name), true)),
                    );
                }
                FieldKind::Group(children) => secrets(children, draft, out),
                FieldKind::OneOf(variants) => {
                    variants.iter().for_each(|v| secrets(&v.fields, draft, out))
                }
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    secrets(&form.fields, &draft, &mut found);
    found.sort();
    found.dedup();
    let mut kept = Vec::new();
    for (pointer, stays) in found {
        let Some(value) = get(&draft, &pointer)
            .filter(|v| !is_blank(Some(v)))
            .cloned()
        else {
            continue;
        };
        if stays {
            set(&mut draft, &pointer, Value::String(String::new()));
        } else {
            super::pointer::remove(&mut draft, &pointer);
        }
        kept.push(KeptSecret {
            pointer,
            value,
            entry: stays,
        });
    }
    (draft, kept)
}

/// A saved secret held back from an edit form.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptSecret {
    pub pointer: String,
    pub value: Value,
    /// A name/value entry's value: it returns only while its name is still there (a removed
    /// or renamed entry takes nothing with it).
    pub entry: bool,
}

/// The draft as sent: each secret set aside returns where the user left its field blank.
pub fn with_secrets_kept(mut draft: Value, kept: &[KeptSecret]) -> Value {
    for secret in kept {
        let now = get(&draft, &secret.pointer);
        if is_blank(now) && (now.is_some() || !secret.entry) {
            set(&mut draft, &secret.pointer, secret.value.clone());
        }
    }
    draft
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
                let stored_child = stored.get(key).unwrap_or(&Value::Null);
                collect_unstored(value, stored_child, child(&at, key), out);
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

    #[test]
    fn saved_secrets_stay_out_of_the_edit_draft_and_return_when_left_alone() {
        let form = FormSpec::new(vec![
            FieldSpec::text("/name", "Name"),
            FieldSpec::one_of(
                "/auth/type",
                "Auth",
                vec![
                    Variant::new(
                        "basic",
                        "Basic",
                        vec![FieldSpec::secret("/auth/password", "Password")],
                    ),
                    Variant::new(
                        "token",
                        "Token",
                        vec![FieldSpec::secret("/auth/token", "Token")],
                    ),
                ],
            ),
        ]);
        let stored = json!({"name": "Ops", "auth": {"type": "basic", "password": "hunter2"}});
        let (draft, kept) = set_aside_secrets(&form, stored.clone());
        assert_eq!(draft, json!({"name": "Ops", "auth": {"type": "basic"}}));
        // A sensitive name/value field keeps its names, not its values.
        let headers = FormSpec::new(vec![FieldSpec::key_value("/headers", "Headers").sensitive()]);
        let stored_headers = json!({"headers": {"X-Api-Key": "k-123456", "X/Odd": "v"}});
        let (bare, kept_headers) = set_aside_secrets(&headers, stored_headers.clone());
        assert_eq!(bare, json!({"headers": {"X-Api-Key": "", "X/Odd": ""}}));
        assert_eq!(
            with_secrets_kept(bare.clone(), &kept_headers),
            stored_headers
        );
        let mut renamed = bare;
        renamed["headers"] = json!({"X-Key": "", "X/Odd": ""});
        assert_eq!(
            with_secrets_kept(renamed, &kept_headers)["headers"],
            json!({"X-Key": "", "X/Odd": "v"}),
            "a renamed entry takes nothing with it"
        );
        assert!(!draft.to_string().contains("hunter2"));
        assert_eq!(with_secrets_kept(draft.clone(), &kept), stored);
        let mut replaced = draft;
        replaced["auth"]["password"] = json!("new-one");
        assert_eq!(
            with_secrets_kept(replaced, &kept)["auth"]["password"],
            "new-one"
        );
    }

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

    #[test]
    fn bodies_follow_each_fields_send_rule_on_create_and_on_edit() {
        use crate::domain::field::FieldSpec;
        use crate::domain::send_rule::{Purpose, WhenEmpty};
        let form = FormSpec::new(vec![
            FieldSpec::text("/name", "Name"),
            FieldSpec::text("/team", "Team").when_empty(WhenEmpty::Null),
            FieldSpec::multiline("/about", "About").when_empty(WhenEmpty::NullOnEdit),
            FieldSpec::text("/slack/channel", "Channel")
                .sent_upper_case()
                .when_empty(WhenEmpty::NullOnEdit),
            FieldSpec::boolean("/slack/enabled", "Post").sent_only_with("/slack/channel"),
            FieldSpec::text("/options/token", "Token").sent_as("/option_token"),
        ]);
        let given = json!({"name": " Ops ", "team": "", "about": " kept as typed ",
            "slack": {"channel": " c0abc ", "enabled": true}, "options": {"token": "t"}});
        assert_eq!(
            body(&form, &given, Purpose::Create),
            json!({"name": "Ops", "team": null, "about": " kept as typed ",
                   "slack": {"channel": "C0ABC", "enabled": true}, "option_token": "t"})
        );
        let emptied = json!({"name": "", "team": "", "about": "",
            "slack": {"channel": "", "enabled": true}, "options": {"token": ""}});
        assert_eq!(
            body(&form, &emptied, Purpose::Create),
            json!({"team": null})
        );
        assert_eq!(
            body(&form, &emptied, Purpose::Edit),
            json!({"team": null, "about": null, "slack": {"channel": null, "enabled": false}})
        );
    }
}
