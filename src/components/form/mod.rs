//! The generic form renderer: draws any `FormSpec`. Vendors write no form markup of their own;
//! the same table that validates a form draws it.

mod choice;
mod chrome;
mod context;
mod field;
mod inputs;
mod leave_guard;
mod list;
mod one_of;
mod redraw_key;
mod secret;

pub use context::FormCtx;
pub use leave_guard::warn_before_leaving;

use leptos::prelude::*;

use redraw_key::redraw_key;

/// Every field of the form's spec, plus the messages that belong to no field.
#[component]
pub fn FormFields(ctx: FormCtx) -> impl IntoView {
    // Keyed by pointer and choices: when lookups land late, only the fields whose choices
    // changed are drawn again; every other input stays mounted (focus, caret, typing).
    let fields = view! {
        <For
            each=move || {
                ctx.spec
                    .get()
                    .fields
                    .into_iter()
                    .map(|field| (redraw_key(&field), field))
                    .collect::<Vec<_>>()
            }
            key=|(shape, _)| shape.clone()
            children=move |(_, field)| field::field_view(ctx, field)
        />
    };
    view! {
        <div class="form-errors" role="alert" aria-live="polite">
            {move || {
                let messages = ctx.form_errors();
                (!messages.is_empty()).then(|| view! {
                    <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                })
            }}
        </div>
        {fields}
    }
}
