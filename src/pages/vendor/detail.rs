//! One integration: every field, its metadata, the raw JSON, and what may be done with it.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::actions::ActionForm;
use super::calls::{fetch_one, send};
use super::lookups::use_lookups;
use super::record_fields::RecordFields;
use crate::components::feedback::{ConfirmDialog, ErrorPanel, WaitStatus};
use crate::domain::{Record, VendorApi};
use crate::routes::AppRoute;
use crate::state::cache::key_of;
use crate::state::{Connection, ListCache, Secrets, Toasts};

pub fn body(connection: Connection, api: &'static dyn VendorApi) -> AnyView {
    view! { <IntegrationDetail connection api/> }.into_any()
}

#[component]
fn IntegrationDetail(connection: Connection, api: &'static dyn VendorApi) -> impl IntoView {
    let params = use_params_map();
    let secrets = Secrets::use_context();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
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
                        Ok(record) => view! { <Loaded record connection api/> }.into_any(),
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

#[component]
fn Loaded(record: Record, connection: Connection, api: &'static dyn VendorApi) -> impl IntoView {
    let lookups = use_lookups(api, &connection);
    // Actions answer with the record as it is now; the page shows that.
    let current = RwSignal::new(record);
    move || {
        let record = current.get();
        let capabilities = api.capabilities(&record);
        let name = api.summary(&record).name;
        let reason = capabilities
            .read_only_reason
            .clone()
            .map(|r| view! { <p class="notice read-only" role="note">{r}</p> });
        let edit = capabilities.can_edit.then(|| {
            view! { <a class="button" href=AppRoute::Edit { conn: connection.id.clone(), id: record.id.clone() }.href()>"Edit"</a> }
        });
        let delete = capabilities.can_delete.then(|| {
            view! { <DeleteButton record=record.clone() connection=connection.clone() api name=name.clone()/> }
        });
        let edit_delete = view! { {edit} {delete} {reason} };
        let actions = api
            .record_actions(&record)
            .into_iter()
            .map(|action| view! { <ActionForm action record=record.clone() connection=connection.clone() api current/> })
            .collect_view();
        let fields = lookups.get().map(
            |l| view! { <RecordFields record=record.clone() api lookups=l.unwrap_or_default()/> },
        );
        view! {
            <h2>{name}</h2>
            <div class="actions">{edit_delete}</div>
            <div class="record-actions">{actions}</div>
            {fields}
        }
    }
}

/// Deletes after a confirmation naming the integration; on success the list drops it and the
/// page returns to the list.
#[component]
fn DeleteButton(
    record: Record,
    connection: Connection,
    api: &'static dyn VendorApi,
    name: String,
) -> impl IntoView {
    let secrets = Secrets::use_context();
    let cache = ListCache::use_context();
    let toasts = Toasts::use_context();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None);
    let notice = RwSignal::new(None);
    let title = format!("Delete “{name}”?");
    let message = format!(
        "This deletes “{name}” in {}. It cannot be undone.",
        connection.vendor.title()
    );
    let vendor = connection.vendor.title();
    let confirm = Callback::new(move |_| {
        let request = match api.delete_request(&record) {
            Ok(request) => request,
            Err(error) => return failure.set(Some(error)),
        };
        let target = secrets.target(&connection);
        let (key, id, list) = (
            key_of(&connection, &target.credentials.secrets),
            record.id.clone(),
            AppRoute::List {
                conn: connection.id.clone(),
            }
            .href(),
        );
        let (name, navigate) = (name.clone(), navigate.clone());
        pending.set(true);
        failure.set(None);
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let result = send(api, &target, &request, &move |n| notice.set(Some(n))).await;
            pending.set(false);
            notice.set(None);
            match result {
                Ok(_) => {
                    cache.remove(&key, &id);
                    toasts.success(format!("Deleted “{name}”."));
                    navigate(&list, Default::default());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <button type="button" class="danger" disabled=move || pending.get() on:click=move |_| open.set(true)>
            {move || if pending.get() { "Deleting…" } else { "Delete" }}
        </button>
        <WaitStatus notice vendor/>
        {move || failure.get().map(|error| view! { <ErrorPanel error title="Not deleted"/> })}
        <ConfirmDialog open title message confirm_label="Delete integration" on_confirm=confirm/>
    }
}
