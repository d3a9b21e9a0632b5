//! One integration's fields as a description list, then the raw JSON as the vendor sent it.

use leptos::prelude::*;

use super::cell::CellView;
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
            view! { <dt>{label}</dt><dd><CellView cell label=name/></dd> }
        })
        .collect_view();
    let raw = serde_json::to_string_pretty(&record.raw).unwrap_or_default();
    view! {
        <dl class="fields">{rows}</dl>
        <details class="raw">
            <summary>"Raw JSON, as the vendor sent it"</summary>
            <pre><code>{raw}</code></pre>
        </details>
    }
}
