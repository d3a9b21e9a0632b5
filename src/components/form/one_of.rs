//! A discriminated union: a select for the kind, then the chosen variant's fields. Switching
//! kinds keeps what was typed for each kind, so switching back restores it; a kind chosen for
//! the first time starts from its fields' defaults. A long list of kinds can be narrowed by a
//! search box.

use std::collections::HashMap;

use leptos::prelude::*;
use serde_json::Value;

use super::{choice, chrome, FormCtx};
use crate::domain::pointer;
use crate::domain::{FieldKind, FieldSpec, Variant};

/// From this many kinds on, a search box narrows the select.
const SEARCHABLE_FROM: usize = 12;

/// How a variant's own fields are drawn: the renderer passes itself in, so this file does not
/// import the file that imports it.
pub type Draw = fn(FormCtx, FieldSpec) -> AnyView;

pub fn one_of(ctx: FormCtx, field: FieldSpec, draw: Draw) -> AnyView {
    let FieldKind::OneOf(variants) = field.kind.clone() else {
        unreachable!("one_of() is only called for one-ofs")
    };
    let stash: StoredValue<HashMap<String, Vec<(String, Value)>>> =
        StoredValue::new(HashMap::new());
    let options = variants
        .iter()
        .map(|v| (v.value.clone(), v.label.clone()))
        .collect();
    let switch_variants = variants.clone();
    // A long catalogue (PagerTree's integration types) gets a box that narrows the choices.
    let find = (variants.len() >= SEARCHABLE_FROM).then(|| RwSignal::new(String::new()));
    let picker = choice::select_of(
        ctx,
        &field,
        options,
        find.map(Signal::from),
        move |discriminant, picked| switch(ctx, &switch_variants, stash, discriminant, picked),
    );
    let find_box = find.map(|find| {
        view! {
            <label class="find">
                {format!("Find in {}", field.label)}
                <input
                    type="search"
                    prop:value=move || find.get()
                    on:input=move |ev| find.set(event_target_value(&ev))
                />
            </label>
        }
    });
    let pointer_text = field.pointer.clone();
    let chosen = Memo::new(move |_| ctx.text(&pointer_text));
    let body = move || {
        let selected = chosen.get();
        variants.iter().find(|v| v.value == selected).map(|v| {
            v.fields
                .clone()
                .into_iter()
                .map(|f| draw(ctx, f))
                .collect_view()
        })
    };
    view! {
        {find_box}
        {chrome::wrap(ctx, &field, picker, false)}
        <div class="variant">{body}</div>
    }
    .into_any()
}

/// Stashes the leaving variant's values, sets the discriminant, restores the arriving
/// variant's stash.
fn switch(
    ctx: FormCtx,
    variants: &[Variant],
    stash: StoredValue<HashMap<String, Vec<(String, Value)>>>,
    discriminant: &str,
    picked: Value,
) {
    let leaving = ctx
        .draft
        .with_untracked(|d| pointer::get_text(d, discriminant));
    let arriving = picked.as_str().unwrap_or_default().to_string();
    ctx.draft.update(|draft| {
        if let Some(variant) = variants.iter().find(|v| v.value == leaving) {
            let kept: Vec<(String, Value)> = leaf_pointers(&variant.fields)
                .into_iter()
                .filter_map(|p| pointer::remove(draft, &p).map(|value| (p, value)))
                .collect();
            stash.update_value(|s| {
                s.insert(leaving.clone(), kept);
            });
        }
        pointer::set(draft, discriminant, picked);
        if let Some(restored) = stash.try_update_value(|s| s.remove(&arriving)).flatten() {
            for (p, value) in restored {
                pointer::set(draft, &p, value);
            }
        }
        // A variant met for the first time starts from its defaults, as a new form does.
        if let Some(variant) = variants.iter().find(|v| v.value == arriving) {
            for (p, value) in defaults(&variant.fields) {
                if draft.pointer(&p).is_none() {
                    pointer::set(draft, &p, value);
                }
            }
        }
    });
    ctx.server_errors.update(|e| e.clear_under(discriminant));
}

fn defaults(fields: &[FieldSpec]) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for field in fields {
        if let FieldKind::Group(children) = &field.kind {
            out.extend(defaults(children));
        } else if let Some(value) = &field.default {
            out.push((field.pointer.clone(), value.clone()));
        }
    }
    out
}

fn leaf_pointers(fields: &[FieldSpec]) -> Vec<String> {
    let mut out = Vec::new();
    for field in fields {
        match &field.kind {
            FieldKind::Group(children) => out.extend(leaf_pointers(children)),
            FieldKind::OneOf(variants) => {
                out.push(field.pointer.clone());
                for variant in variants {
                    out.extend(leaf_pointers(&variant.fields));
                }
            }
            _ => out.push(field.pointer.clone()),
        }
    }
    out
}
