//! The table of one view page: the name (a link), then the vendor's own columns; and the pager.
//! Drawn once per list: rows are keyed (by id, and by the edits and names their cells show),
//! so a page of records landing behind the view page redraws only the counts.

use leptos::prelude::*;

use crate::components::table::column_heads;

use super::cell::cell_view;
use super::list_view::{Stamp, View};
use crate::domain::{Lookups, Record, VendorApi};
use crate::routes::AppRoute;

type Go = Callback<(String, usize, Option<Vec<(String, String)>>)>;

#[component]
pub fn ListTable(
    conn: String,
    api: &'static dyn VendorApi,
    shown: Memo<View>,
    /// The view page's records, with the stamp their rows were made under.
    shown_records: Memo<Vec<(Record, Stamp)>>,
    complete: Signal<bool>,
    search: Memo<String>,
    /// Vendor filters are applied: an empty list means nothing matched them.
    filtered: Signal<bool>,
    lookups: Memo<Lookups>,
    go: Go,
) -> impl IntoView {
    let empty = move || {
        let searched = search.with(|s| !s.trim().is_empty());
        match (complete.get(), searched, filtered.get()) {
            (false, _, _) => ().into_any(),
            (true, false, false) => {
                view! { <p class="empty">"No integrations yet."</p> }.into_any()
            }
            (true, true, _) => view! {
                <p class="empty">{format!("No integrations match “{}”.", search.get())}</p>
            }
            .into_any(),
            (true, false, true) => view! {
                <p class="empty">"No integrations match the filters. Clear them to see every integration."</p>
            }
            .into_any(),
        }
    };
    let columns = api.list_columns();
    let headers = {
        let columns = columns.clone();
        move || column_heads(&columns)
    };
    let row = move |(record, _): (Record, Stamp)| {
        let name = api.summary(&record).name;
        let cells = lookups.with_untracked(|names| api.list_cells(&record, names));
        let cells = cells
            .into_iter()
            .zip(&columns)
            .map(|(cell, column)| {
                let label = || format!("{} of {name}", column.to_lowercase());
                view! { <td>{cell_view(cell, label)}</td> }
            })
            .collect_view();
        let href = AppRoute::Detail {
            conn: conn.clone(),
            id: record.id.clone(),
        }
        .href();
        view! { <tr><th scope="row"><a href=href>{name}</a></th>{cells}</tr> }
    };
    let showing = move || {
        shown.with(|v| {
            let last = v.first + v.rows.len().saturating_sub(1);
            format!("Showing {}–{last} of {}", v.first, v.matching)
        })
    };
    view! {
        <Show when=move || shown.with(|v| v.matching > 0) fallback=empty>
            <table class="integrations">
                <caption class="visually-hidden">"Integrations"</caption>
                <thead><tr><th scope="col">"Name"</th>{headers.clone()}</tr></thead>
                <tbody>
                    <For
                        each=move || shown_records.get()
                        key=|(record, stamp)| (record.id.clone(), stamp.edits, stamp.names)
                        children=row.clone()
                    />
                </tbody>
            </table>
            <nav class="pager" aria-label="Pages">
                <p>{showing}</p>
                <Pager shown search go/>
            </nav>
        </Show>
    }
}

#[component]
fn Pager(shown: Memo<View>, search: Memo<String>, go: Go) -> impl IntoView {
    let page = move || shown.with(|v| v.page);
    let pages = move || shown.with(|v| v.pages);
    let button = move |label: &'static str,
                       to: fn(usize, usize) -> usize,
                       enabled: fn(usize, usize) -> bool| {
        view! {
            <button type="button" class="secondary" disabled=move || !enabled(page(), pages())
                on:click=move |_| go.run((search.get_untracked(), to(page(), pages()), None))>{label}</button>
        }
    };
    view! {
        <div class="pager-buttons">
            {button("First", |_, _| 1, |page, _| page > 1)}
            {button("Previous", |page, _| page.saturating_sub(1), |page, _| page > 1)}
            <span aria-current="page">{move || format!("Page {} of {}", page(), pages())}</span>
            {button("Next", |page, _| page + 1, |page, pages| page < pages)}
            {button("Last", |_, pages| pages, |page, pages| page < pages)}
        </div>
    }
}
