//! All integrations: every connection read at once, one list across vendors with the columns
//! they share. Search, filters, sort and page live in the URL, so Back and a shared link
//! restore them; what is shown exports as CSV or JSON, secrets redacted.

mod drift;
mod glance;
mod reading;
mod sources;
mod table;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::download::download;
use crate::domain::inventory::{to_csv, to_json, InventoryRow};
use crate::pages::integrations::list_view::capped;
use crate::state::{Connections, Toasts};
use drift::DriftSection;
use glance::{Glance, HostGroups};
use reading::Inventory;
use sources::SourceList;
use table::{InventoryFilters, InventoryTable};

/// The URL parameters that filter the inventory, in the order they are written.
pub const FILTERS: [&str; 5] = ["vendor", "connection", "kind", "enabled", "host"];
/// Rows on one view page.
pub const PAGE_SIZE: usize = 50;

/// What the URL asks the inventory to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ask {
    pub search: String,
    pub filters: Vec<(String, String)>,
    /// A column name; `-name` sorts the other way.
    pub sort: String,
    pub page: usize,
    /// Grouped by target host instead of a table.
    pub by_host: bool,
}

impl Ask {
    /// The address that asks for this.
    pub fn href(&self) -> String {
        let mut params = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.filters {
            if !value.is_empty() {
                params.append_pair(name, &capped(value));
            }
        }
        if !self.search.is_empty() {
            params.append_pair("q", &capped(&self.search));
        }
        if !self.sort.is_empty() {
            params.append_pair("sort", &self.sort);
        }
        if self.page > 1 {
            params.append_pair("page", &self.page.to_string());
        }
        if self.by_host {
            params.append_pair("group", "host");
        }
        let params = params.finish();
        if params.is_empty() {
            "/".into()
        } else {
            format!("/?{params}")
        }
    }
}

/// The rows the URL asks for, filtered, searched and sorted (all pages).
pub fn chosen<'a>(rows: Vec<&'a InventoryRow>, ask: &Ask) -> Vec<&'a InventoryRow> {
    let mut rows: Vec<&InventoryRow> = rows
        .into_iter()
        .filter(|row| row.passes(&ask.filters, &ask.search))
        .collect();
    let (descending, column) = match ask.sort.strip_prefix('-') {
        Some(column) => (true, column),
        None => (false, ask.sort.as_str()),
    };
    let key = |row: &InventoryRow| -> String {
        match column {
            "vendor" => row.vendor.title().to_lowercase(),
            "connection" => row.connection.to_lowercase(),
            "kind" => row.kind.title().to_lowercase(),
            "host" => row.host.clone().unwrap_or_default(),
            "enabled" => row.enabled.map(|e| e.to_string()).unwrap_or_default(),
            "created" => row.created.clone().unwrap_or_default(),
            "updated" => row.updated.clone().unwrap_or_default(),
            _ => row.name.to_lowercase(),
        }
    };
    if !column.is_empty() {
        rows.sort_by_cached_key(|row| key(row));
        if descending {
            rows.reverse();
        }
    }
    rows
}

#[component]
pub fn InventoryPage() -> impl IntoView {
    let connections = Connections::use_context();
    let toasts = Toasts::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let inventory = Inventory::new(Signal::derive(move || connections.all()));
    let ask = Memo::new(move |_| {
        query.with(|q| Ask {
            search: capped(&q.get("q").unwrap_or_default()),
            filters: FILTERS
                .iter()
                .filter_map(|name| Some((name.to_string(), capped(&q.get(name)?))))
                .filter(|(_, value)| !value.is_empty())
                .collect(),
            sort: q.get("sort").unwrap_or_default(),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
            by_host: q.get("group").as_deref() == Some("host"),
        })
    });
    // Only switching between the table and the groups redraws either.
    let by_host = Memo::new(move |_| ask.with(|a| a.by_host));
    let go = Callback::new(move |asked: Ask| {
        navigate(
            &asked.href(),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        )
    });
    let export = move |json: bool| {
        let asked = ask.get_untracked();
        let text = inventory.with_rows(|rows| {
            let rows: Vec<InventoryRow> = chosen(rows, &asked).into_iter().cloned().collect();
            if json {
                let now = String::from(js_sys::Date::new_0().to_iso_string());
                to_json(&rows, &asked.filters, &now)
            } else {
                to_csv(&rows)
            }
        });
        let (name, mime) = if json {
            ("patchbay-inventory.json", "application/json")
        } else {
            ("patchbay-inventory.csv", "text/csv;charset=utf-8")
        };
        if download(name, mime, &text).is_err() {
            toasts.error("The browser refused the download.");
        }
    };
    view! {
        <h1>"All integrations"</h1>
        <p class="lead">"Every alert-notification integration of every connection, read from each vendor as it is now."</p>
        <SourceList inventory/>
        <div class="toolbar">
            <label class="search">
                <span class="visually-hidden">"Search all integrations"</span>
                <input type="search" placeholder="Search by name, connection, kind or host" maxlength=crate::pages::integrations::list_view::MAX_ADDRESS_VALUE
                    prop:value=move || ask.with(|a| a.search.clone())
                    on:input=move |ev| go.run(Ask { search: event_target_value(&ev), page: 1, ..ask.get_untracked() })/>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || ask.with(|a| a.by_host)
                    on:change=move |ev| go.run(Ask { by_host: event_target_checked(&ev), page: 1, ..ask.get_untracked() })/>
                "Group by target host"
            </label>
            <button type="button" class="secondary" on:click=move |_| export(false)>"Export CSV"</button>
            <button type="button" class="secondary" on:click=move |_| export(true)>"Export JSON"</button>
        </div>
        <Glance inventory ask go/>
        <InventoryFilters inventory ask go/>
        {move || if by_host.get() {
            view! { <HostGroups inventory ask/> }.into_any()
        } else {
            view! { <InventoryTable inventory ask go/> }.into_any()
        }}
        <DriftSection inventory/>
    }
}
