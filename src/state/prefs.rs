//! The theme: follows the system (prefers-color-scheme) until the user picks one, which is
//! remembered in localStorage and applied as `data-theme` on the root element.

use leptos::prelude::*;

use super::storage::{self, Area};

const STORAGE_KEY: &str = "patchbay.theme";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(text: &str) -> Option<Theme> {
        match text {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Prefs {
    theme: RwSignal<Theme>,
}

impl Prefs {
    pub fn provide() -> Self {
        let chosen = storage::read(Area::Local, STORAGE_KEY).and_then(|t| Theme::parse(&t));
        let theme = chosen.unwrap_or_else(system_theme);
        if chosen.is_some() {
            apply(theme);
        }
        let prefs = Prefs {
            theme: RwSignal::new(theme),
        };
        provide_context(prefs);
        prefs
    }

    pub fn use_context() -> Self {
        expect_context::<Prefs>()
    }

    pub fn theme(&self) -> Theme {
        self.theme.get()
    }

    /// Switches between light and dark and remembers the choice.
    pub fn toggle_theme(&self) {
        let next = match self.theme.get_untracked() {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        };
        self.theme.set(next);
        storage::write(Area::Local, STORAGE_KEY, next.as_str());
        apply(next);
    }
}

fn system_theme() -> Theme {
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

fn apply(theme: Theme) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
}
