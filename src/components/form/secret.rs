//! A secret field. Once a secret is saved it shows as `configured ••••1234` with a Replace
//! button; the secret itself never goes back into an input's value. Replacing shows an empty
//! input (a password input, or a text one for a URL that is a credential); leaving it empty
//! keeps the saved secret.

use leptos::prelude::*;
use serde_json::Value;

use super::{chrome, FormCtx};
use crate::domain::pointer;
use crate::domain::FieldSpec;

pub fn secret_input(ctx: FormCtx, field: &FieldSpec, input_type: &'static str) -> AnyView {
    let ids = chrome::ids(ctx, field);
    let pointer_text = field.pointer.clone();
    let label = field.label.clone();
    let replacing = RwSignal::new(false);
    let saved = {
        let pointer_text = pointer_text.clone();
        Memo::new(move |_| ctx.saved_secrets.with(|m| m.get(&pointer_text).cloned()))
    };
    let typed = {
        let pointer_text = pointer_text.clone();
        Memo::new(move |_| ctx.text(&pointer_text))
    };
    let required = field.is_required();
    let placeholder = field.placeholder.clone();

    let widget = move || {
        let ids = ids.clone();
        let pointer_text = pointer_text.clone();
        match (saved.get(), replacing.get()) {
            (Some(mask), false) => view! {
                <div class="secret-saved">
                    <span class="mask">"configured " {mask}</span>
                    <button
                        type="button"
                        id=ids.input
                        class="secondary"
                        aria-label=format!("Replace {}", label)
                        on:click=move |_| replacing.set(true)
                    >
                        "Replace"
                    </button>
                </div>
            }
            .into_any(),
            (saved_mask, _) => {
                let keep = saved_mask.map(|_| {
                    let pointer_text = pointer_text.clone();
                    view! {
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| {
                                ctx.draft.update(|d| {
                                    pointer::remove(d, &pointer_text);
                                });
                                replacing.set(false);
                            }
                        >
                            "Keep saved"
                        </button>
                    }
                });
                let on_input = {
                    let pointer_text = pointer_text.clone();
                    move |ev| ctx.set(&pointer_text, Value::String(event_target_value(&ev)))
                };
                view! {
                    <div class="secret-entry">
                        <input
                            type=input_type
                            id=ids.input
                            aria-describedby=ids.described_by
                            aria-invalid=move || ids.invalid.get().to_string()
                            aria-required=required.to_string()
                            placeholder=placeholder.clone()
                            autocomplete="off"
                            prop:value=move || typed.get()
                            on:input=on_input
                            on:blur=move |_| ctx.touch(&pointer_text)
                        />
                        {keep}
                    </div>
                }
                .into_any()
            }
        }
    };
    view! { {widget} }.into_any()
}
