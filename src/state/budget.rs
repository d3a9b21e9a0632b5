//! The last rate-limit budget each vendor account reported, by base URL: every answer that
//! carries the headers updates it, and the connection's pages show it while it runs low.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::budget::Budget;

thread_local! {
    // One for the app's lifetime: the fetch path writes it without a reactive owner at hand.
    static BUDGETS: RwSignal<HashMap<String, Budget>> = RwSignal::new(HashMap::new());
}

/// Records what an answer from `base_url` said about its window.
pub fn note(base_url: &str, budget: Budget) {
    BUDGETS.with(|b| {
        let unchanged = b.with_untracked(|m| m.get(base_url) == Some(&budget));
        if !unchanged {
            b.update(|m| {
                m.insert(base_url.to_string(), budget);
            });
        }
    });
}

/// The budget last reported for `base_url` (tracked).
pub fn of(base_url: &str) -> Option<Budget> {
    BUDGETS.with(|b| b.with(|m| m.get(base_url).copied()))
}
