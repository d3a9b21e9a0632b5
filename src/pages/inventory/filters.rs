//! The inventory's filters: one select per filter, in the address, applied at once. The host
//! choices are the hosts the rows send to; the hygiene choices are its rules.

use leptos::prelude::*;

use super::ask::Ask;
use super::reading::Inventory;
use crate::components::table::AnySelect;
use crate::domain::hygiene::RULES;
use crate::domain::inventory::NormalKind;
use crate::domain::Vendor;

type Go = Callback<Ask>;

/// The choices of one filter, as `(value, label)`.
fn choices(inventory: Inventory, name: &'static str) -> Vec<(String, String)> {
    match name {
        "vendor" => Vendor::ALL
            .iter()
            .map(|v| (v.slug().to_string(), v.title().to_string()))
            .collect(),
        "connection" => inventory.sources.with(|all| {
            all.iter()
                .map(|s| (s.connection.id.clone(), s.connection.label.clone()))
                .collect()
        }),
        "kind" => NormalKind::ALL
            .iter()
            .map(|k| (k.slug().to_string(), k.title().to_string()))
            .collect(),
        "enabled" => vec![
            ("true".into(), "Enabled".into()),
            ("false".into(), "Disabled".into()),
        ],
        "finding" => RULES
            .iter()
            .map(|r| (r.id.to_string(), r.name.to_string()))
            .collect(),
        _ => {
            let mut hosts: Vec<String> =
                inventory.with_rows(|rows| rows.iter().filter_map(|r| r.host.clone()).collect());
            hosts.sort();
            hosts.dedup();
            hosts.into_iter().map(|h| (h.clone(), h)).collect()
        }
    }
}

fn title_of(name: &str) -> &'static str {
    match name {
        "vendor" => "Vendor",
        "connection" => "Connection",
        "kind" => "Kind",
        "enabled" => "Enabled",
        "finding" => "Hygiene",
        _ => "Target host",
    }
}

/// One select per filter; choosing applies it at once.
#[component]
pub fn InventoryFilters(inventory: Inventory, ask: Memo<Ask>, go: Go) -> impl IntoView {
    let filter = move |name: &'static str| {
        let current = move || {
            ask.with(|a| {
                a.filters
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            })
        };
        // Drawn again when rows land (new hosts), not on every keystroke in the search.
        let options = move || {
            let now = untrack(current);
            choices(inventory, name)
                .into_iter()
                .map(|(value, label)| {
                    let selected = value == now;
                    view! { <option value=value selected=selected>{label}</option> }
                })
                .collect_view()
        };
        let pick = Callback::new(move |value: String| {
            let mut asked = ask.get_untracked();
            asked.filters.retain(|(n, _)| n != name);
            if !value.is_empty() {
                asked.filters.push((name.to_string(), value));
            }
            go.run(asked);
        });
        view! {
            <AnySelect title=title_of(name) value=Signal::derive(current) on_pick=pick>
                {options}
            </AnySelect>
        }
    };
    view! {
        <form class="filters inventory-filters" aria-label="Filters" on:submit=|ev| ev.prevent_default()>
            {super::ask::FILTERS.map(filter).collect_view()}
        </form>
    }
}
