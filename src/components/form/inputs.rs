//! Text-like inputs: single line (text and URL), multi-line, and whole numbers.

use leptos::prelude::*;
use serde_json::Value;

use super::{chrome, FormCtx};
use crate::domain::{FieldKind, FieldSpec};

pub fn text_input(ctx: FormCtx, field: &FieldSpec) -> AnyView {
    let ids = chrome::ids(ctx, field);
    let pointer = field.pointer.clone();
    let text = {
        let pointer = pointer.clone();
        Memo::new(move |_| ctx.text(&pointer))
    };
    let kind = if field.kind == FieldKind::Url {
        "url"
    } else {
        "text"
    };
    let on_input = {
        let pointer = pointer.clone();
        move |ev| ctx.set(&pointer, Value::String(event_target_value(&ev)))
    };
    view! {
        <input
            type=kind
            id=ids.input
            aria-describedby=ids.described_by
            aria-invalid=move || ids.invalid.get().to_string()
            aria-required=field.is_required().to_string()
            placeholder=field.placeholder.clone()
            readonly=field.read_only
            autocomplete="off"
            spellcheck="false"
            prop:value=move || text.get()
            on:input=on_input
            on:blur=move |_| ctx.touch(&pointer)
        />
    }
    .into_any()
}

pub fn multiline_input(ctx: FormCtx, field: &FieldSpec) -> AnyView {
    let ids = chrome::ids(ctx, field);
    let pointer = field.pointer.clone();
    let text = {
        let pointer = pointer.clone();
        Memo::new(move |_| ctx.text(&pointer))
    };
    let on_input = {
        let pointer = pointer.clone();
        move |ev| ctx.set(&pointer, Value::String(event_target_value(&ev)))
    };
    view! {
        <textarea
            id=ids.input
            rows="4"
            aria-describedby=ids.described_by
            aria-invalid=move || ids.invalid.get().to_string()
            aria-required=field.is_required().to_string()
            placeholder=field.placeholder.clone()
            readonly=field.read_only
            prop:value=move || text.get()
            on:input=on_input
            on:blur=move |_| ctx.touch(&pointer)
        ></textarea>
    }
    .into_any()
}

/// A whole number: stored as a JSON number when the text is one, else as the text itself so
/// validation can say what is wrong instead of silently dropping it.
pub fn integer_input(ctx: FormCtx, field: &FieldSpec) -> AnyView {
    let ids = chrome::ids(ctx, field);
    let pointer = field.pointer.clone();
    let text = {
        let pointer = pointer.clone();
        Memo::new(move |_| ctx.text(&pointer))
    };
    let on_input = {
        let pointer = pointer.clone();
        move |ev| {
            let typed = event_target_value(&ev);
            let value = match typed.trim() {
                "" => Value::Null,
                t => t
                    .parse::<i64>()
                    .map(Value::from)
                    .unwrap_or(Value::String(typed)),
            };
            ctx.set(&pointer, value);
        }
    };
    view! {
        <input
            type="text"
            inputmode="numeric"
            id=ids.input
            aria-describedby=ids.described_by
            aria-invalid=move || ids.invalid.get().to_string()
            aria-required=field.is_required().to_string()
            placeholder=field.placeholder.clone()
            readonly=field.read_only
            autocomplete="off"
            prop:value=move || text.get()
            on:input=on_input
            on:blur=move |_| ctx.touch(&pointer)
        />
    }
    .into_any()
}
