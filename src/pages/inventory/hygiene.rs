//! Hygiene, above the list: each rule with its name, why it matters and how many integrations
//! trip it; choosing one filters the list (and its exports) to them.

use leptos::prelude::*;

use super::ask::Ask;
use super::reading::Inventory;
use crate::domain::findings::counts;

#[component]
pub fn HygieneSection(inventory: Inventory, ask: Memo<Ask>, go: Callback<Ask>) -> impl IntoView {
    let chosen = move || {
        ask.with(|a| {
            a.filters
                .iter()
                .find(|(n, _)| n == "finding")
                .map(|(_, v)| v.clone())
        })
    };
    let pick = move |rule: Option<&'static str>| {
        let mut asked = ask.get_untracked();
        asked.filters.retain(|(n, _)| n != "finding");
        if let Some(rule) = rule {
            asked.filters.push(("finding".into(), rule.into()));
        }
        go.run(asked);
    };
    let rules = move || {
        let counted = inventory.with_rows(|rows| counts(&rows));
        let now = chosen();
        counted
            .into_iter()
            .map(|(rule, n)| {
                let on = now.as_deref() == Some(rule.id);
                let tripped = if n > 0 { "tripped" } else { "clear" };
                let button = if on {
                    view! { <button type="button" class="secondary" aria-pressed="true" on:click=move |_| pick(None)>"Show all"</button> }.into_any()
                } else {
                    view! {
                        <button type="button" class="secondary" aria-pressed="false" disabled=n == 0
                            aria-label=format!("Show {n} that trip: {}", rule.name)
                            on:click=move |_| pick(Some(rule.id))>{format!("Show {n}")}</button>
                    }
                    .into_any()
                };
                view! {
                    <li class=tripped>
                        <strong>{rule.name}</strong>{format!(" · {n}")}
                        <span class="muted">{format!(" — {}", rule.why)}</span>
                        " " {button}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="hygiene">
            <summary>"Hygiene checks"</summary>
            <ul>{rules}</ul>
        </details>
    }
}
