//! Enums as a select, booleans as a checkbox, multi-choices as a set of checkboxes.

use leptos::prelude::*;
use serde_json::Value;

use super::{chrome, FormCtx};
use crate::domain::{FieldKind, FieldSpec};

pub fn select(ctx: FormCtx, field: &FieldSpec) -> AnyView {
    let FieldKind::Enum(choices) = field.kind.clone() else {
        unreachable!("select() is only called for enums")
    };
    let options: Vec<(String, String)> = choices.into_iter().map(|c| (c.value, c.label)).collect();
    select_of(ctx, field, options, None, move |pointer, value| {
        ctx.set(pointer, value)
    })
}

/// A select over `(value, title)` pairs; `on_pick` receives the chosen value (or null).
/// `find`: text that hides the options whose titles lack it (the chosen one stays).
pub fn select_of(
    ctx: FormCtx,
    field: &FieldSpec,
    options: Vec<(String, String)>,
    find: Option<Signal<String>>,
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
                    let chosen_value = value.clone();
                    let title = label.to_lowercase();
                    let hidden = move || {
                        find.is_some_and(|find| {
                            !title.contains(&find.get().trim().to_lowercase())
                                && current.get() != chosen_value
                        })
                    };
                    view! {
                        <option value=value hidden=hidden selected=move || current.get() == selected_value>{label}</option>
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

/// Several choices as a fieldset of checkboxes named by their titles; the value is the list
/// of the ticked values, in the choices' order. A value the choices do not hold (yet) stays
/// ticked under its own name, so a late lookup never drops what was chosen.
pub fn checkboxes(ctx: FormCtx, field: FieldSpec) -> AnyView {
    let FieldKind::MultiChoice(choices) = field.kind.clone() else {
        unreachable!("checkboxes() is only called for multi-choices")
    };
    let base_id = ctx.dom_id(&field.pointer);
    let errors_id = format!("{base_id}-errors");
    let pointer = field.pointer.clone();
    let chosen = {
        let pointer = pointer.clone();
        Memo::new(move |_| match ctx.value(&pointer) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    };
    let known: Vec<String> = choices.iter().map(|c| c.value.clone()).collect();
    let unlisted = move || {
        chosen
            .get()
            .into_iter()
            .filter(|value| !known.contains(value))
            .map(|value| (value.clone(), value))
            .collect::<Vec<_>>()
    };
    let read_only = field.read_only;
    let toggle = move |value: String, on: bool| {
        let mut next = chosen.get_untracked();
        next.retain(|v| *v != value);
        if on {
            next.push(value);
        }
        ctx.set(
            &pointer,
            Value::Array(next.into_iter().map(Value::String).collect()),
        );
    };
    let boxes = move |pairs: Vec<(String, String)>, part: &'static str| {
        pairs
            .into_iter()
            .enumerate()
            .map(|(index, (value, label))| {
                let id = format!("{base_id}-{part}{index}");
                let toggle = toggle.clone();
                let label_for = id.clone();
                let ticked = {
                    let value = value.clone();
                    move || chosen.with(|c| c.contains(&value))
                };
                view! {
                    <label class="check" for=label_for>
                        <input
                            type="checkbox"
                            id=id
                            disabled=read_only
                            prop:checked=ticked
                            on:change=move |ev| toggle(value.clone(), event_target_checked(&ev))
                        />
                        {label}
                    </label>
                }
            })
            .collect_view()
    };
    let listed: Vec<(String, String)> = choices.into_iter().map(|c| (c.value, c.label)).collect();
    let empty = listed
        .is_empty()
        .then(|| view! { <p class="help">"None to choose from yet."</p> });
    let help = field
        .help
        .clone()
        .map(|text| view! { <p class="help">{text}</p> });
    view! {
        <fieldset class="group multi-choice" aria-describedby=errors_id.clone()>
            <legend>{field.label.clone()}</legend>
            {help}
            <div class="choices">
                {boxes(listed, "")}
                {move || boxes(unlisted(), "unlisted-")}
            </div>
            {empty}
            {chrome::errors_view(ctx, &field.pointer, &errors_id)}
        </fieldset>
    }
    .into_any()
}
