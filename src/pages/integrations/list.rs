//! The integrations of one connection: read page by page into the list cache (progress shows
//! as it grows), filtered by the vendor where it can, searched and paged in the browser. Filters,
//! search and page live in the URL, so Back and reload keep them.

use super::write_lock::{write_link, write_lock};
use crate::pages::typed_search::TypedSearch;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::calls::load_all;
use super::list_filters::FilterBar;
use super::list_table::ListTable;
use super::list_view::{capped, ListIndex, Row, Stamp, MAX_ADDRESS_VALUE};
use super::lookups::use_lookups;
use crate::components::feedback::{ErrorPanel, WaitStatus};
use crate::domain::{IntegrationSummary, ListQuery, VendorApi};
use crate::routes::AppRoute;
use crate::state::cache::{filtered_key, key_of, ListStatus};
use crate::state::{Connection, ListCache, Secrets};

/// URL parameters that carry vendor filters start with this.
pub const FILTER_PREFIX: &str = "f.";

pub fn body(connection: Connection, api: &'static dyn VendorApi) -> AnyView {
    view! { <IntegrationList connection api/> }.into_any()
}

#[component]
fn IntegrationList(connection: Connection, api: &'static dyn VendorApi) -> impl IntoView {
    let cache = ListCache::use_context();
    let secrets = Secrets::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let notice = RwSignal::new(None);
    let lookups = use_lookups(api, &connection);

    let filters = Memo::new(move |_| {
        query.with(|q| {
            q.clone()
                .into_iter()
                .filter_map(|(name, value)| {
                    Some((
                        name.strip_prefix(FILTER_PREFIX)?.to_string(),
                        capped(&value),
                    ))
                })
                .filter(|(_, value)| !value.is_empty())
                .collect::<Vec<_>>()
        })
    });
    let key = {
        let connection = connection.clone();
        Memo::new(move |_| {
            let own = key_of(&connection, &secrets.values(&connection.id));
            filtered_key(&own, &filters.get())
        })
    };

    let load = {
        let connection = connection.clone();
        move |key: String, filters: Vec<(String, String)>| {
            let target = secrets.target(&connection);
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let list_query = ListQuery {
                    filters,
                    ..Default::default()
                };
                load_all(api, &target, &list_query, cache, &key, &move |n| {
                    notice.set(Some(n))
                })
                .await;
                notice.set(None);
            });
        }
    };
    // A list read completely before is shown as it is; anything else (or new filters) loads.
    Effect::new({
        let load = load.clone();
        move |_| {
            let key = key.get();
            if !untrack(|| cache.with(&key, |l| l.is_some_and(|l| l.complete))) {
                load(key, filters.get_untracked());
            }
        }
    });

    // How far the load has come, read without the records, which can be many.
    let status =
        Memo::new(move |_| cache.with(&key.get(), |l| l.map(|l| l.status()).unwrap_or_default()));
    // The search typed ahead of the address: rows follow each keystroke, the address the pause.
    let typed = TypedSearch::new(Signal::derive(move || {
        query.read().get("q").unwrap_or_default()
    }));
    let search = Memo::new(move |_| {
        capped(
            &typed
                .typed()
                .unwrap_or_else(|| query.read().get("q").unwrap_or_default()),
        )
    });
    let page = Memo::new(move |_| match typed.typed() {
        Some(_) => 1,
        None => query
            .read()
            .get("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1),
    });
    let resolved = Memo::new(move |_| lookups.get().and_then(Result::ok).unwrap_or_default());
    // Each record's row (its summary and search text, team names included) is made once, when
    // the record lands; a page late in a long list costs what the first page did.
    let names = Memo::new(move |previous: Option<&u64>| {
        resolved.track();
        previous.map_or(0, |n| n + 1)
    });
    let index = StoredValue::new(ListIndex::default());
    let synced = Memo::new(move |_| {
        let names = names.get();
        cache.with(&key.get(), |list| {
            let Some(list) = list else {
                index.update_value(ListIndex::clear);
                return (Stamp::default(), 0);
            };
            let (load, edits) = list.stamp();
            let stamp = Stamp { load, edits, names };
            resolved.with_untracked(|lookups| {
                index.update_value(|index| {
                    index.sync(stamp, &list.records, |kept| {
                        let record = kept.record();
                        Row::new(IntegrationSummary {
                            searchable: api.search_text(&record, lookups),
                            ..api.summary(&record)
                        })
                    });
                })
            });
            (stamp, list.records.len())
        })
    });
    let shown = Memo::new(move |_| {
        // Read (not only tracked), so the rows are brought up to date before they are cut.
        let _rows_in_step = synced.get();
        index.with_value(|index| index.view(&search.get(), page.get()))
    });
    // The records on the view page, with what their cells depend on (edits, names).
    let shown_records = Memo::new(move |_| {
        let (stamp, _) = synced.get();
        shown.with(|view| {
            cache.with(&key.get_untracked(), |list| {
                view.rows
                    .iter()
                    .filter_map(|row| Some(list?.records.get(row.at)?.record()))
                    .map(|record| (record, stamp))
                    .collect::<Vec<_>>()
            })
        })
    });

    // Changes the URL: search and page (filters are kept unless given).
    let conn_id = connection.id.clone();
    let go = Callback::new(
        move |(q, page, new_filters): (String, usize, Option<Vec<(String, String)>>)| {
            let mut params = url::form_urlencoded::Serializer::new(String::new());
            for (name, value) in new_filters.unwrap_or_else(|| filters.get_untracked()) {
                if !value.is_empty() {
                    params.append_pair(&format!("{FILTER_PREFIX}{name}"), &capped(&value));
                }
            }
            if !q.is_empty() {
                params.append_pair("q", &capped(&q));
            }
            if page > 1 {
                params.append_pair("page", &page.to_string());
            }
            let params = params.finish();
            let mut href = AppRoute::List {
                conn: conn_id.clone(),
            }
            .href();
            if !params.is_empty() {
                href = format!("{href}?{params}");
            }
            navigate(&href, crate::routes::in_place());
        },
    );

    let write = Callback::new(move |text: String| go.run((text, 1, None)));
    let lock = write_lock(&connection);
    let create = api.can_create().then(|| {
        write_link(
            lock,
            AppRoute::Create {
                conn: connection.id.clone(),
            }
            .href(),
            "New integration",
        )
    });
    let reload = {
        let load = load.clone();
        move |_| load(key.get_untracked(), filters.get_untracked())
    };
    let lookup_error = move || {
        lookups
            .get()
            .and_then(Result::err)
            .map(|error| view! { <ErrorPanel error title="Some names could not be read"/> })
    };
    let conn = connection.id.clone();
    view! {
        <div class="toolbar">
            {create}
            <button type="button" class="secondary" on:click=reload disabled=move || status.with(|s| s.loading)>"Reload"</button>
            <label class="search">
                <span class="visually-hidden">"Search integrations"</span>
                <input type="search" placeholder="Search by name, kind, description or id" maxlength=MAX_ADDRESS_VALUE
                    prop:value=move || search.get() on:input=move |ev| typed.input(event_target_value(&ev), write)
                    on:change=move |_| typed.flush(write)/>
            </label>
        </div>
        <FilterBar api lookups=resolved filters go/>
        <WaitStatus notice vendor=connection.vendor.title()/>
        <Progress status/>
        {lookup_error}
        {move || status.with(|s| s.note.clone()).map(|note| view! { <p class="notice list-note" role="status">{note}</p> })}
        {move || status.with(|s| s.error.clone()).map(|error| view! { <ErrorPanel error title="The list could not be read completely"/> })}
        <ListTable conn=conn api shown shown_records complete=Signal::derive(move || status.with(|s| s.complete))
            search filtered=Signal::derive(move || !filters.with(Vec::is_empty)) lookups=resolved go/>
    }
}

/// "Loaded 200 of 606" with a progress bar while pages arrive.
#[component]
fn Progress(status: Memo<ListStatus>) -> impl IntoView {
    move || {
        let l = status.get();
        let loaded = l.loaded;
        let skipped = (l.skipped > 0).then(|| {
            view! { <p class="muted">{format!("{} entries the vendor sent could not be read and are not shown.", l.skipped)}</p> }
        });
        let progress = l.loading.then(|| {
            let text = match l.total {
                Some(total) => format!("Loading integrations… {loaded} of {total}"),
                None => format!("Loading integrations… {loaded} so far"),
            };
            let max = l.total.unwrap_or(0).max(loaded as u64);
            view! {
                <div class="progress" role="status" aria-live="polite">
                    <progress value=loaded.to_string() max=max.to_string() aria-label="Integrations loaded"></progress>
                    <span>{text}</span>
                </div>
            }
        });
        view! { {progress} {skipped} }
    }
}
