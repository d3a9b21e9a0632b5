//! The landing page: every connection, grouped by vendor, with where it points.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::AppRoute;
use crate::state::{Connection, Connections};

#[component]
pub fn Overview() -> impl IntoView {
    let connections = Connections::use_context();
    let body = move || {
        if !connections.loaded() {
            return view! { <p class="loading">"Loading connections…"</p> }.into_any();
        }
        let groups = connections.by_vendor();
        if groups.is_empty() {
            return view! {
                <section class="empty">
                    <h2>"No connections yet"</h2>
                    <p>"A connection is one vendor account Patchbay talks to."</p>
                    <a href=AppRoute::EditConnection(None).href() class="button">"Add a connection"</a>
                </section>
            }
            .into_any();
        }
        groups
            .into_iter()
            .map(|(vendor, list)| {
                let heading_id = format!("overview-{}", vendor.slug());
                view! {
                    <section class="vendor-group" aria-labelledby=heading_id.clone()>
                        <h2 id=heading_id.clone()>{vendor.title()}</h2>
                        <ul class="cards">{list.into_iter().map(connection_card).collect_view()}</ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <h1>"Integrations"</h1>
        <p class="lead">"Alert notification integrations across your vendors. Pick a connection to see its integrations."</p>
        {body}
    }
}

fn connection_card(connection: Connection) -> impl IntoView {
    let status = match connection.api() {
        Some(_) => "Open to list, create and edit its integrations.".to_string(),
        None => format!(
            "{} integration pages are not built yet.",
            connection.vendor.title()
        ),
    };
    let route = connection.route_summary();
    view! {
        <li class="card">
            <h3><A href=AppRoute::List { conn: connection.id.clone() }.href()>{connection.label}</A></h3>
            <p class="muted"><code>{connection.base_url}</code>" · "{route}</p>
            <p>{status}</p>
        </li>
    }
}
