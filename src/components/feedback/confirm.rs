//! A modal confirmation that names what it is about, with the safe choice focused first.

use leptos::html::Dialog;
use leptos::prelude::*;

/// Shown while `open` is true. `on_confirm` runs on the confirming choice (destructive unless
/// `calm`); either choice closes it. `id` tells apart the dialogs of one page (their title and
/// message ids); `children`, when given, show below the message (a save's changes). With
/// `typed`, the confirming choice waits until that text is typed (the name of an integration
/// something still uses).
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
    #[prop(optional, into)] typed: Signal<Option<String>>,
) -> impl IntoView {
    let entered = RwSignal::new(String::new());
    let waiting = move || {
        typed.with(|t| {
            t.as_ref()
                .is_some_and(|t| entered.with(|e| e.trim() != t.trim()))
        })
    };
    let type_to_confirm = move || {
        typed.get().map(|name| {
            view! {
                <label class="typed-confirm">
                    {format!("Type “{name}” to confirm")}
                    <input type="text" autocomplete="off" prop:value=move || entered.get()
                        on:input=move |ev| entered.set(event_target_value(&ev))/>
                </label>
            }
        })
    };
    let dialog = NodeRef::<Dialog>::new();
    let id = id.unwrap_or_else(|| "confirm".into());
    let (title_id, message_id) = (format!("{id}-title"), format!("{id}-message"));
    let (labelled_by, described_by) = (title_id.clone(), message_id.clone());
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if open.get() && !element.open() {
            entered.set(String::new());
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
            {type_to_confirm}
            <div class="actions">
                <button type="button" class="secondary" autofocus on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" class=if calm { "" } else { "danger" } disabled=waiting on:click=move |_| {
                    if waiting() {
                        return;
                    }
                    open.set(false);
                    on_confirm.run(());
                }>{confirm_label}</button>
            </div>
        </dialog>
    }
}
