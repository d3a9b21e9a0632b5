//! Light/dark switch; the page starts on the system's preference.

use leptos::prelude::*;

use crate::state::{Prefs, Theme};

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let prefs = Prefs::use_context();
    let label = move || match prefs.theme() {
        Theme::Light => "Dark theme",
        Theme::Dark => "Light theme",
    };
    view! {
        <button type="button" class="secondary theme-toggle" aria-pressed=move || (prefs.theme() == Theme::Dark).to_string()
            on:click=move |_| prefs.toggle_theme()>
            {label}
        </button>
    }
}
