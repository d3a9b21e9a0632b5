//! The landing page: all integrations across every connection once there is one, or how to
//! add the first.

use leptos::prelude::*;

use crate::pages::inventory::InventoryPage;
use crate::routes::AppRoute;
use crate::state::Connections;

#[component]
pub fn Overview() -> impl IntoView {
    let connections = Connections::use_context();
    // Which of the three pages shows: only a change of that redraws (and restarts) it.
    let shows = Memo::new(
        move |_| match (connections.loaded(), connections.all().is_empty()) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => 2,
        },
    );
    move || {
        if shows.get() == 0 {
            return view! { <p class="loading">"Loading connections…"</p> }.into_any();
        }
        if shows.get() == 1 {
            return view! {
                <h1>"Integrations"</h1>
                <section class="empty">
                    <h2>"No connections yet"</h2>
                    <p>"A connection is one vendor account Patchbay talks to."</p>
                    <a href=AppRoute::EditConnection(None).href() class="button">"Add a connection"</a>
                </section>
            }
            .into_any();
        }
        view! { <InventoryPage/> }.into_any()
    }
}
