//! `/c/:conn/new`: a new integration.

use leptos::prelude::*;

use super::form::{IntegrationForm, Mode};
use crate::domain::VendorApi;
use crate::state::Connection;

pub fn body(connection: Connection, api: &'static dyn VendorApi) -> AnyView {
    if !api.can_create() {
        return view! {
            <p class="notice" role="note">{format!("{}'s API cannot create integrations; create them in its own console.", connection.vendor.title())}</p>
        }
        .into_any();
    }
    view! { <IntegrationForm connection api mode=Mode::Create/> }.into_any()
}
