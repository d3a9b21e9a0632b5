//! Text-like inputs: single line (text, URL, whole number) and multi-line.

use leptos::prelude::*;
use serde_json::Value;

use super::{chrome, FormCtx};
use crate::domain::{FieldKind, FieldSpec};

/// A single-line input: text, a URL, or a whole number. A number is stored as a JSON number
/// when the text is one, else as the text itself, so validation can say what is wrong instead
/// of silently dropping it.
pub fn line_input(ctx: FormCtx, field: &FieldSpec) -> AnyView {
    let (kind, inputmode, to_value): (&str, Option<&str>, fn(String) -> Value) = match field.kind {
        FieldKind::Url => ("url", None, Value::String),
        FieldKind::Integer => ("text", Some("numeric"), |typed| match typed.trim() {
            "" => Value::Null,
            t => t
                .parse::<i64>()
                .map(Value::from)
                .unwrap_or(Value::String(typed)),
        }),
        _ => ("text", None, Value::String),
    };
    let ids = chrome::ids(ctx, field);
    let bound = bind(ctx, &field.pointer, to_value);
    view! {
        <input
            type=kind
            inputmode=inputmode
            id=ids.input
            aria-describedby=ids.described_by
            aria-invalid=move || ids.invalid.get().to_string()
            aria-required=field.is_required().to_string()
            placeholder=field.placeholder.clone()
            readonly=field.read_only
            autocomplete="off"
            spellcheck="false"
            prop:value=move || bound.text.get()
            on:input=bound.on_input
            on:blur=bound.on_blur
        />
    }
    .into_any()
}

pub fn multiline_input(ctx: FormCtx, field: &FieldSpec) -> AnyView {
    let ids = chrome::ids(ctx, field);
    let bound = bind(ctx, &field.pointer, Value::String);
    view! {
        <textarea
            id=ids.input
            rows="4"
            aria-describedby=ids.described_by
            aria-invalid=move || ids.invalid.get().to_string()
            aria-required=field.is_required().to_string()
            placeholder=field.placeholder.clone()
            readonly=field.read_only
            prop:value=move || bound.text.get()
            on:input=bound.on_input
            on:blur=bound.on_blur
        ></textarea>
    }
    .into_any()
}

/// A text widget tied to one pointer of the draft: the text to show (a memo, so typing
/// elsewhere does not rewrite this input) and the handlers that write and mark it visited.
struct Bound<I, B> {
    text: Memo<String>,
    on_input: I,
    on_blur: B,
}

fn bind(
    ctx: FormCtx,
    pointer: &str,
    to_value: fn(String) -> Value,
) -> Bound<impl Fn(leptos::ev::Event) + 'static, impl Fn(leptos::ev::FocusEvent) + 'static> {
    let (read, write, visit) = (
        pointer.to_string(),
        pointer.to_string(),
        pointer.to_string(),
    );
    Bound {
        text: Memo::new(move |_| ctx.text(&read)),
        on_input: move |ev| ctx.set(&write, to_value(event_target_value(&ev))),
        on_blur: move |_| ctx.touch(&visit),
    }
}
