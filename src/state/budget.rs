//! The last rate-limit budget a vendor account reported, with its base URL: every answer that
//! carries the headers updates it, and the connection's pages show it while it runs low. One
//! connection's pages show at a time, so the last report is the one that matters.

use leptos::prelude::*;

use crate::domain::budget::Budget;

thread_local! {
    // One for the app's lifetime, owned by no page (so no page's end disposes it): the fetch
    // path writes it without a reactive owner at hand.
    static LAST: ArcRwSignal<Option<(String, Budget)>> = ArcRwSignal::new(None);
}

/// Records what an answer from `base_url` said about its window.
pub fn note(base_url: &str, budget: Budget) {
    LAST.with(|last| {
        let unchanged = last.with_untracked(|l| {
            l.as_ref()
                .is_some_and(|(url, b)| url == base_url && *b == budget)
        });
        if !unchanged {
            last.set(Some((base_url.to_string(), budget)));
        }
    });
}

/// The budget last reported for `base_url` (tracked).
pub fn of(base_url: &str) -> Option<Budget> {
    LAST.with(|last| {
        last.with(|l| {
            l.as_ref()
                .filter(|(url, _)| url == base_url)
                .map(|(_, b)| *b)
        })
    })
}
