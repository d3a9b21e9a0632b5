//! The inventory's filters, its table of one view page, and the pager. Column headers sort;
//! a row's name opens the integration's own page.

use leptos::prelude::*;
use leptos_router::components::A;

use super::ask::{chosen, Ask, PAGE_SIZE};
use super::reading::Inventory;
use crate::domain::inventory::{InventoryRow, NormalKind};
use crate::domain::{Cell, Vendor};
use crate::pages::integrations::cell_view;
use crate::routes::AppRoute;

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
        let change = move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let mut asked = ask.get_untracked();
            asked.filters.retain(|(n, _)| n != name);
            if !value.is_empty() {
                asked.filters.push((name.to_string(), value));
            }
            asked.page = 1;
            go.run(asked);
        };
        view! {
            <label>
                {title_of(name)}
                <select aria-label=title_of(name) on:change=change prop:value=current>
                    <option value="">"Any"</option>
                    {options}
                </select>
            </label>
        }
    };
    view! {
        <form class="filters inventory-filters" aria-label="Filters" on:submit=|ev| ev.prevent_default()>
            {super::ask::FILTERS.map(filter).collect_view()}
        </form>
    }
}

const COLUMNS: [(&str, &str); 8] = [
    ("name", "Name"),
    ("vendor", "Vendor"),
    ("connection", "Connection"),
    ("kind", "Kind"),
    ("host", "Target"),
    ("enabled", "Enabled"),
    ("created", "Created"),
    ("updated", "Updated"),
];

#[component]
pub fn InventoryTable(inventory: Inventory, ask: Memo<Ask>, go: Go) -> impl IntoView {
    // The view page and how many rows match, recomputed as rows land or the address changes.
    let view_page = Memo::new(move |_| {
        let asked = ask.get();
        inventory.with_rows(|rows| {
            let total = rows.len();
            let matching = chosen(rows, &asked);
            let pages = matching.len().div_ceil(PAGE_SIZE).max(1);
            let page = asked.page.clamp(1, pages);
            let shown: Vec<InventoryRow> = matching
                .iter()
                .skip((page - 1) * PAGE_SIZE)
                .take(PAGE_SIZE)
                .map(|r| (*r).clone())
                .collect();
            (shown, matching.len(), total, page, pages)
        })
    });
    let header = move |(column, title): (&'static str, &'static str)| {
        let sorted = move || {
            ask.with(|a| match a.sort.strip_prefix('-') {
                Some(c) if c == column => "descending",
                None if a.sort == column => "ascending",
                _ => "none",
            })
        };
        let sort = move |_| {
            let mut asked = ask.get_untracked();
            asked.sort = if asked.sort == column {
                format!("-{column}")
            } else {
                column.to_string()
            };
            go.run(asked);
        };
        view! {
            <th scope="col" aria-sort=sorted>
                <button type="button" class="sort" on:click=sort>{title}</button>
            </th>
        }
    };
    let counts = move || {
        view_page.with(|(_, matching, total, page, pages)| {
            format!("{matching} of {total} integrations · page {page} of {pages}")
        })
    };
    let to_page = move |delta: isize| {
        move |_| {
            let (_, _, _, page, pages) = view_page.get_untracked();
            let next = (page as isize + delta).clamp(1, pages as isize) as usize;
            go.run(Ask {
                page: next,
                ..ask.get_untracked()
            });
        }
    };
    view! {
        <div class="table-scroll">
        <table class="inventory" aria-label="All integrations">
            <thead><tr>{COLUMNS.map(header).collect_view()}</tr></thead>
            <tbody>
                <For
                    each=move || view_page.with(|(rows, ..)| rows.clone())
                    key=|row| format!("{}\u{1f}{}\u{1f}{:?}\u{1f}{}", row.connection_id, row.id, row.updated, row.name)
                    children=row_view
                />
            </tbody>
        </table>
        </div>
        <div class="pager">
            <p>{counts}</p>
            <button type="button" class="secondary" on:click=to_page(-1)
                disabled=move || view_page.with(|v| v.3 <= 1)>"Previous"</button>
            <button type="button" class="secondary" on:click=to_page(1)
                disabled=move || view_page.with(|v| v.3 >= v.4)>"Next"</button>
        </div>
    }
}

fn row_view(row: InventoryRow) -> impl IntoView {
    let href = AppRoute::Detail {
        conn: row.connection_id.clone(),
        id: row.id.clone(),
    }
    .href();
    // Drawn as every list draws its cells: a secret masked with Reveal and Copy, a time on
    // this browser's clock.
    let target = match (row.target.clone(), row.target_secret) {
        (Some(url), true) => Cell::Secret(url),
        (url, _) => Cell::text(url.as_deref()),
    };
    let name = row.name.clone();
    let target = cell_view(target, move || format!("target of {name}"));
    let enabled = match row.enabled {
        Some(true) => "Enabled",
        Some(false) => "Disabled",
        None => "—",
    };
    let kind = if row.vendor_kind.is_empty() || row.vendor_kind == row.kind.title() {
        row.kind.title().to_string()
    } else {
        format!("{} ({})", row.kind.title(), row.vendor_kind)
    };
    let time = |t: Option<String>| {
        t.map(|t| t.chars().take(16).collect::<String>().replace('T', " "))
            .unwrap_or_else(|| "—".into())
    };
    view! {
        <tr>
            <th scope="row"><A href=href>{row.name.clone()}</A></th>
            <td>{row.vendor.title()}</td>
            <td>{row.connection.clone()}</td>
            <td>{kind}</td>
            <td>{target}</td>
            <td>{enabled}</td>
            <td>{time(row.created.clone())}</td>
            <td>{time(row.updated.clone())}</td>
        </tr>
    }
}
