//! The create and edit form of any vendor: drawn from the vendor's FormSpec, checked as the
//! user types, sent only when valid. The vendor's field errors land on their fields, the rest
//! shows once above the buttons, and the input stays on every failure. Where the vendor has
//! one, "Send test" asks it to send a test notification without saving.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::components::table::column_heads;

use super::lookups::use_lookups;
use super::save::{save_action, test_action};
use crate::components::feedback::{ConfirmDialog, ErrorPanel, WaitStatus};
use crate::components::form::{warn_before_leaving, FormCtx, FormFields};
use crate::domain::change::{draft_changes, FieldChange};
use crate::domain::draft::{set_aside_secrets, with_secrets_kept};
use crate::domain::safety::mask_value;
use crate::domain::{ApiError, Record, VendorApi};
use crate::routes::AppRoute;
use crate::state::{Connection, Toasts};

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
    let toasts = Toasts::use_context();

    // An edit never puts a saved secret into an input: it shows as saved, with Replace.
    let (initial, kept) = match &mode {
        Mode::Create => (api.form_spec(None).initial_draft(), Vec::new()),
        Mode::Edit(record) => {
            set_aside_secrets(&api.form_spec(Some(record)), api.draft_from(record))
        }
    };
    let saved_secrets: BTreeMap<String, String> = kept
        .iter()
        .map(|kept| {
            let mask = mask_value(kept.value.as_str().unwrap_or_default());
            (kept.pointer.clone(), mask)
        })
        .collect();
    let kept = StoredValue::new(kept);
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
    let spec = Memo::new(move |_| match lookups.get() {
        Some(Ok(found)) => api.form_with_lookups(editing.as_ref(), &found),
        _ => api.form_spec(editing.as_ref()),
    });
    let ctx = FormCtx::new(
        spec.into(),
        draft,
        Signal::derive(move || saved_secrets.clone()),
        "int",
    );

    let failure = RwSignal::new(None::<ApiError>);
    let notice = RwSignal::new(None);

    // A vendor's field errors go to their fields; those without a field go to form level.
    let mark_fields = move |error: &ApiError| {
        let known = spec.with_untracked(|s| {
            s.all_pointers()
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
        });
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        ctx.server_errors
            .set(error.field_errors.clone().settle_onto(&known));
    };
    let show_failure = move |error: ApiError| {
        mark_fields(&error);
        failure.set(Some(error));
    };

    // The writes belong to this page: nothing redrawn below can cancel them.
    let verb = if matches!(mode, Mode::Create) {
        "Created"
    } else {
        "Saved"
    };
    let save = save_action(
        api,
        connection.clone(),
        verb,
        notice,
        baseline,
        show_failure,
    );
    let saving = save.pending();
    // The save under review: its changes are what the dialog shows.
    let review_open = RwSignal::new(false);
    let reviewed = RwSignal::new(None::<super::save::Save>);
    let confirm = Callback::new(move |_| {
        if let Some(save_it) = reviewed.try_update(Option::take).flatten() {
            save.dispatch(save_it);
        }
    });
    let reviewed_changes = Signal::derive(move || {
        reviewed
            .with(|r| r.as_ref().map(|(_, _, changes, _)| changes.clone()))
            .unwrap_or_default()
    });
    // The integration the writes are about: `(id, name)`, empty for a new one.
    let subject = match &mode {
        Mode::Create => (String::new(), String::new()),
        Mode::Edit(record) => (record.id.clone(), api.summary(record).name),
    };
    let (review_title, review_message, review_confirm) = match &mode {
        Mode::Create => (
            "Create this integration?".to_string(),
            format!(
                "{} receives a new integration with:",
                connection.vendor.title()
            ),
            "Create integration",
        ),
        Mode::Edit(record) => (
            format!("Save the changes to “{}”?", api.summary(record).name),
            format!("{} receives these changes:", connection.vendor.title()),
            "Save changes",
        ),
    };
    let lock = super::write_lock::write_lock(&connection);
    let on_submit = {
        let (mode, subject) = (mode.clone(), subject.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if saving.get_untracked()
                || lock.get_untracked().is_some()
                || !ctx.check_before_submit()
            {
                return;
            }
            let current = draft.get_untracked();
            let before = match &mode {
                Mode::Create => serde_json::json!({}),
                Mode::Edit(_) => baseline.get_value(),
            };
            let changes = spec.with_untracked(|s| draft_changes(s, &before, &current));
            if matches!(mode, Mode::Edit(_)) && changes.is_empty() {
                toasts.info("Nothing has changed, so there is nothing to save.");
                return;
            }
            let sent = kept.with_value(|kept| with_secrets_kept(current.clone(), kept));
            let request = match &mode {
                Mode::Create => api.create_request(&sent),
                Mode::Edit(record) => api.update_request(record, &sent),
            };
            match request {
                Ok(request) => {
                    failure.set(None);
                    // Asked once: the dialog shows what the request changes, field by field.
                    reviewed.set(Some((request, current, changes, subject.clone())));
                    review_open.set(true);
                }
                Err(error) => show_failure(error),
            }
        }
    };

    let test = test_action(api, connection.clone(), notice, move |error| {
        // A refused test names its fields like a refused save: they are marked too.
        if error.field_errors.iter().any(|(p, _)| !p.is_empty()) {
            mark_fields(error);
        }
    });
    let (testing, tested) = (test.pending(), test.value());
    let on_test = move |_| {
        if testing.get_untracked() || !ctx.check_before_submit() {
            return;
        }
        let sent = kept.with_value(|kept| with_secrets_kept(draft.get_untracked(), kept));
        match api.test_request(&sent) {
            Ok(request) => {
                tested.set(None);
                test.dispatch((request, subject.clone()));
            }
            Err(error) => tested.set(Some(Err(error))),
        }
    };
    let can_test = match &mode {
        Mode::Create => api.offers_test(),
        Mode::Edit(record) => api.capabilities(record).can_test,
    };
    let test_button = can_test.then(|| {
        view! {
            <button type="button" class="secondary" disabled=move || testing.get() || lock.get().is_some() on:click=on_test
                title=move || lock.get() aria-describedby=move || lock.get().map(|_| "write-lock")>
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
            <ConfirmDialog id="review" open=review_open title=review_title message=review_message
                confirm_label=review_confirm on_confirm=confirm calm=true>
                <ChangesTable changes=reviewed_changes/>
            </ConfirmDialog>
            <div class="actions">
                <button type="submit" disabled=move || saving.get() || lock.get().is_some()
                    title=move || lock.get() aria-describedby=move || lock.get().map(|_| "write-lock")>
                    {move || if saving.get() { "Saving…" } else { "Save" }}
                </button>
                {test_button}
                <a href=cancel class="button secondary">"Cancel"</a>
            </div>
        </form>
    }
}

/// A write's changes, field by field: what was, what will be.
#[component]
pub fn ChangesTable(#[prop(into)] changes: Signal<Vec<FieldChange>>) -> impl IntoView {
    let rows = move || {
        changes
            .get()
            .into_iter()
            .map(|c| view! { <tr><th scope="row">{c.field}</th><td>{c.before}</td><td>{c.after}</td></tr> })
            .collect_view()
    };
    view! {
        <table class="changes" aria-label="Changes">
            <thead><tr>{column_heads(&["Field", "Before", "After"])}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
