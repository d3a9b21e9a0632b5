//! The table of one view page: the name (a link), then the vendor's own columns; and the pager.

use leptos::prelude::*;

use super::cell::CellView;
use super::list_view::View;
use crate::domain::{Lookups, Record, VendorApi};
use crate::routes::AppRoute;

type Go = Callback<(String, usize, Option<Vec<(String, String)>>)>;

#[component]
pub fn ListTable(
    conn: String,
    api: &'static dyn VendorApi,
    view: View,
    records: Vec<Record>,
    complete: bool,
    search: String,
    /// Vendor filters are applied: an empty list means nothing matched them.
    filtered: bool,
    lookups: Lookups,
    go: Go,
) -> impl IntoView {
    if view.matching == 0 {
        let searched = !search.trim().is_empty();
        return match (complete, searched, filtered) {
            (false, _, _) => ().into_any(),
            (true, false, false) => {
                view! { <p class="empty">"No integrations yet."</p> }.into_any()
            }
            (true, true, _) => {
                view! { <p class="empty">{format!("No integrations match “{search}”.")}</p> }
                    .into_any()
            }
            (true, false, true) => view! {
                <p class="empty">"No integrations match the filters. Clear them to see every integration."</p>
            }
            .into_any(),
        };
    }
    let columns = api.list_columns();
    let headers = columns
        .iter()
        .map(|c| view! { <th scope="col">{*c}</th> })
        .collect_view();
    let rows = view
        .rows
        .iter()
        .filter_map(|row| records.iter().find(|r| r.id == row.id))
        .map(|record| {
            let name = api.summary(record).name;
            let cells = api
                .list_cells(record, &lookups)
                .into_iter()
                .zip(&columns)
                .map(|(cell, column)| {
                    let label = format!("{} of {name}", column.to_lowercase());
                    view! { <td><CellView cell label/></td> }
                })
                .collect_view();
            let href = AppRoute::Detail {
                conn: conn.clone(),
                id: record.id.clone(),
            }
            .href();
            view! { <tr><th scope="row"><a href=href>{name}</a></th>{cells}</tr> }
        })
        .collect_view();
    let last = view.first + view.rows.len() - 1;
    view! {
        <table class="integrations">
            <caption class="visually-hidden">"Integrations"</caption>
            <thead><tr><th scope="col">"Name"</th>{headers}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <nav class="pager" aria-label="Pages">
            <p>{format!("Showing {}–{last} of {}", view.first, view.matching)}</p>
            <Pager page=view.page pages=view.pages search go/>
        </nav>
    }
    .into_any()
}

#[component]
fn Pager(page: usize, pages: usize, search: String, go: Go) -> impl IntoView {
    let button = move |label: &'static str, to: usize, enabled: bool| {
        let search = search.clone();
        view! {
            <button type="button" class="secondary" disabled=!enabled on:click=move |_| go.run((search.clone(), to, None))>{label}</button>
        }
    };
    view! {
        <div class="pager-buttons">
            {button("First", 1, page > 1)}
            {button("Previous", page.saturating_sub(1), page > 1)}
            <span aria-current="page">{format!("Page {page} of {pages}")}</span>
            {button("Next", page + 1, page < pages)}
            {button("Last", pages, page < pages)}
        </div>
    }
}
