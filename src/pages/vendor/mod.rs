//! A connection's pages: its integrations list, create form and detail. The frame resolves
//! the connection from the URL and says plainly when a vendor's pages are not built yet.

mod frame;

use leptos::prelude::*;

use frame::ConnectionFrame;

/// `/c/:conn`: the connection's integrations.
#[component]
pub fn ListPage() -> impl IntoView {
    view! { <ConnectionFrame page="Integrations"/> }
}

/// `/c/:conn/new`: create an integration.
#[component]
pub fn CreatePage() -> impl IntoView {
    view! { <ConnectionFrame page="New integration"/> }
}

/// `/c/:conn/i/:id`: one integration.
#[component]
pub fn DetailPage() -> impl IntoView {
    view! { <ConnectionFrame page="Integration"/> }
}
