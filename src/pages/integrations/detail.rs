//! One integration: every field, its metadata, the raw JSON, and what may be done with it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::actions::{ActionForm, RecordActions, RecordActionsStatus};
use super::calls::send;
use super::lookups::use_lookups;
use super::record_fields::RecordFields;
use super::sub_list::SubListSection;
use super::uses::{used_by, uses_of, UsesSection};
use super::with_record::WithRecord;
use super::write_lock::{write_link, write_lock};
use crate::components::feedback::{ConfirmDialog, ErrorPanel, WaitStatus};
use crate::domain::journal::Filter;
use crate::domain::{ApiError, Record, VendorApi};
use crate::http::WaitNotice;
use crate::routes::AppRoute;
use crate::state::cache::key_of;
use crate::state::journal::Write;
use crate::state::uses::Uses;
use crate::state::{Connection, Journal, ListCache, Secrets, Toasts, UsesCache};

pub fn body(connection: Connection, api: &'static dyn VendorApi) -> AnyView {
    view! { <WithRecord connection api show=|record, connection, api| view! { <Loaded record connection api/> }.into_any()/> }
        .into_any()
}

#[component]
fn Loaded(record: Record, connection: Connection, api: &'static dyn VendorApi) -> impl IntoView {
    let lookups = use_lookups(api, &connection);
    // Actions answer with the record as it is now; the page shows that.
    let current = RwSignal::new(record);
    // The delete belongs to the page: lookups landing or the record changing redraw parts
    // below, never this, so a delete in flight is never aborted by a redraw.
    let delete = delete_action(api, connection.clone());
    let journal = Journal::use_context();
    let runner = RecordActions::new(api, connection.clone(), current);
    let lock = write_lock(&connection);
    let record_id = current.with_untracked(|r| r.id.clone());
    // Something still takes its alerts: the delete asks for its name to be typed.
    let uses = uses_of(api, &connection, Some(&record_id));
    let used = {
        let uses = uses.clone();
        Signal::derive(move || {
            let found = lookups.get().and_then(Result::ok).unwrap_or_default();
            used_by(api, &current.get(), uses().as_ref(), &found)
        })
    };
    // A delete waits until what uses the integration has been read (a failed read lets it go).
    let checking = {
        let reads = api.referrers().is_some();
        Signal::derive(move || reads && matches!(uses(), None | Some(Uses::Reading)))
    };
    let head = {
        let connection = connection.clone();
        move || {
            let record = current.get();
            let capabilities = api.capabilities(&record);
            let name = api.summary(&record).name;
            let reason = capabilities
                .read_only_reason
                .clone()
                .map(|r| view! { <p class="notice read-only" role="note">{r}</p> });
            let edit = capabilities.can_edit.then(|| {
                write_link(
                    lock,
                    AppRoute::Edit {
                        conn: connection.id.clone(),
                        id: record.id.clone(),
                    }
                    .href(),
                    "Edit",
                )
            });
            let delete = capabilities
                .can_delete
                .then(|| view! { <DeleteButton delete record=record.clone() name=name.clone() vendor=api.vendor().title() lock used checking/> });
            view! {
                <h2>{name}</h2>
                <div class="actions">{edit} {delete} {reason}</div>
            }
        }
    };
    // The writes this browser made to it, in the change journal.
    let history = {
        let this = Filter {
            connection: connection.id.clone(),
            integration: current.with_untracked(|r| r.id.clone()),
            ..Filter::default()
        };
        move || {
            let n = journal.with(|entries| entries.iter().filter(|e| e.passes(&this)).count());
            (n > 0).then(|| {
                let label = if n == 1 {
                    "1 change made here".to_string()
                } else {
                    format!("{n} changes made here")
                };
                let href = crate::routes::journal_of(&this.connection, &this.integration);
                view! { <p class="journal-link"><a href=href>{label}</a>" (change journal)"</p> }
            })
        }
    };
    // Drawn again only when an action changes the record; lookups landing add their choices
    // to a form in place (ThousandEyes' connectors), so nothing chosen is reset.
    let actions = move || {
        let record = current.get();
        api.record_actions(&record)
            .into_iter()
            .map(|action| view! { <ActionForm action record=record.clone() runner lookups/> })
            .collect_view()
    };
    let fields = move || {
        lookups.get().map(|l| {
            view! { <RecordFields record=current.get() api lookups=l.unwrap_or_default()/> }
        })
    };
    view! {
        {head}
        {history}
        <div class="record-actions">{actions}</div>
        <RecordActionsStatus runner vendor=connection.vendor.title()/>
        <DeleteOutcome delete vendor=connection.vendor.title()/>
        {fields}
        <UsesSection api connection=connection.clone() record=current.into() lookups/>
        <SubListSection api connection=connection.clone() record=current.into() lookups/>
    }
}

/// What the page's delete needs to show its progress and outcome.
#[derive(Clone, Copy)]
struct Delete {
    /// Answers with the list's address once the vendor has deleted the record.
    action: Action<Record, Result<String, ApiError>>,
    confirm_open: RwSignal<bool>,
    target: RwSignal<Option<Record>>,
    notice: RwSignal<Option<WaitNotice>>,
}

/// Deletes after a confirmation naming the integration; on success the list drops it and the
/// page returns to the list.
fn delete_action(api: &'static dyn VendorApi, connection: Connection) -> Delete {
    let secrets = Secrets::use_context();
    let cache = ListCache::use_context();
    let uses = UsesCache::use_context();
    let toasts = Toasts::use_context();
    let journal = Journal::use_context();
    let notice = RwSignal::new(None);
    let action = Action::new_local(move |record: &Record| {
        let record = record.clone();
        let target = secrets.target(&connection);
        let key = key_of(&connection, &target.credentials.secrets);
        let list = AppRoute::List {
            conn: connection.id.clone(),
        }
        .href();
        let connection = connection.clone();
        async move {
            let request = api.delete_request(&record)?;
            let result = send(api, &target, &request, &move |n| notice.set(Some(n))).await;
            notice.set(None);
            let write = Write {
                connection: &connection,
                integration: &record.id,
                name: &api.summary(&record).name,
                operation: "delete",
                changes: Vec::new(),
            };
            journal.record(write, result.as_ref().map(|_| ()));
            result?;
            cache.remove(&key, &record.id);
            uses.forget(&key);
            toasts.success(format!("Deleted “{}”.", api.summary(&record).name));
            Ok(list)
        }
    });
    // The page leaves once the delete is done, from an effect of its own: never from inside
    // the action, where leaving would dispose the page in the middle of its own update.
    let navigate = use_navigate();
    let done = action.value();
    Effect::new(move |_| {
        if let Some(Ok(list)) = done.get() {
            navigate(&list, Default::default());
        }
    });
    Delete {
        action,
        confirm_open: RwSignal::new(false),
        target: RwSignal::new(None),
        notice,
    }
}

#[component]
fn DeleteButton(
    delete: Delete,
    record: Record,
    name: String,
    vendor: &'static str,
    lock: Signal<Option<&'static str>>,
    /// What still takes its alerts (`uses::used_by`); empty when nothing does.
    used: Signal<Vec<String>>,
    /// What uses it is still being read.
    checking: Signal<bool>,
) -> impl IntoView {
    let pending = delete.action.pending();
    let message = {
        let name = name.clone();
        Signal::derive(move || {
            let used = used.get();
            if used.is_empty() {
                format!("This deletes “{name}” in {vendor}. It cannot be undone.")
            } else {
                format!(
                    "“{name}” is still in use ({}). Deleting it in {vendor} stops those alerts and cannot be undone.",
                    used.join("; ")
                )
            }
        })
    };
    let typed = {
        let name = name.clone();
        Signal::derive(move || (!used.with(Vec::is_empty)).then(|| name.clone()))
    };
    view! {
        <button type="button" class="danger" disabled=move || pending.get() || lock.get().is_some() || checking.get()
            title=move || lock.get().or_else(|| checking.get().then_some("Checking what uses it first…"))
            aria-describedby=move || lock.get().map(|_| "write-lock")
            on:click=move |_| {
                delete.target.set(Some(record.clone()));
                delete.confirm_open.set(true);
            }>
            {move || if pending.get() { "Deleting…" } else { "Delete" }}
        </button>
        <ConfirmDialog
            open=delete.confirm_open
            title=format!("Delete “{name}”?")
            message=message
            typed=typed
            confirm_label="Delete integration"
            on_confirm=Callback::new(move |_| {
                if let Some(record) = delete.target.get_untracked() {
                    delete.action.dispatch(record);
                }
            })
        />
    }
}

/// The delete's wait notices and failure, outside anything that redraws.
#[component]
fn DeleteOutcome(delete: Delete, vendor: &'static str) -> impl IntoView {
    let value = delete.action.value();
    view! {
        <WaitStatus notice=delete.notice vendor/>
        {move || match value.get() {
            Some(Err(error)) => Some(view! { <ErrorPanel error title="Not deleted"/> }),
            _ => None,
        }}
    }
}
