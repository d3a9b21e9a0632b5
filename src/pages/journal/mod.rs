//! The change journal: every write made through Patchbay in this browser, newest first,
//! filtered by connection, outcome and words (in the address, so Back and a shared link keep
//! them), exported and loaded again as JSON, cleared only when asked.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::download::{download, with_chosen_file};
use crate::components::feedback::ConfirmDialog;
use crate::components::table::{column_heads, AnySelect};
use crate::domain::journal::{read, to_json, Entry, Filter};
use crate::domain::Vendor;
use crate::pages::integrations::list_view::capped;
use crate::routes::AppRoute;
use crate::state::{Connections, Journal, Toasts};

/// The filters the address holds, in the order they are written.
const FILTERS: [&str; 4] = ["connection", "outcome", "integration", "q"];

#[component]
pub fn JournalPage() -> impl IntoView {
    let journal = Journal::use_context();
    let connections = Connections::use_context();
    let toasts = Toasts::use_context();
    let query = use_query_map();
    let navigate = use_navigate();
    let asked = move |name: &str| query.with(|q| capped(&q.get(name).unwrap_or_default()));
    let go = Callback::new(move |(name, value): (&'static str, String)| {
        let mut params = url::form_urlencoded::Serializer::new(String::new());
        for filter in FILTERS {
            let now = if filter == name {
                value.clone()
            } else {
                asked(filter)
            };
            if !now.is_empty() {
                params.append_pair(filter, &now);
            }
        }
        let params = params.finish();
        let href = if params.is_empty() {
            "/journal".to_string()
        } else {
            format!("/journal?{params}")
        };
        navigate(&href, crate::routes::in_place());
    });
    let filter = move || Filter {
        connection: asked("connection"),
        integration: asked("integration"),
        outcome: asked("outcome"),
        needle: asked("q").trim().to_lowercase(),
    };
    let shown = move || {
        let filter = filter();
        journal.with(|all| {
            all.iter()
                .filter(|e| e.passes(&filter))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let export = move |_| {
        let text = to_json(&shown(), &crate::http::now_iso());
        if download("patchbay-journal.json", "application/json", &text).is_err() {
            toasts.error("The browser refused the download.");
        }
    };
    let load = move |ev: leptos::ev::Event| {
        with_chosen_file(&ev, move |text| match read(&text) {
            Ok(entries) => {
                let n = entries.len();
                journal.load(entries);
                toasts.success(format!(
                    "Loaded {n} journal entries; each write is kept once."
                ));
            }
            Err(problem) => toasts.error(problem),
        });
    };
    let clear_open = RwSignal::new(false);
    let connection_choices = move || {
        let now = untrack(move || asked("connection"));
        connections
            .all()
            .into_iter()
            .map(|c| {
                let selected = c.id == now;
                view! { <option value=c.id selected=selected>{c.label}</option> }
            })
            .collect_view()
    };
    let rows = move || shown().into_iter().map(entry_row).collect_view();
    let count = move || {
        let filter = filter();
        let (n, all) =
            journal.with(|all| (all.iter().filter(|e| e.passes(&filter)).count(), all.len()));
        format!("{n} of {all} writes")
    };
    view! {
        <h1>"Change journal"</h1>
        <p class="lead">"Every change made through Patchbay in this browser: when, where, what changed (secrets as fingerprints only) and how it ended. Drift links here; a change it finds that is not here was made elsewhere."</p>
        <div class="toolbar">
            <label class="search">
                <span class="visually-hidden">"Search the journal"</span>
                <input type="search" placeholder="Search by integration, connection, operation or field"
                    prop:value=move || asked("q") on:input=move |ev| go.run(("q", event_target_value(&ev)))/>
            </label>
            <AnySelect title="Connection" value=Signal::derive(move || asked("connection"))
                on_pick=Callback::new(move |v| go.run(("connection", v)))>
                {connection_choices}
            </AnySelect>
            <AnySelect title="Outcome" value=Signal::derive(move || asked("outcome"))
                on_pick=Callback::new(move |v| go.run(("outcome", v)))>
                <option value="ok">"Done"</option>
                <option value="failed">"Failed"</option>
            </AnySelect>
            {move || (!asked("integration").is_empty()).then(|| view! {
                <button type="button" class="secondary" on:click=move |_| go.run(("integration", String::new()))>"All integrations"</button>
            })}
            <button type="button" class="secondary" on:click=export>"Export JSON"</button>
            <label class="button secondary" for="journal-file">"Load a journal…"</label>
            <input type="file" id="journal-file" class="visually-hidden" accept=".json,application/json" on:change=load/>
            <button type="button" class="danger" on:click=move |_| clear_open.set(true)
                disabled=move || journal.with(<[Entry]>::is_empty)>"Clear journal"</button>
        </div>
        <p class="shown" aria-live="polite">{count}</p>
        <table class="journal" aria-label="Change journal">
            <thead><tr>{column_heads(&["When (UTC)", "Integration", "Connection", "Operation", "What changed", "Outcome"])}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <ConfirmDialog id="clear-journal" open=clear_open title="Clear the change journal?"
            message="This forgets every entry in this browser. Export it first to keep a copy."
            confirm_label="Clear journal" on_confirm=Callback::new(move |_| journal.clear())/>
    }
}

fn entry_row(entry: Entry) -> impl IntoView {
    let name = if entry.name.is_empty() {
        "(new integration)".to_string()
    } else {
        entry.name.clone()
    };
    let integration = if entry.integration.is_empty() || entry.operation == "delete" {
        view! { <span>{name}</span> }.into_any()
    } else {
        let href = AppRoute::Detail {
            conn: entry.connection.clone(),
            id: entry.integration.clone(),
        }
        .href();
        view! { <a href=href>{name}</a> }.into_any()
    };
    let changes = entry
        .changes
        .iter()
        .map(|c| format!("{}: {} → {}", c.field, c.before, c.after))
        .collect::<Vec<_>>()
        .join("; ");
    let vendor =
        Vendor::from_slug(&entry.vendor).map_or(entry.vendor.clone(), |v| v.title().to_string());
    let outcome = match (&entry.ok, &entry.error) {
        (true, _) => "Done".to_string(),
        (false, Some(why)) => format!("Failed: {why}"),
        (false, None) => "Failed".to_string(),
    };
    view! {
        <tr class=if entry.ok { "" } else { "failed" }>
            <td><time datetime=entry.at.clone()>{entry.at.chars().take(19).collect::<String>().replace('T', " ")}</time></td>
            <th scope="row">{integration}</th>
            <td>{format!("{} · {vendor}", entry.connection_label)}</td>
            <td>{entry.operation.clone()}</td>
            <td>{changes}</td>
            <td>{outcome}</td>
        </tr>
    }
}
