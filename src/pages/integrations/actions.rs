//! A vendor's own action on a record (OnCall: start or stop maintenance): a button, or a small
//! form when the action takes values. The vendor answers with the record as it is now. The
//! write itself belongs to the page (`RecordActions`), so redrawing a form never cancels it.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::calls::send;
use crate::components::feedback::{ErrorPanel, WaitStatus};
use crate::components::form::{FormCtx, FormFields};
use crate::domain::api::RecordAction;
use crate::domain::change::draft_changes;
use crate::domain::{ApiError, FormSpec, Lookups, Record, VendorApi};
use crate::http::WaitNotice;
use crate::state::cache::key_of;
use crate::state::journal::Write;
use crate::state::{Connection, Journal, ListCache, Secrets, Toasts, UsesCache};

/// The page's runner of record actions: one at a time, its outcome kept by the page.
#[derive(Clone, Copy)]
pub struct RecordActions {
    action: Action<(&'static str, Record, serde_json::Value), Result<Record, ApiError>>,
    /// Which action ran last, so only its form shows the outcome.
    last: RwSignal<Option<&'static str>>,
    notice: RwSignal<Option<WaitNotice>>,
    /// Why the connection's changes are refused, while they are.
    lock: Signal<Option<&'static str>>,
}

/// The wait notices of whichever action runs, shown once on the page.
#[component]
pub fn RecordActionsStatus(runner: RecordActions, vendor: &'static str) -> impl IntoView {
    view! { <WaitStatus notice=runner.notice vendor/> }
}

impl RecordActions {
    /// Created by the page; `current` receives the record each action answers with.
    pub fn new(
        api: &'static dyn VendorApi,
        connection: Connection,
        current: RwSignal<Record>,
    ) -> Self {
        let secrets = Secrets::use_context();
        let cache = ListCache::use_context();
        let uses = UsesCache::use_context();
        let toasts = Toasts::use_context();
        let notice = RwSignal::new(None);
        let lock = super::write_lock::write_lock(&connection);
        let journal = Journal::use_context();
        let action = Action::new_local(
            move |(id, record, draft): &(&'static str, Record, serde_json::Value)| {
                let request = api.action_request(id, record, draft);
                let target = secrets.target(&connection);
                let key = key_of(&connection, &target.credentials.secrets);
                let action = api.record_actions(record).into_iter().find(|a| a.id == *id);
                // What the action sets, as its form's fields.
                let changes = action
                    .as_ref()
                    .and_then(|a| a.form.as_ref())
                    .map(|form| draft_changes(form, &serde_json::json!({}), draft))
                    .unwrap_or_default();
                let label = action.map_or_else(|| id.to_string(), |a| a.label);
                let (id, record) = (*id, record.clone());
                let connection = connection.clone();
                async move {
                    let response = match request {
                        Ok(request) => {
                            send(api, &target, &request, &move |n| notice.set(Some(n))).await
                        }
                        Err(error) => Err(error),
                    };
                    notice.set(None);
                    let write = Write {
                        connection: &connection,
                        integration: &record.id,
                        name: &api.summary(&record).name,
                        operation: &label,
                        changes,
                    };
                    journal.record(write, response.as_ref().map(|_| ()));
                    let updated = api.parse_action(id, &record, &response?)?;
                    toasts.success(format!("{label}: done."));
                    cache.put(&key, updated.clone());
                    uses.forget(&key);
                    current.set(updated.clone());
                    Ok(updated)
                }
            },
        );
        RecordActions {
            action,
            last: RwSignal::new(None),
            notice,
            lock,
        }
    }
}

/// An action's button, and its form when it takes values; the vendor's choices join the
/// form once read, without resetting what was chosen.
#[component]
pub fn ActionForm(
    action: RecordAction,
    record: Record,
    runner: RecordActions,
    lookups: Signal<Option<Result<Lookups, ApiError>>>,
) -> impl IntoView {
    let form = action
        .form
        .clone()
        .unwrap_or_else(|| FormSpec::new(Vec::new()));
    let has_fields = !form.fields.is_empty();
    let draft = RwSignal::new(form.initial_draft());
    // Memoised: the same choices are the same form, so nothing is redrawn for nothing.
    let spec = Memo::new(move |_| match lookups.get() {
        Some(Ok(found)) => found.iter().fold(form.clone(), |form, (pointer, choices)| {
            form.with_choices(pointer, choices)
        }),
        _ => form.clone(),
    });
    let ctx = FormCtx::new(
        spec.into(),
        draft,
        Signal::derive(BTreeMap::new),
        &format!("act-{}", action.id),
    );
    let id = action.id;
    let pending = runner.action.pending();
    let run = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked()
            || runner.lock.get_untracked().is_some()
            || !ctx.check_before_submit()
        {
            return;
        }
        runner.last.set(Some(id));
        runner
            .action
            .dispatch((id, record.clone(), draft.get_untracked()));
    };
    let mine = move || runner.last.get() == Some(id);
    let failure = move || match runner.action.value().get() {
        Some(Err(error)) if mine() => Some(view! { <ErrorPanel error title="The action failed"/> }),
        _ => None,
    };
    let (heading, name) = (action.label.clone(), action.label.clone());
    let fields = has_fields.then(|| view! { <FormFields ctx/> });
    view! {
        <form class="record-action" novalidate on:submit=run aria-label=name>
            {fields}
            <button type="submit" class="secondary" disabled=move || pending.get() || runner.lock.get().is_some()
                title=move || runner.lock.get() aria-describedby=move || runner.lock.get().map(|_| "write-lock")>{heading}</button>
            {failure}
        </form>
    }
}
