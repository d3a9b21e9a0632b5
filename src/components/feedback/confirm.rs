//! A modal confirmation that names what it is about, with the safe choice focused first.

use leptos::html::Dialog;
use leptos::prelude::*;

/// Shown while `open` is true. `on_confirm` runs on the destructive choice; either choice
/// closes it.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    #[prop(into)] confirm_label: String,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if open.get() && !element.open() {
            let _ = element.show_modal();
        } else if !open.get() && element.open() {
            element.close();
        }
    });
    view! {
        <dialog node_ref=dialog class="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-message"
            on:close=move |_| open.set(false)>
            <h2 id="confirm-title">{move || title.get()}</h2>
            <p id="confirm-message">{move || message.get()}</p>
            <div class="actions">
                <button type="button" class="secondary" autofocus on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" class="danger" on:click=move |_| {
                    open.set(false);
                    on_confirm.run(());
                }>{confirm_label}</button>
            </div>
        </dialog>
    }
}
