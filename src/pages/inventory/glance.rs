//! At a glance, above the list: integrations per vendor and per kind, and the ten busiest
//! target hosts, as bars the app draws in SVG; a bar's button filters the list. And the list
//! grouped by target host: which integrations, in which vendors, send to the same host or URL.

use leptos::prelude::*;
use leptos_router::components::A;

use super::ask::{chosen, Ask};
use super::reading::Inventory;
use crate::domain::inventory::{counted, group_by_host, InventoryRow, NormalKind};
use crate::domain::Vendor;
use crate::routes::AppRoute;

/// The bars of one chart: `(filter value, label, count)`.
type Bars = Vec<(String, String, usize)>;

#[component]
pub fn Glance(inventory: Inventory, ask: Memo<Ask>, go: Callback<Ask>) -> impl IntoView {
    let charts = Memo::new(move |_| {
        inventory.with_rows(|rows| {
            let vendors: Bars = counted(&rows, |r| Some(r.vendor.slug()))
                .into_iter()
                .map(|(slug, n)| {
                    let title = Vendor::from_slug(slug).map_or(slug, |v| v.title());
                    (slug.to_string(), title.to_string(), n)
                })
                .collect();
            let kinds: Bars = counted(&rows, |r| Some(r.kind))
                .into_iter()
                .map(|(kind, n)| (kind.slug().to_string(), kind.title().to_string(), n))
                .collect();
            let hosts: Bars = counted(&rows, |r| r.host.clone())
                .into_iter()
                .take(10)
                .map(|(host, n)| (host.clone(), host, n))
                .collect();
            [vendors, kinds, hosts]
        })
    });
    let chart = move |at: usize, title: &'static str, filter: &'static str| {
        let bars = move || {
            let bars = charts.with(|c| c[at].clone());
            let most = bars.iter().map(|(_, _, n)| *n).max().unwrap_or(1).max(1);
            bars.into_iter()
                .map(|(value, label, n)| {
                    let width = (n * 100 / most).max(1);
                    let pick = move |_| {
                        let mut asked = ask.get_untracked();
                        asked.filters.retain(|(name, _)| name != filter);
                        asked.filters.push((filter.to_string(), value.clone()));
                        go.run(asked);
                    };
                    view! {
                        <li>
                            <button type="button" class="bar-label" title=label.clone() on:click=pick
                                aria-label=format!("{label}: {n}, show only these")>{label.clone()}</button>
                            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                                <rect x="0" y="0" height="10" width=width.to_string()></rect>
                            </svg>
                            <span class="count">{n}</span>
                        </li>
                    }
                })
                .collect_view()
        };
        view! {
            <figure class="chart">
                <figcaption>{title}</figcaption>
                <ul>{bars}</ul>
            </figure>
        }
    };
    view! {
        <section class="glance" aria-label="At a glance">
            {chart(0, "By vendor", "vendor")}
            {chart(1, "By kind", "kind")}
            {chart(2, "Busiest target hosts", "host")}
        </section>
    }
}

/// The rows the address asks for, grouped by target host.
#[component]
pub fn HostGroups(inventory: Inventory, ask: Memo<Ask>) -> impl IntoView {
    let groups = move || {
        let asked = ask.get();
        inventory.with_rows(|rows| {
            let shown = chosen(rows, &asked);
            group_by_host(&shown)
                .into_iter()
                .map(|group| {
                    let same: Vec<Vec<String>> = group
                        .same_url
                        .iter()
                        .map(|set| set.iter().map(|&at| group.rows[at].name.clone()).collect())
                        .collect();
                    let rows: Vec<InventoryRow> = group.rows.iter().map(|r| (*r).clone()).collect();
                    (group.host, group.vendors, rows, same)
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        groups()
            .into_iter()
            .map(|(host, vendors, rows, same)| {
                let heading = format!(
                    "{host}: {} integration{} in {vendors} vendor{}",
                    rows.len(),
                    if rows.len() == 1 { "" } else { "s" },
                    if vendors == 1 { "" } else { "s" }
                );
                let same = same
                    .into_iter()
                    .map(|names| view! { <p class="same-url">{format!("The same URL: {}", names.join(", "))}</p> })
                    .collect_view();
                let items = rows
                    .into_iter()
                    .map(|row| {
                        let href = AppRoute::Detail { conn: row.connection_id.clone(), id: row.id.clone() }.href();
                        let kind = if row.kind == NormalKind::Other { row.vendor_kind.clone() } else { row.kind.title().to_string() };
                        view! {
                            <li><A href=href>{row.name.clone()}</A>
                                <span class="muted">{format!(" · {} · {} · {kind}", row.vendor.title(), row.connection)}</span></li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="host-group" aria-label=host.clone()>
                        <h3>{heading}</h3>
                        {same}
                        <ul>{items}</ul>
                    </section>
                }
            })
            .collect_view()
    }
}
