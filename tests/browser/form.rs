//! The generic form renderer, driven like a person: it draws any FormSpec with bound labels,
//! shows an error once a field is left, blocks an invalid submit, shows a server error on its
//! field and clears it on change, keeps input per one-of variant, and never puts a saved
//! secret back into an input.

use std::collections::BTreeMap;

use leptos::prelude::*;
use patchbay::components::form::FormCtx;
use patchbay::domain::error::FieldErrors;
use patchbay::domain::{Choice, FieldSpec, FormSpec, Variant};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use super::dom::{self, choose, click, settle, type_into, Mounted};

fn spec() -> FormSpec {
    FormSpec::new(vec![
        FieldSpec::text("/display_name", "Display name")
            .required()
            .max_len(64),
        FieldSpec::url("/homepage", "Homepage").help("Where people read about it."),
        FieldSpec::choice(
            "/urgency",
            "Urgency",
            vec![Choice::new("low", "Low"), Choice::new("high", "High")],
        )
        .required(),
        FieldSpec::boolean("/enabled", "Enabled"),
        FieldSpec::integer("/retries", "Retries").range(Some(0), Some(10)),
        FieldSpec::string_list("/urls", "URLs").http_only(),
        FieldSpec::secret("/secrets/token", "Token").required(),
        FieldSpec::group(
            "/dest",
            "Destinations",
            vec![FieldSpec::text("/dest/team", "Team")],
        )
        .at_least_one_of(&["/dest/team"], "choose at least one destination"),
        FieldSpec::one_of(
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
                    vec![FieldSpec::url("/target/webhook_url", "Slack webhook URL").required()],
                ),
            ],
        )
        .required(),
    ])
}

fn render(draft: Value, saved: BTreeMap<String, String>) -> (Mounted, FormCtx) {
    dom::render_form(spec(), draft, saved, "t")
}

#[wasm_bindgen_test]
async fn every_field_is_drawn_with_a_label_bound_to_its_input() {
    let (form, _) = render(
        json!({"target": {"kind": "Webhook"}, "urls": ["https://a.test"]}),
        BTreeMap::new(),
    );
    settle().await;
    let labels = form.root.query_selector_all("label").unwrap();
    assert_eq!(
        labels.length(),
        9,
        "lists are labelled by their legend: {}",
        form.root.inner_html()
    );
    for i in 0..labels.length() {
        let label: web_sys::HtmlLabelElement = labels.item(i).unwrap().unchecked_into();
        let target = label.html_for();
        assert_eq!(
            form.count(&format!("#{target}")),
            1,
            "label “{}” points at #{target}",
            label.text_content().unwrap()
        );
    }
    assert_eq!(form.input("#t-homepage").type_(), "url");
    assert_eq!(form.input("#t-secrets-token").type_(), "password");
    assert_eq!(form.input("#t-enabled").type_(), "checkbox");
    assert_eq!(
        form.count("#t-urgency option"),
        3,
        "a blank choice while none is chosen"
    );
    assert_eq!(form.input("#t-urls-0").value(), "https://a.test");
    assert!(form.text().contains("Where people read about it."));
    assert_eq!(
        form.find("#t-homepage")
            .get_attribute("aria-describedby")
            .unwrap(),
        "t-homepage-help t-homepage-errors"
    );
    assert_eq!(
        form.find("#t-display_name")
            .get_attribute("aria-required")
            .unwrap(),
        "true"
    );
}

#[wasm_bindgen_test]
async fn an_error_shows_once_the_field_is_left_and_clears_when_fixed() {
    let (form, ctx) = render(json!({}), BTreeMap::new());
    settle().await;
    assert!(
        form.errors("t-display_name").is_empty(),
        "no error before the user gets there"
    );
    let name = form.input("#t-display_name");
    type_into(&name, &"a".repeat(65));
    settle().await;
    assert_eq!(form.errors("t-display_name"), ["at most 64 characters"]);
    assert_eq!(name.get_attribute("aria-invalid").unwrap(), "true");
    type_into(&name, "Ops");
    settle().await;
    assert!(form.errors("t-display_name").is_empty());
    assert_eq!(ctx.draft.get_untracked()["display_name"], "Ops");

    type_into(&form.input("#t-retries"), "11");
    type_into(&form.input("#t-homepage"), "javascript:alert(1)");
    settle().await;
    assert_eq!(form.errors("t-retries"), ["must be between 0 and 10"]);
    assert_eq!(
        form.errors("t-homepage"),
        ["must start with http:// or https://"]
    );
    assert_eq!(
        ctx.draft.get_untracked()["retries"],
        11,
        "whole numbers are stored as numbers"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_submit_is_blocked_and_shows_every_error() {
    let (form, ctx) = render(json!({}), BTreeMap::new());
    settle().await;
    assert!(!ctx.check_before_submit());
    settle().await;
    assert_eq!(form.errors("t-display_name"), ["required"]);
    assert_eq!(form.errors("t-urgency"), ["required"]);
    assert_eq!(form.errors("t-secrets-token"), ["required"]);
    assert_eq!(form.errors("t-target-kind"), ["required"]);
    assert_eq!(form.errors("t-dest"), ["choose at least one destination"]);
}

#[wasm_bindgen_test]
async fn a_server_error_lands_on_its_field_and_clears_when_that_field_changes() {
    let (form, ctx) = render(json!({"display_name": "Ops"}), BTreeMap::new());
    let mut server = FieldErrors::new();
    server.add(
        "/display_name",
        "an integration with this name already exists",
    );
    server.add("/homepage", "unreachable");
    server.add("", "quota reached");
    ctx.server_errors.set(server);
    settle().await;
    assert_eq!(
        form.errors("t-display_name"),
        ["an integration with this name already exists"]
    );
    assert!(form.text().contains("quota reached"));

    type_into(&form.input("#t-display_name"), "Ops 2");
    settle().await;
    assert!(form.errors("t-display_name").is_empty());
    assert_eq!(
        form.errors("t-homepage"),
        ["unreachable"],
        "other fields keep theirs"
    );
}

#[wasm_bindgen_test]
async fn switching_kinds_shows_their_fields_and_keeps_what_was_typed_for_each() {
    let (form, ctx) = render(json!({"target": {"kind": "Webhook"}}), BTreeMap::new());
    settle().await;
    type_into(&form.input("#t-target-url"), "https://hooks.test/webhook");
    choose(&form.find("#t-target-kind"), "Slack");
    settle().await;
    assert_eq!(form.count("#t-target-url"), 0);
    type_into(
        &form.input("#t-target-webhook_url"),
        "https://hooks.slack.test/x",
    );
    choose(&form.find("#t-target-kind"), "Webhook");
    settle().await;
    assert_eq!(
        form.input("#t-target-url").value(),
        "https://hooks.test/webhook"
    );
    assert_eq!(
        ctx.draft.get_untracked()["target"],
        json!({"kind": "Webhook", "url": "https://hooks.test/webhook"})
    );
    choose(&form.find("#t-target-kind"), "Slack");
    settle().await;
    assert_eq!(
        form.input("#t-target-webhook_url").value(),
        "https://hooks.slack.test/x"
    );
}

#[wasm_bindgen_test]
async fn a_saved_secret_shows_masked_and_never_returns_into_an_input() {
    let saved = BTreeMap::from([("/secrets/token".to_string(), "••••1234".to_string())]);
    let (form, ctx) = render(json!({}), saved);
    settle().await;
    assert!(form.text().contains("configured ••••1234"));
    assert_eq!(form.count("input[type=password]"), 0);
    assert!(
        !ctx.check_before_submit() && form.errors("t-secrets-token").is_empty(),
        "a saved secret satisfies required"
    );

    click(&form.find("button[aria-label='Replace Token']"));
    settle().await;
    let entry = form.input("#t-secrets-token");
    assert_eq!(entry.type_(), "password");
    assert_eq!(entry.value(), "");
    type_into(&entry, "new-secret");
    settle().await;
    assert_eq!(ctx.draft.get_untracked()["secrets"]["token"], "new-secret");
}

#[wasm_bindgen_test]
async fn list_rows_can_be_added_removed_and_are_checked_one_by_one() {
    let (form, ctx) = render(json!({}), BTreeMap::new());
    settle().await;
    let add = form.find("fieldset.list button:last-of-type");
    click(&add);
    click(&add);
    settle().await;
    type_into(&form.input("#t-urls-0"), "https://a.test");
    type_into(&form.input("#t-urls-1"), "/relative");
    settle().await;
    assert_eq!(
        form.errors("t-urls-1"),
        ["must be an absolute URL, like https://host/path"]
    );
    click(&form.find("button[aria-label='Remove URLs 1']"));
    settle().await;
    assert_eq!(ctx.draft.get_untracked()["urls"], json!(["/relative"]));
    assert_eq!(form.input("#t-urls-0").value(), "/relative");
}

#[wasm_bindgen_test]
async fn a_multi_choice_ticks_into_a_list_and_keeps_a_value_its_choices_lack() {
    let spec = FormSpec::new(vec![FieldSpec::multi_choice(
        "/team_ids",
        "Teams",
        vec![Choice::new("T1", "Web team"), Choice::new("T2", "Data")],
    )
    .choices_from_vendor()]);
    let (form, ctx) = dom::render_form(spec, json!({"team_ids": ["T9"]}), BTreeMap::new(), "m");
    settle().await;
    assert_eq!(
        form.find("fieldset legend").text_content().unwrap(),
        "Teams"
    );
    let unlisted = form.input("#m-team_ids-unlisted-0");
    assert!(
        unlisted.checked(),
        "a chosen id the list lacks stays ticked"
    );
    click(&form.find("#m-team_ids-1"));
    settle().await;
    assert_eq!(ctx.draft.get_untracked()["team_ids"], json!(["T9", "T2"]));
    assert!(form.input("#m-team_ids-1").checked());
    click(&form.find("#m-team_ids-unlisted-0"));
    settle().await;
    assert_eq!(ctx.draft.get_untracked()["team_ids"], json!(["T2"]));
    assert_eq!(form.count("#m-team_ids-unlisted-0"), 0);
    let label = form
        .find("label[for='m-team_ids-0']")
        .text_content()
        .unwrap();
    assert_eq!(label, "Web team");
}
