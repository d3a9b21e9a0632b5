//! The integration named in the address, read fresh from the vendor, for the pages that show
//! or edit one: a wait notice while it loads, and a clear stop (with the way back to the list)
//! when it cannot be read.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::calls::fetch_one;
use crate::components::feedback::{ErrorPanel, WaitStatus};
use crate::domain::{Record, VendorApi};
use crate::routes::AppRoute;
use crate::state::{Connection, Secrets};

/// What a page draws once its record is read.
pub type Show = fn(Record, Connection, &'static dyn VendorApi) -> AnyView;

#[component]
pub fn WithRecord(
    connection: Connection,
    api: &'static dyn VendorApi,
    show: Show,
) -> impl IntoView {
    let params = use_params_map();
    let secrets = Secrets::use_context();
    // Leaving the page drops `id` from the route before the page goes away: keep the last id,
    // so leaving never reads the vendor again (nor rebuilds the page it is leaving).
    let id = Memo::new(move |previous: Option<&String>| {
        params
            .read()
            .get("id")
            .or_else(|| previous.cloned())
            .unwrap_or_default()
    });
    let notice = RwSignal::new(None);
    let conn = connection.clone();
    let record = LocalResource::new(move || {
        let target = secrets.target(&conn);
        let id = id.get();
        async move { fetch_one(api, &target, &id, &move |n| notice.set(Some(n))).await }
    });
    let vendor = connection.vendor.title();
    view! {
        <WaitStatus notice vendor/>
        <Transition fallback=|| view! { <p class="loading">"Loading the integration…"</p> }>
            {move || {
                let connection = connection.clone();
                Suspend::new(async move {
                    match record.await {
                        Ok(record) => show(record, connection, api),
                        Err(error) => view! {
                            <ErrorPanel error title="The integration could not be read"/>
                            <p><a href=AppRoute::List { conn: connection.id.clone() }.href()>"Back to the list"</a></p>
                        }
                        .into_any(),
                    }
                })
            }}
        </Transition>
    }
}
