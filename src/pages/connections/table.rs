//! The list of connections, with where each points, where its secrets live, and actions.

use crate::domain::read_only::ReadOnly;
use leptos::prelude::*;

use crate::components::table::column_heads;
use leptos_router::components::A;

use crate::components::feedback::ConfirmDialog;
use crate::routes::AppRoute;
use crate::state::{Connection, Connections, Secrets, Toasts};

#[component]
pub fn ConnectionTable() -> impl IntoView {
    let connections = Connections::use_context();
    let secrets = Secrets::use_context();
    let toasts = Toasts::use_context();
    let removing = RwSignal::new(None::<Connection>);
    let confirm_open = RwSignal::new(false);
    let confirm = Callback::new(move |_| {
        if let Some(connection) = removing.get_untracked() {
            if connections.remove(&connection.id) {
                toasts.success(format!("Removed “{}”.", connection.label));
            } else {
                toasts.error("The browser refused to save the change; it will be lost on reload.");
            }
        }
    });
    let rows = move || {
        connections
            .all()
            .into_iter()
            .map(|connection| {
                let secret_state = if !secrets.has_any(&connection.id) {
                    "not set"
                } else if secrets.is_remembered(&connection.id) {
                    "remembered in this tab"
                } else {
                    "in memory until reload"
                };
                let to_remove = connection.clone();
                let edit_label = format!("Edit {}", connection.label);
                let remove_label = format!("Remove {}", connection.label);
                let route = connection.route_summary();
                let read_only = match connection.read_only {
                    ReadOnly::Off => None,
                    ReadOnly::On => Some("Read-only"),
                    ReadOnly::UntilNewCredentials => Some("Read-only until new credentials"),
                }
                .map(|tag| view! { <span class="badge read-only">{tag}</span> });
                let attention = connections.problem(&connection.id).map(|problem| view! {
                    <span class="badge attention" title=problem.clone()>"Needs attention"</span>
                    <span class="visually-hidden">{format!(": {problem}")}</span>
                });
                view! {
                    <tr>
                        <th scope="row"><A href=AppRoute::List { conn: connection.id.clone() }.href()>{connection.label.clone()}</A></th>
                        <td>{connection.vendor.title()}</td>
                        <td><code>{connection.base_url.clone()}</code></td>
                        <td>{route}" "{attention}" "{read_only}</td>
                        <td class="secret-state">{secret_state}</td>
                        <td><div class="actions">
                            // A plain link: <A> would mark it current on every /connections URL.
                            <a href=AppRoute::EditConnection(Some(connection.id.clone())).href()
                                aria-label=edit_label>"Edit"</a>
                            <button type="button" class="secondary" aria-label=remove_label
                                on:click=move |_| {
                                    removing.set(Some(to_remove.clone()));
                                    confirm_open.set(true);
                                }>"Remove"</button>
                        </div></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let body = move || {
        if connections.loaded() && connections.all().is_empty() {
            return view! {
                <p class="empty">"No connections yet. Add one, or import a connections file."</p>
            }
            .into_any();
        }
        view! {
            <table class="connections">
                <caption class="visually-hidden">"Connections"</caption>
                <thead>
                    <tr>{column_heads(&["Label", "Vendor", "Base URL", "Route", "Secrets", "Actions"])}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {move || {
                let count = connections.unreadable_count();
                (count > 0).then(|| view! {
                    <p class="notice attention" role="note">{format!(
                        "{count} saved entr{} could not be read by this version. {} kept as saved and included in Export; nothing is sent for {}.",
                        if count == 1 { "y" } else { "ies" },
                        if count == 1 { "It is" } else { "They are" },
                        if count == 1 { "it" } else { "them" },
                    )}</p>
                })
            }}
        }
        .into_any()
    };
    let name = move || removing.get().map(|c| c.label).unwrap_or_default();
    view! {
        {body}
        <ConfirmDialog
            open=confirm_open
            title=Signal::derive(move || format!("Remove “{}”?", name()))
            message=Signal::derive(move || format!(
                "This removes the connection “{}” and forgets its secrets in this browser. \
                 The vendor's integrations are not touched.",
                name()
            ))
            confirm_label="Remove connection"
            on_confirm=confirm
        />
    }
}
