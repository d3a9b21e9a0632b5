//! The application: shared state, the router and the shell around every page.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::Shell;
use crate::pages::connections::ConnectionsPage;
use crate::pages::integrations::{CreatePage, DetailPage, EditPage, ListPage};
use crate::pages::journal::JournalPage;
use crate::pages::not_found::NotFound;
use crate::pages::overview::Overview;
use crate::state::{
    Connections, Journal, ListCache, LookupCache, Prefs, Secrets, Toasts, UsesCache,
};

#[component]
pub fn App() -> impl IntoView {
    Prefs::provide();
    Toasts::provide();
    Journal::provide();
    let secrets = Secrets::provide();
    Connections::provide(secrets);
    ListCache::provide();
    UsesCache::provide();
    LookupCache::provide();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Overview/>
                    <Route path=path!("/connections") view=ConnectionsPage/>
                    <Route path=path!("/journal") view=JournalPage/>
                    <Route path=path!("/c/:conn") view=ListPage/>
                    <Route path=path!("/c/:conn/new") view=CreatePage/>
                    <Route path=path!("/c/:conn/i/:id") view=DetailPage/>
                    <Route path=path!("/c/:conn/i/:id/edit") view=EditPage/>
                </Routes>
            </Shell>
        </Router>
    }
}
