//! A search box ahead of its page's address: what is typed filters at once, and the address
//! (with the router's work on it) follows when typing pauses, or at once when the box is left
//! (Enter, a click on a row), so Back finds the search. An address changed otherwise (Back, a
//! link) wins over text typed and not yet written.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;

/// How long typing pauses before the search is written into the address.
const SEARCH_TO_ADDRESS: Duration = Duration::from_millis(300);

thread_local! {
    /// Keystrokes so far: a pause's write is the last keystroke's only.
    static KEYSTROKES: Cell<u64> = const { Cell::new(0) };
}

/// The text typed and not yet in the address.
#[derive(Clone, Copy)]
pub struct TypedSearch {
    typed: RwSignal<Option<String>>,
}

impl TypedSearch {
    /// `address` is the search the address holds now (tracked).
    pub fn new(address: Signal<String>) -> Self {
        let typed = RwSignal::new(None::<String>);
        Effect::new(move |_| {
            address.track();
            typed.set(None);
        });
        TypedSearch { typed }
    }

    /// What was typed ahead of the address, if anything (tracked).
    pub fn typed(&self) -> Option<String> {
        self.typed.get()
    }

    /// A keystroke: shown at once, written by `write` when typing pauses.
    pub fn input(&self, text: String, write: Callback<String>) {
        self.typed.set(Some(text));
        let this = KEYSTROKES.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        let search = *self;
        set_timeout(
            move || {
                if KEYSTROKES.with(Cell::get) == this {
                    search.flush(write);
                }
            },
            SEARCH_TO_ADDRESS,
        );
    }

    /// Writes what was typed now, if anything (and only while the page is shown: `typed` goes
    /// with it).
    pub fn flush(&self, write: Callback<String>) {
        if let Some(Some(text)) = self.typed.try_get_untracked() {
            write.run(text);
            self.typed.set(None);
        }
    }
}
