//! The create and edit form of any vendor: drawn from the vendor's FormSpec, checked as the
//! user types, sent only when valid. The vendor's field errors land on their fields, the rest
//! shows once above the buttons, and the input stays on every failure. Where the vendor has
//! one, "Send test" asks it to send a test notification without saving.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::calls::send;
use super::lookups::use_lookups;
use crate::components::feedback::{ErrorPanel, WaitStatus};
use crate::components::form::{warn_before_leaving, FormCtx, FormFields};
use crate::domain::draft::unstored_fields;
use crate::domain::{ApiError, Record, VendorApi};
use crate::routes::AppRoute;
use crate::state::cache::key_of;
use crate::state::{Connection, ListCache, Secrets, Toasts};

/// What the form is for.
#[derive(Clone)]
pub enum Mode {
    Create,
    Edit(Record),
}

#[component]
pub fn IntegrationForm(
    connection: Connection,
    api: &'static dyn VendorApi,
    mode: Mode,
) -> impl IntoView {
    let secrets = Secrets::use_context();
    let cache = ListCache::use_context();
    let toasts = Toasts::use_context();
    let navigate = use_navigate();

    let initial = match &mode {
        Mode::Create => api.form_spec(None).initial_draft(),
        Mode::Edit(record) => api.draft_from(record),
    };
    let baseline = StoredValue::new(initial.clone());
    let draft = RwSignal::new(initial);
    warn_before_leaving(Signal::derive(move || {
        draft.with(|d| baseline.with_value(|b| d != b))
    }));
    let editing = match &mode {
        Mode::Create => None,
        Mode::Edit(record) => Some(record.clone()),
    };
    // The vendor's choices (teams, chains) join its form once read.
    let lookups = use_lookups(api, &connection);
    // Memoised: the same spec is the same form, so only a real change of choices redraws.
    let spec = Memo::new(move |_| {
        let base = api.form_spec(editing.as_ref());
        match lookups.get() {
            Some(Ok(found)) => found.iter().fold(base, |form, (pointer, choices)| {
                form.with_choices(pointer, choices)
            }),
            _ => base,
        }
    });
    let ctx = FormCtx::new(spec.into(), draft, Signal::derive(BTreeMap::new), "int");

    let saving = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None);
    let tested = RwSignal::new(None::<Result<String, ApiError>>);
    let testing = RwSignal::new(false);

    // A vendor's field errors go to their fields; those without a field go to form level.
    let show_failure = move |error: ApiError| {
        let known = spec.with_untracked(|s| {
            s.all_pointers()
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
        });
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        ctx.server_errors
            .set(error.field_errors.clone().settle_onto(&known));
        failure.set(Some(error));
    };

    let on_submit = {
        let (connection, mode) = (connection.clone(), mode.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if saving.get_untracked() || !ctx.check_before_submit() {
                return;
            }
            let current = draft.get_untracked();
            if matches!(mode, Mode::Edit(_)) && baseline.with_value(|b| *b == current) {
                toasts.info("Nothing has changed, so there is nothing to save.");
                return;
            }
            let request = match &mode {
                Mode::Create => api.create_request(&current),
                Mode::Edit(record) => api.update_request(record, &current),
            };
            let request = match request {
                Ok(request) => request,
                Err(error) => return show_failure(error),
            };
            let target = secrets.target(&connection);
            let (key, conn, navigate) = (
                key_of(&connection, &target.credentials.secrets),
                connection.id.clone(),
                navigate.clone(),
            );
            let verb = if matches!(mode, Mode::Create) {
                "Created"
            } else {
                "Saved"
            };
            saving.set(true);
            failure.set(None);
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let result = match send(api, &target, &request, &move |n| notice.set(Some(n))).await
                {
                    Ok(response) => api.parse_one(&response),
                    Err(error) => Err(error),
                };
                saving.set(false);
                notice.set(None);
                match result {
                    Ok(record) => {
                        baseline.set_value(current);
                        toasts.success(format!("{verb} “{}”.", api.summary(&record).name));
                        // What the vendor did not keep as sent is pointed out, never assumed.
                        let unstored = request
                            .body
                            .as_ref()
                            .map(|sent| unstored_fields(sent, &record.raw))
                            .unwrap_or_default();
                        if !unstored.is_empty() {
                            let names: Vec<&str> =
                                unstored.iter().map(|p| p.trim_start_matches('/')).collect();
                            toasts.error(format!(
                                "Not stored by this server as sent: {}. Check them on the integration's page.",
                                names.join(", ")
                            ));
                        }
                        let detail = AppRoute::Detail {
                            conn,
                            id: record.id.clone(),
                        }
                        .href();
                        cache.put(&key, record);
                        navigate(&detail, Default::default());
                    }
                    Err(error) => show_failure(error),
                }
            });
        }
    };

    let on_test = {
        let connection = connection.clone();
        move |_| {
            if testing.get_untracked() || !ctx.check_before_submit() {
                return;
            }
            let request = match api.test_request(&draft.get_untracked()) {
                Ok(request) => request,
                Err(error) => return tested.set(Some(Err(error))),
            };
            let target = secrets.target(&connection);
            let vendor = connection.vendor.title();
            testing.set(true);
            tested.set(None);
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let result = send(api, &target, &request, &move |n| notice.set(Some(n))).await;
                testing.set(false);
                notice.set(None);
                // A refused test names its fields like a refused save: they are marked too.
                if let Err(error) = &result {
                    if error.field_errors.iter().any(|(p, _)| !p.is_empty()) {
                        let known = spec.with_untracked(|s| {
                            s.all_pointers()
                                .iter()
                                .map(|p| p.to_string())
                                .collect::<Vec<_>>()
                        });
                        let known: Vec<&str> = known.iter().map(String::as_str).collect();
                        ctx.server_errors
                            .set(error.field_errors.clone().settle_onto(&known));
                    }
                }
                tested.set(Some(result.map(|r| {
                    format!(
                        "{vendor} accepted the test and sent a notification (HTTP {}).",
                        r.status
                    )
                })));
            });
        }
    };
    let can_test = match &mode {
        Mode::Create => api.offers_test(),
        Mode::Edit(record) => api.capabilities(record).can_test,
    };
    let test_button = can_test.then(|| {
        view! {
            <button type="button" class="secondary" disabled=move || testing.get() on:click=on_test>
                {move || if testing.get() { "Sending test…" } else { "Send test" }}
            </button>
        }
    });
    let cancel = match &mode {
        Mode::Create => AppRoute::List {
            conn: connection.id.clone(),
        }
        .href(),
        Mode::Edit(record) => AppRoute::Detail {
            conn: connection.id.clone(),
            id: record.id.clone(),
        }
        .href(),
    };
    let vendor = connection.vendor.title();
    let lookup_state = move || match lookups.get() {
        None => Some(view! { <p class="loading">"Reading the vendor's choices…"</p> }.into_any()),
        Some(Err(error)) => {
            Some(view! { <ErrorPanel error title="Some choices could not be read"/> }.into_any())
        }
        Some(Ok(_)) => None,
    };
    view! {
        {lookup_state}
        <form novalidate class="integration-form" on:submit=on_submit>
            <FormFields ctx/>
            <WaitStatus notice vendor/>
            {move || failure.get().map(|error| view! { <ErrorPanel error title="Not saved: your input is kept"/> })}
            {move || tested.get().map(|result| match result {
                Ok(text) => view! { <p class="test-result ok" role="status">{text}</p> }.into_any(),
                Err(error) => view! { <ErrorPanel error title="The test notification failed"/> }.into_any(),
            })}
            <div class="actions">
                <button type="submit" disabled=move || saving.get()>
                    {move || if saving.get() { "Saving…" } else { "Save" }}
                </button>
                {test_button}
                <a href=cancel class="button secondary">"Cancel"</a>
            </div>
        </form>
    }
}
