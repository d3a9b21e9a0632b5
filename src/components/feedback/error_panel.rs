//! An `ApiError` as a person reads it: what happened, the status, and the request id to quote
//! to the vendor's support.

use leptos::prelude::*;

use crate::domain::ApiError;

#[component]
pub fn ErrorPanel(error: ApiError, #[prop(optional, into)] title: Option<String>) -> impl IntoView {
    let title = title.unwrap_or_else(|| "Something went wrong".into());
    let status = error.status.map(|s| view! { <li>"HTTP status " {s}</li> });
    let request_id = error
        .request_id
        .clone()
        .map(|id| view! { <li>"Vendor request id " <code>{id}</code></li> });
    let wait = error
        .retry_after
        .map(|s| view! { <li>"The vendor asked to wait " {s} " s"</li> });
    view! {
        <div class="error-panel" role="alert">
            <h2>{title}</h2>
            <p>{error.message.clone()}</p>
            <ul class="meta">{status}{request_id}{wait}</ul>
        </div>
    }
}
