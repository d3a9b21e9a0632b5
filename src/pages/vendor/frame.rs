use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::routes::AppRoute;
use crate::state::{Connection, Connections};

/// The header every connection page shares, and the connection-not-found and
/// vendor-not-built states. `page` names the page within the connection.
#[component]
pub fn ConnectionFrame(page: &'static str) -> impl IntoView {
    let params = use_params_map();
    let connections = Connections::use_context();
    let conn_id = Memo::new(move |_| params.read().get("conn").unwrap_or_default());
    move || {
        if !connections.loaded() {
            return view! { <p class="loading">"Loading connections…"</p> }.into_any();
        }
        match connections.find(&conn_id.get()) {
            None => unknown_connection(conn_id.get()).into_any(),
            Some(connection) => view! {
                {header(&connection, page)}
                {not_built(&connection)}
            }
            .into_any(),
        }
    }
}

fn header(connection: &Connection, page: &'static str) -> impl IntoView {
    view! {
        <p class="crumbs">{connection.vendor.title()} " / " {connection.label.clone()}</p>
        <h1>{format!("{page} — {}", connection.label)}</h1>
        <p class="muted"><code>{connection.base_url.clone()}</code>" · "{connection.route_summary()}</p>
    }
}

fn not_built(connection: &Connection) -> impl IntoView {
    let vendor = connection.vendor.title();
    view! {
        <section class="notice" aria-labelledby="not-built">
            <h2 id="not-built">{format!("{vendor} is not built yet")}</h2>
            <p>{format!(
                "Patchbay cannot list, create or edit {vendor} integrations yet: this vendor's pages are still \
                 being built. The connection “{}” is saved and will be used here as soon as they land.",
                connection.label
            )}</p>
            <p><A href=AppRoute::EditConnection(Some(connection.id.clone())).href()>"Edit this connection"</A></p>
        </section>
    }
}

fn unknown_connection(id: String) -> impl IntoView {
    view! {
        <h1>"No such connection"</h1>
        <p>{format!("There is no connection “{id}” in this browser. It may have been removed, or set up in another browser.")}</p>
        <p><A href=AppRoute::Connections.href()>"See all connections"</A></p>
    }
}
