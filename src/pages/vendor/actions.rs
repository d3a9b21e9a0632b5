//! A vendor's own action on a record (OnCall: start or stop maintenance): a button, or a small
//! form when the action takes values. The vendor answers with the record as it is now.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::calls::send;
use crate::components::feedback::{ErrorPanel, WaitStatus};
use crate::components::form::{FormCtx, FormFields};
use crate::domain::api::RecordAction;
use crate::domain::{ApiError, FormSpec, Record, VendorApi};
use crate::state::cache::key_of;
use crate::state::{Connection, ListCache, Secrets, Toasts};

#[component]
pub fn ActionForm(
    action: RecordAction,
    record: Record,
    connection: Connection,
    api: &'static dyn VendorApi,
    current: RwSignal<Record>,
) -> impl IntoView {
    let secrets = Secrets::use_context();
    let cache = ListCache::use_context();
    let toasts = Toasts::use_context();
    let form = action
        .form
        .clone()
        .unwrap_or_else(|| FormSpec::new(Vec::new()));
    let has_fields = !form.fields.is_empty();
    let draft = RwSignal::new(form.initial_draft());
    let spec = Signal::derive(move || form.clone());
    let ctx = FormCtx::new(
        spec,
        draft,
        Signal::derive(BTreeMap::new),
        &format!("act-{}", action.id),
    );
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None);
    let (id, label) = (action.id, action.label.clone());
    let vendor = connection.vendor.title();
    let run = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() || !ctx.check_before_submit() {
            return;
        }
        let request = match api.action_request(id, &record, &draft.get_untracked()) {
            Ok(request) => request,
            Err(error) => return failure.set(Some(error)),
        };
        let target = secrets.target(&connection);
        let (key, label) = (
            key_of(&connection, &target.credentials.secrets),
            label.clone(),
        );
        pending.set(true);
        failure.set(None);
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let result = match send(api, &target, &request, &move |n| notice.set(Some(n))).await {
                Ok(response) => api.parse_one(&response),
                Err(error) => Err(error),
            };
            pending.set(false);
            notice.set(None);
            match result {
                Ok(updated) => {
                    toasts.success(format!("{label}: done."));
                    cache.put(&key, updated.clone());
                    current.set(updated);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let (heading, name) = (action.label.clone(), action.label.clone());
    let fields = has_fields.then(|| view! { <FormFields ctx/> });
    view! {
        <form class="record-action" novalidate on:submit=run aria-label=name>
            {fields}
            <button type="submit" class="secondary" disabled=move || pending.get()>{heading}</button>
            <WaitStatus notice vendor/>
            {move || failure.get().map(|error| view! { <ErrorPanel error title="The action failed"/> })}
        </form>
    }
}
