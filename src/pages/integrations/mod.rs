//! A connection's pages: its integrations list, one integration, and the create and edit
//! forms. All of them are generic over `VendorApi`; the frame resolves the connection from the
//! URL and says plainly when a vendor's pages are not built yet or credentials are missing.

mod actions;
mod calls;
mod cell;
mod create;
mod detail;
mod edit;
mod form;
mod frame;
mod list;
mod list_filters;
mod list_table;
pub mod list_view;
mod lookups;
mod record_fields;
mod save;
mod setting_switch;
mod sub_list;
pub mod uses;
mod with_record;
mod write_lock;

use leptos::prelude::*;

pub use calls::{load_all, read_quota};
pub use cell::cell_view;
use frame::ConnectionFrame;

/// `/c/:conn`: the connection's integrations.
#[component]
pub fn ListPage() -> impl IntoView {
    view! { <ConnectionFrame page="Integrations" body=list::body/> }
}

/// `/c/:conn/new`: create an integration.
#[component]
pub fn CreatePage() -> impl IntoView {
    view! { <ConnectionFrame page="New integration" body=create::body/> }
}

/// `/c/:conn/i/:id`: one integration.
#[component]
pub fn DetailPage() -> impl IntoView {
    view! { <ConnectionFrame page="Integration" body=detail::body/> }
}

/// `/c/:conn/i/:id/edit`: change one integration.
#[component]
pub fn EditPage() -> impl IntoView {
    view! { <ConnectionFrame page="Edit integration" body=edit::body/> }
}
