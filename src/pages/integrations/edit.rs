//! `/c/:conn/i/:id/edit`: change an integration, starting from its current values.

use leptos::prelude::*;

use super::form::{IntegrationForm, Mode};
use super::with_record::WithRecord;
use crate::domain::{Record, VendorApi};
use crate::state::Connection;

pub fn body(connection: Connection, api: &'static dyn VendorApi) -> AnyView {
    view! { <WithRecord connection api show=editable/> }.into_any()
}

/// The form, or why this integration cannot be edited. Fresh from the vendor: the update is
/// computed against what is there now.
fn editable(record: Record, connection: Connection, api: &'static dyn VendorApi) -> AnyView {
    match api.capabilities(&record) {
        caps if !caps.can_edit => {
            let reason = caps
                .read_only_reason
                .unwrap_or_else(|| "This integration cannot be edited.".into());
            view! { <p class="notice read-only" role="note">{reason}</p> }.into_any()
        }
        _ => view! {
            <h2>{api.summary(&record).name}</h2>
            <IntegrationForm connection api mode=Mode::Edit(record)/>
        }
        .into_any(),
    }
}
