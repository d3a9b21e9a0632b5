//! The console's own preferences, remembered in localStorage: the theme (it follows the system,
//! prefers-color-scheme, until the user picks one, applied as `data-theme` on the root element)
//! and the console-wide read-only switch (told to the fetch layer, which then sends only reads).

use leptos::prelude::*;

use super::storage::{self, Area};

const STORAGE_KEY: &str = "patchbay.theme";
const READ_ONLY_KEY: &str = "patchbay.read_only";

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
    read_only: RwSignal<bool>,
}

impl Prefs {
    pub fn provide() -> Self {
        let chosen = storage::read(Area::Local, STORAGE_KEY).and_then(|t| Theme::parse(&t));
        let theme = chosen.unwrap_or_else(system_theme);
        if chosen.is_some() {
            apply(theme);
        }
        let read_only = storage::read(Area::Local, READ_ONLY_KEY).as_deref() == Some("on");
        crate::http::set_console_read_only(read_only);
        let prefs = Prefs {
            theme: RwSignal::new(theme),
            read_only: RwSignal::new(read_only),
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

    /// Whether the whole console is read-only (tracked).
    pub fn read_only(&self) -> bool {
        self.read_only.get()
    }

    /// Switches the whole console read-only or back, remembers it, and tells the fetch layer.
    pub fn set_read_only(&self, on: bool) {
        crate::http::set_console_read_only(on);
        self.read_only.set(on);
        if on {
            storage::write(Area::Local, READ_ONLY_KEY, "on");
        } else {
            storage::remove(Area::Local, READ_ONLY_KEY);
        }
    }

    /// Why changes to `connection`'s integrations are refused, if they are (tracked): the
    /// pages disable their write controls and show this.
    pub fn lock_of(&self, connection: &super::Connection) -> Option<&'static str> {
        crate::domain::read_only::lock_reason(self.read_only(), connection.read_only)
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
