use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::AppRoute;

/// Any address the console does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is nothing at this address. It may be an old link, or a connection that was removed."</p>
        <p><A href=AppRoute::Overview.href()>"Back to the overview"</A></p>
    }
}
