//! Import and export of connections as a JSON file. Exports hold settings only, never a
//! secret; imports ignore any secret a file carries.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::connection::import_file;
use crate::state::{Connections, Toasts};

const EXPORT_NAME: &str = "patchbay-connections.json";

#[component]
pub fn ExportButton() -> impl IntoView {
    let connections = Connections::use_context();
    let toasts = Toasts::use_context();
    let export = move |_| {
        if download(EXPORT_NAME, &connections.export()).is_err() {
            toasts.error("The browser refused the download.");
        }
    };
    view! { <button type="button" class="secondary" on:click=export>"Export"</button> }
}

#[component]
pub fn ImportButton() -> impl IntoView {
    let connections = Connections::use_context();
    let toasts = Toasts::use_context();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            match import_file(&text) {
                Ok(imported) => {
                    let count = imported.connections.len();
                    if count > 0 && !connections.import(imported.connections) {
                        toasts.error("The browser refused to store connections; the import lasts until reload.");
                    }
                    toasts.success(format!(
                        "Imported {count} connection{}.",
                        if count == 1 { "" } else { "s" }
                    ));
                    if !imported.problems.is_empty() {
                        toasts.error(format!("Skipped: {}", imported.problems.join(" · ")));
                    }
                }
                Err(problem) => toasts.error(format!("Nothing imported. {problem}")),
            }
        });
    };
    view! {
        <label class="button secondary" for="import-file">"Import…"</label>
        <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json" on:change=on_change/>
    }
}

/// Offers `text` as a file download.
fn download(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
