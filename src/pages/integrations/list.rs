//! The integrations of one connection: read page by page into the list cache (progress shows
//! as it grows), filtered by the vendor where it can, searched and paged in the browser. Filters,
//! search and page live in the URL, so Back and reload keep them.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::calls::load_all;
use super::list_filters::FilterBar;
use super::list_table::ListTable;
use super::list_view::{capped, view as cut, MAX_ADDRESS_VALUE};
use super::lookups::use_lookups;
use crate::components::feedback::{ErrorPanel, WaitStatus};
use crate::domain::{IntegrationSummary, ListQuery, VendorApi};
use crate::routes::AppRoute;
use crate::state::cache::{filtered_key, key_of, CachedList};
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
            if !untrack(|| cache.get(&key)).is_some_and(|l| l.complete) {
                load(key, filters.get_untracked());
            }
        }
    });

    let list = Memo::new(move |_| cache.get(&key.get()).unwrap_or_default());
    let search = Memo::new(move |_| capped(&query.read().get("q").unwrap_or_default()));
    let page = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1)
    });
    let resolved = Memo::new(move |_| lookups.get().and_then(Result::ok).unwrap_or_default());
    // What search reads: the summary, and (only while someone searches) the record's other
    // shown cells, such as team names. Pages that merely load never pay for it.
    let searching = Memo::new(move |_| !search.with(String::is_empty));
    let summaries = Memo::new(move |_| {
        let searching = searching.get();
        resolved.with(|names| {
            list.with(|l| {
                l.records
                    .iter()
                    .map(|r| IntegrationSummary {
                        searchable: if searching {
                            api.search_text(r, names)
                        } else {
                            String::new()
                        },
                        ..api.summary(r)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let shown = Memo::new(move |_| summaries.with(|all| cut(all, &search.get(), page.get())));

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
            navigate(
                &href,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        },
    );

    let create = api.can_create().then(|| {
        view! { <a href=AppRoute::Create { conn: connection.id.clone() }.href() class="button">"New integration"</a> }
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
            <button type="button" class="secondary" on:click=reload disabled=move || list.with(CachedList::loading)>"Reload"</button>
            <label class="search">
                <span class="visually-hidden">"Search integrations"</span>
                <input type="search" placeholder="Search by name, kind, description or id" maxlength=MAX_ADDRESS_VALUE
                    prop:value=move || search.get() on:input=move |ev| go.run((event_target_value(&ev), 1, None))/>
            </label>
        </div>
        <FilterBar api lookups=resolved filters go/>
        <WaitStatus notice vendor=connection.vendor.title()/>
        <Progress list/>
        {lookup_error}
        {move || list.with(|l| l.note.clone()).map(|note| view! { <p class="notice list-note" role="status">{note}</p> })}
        {move || list.with(|l| l.error.clone()).map(|error| view! { <ErrorPanel error title="The list could not be read completely"/> })}
        {move || {
            let (complete, records) = list.with(|l| (l.complete, l.records.clone()));
            view! {
                <ListTable conn=conn.clone() api view=shown.get() records complete search=search.get() filtered=!filters.get().is_empty()
                    lookups=resolved.get() go/>
            }
        }}
    }
}

/// "Loaded 200 of 606" with a progress bar while pages arrive.
#[component]
fn Progress(list: Memo<CachedList>) -> impl IntoView {
    move || {
        let l = list.get();
        let loaded = l.records.len();
        let skipped = (l.skipped > 0).then(|| {
            view! { <p class="muted">{format!("{} entries the vendor sent could not be read and are not shown.", l.skipped)}</p> }
        });
        let progress = l.loading().then(|| {
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
