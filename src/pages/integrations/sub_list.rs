//! A list kept under one integration (Rocket.Chat's delivery history), on the integration's
//! page: read a page at a time, with clear and replay where the vendor offers them, each
//! confirmed first. The writes belong to this section, which the page draws once: lookups
//! landing only change which buttons show.

use leptos::prelude::*;

use crate::components::table::column_heads;

use super::calls::send;
use super::cell::cell_view;
use crate::components::feedback::{ConfirmDialog, ErrorPanel, WaitStatus};
use crate::domain::records::{SubList, SubRow};
use crate::domain::{ApiError, Lookups, Record, Request, VendorApi};
use crate::state::journal::Write;
use crate::state::{Connection, Journal, Secrets, Toasts};

/// What has been read so far.
#[derive(Clone, Default)]
struct Read {
    rows: Vec<SubRow>,
    total: Option<u64>,
    failed: Option<ApiError>,
}

#[component]
pub fn SubListSection(
    api: &'static dyn VendorApi,
    connection: Connection,
    record: Signal<Record>,
    lookups: Signal<Option<Result<Lookups, ApiError>>>,
) -> impl IntoView {
    let secrets = Secrets::use_context();
    let toasts = Toasts::use_context();
    let lock = super::write_lock::write_lock(&connection);
    let journal = Journal::use_context();
    // Recomputed where it is read: it is cheap, and a memo of its own type costs the wasm more.
    let spec = move || {
        let found = lookups.get()?.ok()?;
        api.sub_list(&record.get(), &found)
    };
    let read = RwSignal::new(Read::default());
    let loading = RwSignal::new(false);
    let notice = RwSignal::new(None);

    // Reads the page after the rows held (`fresh`: from the start, replacing them).
    let load = {
        let connection = connection.clone();
        move |fresh: bool| {
            let Some(list) = untrack(spec) else {
                return;
            };
            let found = lookups
                .get_untracked()
                .and_then(Result::ok)
                .unwrap_or_default();
            let at = if fresh {
                0
            } else {
                read.with_untracked(|r| r.rows.len())
            };
            let request = if list.paged {
                list.first.clone().query("offset", at.to_string())
            } else {
                list.first.clone()
            };
            let target = secrets.target(&connection);
            let shown = record.get_untracked();
            loading.set(true);
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let page = match send(api, &target, &request, &move |n| notice.set(Some(n))).await {
                    Ok(response) => api.parse_sub_list(&shown, &response, &found),
                    Err(error) => Err(error),
                };
                notice.set(None);
                loading.set(false);
                read.update(|r| match page {
                    Ok(page) => {
                        if fresh {
                            r.rows.clear();
                        }
                        r.rows.extend(page.rows);
                        r.total = page.total;
                        r.failed = None;
                    }
                    Err(error) => r.failed = Some(error),
                });
            });
        }
    };
    // The first page, once the vendor's choices say there is a list at all; read again when
    // an action has changed the record (ThousandEyes' link).
    Effect::new({
        let load = load.clone();
        move |done: Option<bool>| {
            record.track();
            if done == Some(true) {
                load(true);
                return true;
            }
            if lookups.with(|l| matches!(l, Some(Ok(_)))) && untrack(spec).is_some() {
                load(true);
                return true;
            }
            false
        }
    });

    // Clear and replay: confirmed, then sent, then the list is read again.
    let write = Action::new_local({
        let connection = connection.clone();
        move |(request, done, operation): &(Request, String, &'static str)| {
            let (request, done, operation) = (request.clone(), done.clone(), *operation);
            let target = secrets.target(&connection);
            let connection = connection.clone();
            let on = record.get_untracked();
            async move {
                let sent = send(api, &target, &request, &move |n| notice.set(Some(n))).await;
                notice.set(None);
                let write = Write {
                    connection: &connection,
                    integration: &on.id,
                    name: &api.summary(&on).name,
                    operation,
                    changes: Vec::new(),
                };
                journal.record(write, sent.as_ref().map(|_| ()));
                match sent {
                    Ok(_) => {
                        toasts.success(done);
                        true
                    }
                    Err(error) => {
                        read.update(|r| r.failed = Some(error));
                        false
                    }
                }
            }
        }
    });
    Effect::new({
        let load = load.clone();
        let value = write.value();
        move |_| {
            if value.get() == Some(true) {
                load(true);
            }
        }
    });
    let confirm_open = RwSignal::new(false);
    // What the dialog asks, and what is sent and said once it is confirmed.
    let question = RwSignal::new(String::new());
    let asked = StoredValue::new(None::<(Request, String, &'static str)>);
    let ask = move |request: Request, asking: String, done: String, operation: &'static str| {
        question.set(asking);
        asked.set_value(Some((request, done, operation)));
        confirm_open.set(true);
    };

    let more = {
        let load = load.clone();
        move |_| load(false)
    };
    let body = move || {
        spec().map(|list: SubList| {
            let SubList { title, columns, clear, .. } = list;
            let head = column_heads(columns);
            let clear_button = clear.map(|request| {
                let on_click = move |_| {
                    ask(
                        request.clone(),
                        "Clear the whole delivery history?".into(),
                        "The history is cleared.".into(),
                        "Clear history",
                    )
                };
                view! { <button type="button" class="danger" on:click=on_click disabled=move || lock.get().is_some()
                    title=move || lock.get() aria-describedby=move || lock.get().map(|_| "write-lock")>"Clear history"</button> }
            });
            let rows = move || {
                read.with(|r| r.rows.clone())
                    .into_iter()
                    .map(|row| {
                        let cells = row
                            .cells
                            .into_iter()
                            .enumerate()
                            .map(|(at, cell)| {
                                let label = columns.get(at).copied().unwrap_or_default().to_lowercase();
                                view! { <td>{cell_view(cell, move || label)}</td> }
                            })
                            .collect_view();
                        let replay = row.replay.map(|request| {
                            let on_click = move |_| {
                                ask(
                                    request.clone(),
                                    "Send this delivery again?".into(),
                                    "The delivery was sent again.".into(),
                                    "Replay delivery",
                                )
                            };
                            view! { <td><button type="button" class="secondary" on:click=on_click disabled=move || lock.get().is_some()
                                title=move || lock.get() aria-describedby=move || lock.get().map(|_| "write-lock")>"Replay"</button></td> }
                        });
                        view! { <tr>{cells}{replay}</tr> }
                    })
                    .collect_view()
            };
            // Read where it is drawn, so rows landing redraw the header cell, not the section.
            let replay_head = move || {
                read.with(|r| r.rows.iter().any(|row| row.replay.is_some()))
                    .then(|| view! { <th scope="col">"Replay"</th> })
            };
            let count = move || {
                read.with(|r| match r.total {
                    Some(total) => format!("Showing {} of {total}", r.rows.len()),
                    None => format!("Showing {}", r.rows.len()),
                })
            };
            let has_more = move || read.with(|r| r.total.is_some_and(|t| (r.rows.len() as u64) < t));
            let empty = move || read.with(|r| r.rows.is_empty() && r.failed.is_none()) && !loading.get();
            let more = more.clone();
            view! {
                <section class="sub-list" aria-labelledby="sub-list-title">
                    <h3 id="sub-list-title">{title}</h3>
                    <div class="actions">{clear_button}</div>
                    {move || empty().then(|| view! { <p class="empty">"Nothing here yet."</p> })}
                    <table aria-labelledby="sub-list-title">
                        <thead><tr>{head}{replay_head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p>{count}</p>
                    {move || has_more().then(|| {
                        view! { <button type="button" class="secondary" disabled=move || loading.get() on:click=more.clone()>"Show more"</button> }
                    })}
                </section>
            }
        })
    };
    let failure = move || {
        read.with(|r| r.failed.clone())
            .map(|error| view! { <ErrorPanel error title="Not done"/> })
    };
    view! {
        {body}
        <WaitStatus notice vendor=connection.vendor.title()/>
        {failure}
        <ConfirmDialog
            id="sub-list-confirm"
            open=confirm_open
            title=question
            message=Signal::derive(move || format!("This cannot be undone in {}.", api.vendor().title()))
            confirm_label="Yes, go ahead"
            on_confirm=Callback::new(move |_| {
                if let Some(confirmed) = asked.get_value() {
                    write.dispatch(confirmed);
                }
            })
        />
    }
}
