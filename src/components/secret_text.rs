//! A value that is itself a credential (a webhook URL): masked until revealed, copyable
//! either way. Revealed, it is plain text, never a link.

use leptos::prelude::*;

use crate::domain::safety::mask_value;
use crate::state::Toasts;

#[component]
pub fn SecretText(#[prop(into)] value: String, #[prop(into)] label: String) -> impl IntoView {
    let toasts = Toasts::use_context();
    let revealed = RwSignal::new(false);
    let masked = mask_value(&value);
    let shown = {
        let value = value.clone();
        move || {
            if revealed.get() {
                value.clone()
            } else {
                masked.clone()
            }
        }
    };
    let copy = move |_| {
        let written = window().navigator().clipboard().write_text(&value);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(written).await {
                Ok(_) => toasts.info("Copied to the clipboard."),
                Err(_) => toasts.error(
                    "The browser did not allow copying; reveal the value and copy it by hand.",
                ),
            }
        });
    };
    // A toggle keeps its name and says its state with aria-pressed, as ARIA asks; one effect
    // per state it shows, since a list draws this in every row.
    view! {
        <span class="secret-text">
            <code>{shown}</code>
            <button type="button" class="link" aria-label=format!("Reveal {label}") aria-pressed=move || revealed.get().to_string()
                on:click=move |_| revealed.update(|r| *r = !*r)>"Reveal"</button>
            <button type="button" class="link" aria-label=format!("Copy {label}") on:click=copy>"Copy"</button>
        </span>
    }
}
