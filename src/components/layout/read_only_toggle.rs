//! The console-wide read-only switch in the header: while on, every connection only looks.

use leptos::prelude::*;

use crate::state::Prefs;

#[component]
pub fn ReadOnlyToggle() -> impl IntoView {
    let prefs = Prefs::use_context();
    view! {
        <button type="button" class="secondary read-only-toggle"
            aria-pressed=move || prefs.read_only().to_string()
            title="While on, the console changes nothing at any vendor: only reads are sent."
            on:click=move |_| prefs.set_read_only(!prefs.read_only())>
            {move || if prefs.read_only() { "Read-only: on" } else { "Read-only: off" }}
        </button>
    }
}
