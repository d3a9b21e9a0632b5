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
    // Counted when rows land, not on every keystroke: which rule is chosen is read only by
    // the buttons.
    let rules = move || {
        let counted = inventory.with_rows(|rows| counts(&rows));
        counted
            .into_iter()
            .map(|(rule, n)| {
                let on = move || chosen().as_deref() == Some(rule.id);
                let tripped = if n > 0 { "tripped" } else { "clear" };
                view! {
                    <li class=tripped>
                        <strong>{rule.name}</strong>{format!(" · {n}")}
                        <span class="muted">{format!(" — {}", rule.why)}</span>
                        " "
                        <button type="button" class="secondary" aria-pressed=move || on().to_string()
                            disabled=move || n == 0 && !on()
                            aria-label=move || if on() { "Show all".to_string() } else { format!("Show {n} that trip: {}", rule.name) }
                            on:click=move |_| pick((!on()).then_some(rule.id))>
                            {move || if on() { "Show all".to_string() } else { format!("Show {n}") }}
                        </button>
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
