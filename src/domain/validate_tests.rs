//! Every constraint kind at its boundaries: the last value that passes and the first that fails.

use super::*;
use crate::domain::field::{Choice, Variant};
use serde_json::json;

fn one(field: FieldSpec) -> FormSpec {
    FormSpec::new(vec![field])
}

fn errors_for(form: &FormSpec, draft: Value) -> Vec<(String, Vec<String>)> {
    validate(form, &draft)
        .iter()
        .map(|(p, m)| (p.clone(), m.clone()))
        .collect()
}

#[test]
fn required_rejects_missing_null_blank_and_accepts_text() {
    let form = one(FieldSpec::text("/name", "Name").required());
    for draft in [
        json!({}),
        json!({"name": null}),
        json!({"name": "  "}),
        json!({"name": "\u{200B}"}),
        json!({"name": " \u{FEFF}\u{200D}\u{2060} "}),
    ] {
        assert_eq!(validate(&form, &draft)["/name"], ["required"], "{draft}");
    }
    assert!(validate(&form, &json!({"name": "x"})).is_empty());
    assert!(validate(&form, &json!({"name": "\u{200B}x"})).is_empty());
}

#[test]
fn optional_empty_fields_skip_every_other_rule() {
    let form = one(FieldSpec::url("/url", "URL").min_len(5));
    assert!(validate(&form, &json!({})).is_empty());
    assert!(validate(&form, &json!({"url": ""})).is_empty());
}

#[test]
fn max_length_counts_characters_not_bytes() {
    let form = one(FieldSpec::text("/name", "Name").max_len(64));
    assert!(validate(&form, &json!({"name": "a".repeat(64)})).is_empty());
    assert!(validate(&form, &json!({"name": "é".repeat(64)})).is_empty());
    assert_eq!(
        validate(&form, &json!({"name": "a".repeat(65)}))["/name"],
        ["at most 64 characters"]
    );
}

#[test]
fn min_length_boundary() {
    let form = one(FieldSpec::text("/code", "Code").min_len(3));
    assert!(validate(&form, &json!({"code": "abc"})).is_empty());
    assert_eq!(
        validate(&form, &json!({"code": "ab"}))["/code"],
        ["at least 3 characters"]
    );
    let form = one(FieldSpec::text("/code", "Code").min_len(1).max_len(1));
    assert_eq!(
        validate(&form, &json!({"code": "ab"}))["/code"],
        ["at most 1 character"]
    );
}

#[test]
fn integer_range_boundaries_and_non_numbers() {
    let form = one(FieldSpec::integer("/page_size", "Page size").range(Some(1), Some(250)));
    for ok in [1, 100, 250] {
        assert!(
            validate(&form, &json!({"page_size": ok})).is_empty(),
            "{ok}"
        );
    }
    for bad in [0, 251, -1] {
        assert_eq!(
            validate(&form, &json!({"page_size": bad}))["/page_size"],
            ["must be between 1 and 250"],
            "{bad}"
        );
    }
    assert_eq!(
        validate(&form, &json!({"page_size": "12a"}))["/page_size"],
        ["must be a whole number"]
    );
    assert_eq!(
        validate(&form, &json!({"page_size": 2.5}))["/page_size"],
        ["must be a whole number"]
    );
}

#[test]
fn one_sided_ranges_say_which_side() {
    let min_only = one(FieldSpec::integer("/n", "N").range(Some(30), None));
    assert_eq!(
        validate(&min_only, &json!({"n": 29}))["/n"],
        ["must be 30 or more"]
    );
    assert!(validate(&min_only, &json!({"n": 30})).is_empty());
    let max_only = one(FieldSpec::integer("/n", "N").range(None, Some(3600)));
    assert_eq!(
        validate(&max_only, &json!({"n": 3601}))["/n"],
        ["must be 3600 or less"]
    );
}

#[test]
fn enum_accepts_only_listed_values_and_names_them_by_title() {
    let form = one(FieldSpec::choice(
        "/urgency",
        "Urgency",
        vec![Choice::new("low", "Low"), Choice::new("high", "High")],
    ));
    assert!(validate(&form, &json!({"urgency": "low"})).is_empty());
    assert_eq!(
        validate(&form, &json!({"urgency": "LOW"}))["/urgency"],
        ["must be one of: Low, High"]
    );
    assert_eq!(
        validate(&form, &json!({"urgency": 3}))["/urgency"],
        ["must be one of: Low, High"]
    );
}

#[test]
fn url_rule_checks_scheme_absoluteness_and_host() {
    let form = one(FieldSpec::url("/url", "URL"));
    assert!(validate(&form, &json!({"url": "https://hooks.test/a"})).is_empty());
    let cases = [
        (
            "/relative",
            "must be an absolute URL, like https://host/path",
        ),
        ("javascript:alert(1)", "must start with http:// or https://"),
        ("https://", "must name a host, like https://host/path"),
    ];
    for (input, message) in cases {
        assert_eq!(
            validate(&form, &json!({"url": input}))["/url"],
            [message],
            "{input}"
        );
    }
    let https = one(FieldSpec::url("/url", "URL").https_only());
    assert_eq!(
        validate(&https, &json!({"url": "http://hooks.test"}))["/url"],
        ["must start with https://"]
    );
}

#[test]
fn pattern_uses_its_own_message() {
    let form = one(FieldSpec::text("/channel", "Channel")
        .pattern("each entry must start with # or @", |text| {
            text.split(',').all(|e| e.trim().starts_with(['#', '@']))
        }));
    assert!(validate(&form, &json!({"channel": "#ops, @ann"})).is_empty());
    assert_eq!(
        validate(&form, &json!({"channel": "#ops, general"}))["/channel"],
        ["each entry must start with # or @"]
    );
}

#[test]
fn at_least_one_of_a_group_is_reported_on_the_group() {
    let form = one(FieldSpec::group(
        "",
        "Destinations",
        vec![
            FieldSpec::string_list("/team_ids", "Teams"),
            FieldSpec::string_list("/router_ids", "Routers"),
        ],
    )
    .at_least_one_of(
        &["/team_ids", "/router_ids"],
        "choose at least one destination",
    ));
    assert_eq!(
        validate(&form, &json!({"team_ids": [], "router_ids": [""]})).form_level(),
        ["choose at least one destination"]
    );
    assert!(validate(&form, &json!({"router_ids": ["r1"]})).is_empty());
}

#[test]
fn required_when_applies_only_while_the_condition_holds() {
    let form = FormSpec::new(vec![
        FieldSpec::choice(
            "/event",
            "Event",
            vec![
                Choice::new("sendMessage", "Message sent"),
                Choice::new("userCreated", "User created"),
            ],
        ),
        FieldSpec::text("/targetRoom", "Target room").required_when("/event", json!("userCreated")),
        FieldSpec::boolean("/custom_enabled", "Custom definition"),
        FieldSpec::multiline("/custom", "Definition").required_when("/custom_enabled", json!(true)),
    ]);
    assert!(validate(&form, &json!({"event": "sendMessage"})).is_empty());
    assert_eq!(
        validate(&form, &json!({"event": "userCreated"}))["/targetRoom"],
        ["required when Event is “User created”"]
    );
    assert!(validate(&form, &json!({"event": "userCreated", "targetRoom": "#x"})).is_empty());
    assert_eq!(
        validate(&form, &json!({"custom_enabled": true}))["/custom"],
        ["required when Custom definition is on"]
    );
    assert!(validate(&form, &json!({"custom_enabled": false})).is_empty());
}

fn target_form() -> FormSpec {
    FormSpec::new(vec![FieldSpec::one_of(
        "/target/kind",
        "Target",
        vec![
            Variant::new(
                "Webhook",
                "Webhook",
                vec![FieldSpec::url("/target/url", "URL").required()],
            ),
            Variant::new(
                "Slack",
                "Slack",
                vec![FieldSpec::url("/target/webhook_url", "Webhook URL").required()],
            ),
        ],
    )
    .required()])
}

#[test]
fn one_of_validates_only_the_chosen_variant() {
    let form = target_form();
    let draft = json!({"target": {"kind": "Slack", "url": "not checked"}});
    assert_eq!(
        errors_for(&form, draft),
        [(
            "/target/webhook_url".to_string(),
            vec!["required".to_string()]
        )]
    );
    let draft = json!({"target": {"kind": "Webhook", "url": "https://x.test/h"}});
    assert!(validate(&form, &draft).is_empty());
}

#[test]
fn one_of_rejects_an_unknown_discriminant() {
    let form = target_form();
    assert_eq!(
        validate(&form, &json!({"target": {"kind": "InApp"}}))["/target/kind"],
        ["must be one of: Webhook, Slack"]
    );
    assert_eq!(validate(&form, &json!({}))["/target/kind"], ["required"]);
}

#[test]
fn string_lists_count_given_items_and_check_each_item_in_place() {
    let list = one(FieldSpec::string_list("/urls", "URLs")
        .min_items(1)
        .max_items(2)
        .http_only());
    assert_eq!(
        validate(&list, &json!({"urls": [""]}))["/urls"],
        ["at least 1 item"]
    );
    assert!(validate(&list, &json!({"urls": ["https://a.test", ""]})).is_empty());
    assert_eq!(
        validate(&list, &json!({"urls": ["a", "b", "c"]}))["/urls"],
        ["at most 2 items"]
    );
    let errors = validate(&list, &json!({"urls": ["https://a.test", "/b"]}));
    assert_eq!(
        errors["/urls/1"],
        ["must be an absolute URL, like https://host/path"]
    );
    assert!(errors["/urls/0"].is_empty());
}

#[test]
fn bools_integers_and_maps_reject_the_wrong_shape() {
    let form = FormSpec::new(vec![
        FieldSpec::boolean("/enabled", "Enabled"),
        FieldSpec::key_value("/headers", "Headers"),
    ]);
    let errors = validate(
        &form,
        &json!({"enabled": "yes", "headers": {"X-A": 1, " ": "v"}}),
    );
    assert_eq!(errors["/enabled"], ["must be yes or no"]);
    assert_eq!(errors["/headers"], ["every value needs a name"]);
    assert_eq!(errors["/headers/X-A"], ["must be text"]);
    assert!(validate(&form, &json!({"enabled": false, "headers": {"X-A": "1"}})).is_empty());
}

#[test]
fn nested_one_of_inside_a_variant_is_followed() {
    let form = FormSpec::new(vec![FieldSpec::one_of(
        "/vendor",
        "Vendor",
        vec![Variant::new(
            "te",
            "ThousandEyes",
            vec![FieldSpec::one_of(
                "/auth",
                "Auth",
                vec![Variant::new(
                    "basic",
                    "Basic",
                    vec![FieldSpec::text("/email", "Email").required()],
                )],
            )],
        )],
    )]);
    assert_eq!(
        validate(&form, &json!({"vendor": "te", "auth": "basic"}))["/email"],
        ["required"]
    );
}

#[test]
fn find_field_reaches_into_groups_and_every_variant() {
    let form = target_form();
    assert_eq!(
        find_field(&form.fields, "/target/webhook_url")
            .unwrap()
            .label,
        "Webhook URL"
    );
    assert!(find_field(&form.fields, "/nope").is_none());
}

#[test]
fn a_check_reports_its_own_message() {
    let form = one(FieldSpec::multiline("/t", "Template").check(|text| {
        if text.contains("{{") && !text.contains("}}") {
            Err("“{{” is never closed".into())
        } else {
            Ok(())
        }
    }));
    assert_eq!(
        validate(&form, &json!({"t": "{{ x"}))["/t"],
        ["“{{” is never closed"]
    );
    assert!(validate(&form, &json!({"t": "{{ x }}"})).is_empty());
}

#[test]
fn choices_served_by_the_vendor_accept_any_id() {
    let form = one(
        FieldSpec::choice("/team_id", "Team", vec![Choice::new("", "No team")])
            .choices_from_vendor(),
    );
    assert!(validate(&form, &json!({"team_id": "T-NEW"})).is_empty());
    assert_eq!(
        validate(&form, &json!({"team_id": 7}))["/team_id"],
        ["must be text"]
    );
}

#[test]
fn choices_served_by_the_vendor_still_follow_the_fields_own_rules() {
    let form = one(FieldSpec::choice("/aid", "Account group", vec![])
        .choices_from_vendor()
        .pattern("must be digits", |t| t.bytes().all(|b| b.is_ascii_digit())));
    assert!(validate(&form, &json!({"aid": "1234"})).is_empty());
    assert_eq!(
        validate(&form, &json!({"aid": "12a"}))["/aid"],
        ["must be digits"]
    );
}

#[test]
fn a_multi_choice_holds_only_its_choices_unless_the_vendor_serves_them() {
    let fixed = FormSpec::new(vec![FieldSpec::multi_choice(
        "/teams",
        "Teams",
        vec![Choice::new("T1", "Web")],
    )]);
    assert!(validate(&fixed, &json!({"teams": ["T1"]})).is_empty());
    assert_eq!(
        validate(&fixed, &json!({"teams": ["T9"]})).get("/teams"),
        ["“T9” is not one of the choices"]
    );
    assert_eq!(
        validate(&fixed, &json!({"teams": "T1"})).get("/teams"),
        ["must be a list"]
    );
    let served = FormSpec::new(vec![
        FieldSpec::multi_choice("/teams", "Teams", Vec::new()).choices_from_vendor()
    ]);
    assert!(validate(&served, &json!({"teams": ["T9"]})).is_empty());
}
