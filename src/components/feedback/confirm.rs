//! A modal confirmation that names what it is about, with the safe choice focused first.

use leptos::html::Dialog;
use leptos::prelude::*;

/// Shown while `open` is true. `on_confirm` runs on the confirming choice (destructive unless
/// `calm`); either choice closes it. `id` tells apart the dialogs of one page (their title and
/// message ids); `children`, when given, show below the message (a save's changes).
#[component]
pub fn ConfirmDialog(
    #[prop(optional, into)] id: Option<String>,
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    #[prop(into)] confirm_label: String,
    on_confirm: Callback<()>,
    #[prop(optional)] calm: bool,
    #[prop(optional)] children: Option<ChildrenFn>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let id = id.unwrap_or_else(|| "confirm".into());
    let (title_id, message_id) = (format!("{id}-title"), format!("{id}-message"));
    let (labelled_by, described_by) = (title_id.clone(), message_id.clone());
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if open.get() && !element.open() {
            let _ = element.show_modal();
        } else if !open.get() && element.open() {
            element.close();
        }
    });
    view! {
        <dialog node_ref=dialog class="confirm" aria-labelledby=labelled_by aria-describedby=described_by
            on:close=move |_| open.set(false)>
            <h2 id=title_id>{move || title.get()}</h2>
            <p id=message_id>{move || message.get()}</p>
            {children.map(|shown| shown())}
            <div class="actions">
                <button type="button" class="secondary" autofocus on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" class=if calm { "" } else { "danger" } on:click=move |_| {
                    open.set(false);
                    on_confirm.run(());
                }>{confirm_label}</button>
            </div>
        </dialog>
    }
}
