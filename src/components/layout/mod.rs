//! The shell around every page: header, navigation of connections by vendor, main area and
//! the toast region.

mod nav;
mod read_only_toggle;
mod theme_toggle;

use leptos::prelude::*;
use leptos_router::components::A;

use super::feedback::ToastRegion;
use crate::routes::AppRoute;
pub use nav::ConnectionNav;
pub use read_only_toggle::ReadOnlyToggle;
pub use theme_toggle::ThemeToggle;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="top">
            <A href=AppRoute::Overview.href() attr:class="brand">"Patchbay"</A>
            <ReadOnlyToggle/>
            <ThemeToggle/>
        </header>
        <div class="frame">
            <nav class="side" aria-label="Connections">
                <ConnectionNav/>
            </nav>
            <main id="main" tabindex="-1">{children()}</main>
        </div>
        <ToastRegion/>
    }
}
