//! The form: the type's options follow the chosen type, the destinations rule, edit fixes the type.

use serde_json::json;

use super::*;
use crate::domain::api::{Lookups, VendorApi};
use crate::domain::validate::validate;
use crate::domain::vendors::pagertree::PagerTreeApi;

fn catalogue() -> Lookups {
    Lookups::from([
        (
            TYPE.to_string(),
            vec![
                Choice::new("ty-slack", "Slack"),
                Choice::new("ty-lm", "LogicMonitor"),
                Choice::new("ty-uptime", "Uptime Robot"),
            ],
        ),
        (TEAMS.to_string(), vec![Choice::new("T1", "Web team")]),
    ])
}

fn form() -> FormSpec {
    PagerTreeApi.form_with_lookups(None, &catalogue())
}

fn pointers_for(type_id: &str) -> Vec<String> {
    form()
        .active_fields(&json!({ "integration_type_id": type_id }))
        .into_iter()
        .map(|f| f.pointer.clone())
        .filter(|p| p.starts_with("/option_"))
        .collect()
}

#[test]
fn each_catalogue_type_brings_its_own_options() {
    assert!(pointers_for("ty-slack").contains(&"/option_incoming_webhook_url".to_string()));
    assert!(pointers_for("ty-lm").contains(&"/option_access_id".to_string()));
    assert_eq!(
        pointers_for("ty-uptime"),
        [
            "/option_title_template",
            "/option_title_template_enabled",
            "/option_description_template",
            "/option_description_template_enabled"
        ],
        "a type without options of its own has the generic four"
    );
    let teams = crate::domain::validate::find_field(&form().fields, TEAMS)
        .unwrap()
        .allowed_values()
        .unwrap()
        .len();
    assert_eq!(teams, 1, "the other lookups still fill their fields");
}

#[test]
fn the_chosen_types_rules_apply_in_the_form() {
    let draft = json!({
        "name": "LM", "urgency": "low", "enabled": true, "team_ids": ["T1"],
        "integration_type_id": "ty-lm", "option_alert_acknowledged": true,
    });
    let errors = validate(&form(), &draft);
    assert_eq!(
        errors.get("/option_access_id"),
        ["required when Alert acknowledged is on"]
    );
    let mut off = draft.clone();
    off["option_alert_acknowledged"] = json!(false);
    assert!(validate(&form(), &off).is_empty());
    let new = form().initial_draft();
    assert_eq!(new, json!({"enabled": true}));
}

#[test]
fn the_edit_form_fixes_the_type_and_shows_its_options_without_the_catalogue() {
    let record = Record {
        id: "i1".into(),
        raw: json!({"id": "i1", "integration_type": {"id": "ty-lm", "name": "LogicMonitor"}}),
    };
    let form = integration_form(Some(&record), &[]);
    let kind = crate::domain::validate::find_field(&form.fields, TYPE).unwrap();
    assert!(kind.read_only);
    assert_eq!(kind.allowed_values().unwrap(), ["ty-lm"]);
    let active: Vec<&str> = form
        .active_fields(&json!({"integration_type_id": "ty-lm"}))
        .into_iter()
        .map(|f| f.pointer.as_str())
        .collect();
    assert!(active.contains(&"/option_bearer_token"));
}

#[test]
fn the_filters_offer_the_documented_urgencies_and_the_catalogue() {
    let filters = list_filters().with_choices(TYPE, &[Choice::new("ty-slack", "Slack")]);
    let urgency = crate::domain::validate::find_field(&filters.fields, "/urgency").unwrap();
    assert_eq!(
        urgency.allowed_values().unwrap(),
        ["", "low", "medium", "high", "critical"]
    );
    let kind = crate::domain::validate::find_field(&filters.fields, TYPE).unwrap();
    assert_eq!(kind.allowed_values().unwrap(), ["", "ty-slack"]);
}
