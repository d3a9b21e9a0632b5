//! Import and export of connections as a JSON file. Exports hold settings only, never a
//! secret; imports ignore any secret a file carries.

use leptos::prelude::*;

use crate::components::download::{download, with_chosen_file};
use crate::state::connection_file::{import_file, ImportReport};
use crate::state::{Connections, Toasts};

const EXPORT_NAME: &str = "patchbay-connections.json";

#[component]
pub fn ExportButton() -> impl IntoView {
    let connections = Connections::use_context();
    let toasts = Toasts::use_context();
    let export = move |_| {
        if download(EXPORT_NAME, "application/json", &connections.export()).is_err() {
            toasts.error("The browser refused the download.");
        }
    };
    view! { <button type="button" class="secondary" on:click=export>"Export"</button> }
}

/// Imports a connections file and reports exactly what happened into `report`.
#[component]
pub fn ImportButton(report: RwSignal<Option<Result<ImportReport, String>>>) -> impl IntoView {
    let connections = Connections::use_context();
    let toasts = Toasts::use_context();
    let on_change = move |ev: leptos::ev::Event| {
        with_chosen_file(&ev, move |text| match import_file(&text) {
            Ok(imported) => {
                let outcome = ImportReport::new(&connections.all(), &imported);
                if outcome.changed() && !connections.import(imported.connections) {
                    toasts.error(
                        "The browser refused to store connections; the import lasts until reload.",
                    );
                }
                report.set(Some(Ok(outcome)));
            }
            Err(problem) => report.set(Some(Err(problem))),
        });
    };
    view! {
        <label class="button secondary" for="import-file">"Import…"</label>
        <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json" on:change=on_change/>
    }
}

/// What the last import did: how many were added and replaced, and the first refusals.
#[component]
pub fn ImportReportPanel(report: RwSignal<Option<Result<ImportReport, String>>>) -> impl IntoView {
    move || {
        report.get().map(|outcome| {
            let (class, summary, refusals) = match outcome {
                Ok(outcome) => (
                    if outcome.changed() { "import-report ok" } else { "import-report failed" },
                    outcome.summary(),
                    outcome.refusals(),
                ),
                Err(problem) => (
                    "import-report failed",
                    format!("Nothing was imported. {problem}"),
                    None,
                ),
            };
            let refusals = refusals.map(|(heading, lines)| {
                view! {
                    <p>{heading}</p>
                    <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                }
            });
            view! {
                <section class=class role="status" aria-label="Import result">
                    <p><strong>{summary}</strong></p>
                    {refusals}
                    <button type="button" class="secondary" on:click=move |_| report.set(None)>"Dismiss"</button>
                </section>
            }
        })
    }
}
