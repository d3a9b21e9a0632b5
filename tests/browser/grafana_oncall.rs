//! The OnCall templates editor, drawn from its FieldSpec: every template has its field, a
//! broken template is flagged on that field, and the other templates keep their input.

use std::collections::BTreeMap;

use leptos::prelude::*;
use patchbay::components::form::FormCtx;
use patchbay::domain::Vendor;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Event, HtmlTextAreaElement};

use super::dom::{self, choose, settle, Mounted};

fn render() -> (Mounted, FormCtx) {
    let form = Vendor::GrafanaOncall.api().expect("built").form_spec(None);
    let draft = form.initial_draft();
    dom::render_form(form, draft, BTreeMap::new(), "oc")
}

fn write(form: &Mounted, id: &str, text: &str) -> HtmlTextAreaElement {
    let area: HtmlTextAreaElement = form.find(&format!("#{id}")).unchecked_into();
    area.set_value(text);
    area.dispatch_event(&Event::new("input").unwrap()).unwrap();
    area.dispatch_event(&Event::new("blur").unwrap()).unwrap();
    area
}

#[wasm_bindgen_test]
async fn every_template_has_a_labelled_field_grouped_by_channel() {
    let (form, _) = render();
    settle().await;
    let legends = form
        .root
        .query_selector_all("fieldset.group legend")
        .unwrap();
    let names: Vec<String> = (0..legends.length())
        .map(|i| legends.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Default route",
            "Templates",
            "Slack",
            "Web",
            "Telegram",
            "SMS",
            "Phone call",
            "Email",
            "Mobile app",
            "Microsoft Teams (Grafana Cloud only)"
        ]
    );
    for id in [
        "oc-templates-grouping_key",
        "oc-templates-slack-image_url",
        "oc-templates-sms-title",
        "oc-templates-msteams-message",
    ] {
        assert_eq!(form.count(&format!("textarea#{id}")), 1, "{id}");
        assert_eq!(form.count(&format!("label[for='{id}']")), 1, "{id}");
    }
    assert_eq!(
        form.count("#oc-templates-sms-message"),
        0,
        "SMS has a title only"
    );
}

#[wasm_bindgen_test]
async fn a_broken_template_is_flagged_and_the_others_keep_their_input() {
    let (form, ctx) = render();
    settle().await;
    choose(&form.find("#oc-type"), "webhook");
    write(&form, "oc-templates-web-message", "{{ payload.message }}");
    let broken = write(&form, "oc-templates-slack-title", "*{{ payload.title*");
    settle().await;
    assert_eq!(
        form.errors("oc-templates-slack-title"),
        ["line 1: “{{” is never closed (expected “}}”)"]
    );
    assert!(form.errors("oc-templates-web-message").is_empty());
    assert_eq!(
        broken.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(!ctx.check_before_submit());
    settle().await;
    let web: HtmlTextAreaElement = form.find("#oc-templates-web-message").unchecked_into();
    assert_eq!(web.value(), "{{ payload.message }}");
    assert_eq!(broken.value(), "*{{ payload.title*");
    write(&form, "oc-templates-slack-title", "*{{ payload.title }}*");
    settle().await;
    assert!(form.errors("oc-templates-slack-title").is_empty());
    assert!(ctx.check_before_submit());
    assert_eq!(
        ctx.draft.get_untracked()["templates"]["web"]["message"],
        "{{ payload.message }}"
    );
}
