//! What surrounds every input: its label, help text and error list, tied together with ids so
//! assistive technology reads them with the input.

use leptos::prelude::*;

use super::FormCtx;
use crate::domain::FieldSpec;

/// The ids and state one field's widget needs.
#[derive(Clone)]
pub struct FieldIds {
    pub input: String,
    pub described_by: String,
    pub invalid: Signal<bool>,
}

pub fn ids(ctx: FormCtx, field: &FieldSpec) -> FieldIds {
    let input = ctx.dom_id(&field.pointer);
    let pointer = field.pointer.clone();
    let described_by = match field.help {
        Some(_) => format!("{input}-help {input}-errors"),
        None => format!("{input}-errors"),
    };
    FieldIds {
        input,
        described_by,
        invalid: Signal::derive(move || !ctx.errors_for(&pointer).is_empty()),
    }
}

/// Label above, help and errors below. `label_after` puts the label after the widget
/// (checkboxes).
pub fn wrap(ctx: FormCtx, field: &FieldSpec, widget: AnyView, label_after: bool) -> AnyView {
    let input_id = ctx.dom_id(&field.pointer);
    let label = label_view(&input_id, field);
    let pointer = field.pointer.clone();
    let invalid = move || !ctx.errors_for(&pointer).is_empty();
    let help = field.help.clone().map(|text| {
        view! { <p class="help" id=format!("{input_id}-help")>{text}</p> }
    });
    let (before, after) = if label_after {
        (None, Some(label))
    } else {
        (Some(label), None)
    };
    let errors = errors_view(ctx, &field.pointer, &format!("{input_id}-errors"));
    view! {
        <div class="field" class:invalid=invalid class:check=label_after>
            {before}
            {widget}
            {after}
            {help}
            {errors}
        </div>
    }
    .into_any()
}

fn label_view(input_id: &str, field: &FieldSpec) -> AnyView {
    // The marker sits outside the label so the field's name stays exactly its label; the
    // input carries aria-required for assistive technology.
    let required = field.is_required().then(|| {
        view! { <span class="required" aria-hidden="true">"*"</span> }
    });
    view! {
        <div class="label-row">
            <label for=input_id.to_string()>{field.label.clone()}</label>
            {required}
        </div>
    }
    .into_any()
}

/// The messages under one pointer, in a list the field's input names as its description.
pub fn errors_view(ctx: FormCtx, pointer: &str, id: &str) -> impl IntoView {
    let pointer = pointer.to_string();
    view! {
        <ul class="field-errors" id=id.to_string()>
            {move || ctx.errors_for(&pointer).into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
        </ul>
    }
}
