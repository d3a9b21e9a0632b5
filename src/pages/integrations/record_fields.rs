//! One integration's fields as a description list, then the raw JSON as the vendor sent it.

use leptos::prelude::*;

use super::cell::cell_view;
use crate::domain::safety::mask_pointers;
use crate::domain::{Lookups, Record, VendorApi};

#[component]
pub fn RecordFields(
    record: Record,
    api: &'static dyn VendorApi,
    lookups: Lookups,
) -> impl IntoView {
    let rows = api
        .detail_fields(&record, &lookups)
        .into_iter()
        .map(|(label, cell)| {
            let name = label.to_lowercase();
            view! { <dt>{label}</dt><dd>{cell_view(cell, || name)}</dd> }
        })
        .collect_view();
    // The raw JSON masks exactly what the fields above mask.
    let masked = mask_pointers(&record.raw, &api.secret_pointers());
    let raw = serde_json::to_string_pretty(&masked).unwrap_or_default();
    view! {
        <dl class="fields">{rows}</dl>
        <details class="raw">
            <summary>"Raw JSON, as the vendor sent it (secrets masked)"</summary>
            <pre><code>{raw}</code></pre>
        </details>
    }
}
