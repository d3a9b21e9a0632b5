//! The state one rendered form shares with its fields: the draft, client and server errors,
//! which fields the user has visited, and the masked secrets already saved.

use std::collections::{BTreeMap, HashSet};

use leptos::prelude::*;
use serde_json::Value;

use crate::domain::error::FieldErrors;
use crate::domain::pointer::{self, FORM_LEVEL};
use crate::domain::{validate, FormSpec};

#[derive(Clone, Copy)]
pub struct FormCtx {
    pub spec: Signal<FormSpec>,
    pub draft: RwSignal<Value>,
    /// What `validate()` says about the draft now.
    pub client_errors: Memo<FieldErrors>,
    /// What the vendor said on the last submit; a field's messages clear when it changes.
    pub server_errors: RwSignal<FieldErrors>,
    /// Fields the user has left at least once: their client errors show from then on.
    touched: RwSignal<HashSet<String>>,
    /// After a submit attempt every client error shows.
    submitted: RwSignal<bool>,
    /// Masked secrets already saved, by pointer; such a field shows the mask and Replace.
    pub saved_secrets: Signal<BTreeMap<String, String>>,
    id_prefix: StoredValue<String>,
}

impl FormCtx {
    pub fn new(
        spec: Signal<FormSpec>,
        draft: RwSignal<Value>,
        saved_secrets: Signal<BTreeMap<String, String>>,
        id_prefix: &str,
    ) -> Self {
        let client_errors = Memo::new(move |_| {
            let mut checked = draft.get();
            // A saved secret the user did not replace still counts as given, and was checked
            // when it was saved (a saved URL is not checked again as one).
            let mut kept = Vec::new();
            for pointer_text in saved_secrets.get().keys() {
                if pointer::is_blank(pointer::get(&checked, pointer_text)) {
                    pointer::set(&mut checked, pointer_text, Value::String("saved".into()));
                    kept.push(pointer_text.clone());
                }
            }
            let mut errors = validate(&spec.get(), &checked);
            kept.iter()
                .for_each(|pointer_text| errors.clear_at(pointer_text));
            errors
        });
        FormCtx {
            spec,
            draft,
            client_errors,
            server_errors: RwSignal::new(FieldErrors::new()),
            touched: RwSignal::new(HashSet::new()),
            submitted: RwSignal::new(false),
            saved_secrets,
            id_prefix: StoredValue::new(id_prefix.to_string()),
        }
    }

    /// The value at `pointer` (tracked).
    pub fn value(&self, pointer_text: &str) -> Option<Value> {
        self.draft.with(|d| pointer::get(d, pointer_text).cloned())
    }

    /// The value at `pointer` as input text (tracked).
    pub fn text(&self, pointer_text: &str) -> String {
        self.draft.with(|d| pointer::get_text(d, pointer_text))
    }

    /// Writes a value the user entered and clears the server's messages about that field.
    pub fn set(&self, pointer_text: &str, value: Value) {
        self.draft.update(|d| pointer::set(d, pointer_text, value));
        self.server_errors.update(|e| e.clear_under(pointer_text));
    }

    /// Marks a field visited: its errors show from now on.
    pub fn touch(&self, pointer_text: &str) {
        if !self.touched.with_untracked(|t| t.contains(pointer_text)) {
            self.touched.update(|t| {
                t.insert(pointer_text.to_string());
            });
        }
    }

    /// The messages to show under a field (tracked).
    pub fn errors_for(&self, pointer_text: &str) -> Vec<String> {
        let mut messages: Vec<String> = self.server_errors.with(|e| e.get(pointer_text).to_vec());
        let visited = self.submitted.get()
            || self.touched.with(|t| {
                t.iter()
                    .any(|v| v == pointer_text || pointer_text.starts_with(&format!("{v}/")))
            });
        if visited {
            for message in self.client_errors.with(|e| e.get(pointer_text).to_vec()) {
                if !messages.contains(&message) {
                    messages.push(message);
                }
            }
        }
        messages
    }

    /// Messages that belong to no field: the server's, and the form's own after a submit.
    pub fn form_errors(&self) -> Vec<String> {
        let mut messages = self.server_errors.with(|e| e.form_level().to_vec());
        if self.submitted.get() {
            messages.extend(self.client_errors.with(|e| e.get(FORM_LEVEL).to_vec()));
        }
        messages
    }

    /// Called on submit: shows every error and says whether the draft may be sent. When it
    /// may not, focus moves to the first field with an error.
    pub fn check_before_submit(&self) -> bool {
        self.submitted.set(true);
        let ok = self.client_errors.with_untracked(FieldErrors::is_empty);
        if !ok {
            let prefix = self.id_prefix.get_value();
            request_animation_frame(move || focus_first_invalid(&prefix));
        }
        ok
    }

    /// Shows the errors of the fields `needed` picks and says whether there are none: for a
    /// step that uses part of the form before it is submitted (reading a setting's choices).
    pub fn check_fields(&self, needed: impl Fn(&str) -> bool) -> bool {
        let wrong: Vec<String> = self.client_errors.with_untracked(|errors| {
            errors
                .iter()
                .map(|(pointer_text, _)| pointer_text.clone())
                .filter(|p| needed(p))
                .collect()
        });
        wrong.iter().for_each(|p| self.touch(p));
        wrong.is_empty()
    }

    /// The DOM id of a field's input, unique per form.
    pub fn dom_id(&self, pointer_text: &str) -> String {
        let mut id = self.id_prefix.get_value();
        for c in pointer_text.chars() {
            id.push(if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            });
        }
        id
    }
}

fn focus_first_invalid(prefix: &str) {
    let selector = format!("[id^='{prefix}'][aria-invalid='true']");
    let target = document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(element) = target {
        let _ = element.focus();
    }
}
