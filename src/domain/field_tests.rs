//! FormSpec structure: active fields, defaults, URL rules, secrets.

use super::*;
use serde_json::json;

fn target_form() -> FormSpec {
    FormSpec::new(vec![
        FieldSpec::text("/name", "Name").required(),
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
                    vec![FieldSpec::url("/target/webhook_url", "Slack URL")],
                ),
            ],
        ),
    ])
}

#[test]
fn active_fields_follow_the_selected_variant() {
    let form = target_form();
    let pointers = |draft: Value| {
        form.active_fields(&draft)
            .iter()
            .map(|f| f.pointer.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        pointers(json!({"target": {"kind": "Slack"}})),
        ["/name", "/target/kind", "/target/webhook_url"]
    );
    assert_eq!(pointers(json!({})), ["/name", "/target/kind"]);
    assert_eq!(
        pointers(json!({"target": {"kind": "Email"}})),
        ["/name", "/target/kind"]
    );
}

#[test]
fn initial_draft_fills_defaults_including_the_default_variant() {
    let form = FormSpec::new(vec![
        FieldSpec::one_of(
            "/target/kind",
            "Target",
            vec![Variant::new(
                "Webhook",
                "Webhook",
                vec![FieldSpec::boolean("/target/verify", "Verify").default_value(json!(true))],
            )],
        )
        .default_value(json!("Webhook")),
        FieldSpec::text("/name", "Name"),
    ]);
    assert_eq!(
        form.initial_draft(),
        json!({"target": {"kind": "Webhook", "verify": true}})
    );
}

#[test]
fn url_fields_default_to_http_and_https_and_can_narrow() {
    let field = FieldSpec::url("/u", "U");
    assert_eq!(
        field.constraints,
        vec![Constraint::Url {
            schemes: vec!["http", "https"]
        }]
    );
    let field = field.https_only();
    assert_eq!(
        field.constraints,
        vec![Constraint::Url {
            schemes: vec!["https"]
        }]
    );
}

#[test]
fn secrets_are_sensitive_by_construction() {
    assert!(FieldSpec::secret("/token", "Token").sensitive);
    assert!(!FieldSpec::text("/name", "Name").sensitive);
}

#[test]
fn all_pointers_reach_every_variant() {
    assert_eq!(
        target_form().all_pointers(),
        [
            "/name",
            "/target/kind",
            "/target/url",
            "/target/webhook_url"
        ]
    );
}

#[test]
fn run_time_choices_join_the_declared_ones() {
    let form = FormSpec::new(vec![FieldSpec::group(
        "/route",
        "Route",
        vec![FieldSpec::choice(
            "/route/team",
            "Team",
            vec![Choice::new("", "No team")],
        )],
    )]);
    let filled = form.with_choices(
        "/route/team",
        &[Choice::new("T1", "Platform"), Choice::new("T2", "Data")],
    );
    let FieldKind::Group(children) = &filled.fields[0].kind else {
        panic!("a group")
    };
    assert_eq!(children[0].allowed_values().unwrap(), ["", "T1", "T2"]);
}
