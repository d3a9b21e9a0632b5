//! Lists of strings (URLs, trigger words, ids) as rows with Add and Remove, and name/value
//! maps (headers) as pairs of inputs.

use leptos::prelude::*;
use serde_json::{Map, Value};

use super::{chrome, FormCtx};
use crate::domain::pointer::child;
use crate::domain::FieldSpec;

pub fn string_list(ctx: FormCtx, field: FieldSpec) -> AnyView {
    let pointer = field.pointer.clone();
    let items = {
        let pointer = pointer.clone();
        Memo::new(move |_| match ctx.value(&pointer) {
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    };
    let count = Memo::new(move |_| items.with(Vec::len));
    let write = {
        let pointer = pointer.clone();
        move |next: Vec<String>| {
            ctx.set(
                &pointer,
                Value::Array(next.into_iter().map(Value::String).collect()),
            )
        }
    };
    let base_id = ctx.dom_id(&pointer);
    let label = field.label.clone();

    let rows = {
        let write = write.clone();
        let base_id = base_id.clone();
        let label = label.clone();
        let pointer = pointer.clone();
        move || {
            (0..count.get())
                .map(|index| {
                    let item_pointer = child(&pointer, &index.to_string());
                    let input_id = format!("{base_id}-{index}");
                    let errors_id = format!("{input_id}-errors");
                    let text = Memo::new(move |_| items.with(|i| i.get(index).cloned().unwrap_or_default()));
                    let invalid = {
                        let item_pointer = item_pointer.clone();
                        move || (!ctx.errors_for(&item_pointer).is_empty()).to_string()
                    };
                    let on_input = {
                        let write = write.clone();
                        move |ev| {
                            let mut next = items.get_untracked();
                            if let Some(slot) = next.get_mut(index) {
                                *slot = event_target_value(&ev);
                            }
                            write(next);
                        }
                    };
                    let on_remove = {
                        let write = write.clone();
                        move |_| {
                            let mut next = items.get_untracked();
                            if index < next.len() {
                                next.remove(index);
                            }
                            write(next);
                        }
                    };
                    let touch_pointer = pointer.clone();
                    view! {
                        <li>
                            <input
                                type="text"
                                id=input_id
                                aria-label=format!("{} {}", label, index + 1)
                                aria-describedby=errors_id.clone()
                                aria-invalid=invalid
                                autocomplete="off"
                                prop:value=move || text.get()
                                on:input=on_input
                                on:blur=move |_| ctx.touch(&touch_pointer)
                            />
                            <button type="button" class="secondary" aria-label=format!("Remove {} {}", label, index + 1) on:click=on_remove>
                                "Remove"
                            </button>
                            {chrome::errors_view(ctx, &item_pointer, &errors_id)}
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let add = move |_| {
        let mut next = items.get_untracked();
        next.push(String::new());
        write(next);
    };
    let errors_id = format!("{base_id}-errors");
    view! {
        <fieldset class="field list" aria-describedby=errors_id.clone()>
            <legend id=base_id>{label.clone()}</legend>
            {field.help.clone().map(|text| view! { <p class="help">{text}</p> })}
            <ul class="rows">{rows}</ul>
            <button type="button" class="secondary" on:click=add>{format!("Add to {label}")}</button>
            {chrome::errors_view(ctx, &pointer, &errors_id)}
        </fieldset>
    }
    .into_any()
}

/// Rows of name and value. The rows live here (so a half-typed name keeps its place); the
/// draft gets an object of the rows that have a name.
pub fn key_value(ctx: FormCtx, field: FieldSpec) -> AnyView {
    let pointer = field.pointer.clone();
    let initial: Vec<(String, String)> =
        match ctx.draft.with_untracked(|d| d.pointer(&pointer).cloned()) {
            Some(Value::Object(map)) => map
                .into_iter()
                .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_string()))
                .collect(),
            _ => Vec::new(),
        };
    let rows = RwSignal::new(initial);
    let sync = {
        let pointer = pointer.clone();
        move || {
            let object: Map<String, Value> = rows
                .get_untracked()
                .into_iter()
                .filter(|(name, _)| !name.trim().is_empty())
                .map(|(name, value)| (name, Value::String(value)))
                .collect();
            ctx.set(&pointer, Value::Object(object));
        }
    };
    let base_id = ctx.dom_id(&pointer);
    let label = field.label.clone();
    let count = Memo::new(move |_| rows.with(Vec::len));
    let row_views = {
        let sync = sync.clone();
        let base_id = base_id.clone();
        let label = label.clone();
        let pointer = pointer.clone();
        move || {
            (0..count.get())
                .map(|index| {
                    let cell = move |part: usize| {
                        Memo::new(move |_| {
                            rows.with(|r| r.get(index).map(|(n, v)| if part == 0 { n.clone() } else { v.clone() }).unwrap_or_default())
                        })
                    };
                    let (name, value) = (cell(0), cell(1));
                    // A saved credential is never put back in the input: its mask shows instead.
                    let saved = {
                        let pointer = pointer.clone();
                        move || {
                            let at = crate::domain::pointer::child(&pointer, &name.get());
                            ctx.saved_secrets
                                .with(|m| m.get(&at).map(|mask| format!("saved {mask}; type to replace")))
                        }
                    };
                    let edit = |part: usize| {
                        let sync = sync.clone();
                        move |ev| {
                            let typed = event_target_value(&ev);
                            rows.update(|r| {
                                if let Some(row) = r.get_mut(index) {
                                    if part == 0 { row.0 = typed } else { row.1 = typed }
                                }
                            });
                            sync();
                        }
                    };
                    let remove = {
                        let sync = sync.clone();
                        move |_| {
                            rows.update(|r| {
                                if index < r.len() {
                                    r.remove(index);
                                }
                            });
                            sync();
                        }
                    };
                    view! {
                        <li>
                            <input type="text" id=format!("{base_id}-{index}-name") aria-label=format!("{label} {} name", index + 1)
                                autocomplete="off" prop:value=move || name.get() on:input=edit(0) />
                            <input type="text" id=format!("{base_id}-{index}-value") aria-label=format!("{label} {} value", index + 1)
                                autocomplete="off" placeholder=saved prop:value=move || value.get() on:input=edit(1) />
                            <button type="button" class="secondary" aria-label=format!("Remove {label} {}", index + 1) on:click=remove>"Remove"</button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let errors_id = format!("{base_id}-errors");
    view! {
        <fieldset class="field list" aria-describedby=errors_id.clone()>
            <legend>{label.clone()}</legend>
            {field.help.clone().map(|text| view! { <p class="help">{text}</p> })}
            <ul class="rows">{row_views}</ul>
            <button type="button" class="secondary" on:click=move |_| rows.update(|r| r.push((String::new(), String::new())))>
                {format!("Add to {label}")}
            </button>
            {chrome::errors_view(ctx, &pointer, &errors_id)}
        </fieldset>
    }
    .into_any()
}
