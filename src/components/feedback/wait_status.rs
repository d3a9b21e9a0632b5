//! Says why nothing has happened yet: the vendor asked to wait (429) or the fetch layer is
//! retrying. Counts down each second and is announced politely to screen readers.

use leptos::prelude::*;
use std::time::Duration;

use crate::http::{WaitNotice, WaitReason};

/// Shows the latest `notice` while its wait lasts; `vendor` names who asked.
#[component]
pub fn WaitStatus(notice: RwSignal<Option<WaitNotice>>, vendor: &'static str) -> impl IntoView {
    let remaining = RwSignal::new(0u64);
    Effect::new(move |_| {
        if let Some(n) = notice.get() {
            remaining.set(n.seconds);
        }
    });
    let ticker = set_interval_with_handle(
        move || {
            if remaining.get_untracked() > 0 {
                remaining.update(|r| *r -= 1);
            }
        },
        Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(handle) = ticker {
            handle.clear();
        }
    });
    let text = move || {
        let n = notice.get()?;
        let left = remaining.get();
        let why = match n.reason {
            WaitReason::RateLimited => format!("{vendor} is rate limiting this connection"),
            WaitReason::ServerError(status) => {
                format!("{vendor} answered with a server error ({status})")
            }
            WaitReason::NoAnswer => format!("{vendor} did not answer"),
        };
        Some(if left > 0 {
            format!(
                "{why}: trying again in {left} s (attempt {}).",
                n.next_attempt
            )
        } else {
            format!("{why}: trying again now (attempt {}).", n.next_attempt)
        })
    };
    view! { <p class="wait-status" role="status" aria-live="polite">{text}</p> }
}
