//! Enums as a select, booleans as a checkbox.

use leptos::prelude::*;
use serde_json::Value;

use super::{chrome, FormCtx};
use crate::domain::{FieldKind, FieldSpec};

pub fn select(ctx: FormCtx, field: &FieldSpec) -> AnyView {
    let FieldKind::Enum(choices) = field.kind.clone() else {
        unreachable!("select() is only called for enums")
    };
    let options: Vec<(String, String)> = choices.into_iter().map(|c| (c.value, c.label)).collect();
    select_of(ctx, field, options, move |pointer, value| {
        ctx.set(pointer, value)
    })
}

/// A select over `(value, title)` pairs; `on_pick` receives the chosen value (or null).
pub fn select_of(
    ctx: FormCtx,
    field: &FieldSpec,
    options: Vec<(String, String)>,
    on_pick: impl Fn(&str, Value) + 'static,
) -> AnyView {
    let ids = chrome::ids(ctx, field);
    let pointer = field.pointer.clone();
    let current = {
        let pointer = pointer.clone();
        Memo::new(move |_| ctx.text(&pointer))
    };
    let required = field.is_required();
    // A value the choices do not hold (yet): an id whose list is still loading, or a setting
    // saved before its choices were read. It shows as itself rather than as "Choose…".
    let known: Vec<String> = options.iter().map(|(value, _)| value.clone()).collect();
    let unlisted_option = move || {
        let value = current.get();
        (!value.is_empty() && !known.contains(&value))
            .then(|| view! { <option value=value.clone() selected=true>{value.clone()}</option> })
    };
    let blank_option = move || {
        (!required || current.get().is_empty())
            .then(|| view! { <option value="">"Choose…"</option> })
    };
    let on_change = {
        let pointer = pointer.clone();
        move |ev| {
            let picked = event_target_value(&ev);
            let value = if picked.is_empty() {
                Value::Null
            } else {
                Value::String(picked)
            };
            on_pick(&pointer, value);
            ctx.touch(&pointer);
        }
    };
    view! {
        <select
            id=ids.input
            aria-describedby=ids.described_by
            aria-invalid=move || ids.invalid.get().to_string()
            aria-required=required.to_string()
            disabled=field.read_only
            prop:value=move || current.get()
            on:change=on_change
        >
            {blank_option}
            {unlisted_option}
            {options
                .into_iter()
                .map(|(value, label)| {
                    let selected_value = value.clone();
                    view! {
                        <option value=value selected=move || current.get() == selected_value>{label}</option>
                    }
                })
                .collect_view()}
        </select>
    }
    .into_any()
}

pub fn checkbox(ctx: FormCtx, field: &FieldSpec) -> AnyView {
    let ids = chrome::ids(ctx, field);
    let pointer = field.pointer.clone();
    let checked = {
        let pointer = pointer.clone();
        Memo::new(move |_| ctx.value(&pointer) == Some(Value::Bool(true)))
    };
    view! {
        <input
            type="checkbox"
            id=ids.input
            aria-describedby=ids.described_by
            aria-invalid=move || ids.invalid.get().to_string()
            disabled=field.read_only
            prop:checked=move || checked.get()
            on:change=move |ev| {
                ctx.set(&pointer, Value::Bool(event_target_checked(&ev)));
                ctx.touch(&pointer);
            }
        />
    }
    .into_any()
}
