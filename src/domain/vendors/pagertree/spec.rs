//! The create/edit form and the list filters. The type is a one-of: choosing it shows that
//! type's options (`options::option_fields`), drawn from the catalogue `/integration_types`
//! once it has landed.

use serde_json::{json, Value};

use super::options::{fields_for_keys, option_fields};
pub use super::parse::TYPE;
use super::parse::{type_id, ACCOUNT_USERS, DESTINATIONS, ROUTERS, TEAMS};
use super::types::{class_of, class_of_name};
use crate::domain::field::{Choice, FieldSpec, FormSpec, Variant};
use crate::domain::records::Record;

pub const URGENCIES: [(&str, &str); 4] = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("critical", "Critical"),
];

const DESTINATION_RULE: &str = "choose at least one account user, router or team";
/// Why the edit form shows the type fixed, and why a changed one is refused.
pub const TYPE_FIXED: &str =
    "PagerTree keeps an integration's type once it is created: make a new integration to use another type.";

/// The form. `types`: the catalogue's choices (id, name) once read; `editing`: the record
/// being edited, whose type is fixed and whose options are its own type's.
pub fn integration_form(editing: Option<&Record>, types: &[Choice]) -> FormSpec {
    let kind = match editing {
        None => FieldSpec::one_of(TYPE, "Type", types.iter().map(variant).collect())
            .required()
            .help(
                "The integration types PagerTree offers; the options below are the chosen type's.",
            ),
        Some(record) => {
            let id = type_id(&record.raw);
            let name = record
                .text("/integration_type/name")
                .unwrap_or(&id)
                .to_string();
            let class = record.raw.get("integration_type").and_then(class_of);
            FieldSpec::one_of(
                TYPE,
                "Type",
                vec![Variant {
                    value: id.clone(),
                    label: name,
                    fields: option_fields(class.unwrap_or_default()),
                }],
            )
            .read_only()
            .help(TYPE_FIXED)
        }
    };
    FormSpec::new(vec![
        FieldSpec::text("/name", "Name").required(),
        FieldSpec::choice("/urgency", "Urgency", urgencies()).required(),
        FieldSpec::boolean("/enabled", "Enabled").default_value(json!(true)),
        destinations(),
        kind,
    ])
}

/// The form a request builder checks a create against: it knows the draft, not the
/// catalogue, so the chosen type's options are checked by their keys (see `fields_for_keys`).
pub fn create_check_form(draft: &Value) -> FormSpec {
    let id = draft
        .get("integration_type_id")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let variants = if id.is_empty() {
        Vec::new()
    } else {
        vec![Variant {
            value: id.clone(),
            label: id,
            fields: fields_for_keys(draft),
        }]
    };
    let mut form = integration_form(None, &[]);
    if let Some(kind) = form.fields.iter_mut().find(|f| f.pointer == TYPE) {
        *kind = FieldSpec::one_of(TYPE, "Type", variants).required();
    }
    form
}

fn variant(choice: &Choice) -> Variant {
    Variant {
        value: choice.value.clone(),
        label: choice.label.clone(),
        fields: option_fields(class_of_name(&choice.label).unwrap_or_default()),
    }
}

fn urgencies() -> Vec<Choice> {
    URGENCIES.iter().map(|(v, t)| Choice::new(*v, *t)).collect()
}

/// Account users, routers and teams, chosen by name: PagerTree wants at least one in all.
fn destinations() -> FieldSpec {
    let pick = |pointer: &str, label: &str| {
        FieldSpec::multi_choice(pointer, label, Vec::new()).choices_from_vendor()
    };
    FieldSpec::group(
        DESTINATIONS,
        "Destinations",
        vec![
            pick(TEAMS, "Teams"),
            pick(ROUTERS, "Routers"),
            pick(ACCOUNT_USERS, "Account users"),
        ],
    )
    .help("Where this integration's alerts go.")
    .at_least_one_of(&[ACCOUNT_USERS, ROUTERS, TEAMS], DESTINATION_RULE)
}

/// The list's filters: the API takes any attribute as an equality filter.
pub fn list_filters() -> FormSpec {
    let any = |label: &str| Choice::new("", label);
    FormSpec::new(vec![
        FieldSpec::text("/name", "Exact name"),
        FieldSpec::choice(
            "/urgency",
            "Urgency",
            std::iter::once(any("Any urgency"))
                .chain(urgencies())
                .collect(),
        ),
        FieldSpec::choice(
            "/enabled",
            "Enabled",
            vec![
                any("Enabled or not"),
                Choice::new("true", "Enabled"),
                Choice::new("false", "Disabled"),
            ],
        ),
        FieldSpec::choice(TYPE, "Type", vec![any("Any type")]).choices_from_vendor(),
    ])
}

/// The filters PagerTree is sent, by name.
pub const FILTERS: [&str; 4] = ["name", "urgency", "enabled", "integration_type_id"];

#[cfg(test)]
#[path = "spec_tests.rs"]
mod tests;
