//! Vendor URLs become links only when they pass `domain::safety::safe_href`; anything else is
//! shown as plain text.

use leptos::prelude::*;

use crate::domain::safety::safe_href;

/// A link to a vendor-supplied URL that opens in a new tab without handing it this page.
#[component]
pub fn SafeLink(
    #[prop(into)] url: String,
    #[prop(optional, into)] text: Option<String>,
) -> impl IntoView {
    let shown = text.unwrap_or_else(|| url.clone());
    match safe_href(&url) {
        Some(href) => {
            view! { <a href=href target="_blank" rel="noopener noreferrer">{shown}</a> }.into_any()
        }
        None => view! { <span class="unsafe-url">{shown}</span> }.into_any(),
    }
}
