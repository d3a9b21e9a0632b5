//! One integration's fields as a description list: the unified summary, the vendor's own
//! metadata, and every other field it sent. Vendor strings are text; a credential-bearing
//! target is masked until revealed.

use leptos::prelude::*;
use serde_json::Value;

use crate::components::secret_text::SecretText;
use crate::domain::{Record, VendorApi};

#[component]
pub fn RecordFields(record: Record, api: &'static dyn VendorApi) -> impl IntoView {
    let summary = api.summary(&record);
    let target = match (&summary.target, summary.target_is_secret) {
        (Some(value), true) => {
            view! { <SecretText value=value.clone() label="target"/> }.into_any()
        }
        (Some(value), false) => view! { <span>{value.clone()}</span> }.into_any(),
        (None, _) => view! { <span class="muted">"—"</span> }.into_any(),
    };
    let metadata = record
        .raw
        .get("metadata")
        .and_then(Value::as_object)
        .map(|meta| {
            meta.iter()
                .map(|(name, value)| row(name.replace('_', " "), text_of(value)))
                .collect_view()
        });
    let raw = serde_json::to_string_pretty(&record.raw).unwrap_or_default();
    view! {
        <dl class="fields">
            {row("ID".into(), summary.id.clone())}
            {row("Name".into(), summary.name.clone())}
            {row("Kind".into(), summary.kind.clone())}
            <dt>"Target"</dt><dd>{target}</dd>
            {row("Description".into(), summary.description.clone().unwrap_or_else(|| "—".into()))}
            {metadata}
        </dl>
        <details class="raw">
            <summary>"Raw JSON, as the vendor sent it"</summary>
            <pre><code>{raw}</code></pre>
        </details>
    }
}

fn row(name: String, value: String) -> impl IntoView {
    view! { <dt>{name}</dt><dd>{value}</dd> }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "—".into(),
        other => other.to_string(),
    }
}
