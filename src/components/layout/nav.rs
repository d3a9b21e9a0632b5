//! The side navigation: every connection, grouped under its vendor.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::AppRoute;
use crate::state::Connections;

#[component]
pub fn ConnectionNav() -> impl IntoView {
    let connections = Connections::use_context();
    let groups = move || {
        connections
            .by_vendor()
            .into_iter()
            .map(|(vendor, list)| {
                let heading_id = format!("nav-{}", vendor.slug());
                view! {
                    <section class="nav-group" aria-labelledby=heading_id.clone()>
                        <h2 id=heading_id.clone()>{vendor.title()}</h2>
                        <ul>
                            {list
                                .into_iter()
                                .map(|c| view! { <li><A href=AppRoute::List { conn: c.id.clone() }.href()>{c.label}</A></li> })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <ul class="nav-top">
            <li><A href=AppRoute::Overview.href() exact=true>"Overview"</A></li>
            <li><A href=AppRoute::Connections.href()>"Connections"</A></li>
            <li><A href=AppRoute::Journal.href()>"Change journal"</A></li>
        </ul>
        {groups}
    }
}
