//! The Confluent form as drawn from its FieldSpec: its fields, an invalid submit blocked, and
//! a vendor 422 shown on the field its pointer names, cleared when that field changes.

use std::collections::BTreeMap;

use leptos::prelude::*;
use patchbay::components::form::FormCtx;
use patchbay::domain::{Response, Vendor};
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use super::dom::{self, choose, settle, type_into, Mounted};

fn render() -> (Mounted, FormCtx) {
    let form = Vendor::Confluent.api().expect("built").form_spec(None);
    let draft = form.initial_draft();
    dom::render_form(form, draft, BTreeMap::new(), "cf")
}

fn label_texts(form: &Mounted) -> Vec<String> {
    let labels = form.root.query_selector_all("label").unwrap();
    (0..labels.length())
        .map(|i| labels.item(i).unwrap().text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn the_form_draws_its_fields_and_switches_target_fields_by_kind() {
    let (form, ctx) = render();
    settle().await;
    assert_eq!(
        label_texts(&form),
        ["Display name", "Description", "Target", "Webhook URL"]
    );
    let kinds = form
        .root
        .query_selector_all("#cf-target-kind option")
        .unwrap();
    let titles: Vec<String> = (0..kinds.length())
        .map(|i| kinds.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(titles, ["Webhook", "Slack", "Microsoft Teams"]);
    choose(&form.find("#cf-target-kind"), "MsTeams");
    settle().await;
    assert_eq!(label_texts(&form)[3], "Teams webhook URL");
    assert_eq!(ctx.draft.get_untracked()["target"]["kind"], "MsTeams");
}

#[wasm_bindgen_test]
async fn an_invalid_submit_is_blocked_with_each_error_on_its_field() {
    let (form, ctx) = render();
    settle().await;
    type_into(&form.input("#cf-display_name"), &"n".repeat(65));
    type_into(&form.input("#cf-target-url"), "ftp://files.test/x");
    assert!(!ctx.check_before_submit());
    settle().await;
    assert_eq!(form.errors("cf-display_name"), ["at most 64 characters"]);
    assert_eq!(
        form.errors("cf-target-url"),
        ["must start with http:// or https://"]
    );
    let description: web_sys::HtmlTextAreaElement = form.find("#cf-description").unchecked_into();
    description.set_value(&"d".repeat(129));
    description
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(form.errors("cf-description"), ["at most 128 characters"]);
}

#[wasm_bindgen_test]
async fn a_vendor_422_lands_on_its_field_and_clears_when_the_field_changes() {
    let (form, ctx) = render();
    settle().await;
    let api = Vendor::Confluent.api().unwrap();
    let body = json!({"errors": [
        {"status": "422", "detail": "display_name is already used", "source": {"pointer": "/display_name"}},
        {"status": "422", "detail": "the URL does not answer", "source": {"pointer": "/target/url"}}
    ]});
    let error = api.parse_error(&Response::new(422, body.to_string()), 0);
    ctx.server_errors.set(error.field_errors);
    settle().await;
    assert_eq!(
        form.errors("cf-display_name"),
        ["display_name is already used"]
    );
    assert_eq!(form.errors("cf-target-url"), ["the URL does not answer"]);
    type_into(&form.input("#cf-display_name"), "Another name");
    settle().await;
    assert!(form.errors("cf-display_name").is_empty());
    assert_eq!(form.errors("cf-target-url"), ["the URL does not answer"]);
}
