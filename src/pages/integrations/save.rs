//! The integration form's two writes, as `Action`s owned by the form's page: a save (create or
//! update) and a test notification. A redraw below the page cannot cancel either.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde_json::Value;

use super::calls::send;
use crate::domain::change::FieldChange;
use crate::domain::draft::unstored_fields;
use crate::domain::{ApiError, Record, Request, VendorApi};
use crate::http::WaitNotice;
use crate::routes::AppRoute;
use crate::state::cache::key_of;
use crate::state::journal::Write;
use crate::state::{Connection, Journal, ListCache, Secrets, Toasts, UsesCache};

/// What a save sends and records: the request, the draft it came from, what it changes, and
/// the integration it writes (`(id, name)`; empty for a create until the vendor answers).
pub type Save = (Request, Value, Vec<FieldChange>, (String, String));

/// Sends a create or update; on success the list cache learns the record, the page moves to
/// it, and any field the vendor did not store as sent is pointed out. Either way the journal
/// records it. `on_failure` shows an
/// error where it belongs; the input is kept. The page leaves from an effect once the action
/// answers with the record's address, never from inside the action, where leaving would
/// dispose the page in the middle of its own update.
pub fn save_action(
    api: &'static dyn VendorApi,
    connection: Connection,
    verb: &'static str,
    notice: RwSignal<Option<WaitNotice>>,
    baseline: StoredValue<Value>,
    on_failure: impl Fn(ApiError) + Copy + 'static,
) -> Action<Save, Option<String>> {
    let secrets = Secrets::use_context();
    let cache = ListCache::use_context();
    let uses = UsesCache::use_context();
    let toasts = Toasts::use_context();
    let journal = Journal::use_context();
    let operation = if verb == "Created" {
        "create"
    } else {
        "update"
    };
    let action = Action::new_local(move |(request, current, changes, subject): &Save| {
        let (request, current, changes) = (request.clone(), current.clone(), changes.clone());
        let (id, name) = subject.clone();
        let target = secrets.target(&connection);
        let key = key_of(&connection, &target.credentials.secrets);
        let connection = connection.clone();
        async move {
            let result = match send(api, &target, &request, &move |n| notice.set(Some(n))).await {
                Ok(response) => api.parse_one(&response),
                Err(error) => Err(error),
            };
            notice.set(None);
            let written = |id: &str, name: &str, outcome| {
                let write = Write {
                    connection: &connection,
                    integration: id,
                    name,
                    operation,
                    changes: changes.clone(),
                };
                journal.record(write, outcome);
            };
            let record = match result {
                Ok(record) => record,
                Err(error) => {
                    written(&id, &name, Err(&error));
                    on_failure(error);
                    return None;
                }
            };
            written(&record.id, &api.summary(&record).name, Ok(()));
            let conn = connection.id.clone();
            baseline.set_value(current);
            toasts.success(format!("{verb} “{}”.", api.summary(&record).name));
            if let Some(warning) = unstored_warning(&request, &record) {
                toasts.error(warning);
            }
            let detail = AppRoute::Detail {
                conn,
                id: record.id.clone(),
            }
            .href();
            cache.put(&key, record);
            uses.forget(&key);
            Some(detail)
        }
    });
    let navigate = use_navigate();
    let done = action.value();
    Effect::new(move |_| {
        if let Some(Some(detail)) = done.get() {
            navigate(&detail, Default::default());
        }
    });
    action
}

/// What the vendor did not keep as sent is pointed out, never assumed.
fn unstored_warning(request: &Request, record: &Record) -> Option<String> {
    let unstored = unstored_fields(request.body.as_ref()?, &record.raw);
    if unstored.is_empty() {
        return None;
    }
    let names: Vec<&str> = unstored.iter().map(|p| p.trim_start_matches('/')).collect();
    Some(format!(
        "Not stored by this server as sent: {}. Check them on the integration's page.",
        names.join(", ")
    ))
}

/// Asks the vendor to send a test notification for an unsaved draft of the integration
/// `(id, name)` (empty for a new one); the answer, or the error (`on_error` may mark its
/// fields), is the action's value. The journal records it: the vendor sends a notification.
pub fn test_action(
    api: &'static dyn VendorApi,
    connection: Connection,
    notice: RwSignal<Option<WaitNotice>>,
    on_error: impl Fn(&ApiError) + Copy + 'static,
) -> Action<(Request, (String, String)), Result<String, ApiError>> {
    let secrets = Secrets::use_context();
    let journal = Journal::use_context();
    Action::new_local(move |(request, subject): &(Request, (String, String))| {
        let (request, (id, name)) = (request.clone(), subject.clone());
        let target = secrets.target(&connection);
        let vendor = connection.vendor.title();
        let connection = connection.clone();
        async move {
            let result = send(api, &target, &request, &move |n| notice.set(Some(n))).await;
            notice.set(None);
            let write = Write {
                connection: &connection,
                integration: &id,
                name: &name,
                operation: "test",
                changes: Vec::new(),
            };
            journal.record(write, result.as_ref().map(|_| ()));
            if let Err(error) = &result {
                on_error(error);
            }
            result.map(|r| {
                format!(
                    "{vendor} accepted the test and sent a notification (HTTP {}).",
                    r.status
                )
            })
        }
    })
}
