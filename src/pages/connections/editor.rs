//! Add or edit one connection, with the generic form renderer and the vendor's credential
//! fields. Secrets already saved show masked with Replace; nothing is saved while the form has
//! errors.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde_json::Value;

use crate::components::form::{warn_before_leaving, FormCtx, FormFields};
use crate::domain::pointer::get;
use crate::domain::Vendor;
use crate::routes::AppRoute;
use crate::state::connection::new_id;
use crate::state::connection_file::id_problem;
use crate::state::connection_form::{
    connection_form, draft_from, from_draft, new_draft, switch_vendor,
};
use crate::state::{Connections, Secrets, Toasts};

use super::setting_choices::{with_read_choices, ChoiceReader, ReadChoices, SettingChoiceButtons};

/// `edit` is a connection id, or `new`.
#[component]
pub fn ConnectionEditor(edit: String) -> impl IntoView {
    let connections = Connections::use_context();
    let existing = (edit != "new")
        .then(|| untrack(|| connections.find(&edit)))
        .flatten();
    if edit != "new" && existing.is_none() {
        return view! {
            <section class="editor">
                <p>{format!("There is no connection “{edit}” to edit.")}</p>
                <a href=AppRoute::Connections.href()>"Close"</a>
            </section>
        }
        .into_any();
    }
    view! { <EditorForm existing_id=existing.map(|c| c.id)/> }.into_any()
}

#[component]
fn EditorForm(existing_id: Option<String>) -> impl IntoView {
    let connections = Connections::use_context();
    let secrets = Secrets::use_context();
    let toasts = Toasts::use_context();
    let navigate = use_navigate();

    let existing = existing_id
        .as_deref()
        .and_then(|id| untrack(|| connections.find(id)));
    let initial = match &existing {
        Some(connection) => {
            let mut draft = draft_from(connection);
            draft["remember"] = Value::Bool(untrack(|| secrets.is_remembered(&connection.id)));
            draft
        }
        None => new_draft(Vendor::Confluent),
    };
    let attention = existing_id
        .as_deref()
        .and_then(|id| untrack(|| connections.problem(id)));
    let title = match &existing {
        Some(connection) => format!("Edit “{}”", connection.label),
        None => "Add a connection".to_string(),
    };
    let baseline = StoredValue::new(initial.clone());
    let draft = RwSignal::new(initial);
    let dirty = Signal::derive(move || draft.with(|d| baseline.with_value(|b| d != b)));
    warn_before_leaving(dirty);
    let vendor = Memo::new(move |_| {
        draft
            .with(|d| {
                get(d, "/vendor")
                    .and_then(Value::as_str)
                    .and_then(Vendor::from_slug)
            })
            .unwrap_or(Vendor::Confluent)
    });
    // A new vendor brings its own defaults (base URL, proxy prefix, credential fields).
    Effect::new(move |previous: Option<Vendor>| {
        let current = vendor.get();
        if let Some(from) = previous.filter(|from| *from != current) {
            draft.update(|d| *d = switch_vendor(d, Some(from), current));
        }
        current
    });
    // Saved secrets only count while the draft still points where they were saved for.
    let stored = existing.clone();
    let same_destination = Memo::new(move |_| {
        let stored = stored.as_ref()?;
        let drafted = draft.with(|d| from_draft(d, &stored.id)).ok()?;
        Some(drafted.connection.same_destination(stored))
    });
    // The connection whose saved secrets the form may use now.
    let saved_id = existing_id.clone();
    let usable_saved = Memo::new(move |_| {
        (same_destination.get() == Some(true))
            .then(|| saved_id.clone())
            .flatten()
    });
    let saved_secrets = Signal::derive(move || {
        usable_saved
            .get()
            .map(|id| secrets.masked(&id))
            .unwrap_or_default()
    });
    let moved_id = existing_id.clone();
    let secrets_dropped = move || {
        same_destination.get() == Some(false)
            && moved_id.as_deref().is_some_and(|id| secrets.has_any(id))
    };
    // Choices read from the vendor (account groups) join the form; the spec is memoised so a
    // read that lands redraws only the select it fills.
    let read_choices: ReadChoices = RwSignal::new(Default::default());
    let spec = Memo::new(move |_| {
        let vendor = vendor.get();
        with_read_choices(connection_form(vendor), vendor, &read_choices)
    });
    let ctx = FormCtx::new(spec.into(), draft, saved_secrets, "conn");
    let reader = ChoiceReader::new(ctx, read_choices, move || {
        usable_saved
            .get_untracked()
            .map(|id| secrets.values(&id))
            .unwrap_or_default()
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ctx.check_before_submit() {
            return;
        }
        // A saved id that breaks today's rules is replaced as the connection is fixed.
        let id = existing_id
            .clone()
            .filter(|id| id_problem(id).is_none())
            .unwrap_or_else(|| new_id(vendor.get_untracked(), js_sys::Math::random()));
        let submitted = match from_draft(&draft.get_untracked(), &id) {
            Ok(submitted) => submitted,
            Err(problem) => {
                toasts.error(problem);
                return;
            }
        };
        let label = submitted.connection.label.clone();
        baseline.set_value(draft.get_untracked());
        let persisted = match &existing_id {
            Some(old_id) => connections.save_replacing(old_id, submitted.connection),
            None => connections.save(submitted.connection),
        };
        secrets.save(&id, submitted.secrets, submitted.remember);
        if persisted {
            toasts.success(format!("Saved “{label}”."));
        } else {
            toasts.error("The browser refused to store connections; this one lasts until reload.");
        }
        navigate(&AppRoute::Connections.href(), Default::default());
    };

    view! {
        <section class="editor" aria-labelledby="editor-title">
            <h2 id="editor-title">{title}</h2>
            <p class="help">{move || vendor.get().credentials_help()}</p>
            {attention.map(|problem| view! {
                <p class="notice attention" role="note">
                    {format!("This saved connection needs attention: {problem}. Nothing is sent for it until it is saved without errors.")}
                </p>
            })}
            <Show when=secrets_dropped>
                <p class="notice" role="status">
                    "This connection now points somewhere else: its saved secrets will not be sent there. Enter them again."
                </p>
            </Show>
            <form novalidate on:submit=on_submit>
                <FormFields ctx/>
                <SettingChoiceButtons vendor reader/>
                <div class="actions">
                    <button type="submit">"Save connection"</button>
                    <a href=AppRoute::Connections.href() class="button secondary">"Cancel"</a>
                </div>
            </form>
        </section>
    }
}
