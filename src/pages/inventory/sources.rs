//! Each connection's reading, one line each: loaded, loading page by page, waiting for a rate
//! limit with its countdown, failed with the reason and a retry button, or what it needs.

use leptos::prelude::*;
use leptos_router::components::A;

use super::reading::{Inventory, Reading, Source};
use crate::components::feedback::WaitStatus;
use crate::routes::AppRoute;
use crate::state::uses::Uses;
use crate::state::UsesCache;

#[component]
pub fn SourceList(inventory: Inventory) -> impl IntoView {
    let ids = Memo::new(move |_| {
        inventory.sources.with(|all| {
            all.iter()
                .map(|s| s.connection.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title" class="visually-hidden">"Connections"</h2>
            <ul>
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <SourceLine inventory id/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn SourceLine(inventory: Inventory, id: String) -> impl IntoView {
    let source = {
        let id = id.clone();
        Memo::new(move |_| {
            inventory
                .sources
                .with(|all| all.iter().find(|s| s.connection.id == id).cloned())
        })
    };
    let state = move || {
        let Source {
            connection,
            reading,
            ..
        } = source.get()?;
        Some(match reading {
            Reading::NeedsCredentials(missing) => view! {
                <span>{format!("{missing}. ")}</span>
                <a href=AppRoute::EditConnection(Some(connection.id.clone())).href()>"Enter credentials"</a>
            }
            .into_any(),
            Reading::NeedsAttention(problem) => {
                view! { <span>{format!("Needs attention: {problem}. Nothing is read until it is fixed.")}</span> }.into_any()
            }
            Reading::Read(status) => {
                let retry = status.error.as_ref().map(|_| {
                    let source = source.get_untracked();
                    view! {
                        <button type="button" class="secondary" on:click=move |_| {
                            if let Some(source) = &source { inventory.read(source) }
                        }>"Retry"</button>
                    }
                });
                let text = match (&status.error, status.loading, status.complete) {
                    (Some(error), _, _) => format!("Failed after {} read: {}", status.loaded, error.summary()),
                    (None, true, _) => match status.total {
                        Some(total) => format!("Loading… {} of {total}", status.loaded),
                        None => format!("Loading… {} so far", status.loaded),
                    },
                    (None, false, true) => match status.loaded {
                        1 => "1 integration".to_string(),
                        n => format!("{n} integrations"),
                    },
                    _ => "Waiting to read…".to_string(),
                };
                view! { <span>{text}</span> {retry} }.into_any()
            }
        })
    };
    let label = move || {
        source.with(|s| {
            s.as_ref()
                .map(|s| (s.connection.vendor.title(), s.connection.label.clone()))
        })
    };
    let wait = {
        let id = id.clone();
        move || {
            let (vendor, _) = label()?;
            let notice = inventory.wait_of(&id)?;
            Some(view! { <WaitStatus notice vendor/> })
        }
    };
    // How the read of what uses its integrations stands, while it is read or when it failed.
    let uses = UsesCache::use_context();
    let uses_read = move || {
        let source = source.get()?;
        let noun = source.connection.api()?.referrers()?.noun;
        match uses.get(&source.key)? {
            Uses::Reading => Some(format!(" · reading its {noun}…").into_any()),
            Uses::Failed(why) => Some(
                view! {
                    " · " {why} " "
                    <button type="button" class="secondary" on:click=move |_| inventory.read_uses_again(&source)>
                        "Retry"
                    </button>
                }
                .into_any(),
            ),
            Uses::Read(_) => None,
        }
    };
    view! {
        <li class="source" data-connection=id.clone()>
            <A href=AppRoute::List { conn: id.clone() }.href()>{move || label().map(|(_, l)| l)}</A>
            <span class="muted">{move || label().map(|(v, _)| format!(" · {v} · "))}</span>
            <span role="status">{state}</span>
            <small role="status">{uses_read}</small>
            {wait}
        </li>
    }
}
