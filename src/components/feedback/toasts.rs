//! The toast region: polite announcements for success and info, assertive for errors.

use leptos::prelude::*;

use crate::state::{ToastKind, Toasts};

#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = Toasts::use_context();
    let list = move |wanted: fn(ToastKind) -> bool| {
        toasts
            .all()
            .into_iter()
            .filter(|t| wanted(t.kind))
            .map(|toast| {
                let class = match toast.kind {
                    ToastKind::Success => "toast success",
                    ToastKind::Info => "toast info",
                    ToastKind::Error => "toast error",
                };
                let id = toast.id;
                view! {
                    <div class=class>
                        <p>{toast.text}</p>
                        <button type="button" class="secondary" aria-label="Dismiss" on:click=move |_| toasts.dismiss(id)>"×"</button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div class="toasts">
            <div role="status" aria-live="polite">{move || list(|k| k != ToastKind::Error)}</div>
            <div role="alert" aria-live="assertive">{move || list(|k| k == ToastKind::Error)}</div>
        </div>
    }
}
