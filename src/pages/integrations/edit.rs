//! `/c/:conn/i/:id/edit`: change an integration, starting from its current values.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::calls::fetch_one;
use super::form::{IntegrationForm, Mode};
use crate::components::feedback::{ErrorPanel, WaitStatus};
use crate::domain::VendorApi;
use crate::routes::AppRoute;
use crate::state::{Connection, Secrets};

pub fn body(connection: Connection, api: &'static dyn VendorApi) -> AnyView {
    view! { <EditIntegration connection api/> }.into_any()
}

#[component]
fn EditIntegration(connection: Connection, api: &'static dyn VendorApi) -> impl IntoView {
    let params = use_params_map();
    let secrets = Secrets::use_context();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let notice = RwSignal::new(None);
    let conn = connection.clone();
    // Fresh from the vendor: the update is computed against what is there now.
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
                        Ok(record) => match api.capabilities(&record) {
                            caps if !caps.can_edit => {
                                let reason = caps.read_only_reason.unwrap_or_else(|| "This integration cannot be edited.".into());
                                view! { <p class="notice read-only" role="note">{reason}</p> }.into_any()
                            }
                            _ => view! {
                                <h2>{api.summary(&record).name}</h2>
                                <IntegrationForm connection api mode=Mode::Edit(record)/>
                            }
                            .into_any(),
                        },
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
