//! The integrations of one connection: read page by page into the list cache (progress shows
//! as it grows), searched and paged in the browser, with search and page in the URL.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::calls::load_all;
use super::list_view::{short_time, view as cut, View};
use crate::components::feedback::{ErrorPanel, WaitStatus};
use crate::components::secret_text::SecretText;
use crate::domain::{IntegrationSummary, ListQuery, VendorApi};
use crate::routes::AppRoute;
use crate::state::cache::{key_of, CachedList};
use crate::state::{Connection, ListCache, Secrets};

pub fn body(connection: Connection, api: &'static dyn VendorApi) -> AnyView {
    view! { <IntegrationList connection api/> }.into_any()
}

#[component]
fn IntegrationList(connection: Connection, api: &'static dyn VendorApi) -> impl IntoView {
    let cache = ListCache::use_context();
    let secrets = Secrets::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let key = key_of(&connection);
    let notice = RwSignal::new(None);

    let load = {
        let (connection, key) = (connection.clone(), key.clone());
        move || {
            let target = secrets.target(&connection);
            let key = key.clone();
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let on_wait = move |n| notice.set(Some(n));
                load_all(api, &target, &ListQuery::default(), cache, &key, &on_wait).await;
                notice.set(None);
            });
        }
    };
    // A list read completely before is shown as it is; anything else loads afresh.
    if !untrack(|| cache.get(&key)).is_some_and(|l| l.complete) {
        load();
    }

    let list = {
        let key = key.clone();
        Memo::new(move |_| cache.get(&key).unwrap_or_default())
    };
    let search = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1)
    });
    let summaries = Memo::new(move |_| {
        list.with(|l| l.records.iter().map(|r| api.summary(r)).collect::<Vec<_>>())
    });
    let shown = Memo::new(move |_| summaries.with(|all| cut(all, &search.get(), page.get())));

    let conn_id = connection.id.clone();
    let go = move |q: String, page: usize| {
        let mut href = AppRoute::List {
            conn: conn_id.clone(),
        }
        .href();
        let mut params = url::form_urlencoded::Serializer::new(String::new());
        if !q.is_empty() {
            params.append_pair("q", &q);
        }
        if page > 1 {
            params.append_pair("page", &page.to_string());
        }
        let params = params.finish();
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
    };
    let on_search = {
        let go = go.clone();
        move |ev| go(event_target_value(&ev), 1)
    };

    let create = api.can_create().then(|| {
        view! { <a href=AppRoute::Create { conn: connection.id.clone() }.href() class="button">"New integration"</a> }
    });
    let reload = move |_| load();
    let conn = connection.id.clone();
    view! {
        <div class="toolbar">
            {create}
            <button type="button" class="secondary" on:click=reload disabled=move || list.with(CachedList::loading)>"Reload"</button>
            <label class="search">
                <span class="visually-hidden">"Search integrations"</span>
                <input type="search" placeholder="Search by name, kind, description or id"
                    prop:value=move || search.get() on:input=on_search/>
            </label>
        </div>
        <WaitStatus notice vendor=connection.vendor.title()/>
        <Progress list/>
        {move || list.with(|l| l.error.clone()).map(|error| view! { <ErrorPanel error title="The list could not be read completely"/> })}
        {move || {
            let loaded = list.with(|l| l.complete);
            table(&conn, shown.get(), loaded, search.get(), go.clone())
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

fn table(
    conn: &str,
    view: View,
    loaded: bool,
    search: String,
    go: impl Fn(String, usize) + Clone + 'static,
) -> AnyView {
    if view.matching == 0 {
        let text = match (loaded, search.trim().is_empty()) {
            (false, _) => return ().into_any(),
            (true, true) => "No integrations yet.".to_string(),
            (true, false) => format!("No integrations match “{search}”."),
        };
        return view! { <p class="empty">{text}</p> }.into_any();
    }
    let rows = view
        .rows
        .iter()
        .map(|row| table_row(conn, row))
        .collect_view();
    let last = view.first + view.rows.len() - 1;
    let pager = pager(&view, search, go);
    view! {
        <table class="integrations">
            <caption class="visually-hidden">"Integrations"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Target"</th>
                    <th scope="col">"Description"</th>
                    <th scope="col">"Created"</th>
                    <th scope="col">"Updated"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <nav class="pager" aria-label="Pages">
            <p>{format!("Showing {}–{last} of {}", view.first, view.matching)}</p>
            {pager}
        </nav>
    }
    .into_any()
}

fn table_row(conn: &str, row: &IntegrationSummary) -> impl IntoView {
    let target = match (&row.target, row.target_is_secret) {
        (Some(value), true) => {
            view! { <SecretText value=value.clone() label=format!("target of {}", row.name)/> }
                .into_any()
        }
        (Some(value), false) => view! { <span>{value.clone()}</span> }.into_any(),
        (None, _) => view! { <span class="muted">"—"</span> }.into_any(),
    };
    view! {
        <tr>
            <th scope="row"><a href=AppRoute::Detail { conn: conn.to_string(), id: row.id.clone() }.href()>{row.name.clone()}</a></th>
            <td>{row.kind.clone()}</td>
            <td>{target}</td>
            <td>{row.description.clone().unwrap_or_default()}</td>
            <td class="muted">{row.created_at.as_deref().map(short_time).unwrap_or_default()}</td>
            <td class="muted">{row.updated_at.as_deref().map(short_time).unwrap_or_default()}</td>
        </tr>
    }
}

fn pager(
    view: &View,
    query: String,
    go: impl Fn(String, usize) + Clone + 'static,
) -> impl IntoView {
    let (page, pages) = (view.page, view.pages);
    let button = move |label: &'static str, to: usize, enabled: bool| {
        let (go, query) = (go.clone(), query.clone());
        view! {
            <button type="button" class="secondary" disabled=!enabled on:click=move |_| go(query.clone(), to)>{label}</button>
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
