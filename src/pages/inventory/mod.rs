//! All integrations: every connection read at once, one list across vendors with the columns
//! they share. Search, filters and sort live in the URL, so Back and a shared link
//! restore them; what is shown exports as CSV or JSON, secrets redacted.

mod ask;
mod drift;
mod filters;
mod glance;
mod hygiene;
mod reading;
mod sources;
mod table;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::download::download;
use crate::domain::findings::with_shared_targets;
use crate::domain::inventory_export::{to_csv, to_json};
use crate::pages::integrations::list_view::capped;
use crate::pages::typed_search::TypedSearch;
use crate::state::{Connections, Toasts};
use ask::{chosen, Ask, FILTERS};
use drift::DriftSection;
use filters::InventoryFilters;
use glance::{Glance, HostGroups};
use hygiene::HygieneSection;
use reading::Inventory;
use sources::SourceList;
use table::InventoryTable;

#[component]
pub fn InventoryPage() -> impl IntoView {
    let connections = Connections::use_context();
    let toasts = Toasts::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let inventory = Inventory::new(Signal::derive(move || connections.all()));
    // The search typed ahead of the address (written when typing pauses).
    let search = TypedSearch::new(Signal::derive(move || {
        query.with(|q| q.get("q").unwrap_or_default())
    }));
    let ask = Memo::new(move |_| {
        let mut asked = query.with(|q| Ask {
            search: capped(&q.get("q").unwrap_or_default()),
            filters: FILTERS
                .iter()
                .filter_map(|name| Some((name.to_string(), capped(&q.get(name)?))))
                .filter(|(_, value)| !value.is_empty())
                .collect(),
            sort: q.get("sort").unwrap_or_default(),
            by_host: q.get("group").as_deref() == Some("host"),
        });
        if let Some(text) = search.typed() {
            asked.search = capped(&text);
        }
        asked
    });
    // Only switching between the table and the groups redraws either.
    let by_host = Memo::new(move |_| ask.with(|a| a.by_host));
    let go = Callback::new(move |asked: Ask| {
        navigate(&asked.href(), crate::routes::in_place());
    });
    let write = Callback::new(move |text: String| {
        go.run(Ask {
            search: text,
            ..ask.get_untracked()
        })
    });
    let export = move |json: bool| {
        let asked = ask.get_untracked();
        let text = inventory.with_rows(|rows| {
            let rows = with_shared_targets(&rows, chosen(rows.clone(), &asked));
            if json {
                let now = crate::http::now_iso();
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
                    on:input=move |ev| search.input(event_target_value(&ev), write)
                    on:change=move |_| search.flush(write)/>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || ask.with(|a| a.by_host)
                    on:change=move |ev| go.run(Ask { by_host: event_target_checked(&ev), ..ask.get_untracked() })/>
                "Group by target host"
            </label>
            <button type="button" class="secondary" on:click=move |_| export(false)>"Export CSV"</button>
            <button type="button" class="secondary" on:click=move |_| export(true)>"Export JSON"</button>
        </div>
        <Glance inventory ask go/>
        <HygieneSection inventory ask go/>
        <InventoryFilters inventory ask go/>
        {move || if by_host.get() {
            view! { <HostGroups inventory ask/> }.into_any()
        } else {
            view! { <InventoryTable inventory ask go/> }.into_any()
        }}
        <DriftSection inventory ask/>
    }
}
