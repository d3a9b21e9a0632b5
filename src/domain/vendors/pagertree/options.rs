//! The options a PagerTree integration takes, per integration type, as form fields. The API
//! takes them flat as `option_<key>` and answers them under `options`; the table of what each
//! type declares is in `adapters`, the server's own value checks in `option_checks`.

use serde_json::{json, Value};

use super::adapters::{Adapter, Kind, Opt, Rule, GENERIC};
use super::option_checks::{full_domain_host, record_emails};
use super::time_zones::time_zone;
use crate::domain::field::{Choice, Constraint, FieldSpec};
use crate::domain::send_rule::WhenEmpty;

pub use super::adapters::ADAPTERS;

/// The fields of a type's options, generic ones first, at `/option_<key>` as the API takes
/// them. A class Patchbay does not know has the generic four only.
pub fn option_fields(class: &str) -> Vec<FieldSpec> {
    let own = ADAPTERS
        .iter()
        .find(|adapter| adapter.class == class)
        .into_iter()
        .flat_map(Adapter::options);
    GENERIC.iter().chain(own).map(field).collect()
}

/// The fields of the options `draft` holds, each as the first type declaring its key, with
/// their value checks but not whether the type requires them: what a request builder can
/// check when it knows the options but not the type's adapter (the form, which knows it,
/// checks the rest, and PagerTree has the last word).
pub fn fields_for_keys(draft: &Value) -> Vec<FieldSpec> {
    let held = |key: &str| draft.get(format!("option_{key}")).is_some();
    let mut seen: Vec<&str> = Vec::new();
    GENERIC
        .iter()
        .chain(ADAPTERS.iter().flat_map(Adapter::options))
        .filter(|option| held(option.key))
        .filter(|option| {
            let first = !seen.contains(&option.key);
            seen.push(option.key);
            first
        })
        .map(|option| {
            let mut field = field(option);
            field
                .constraints
                .retain(|c| !matches!(c, Constraint::Required | Constraint::RequiredWhen { .. }));
            field
        })
        .collect()
}

/// Every option key of any type, generic ones included (with repeats): what an error message
/// may name.
pub fn all_option_keys() -> impl Iterator<Item = &'static str> {
    GENERIC
        .iter()
        .chain(ADAPTERS.iter().flat_map(Adapter::options))
        .map(|option| option.key)
}

/// Every option key that holds a credential, in any type: what a record's `options` masks.
pub fn secret_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = Vec::new();
    for option in ADAPTERS.iter().flat_map(Adapter::options) {
        if matches!(option.kind, Kind::Secret | Kind::SecretUrl) && !keys.contains(&option.key) {
            keys.push(option.key);
        }
    }
    keys
}

fn field(option: &Opt) -> FieldSpec {
    let pointer = format!("/option_{}", option.key);
    let label = label_of(option.key);
    let field = match option.kind {
        Kind::Text => FieldSpec::text(&pointer, &label),
        Kind::Multiline => FieldSpec::multiline(&pointer, &label),
        Kind::Secret => FieldSpec::secret(&pointer, &label),
        Kind::Url => FieldSpec::url(&pointer, &label).check(full_domain_host),
        Kind::SecretUrl => FieldSpec::url(&pointer, &label)
            .check(full_domain_host)
            .sensitive(),
        Kind::Bool(default) => FieldSpec::boolean(&pointer, &label).default_value(json!(default)),
        Kind::Int(min, max) => FieldSpec::integer(&pointer, &label).range(min, max),
        Kind::Enum(values, default) => FieldSpec::choice(
            &pointer,
            &label,
            values.iter().map(|v| Choice::new(*v, *v)).collect(),
        )
        .default_value(json!(default)),
        Kind::TimeZone => FieldSpec::text(&pointer, &label)
            .check(time_zone)
            .default_value(json!("UTC"))
            .help("A zone name such as “Eastern Time (US & Canada)” or “Europe/Paris”."),
        Kind::Emails => FieldSpec::text(&pointer, &label)
            .check(record_emails)
            .help("E-mail addresses separated by commas; team, team-admin and on-call stand for those people."),
    };
    // Emptying a text option on edit clears it (Rails stores the nil).
    let field = match option.kind {
        Kind::Bool(_) | Kind::Enum(..) | Kind::Int(..) => field,
        _ => field.when_empty(WhenEmpty::NullOnEdit),
    };
    match option.rule {
        Rule::Optional => field,
        Rule::Required => field.required(),
        Rule::RequiredWhenOn(switch) => {
            field.required_when(&format!("/option_{switch}"), Value::Bool(true))
        }
    }
}

/// `incoming_webhook_url` → "Incoming webhook URL": the key as words, acronyms in capitals
/// (keys are ASCII, so no Unicode case tables are needed).
pub fn label_of(key: &str) -> String {
    let words: Vec<String> = key
        .split('_')
        .enumerate()
        .map(|(at, word)| match word {
            "url" | "api" | "sid" | "id" => word.to_ascii_uppercase(),
            _ if at == 0 => {
                let mut word = word.to_string();
                word[..1].make_ascii_uppercase();
                word
            }
            _ => word.to_string(),
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
#[path = "options_tests.rs"]
mod tests;
