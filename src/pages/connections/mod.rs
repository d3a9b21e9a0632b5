//! `/connections`: add, edit, remove, import and export connections. The editor opens from
//! the `edit` query parameter, so Back and reload keep it open.

mod editor;
mod setting_choices;
mod table;
mod transfer;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::routes::AppRoute;
use crate::state::Connections;
use editor::ConnectionEditor;
use table::ConnectionTable;
use transfer::{ExportButton, ImportButton, ImportReportPanel};

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let query = use_query_map();
    let editing = Memo::new(move |_| query.read().get("edit"));
    let connections = Connections::use_context();
    let report = RwSignal::new(None);
    view! {
        <h1>"Connections"</h1>
        <p class="lead">
            "Each connection is one vendor account. Its settings are kept in this browser; its secrets stay in memory "
            "unless you ask this tab to remember them, and are never exported."
        </p>
        <div class="toolbar">
            <a href=AppRoute::EditConnection(None).href() class="button">"Add connection"</a>
            <ImportButton report/>
            <ExportButton/>
        </div>
        <ImportReportPanel report/>
        // The editor waits for the saved connections (or the preset) so a deep link finds its own.
        {move || connections.loaded().then(|| editing.get().map(|edit| view! { <ConnectionEditor edit/> }))}
        <ConnectionTable/>
    }
}
