//! Small DOM helpers: mount a view, find elements, type and click like a person.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::mount::mount_to;
use leptos::prelude::*;
use patchbay::components::form::{FormCtx, FormFields};
use patchbay::domain::FormSpec;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// A view mounted in its own element; unmounted when dropped.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

pub fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> Mounted {
    let root: HtmlElement = document()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), view);
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

/// Draws `form` with the generic renderer, starting from `draft`; `saved` are masked secrets
/// already stored, by pointer. Ids start with `prefix`.
pub fn render_form(
    form: FormSpec,
    draft: Value,
    saved: BTreeMap<String, String>,
    prefix: &'static str,
) -> (Mounted, FormCtx) {
    let slot: Rc<RefCell<Option<FormCtx>>> = Rc::default();
    let out = slot.clone();
    let mounted = mount(move || {
        let ctx = FormCtx::new(
            Signal::derive(move || form.clone()),
            RwSignal::new(draft),
            Signal::derive(move || saved.clone()),
            prefix,
        );
        *out.borrow_mut() = Some(ctx);
        view! { <form><FormFields ctx/></form> }
    });
    let ctx = slot.borrow().expect("the form was rendered");
    (mounted, ctx)
}

impl Mounted {
    pub fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    pub fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    pub fn input(&self, selector: &str) -> HtmlInputElement {
        self.find(selector).unchecked_into()
    }

    /// The texts of a field's error list (`<ul id="<input id>-errors">`).
    pub fn errors(&self, input_id: &str) -> Vec<String> {
        let list = self
            .root
            .query_selector_all(&format!("#{input_id}-errors li"))
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    }

    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }
}

/// Types `text` into an input (replacing its value) and leaves it, like a person would.
pub fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    input.dispatch_event(&Event::new("blur").unwrap()).unwrap();
}

pub fn choose(select: &Element, value: &str) {
    let select: &HtmlSelectElement = select.unchecked_ref();
    select.set_value(value);
    select
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
}

pub fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}

/// Lets Leptos apply pending updates to the DOM.
pub async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}
