//! Confluent Cloud notifications (`/notifications/v1/integrations`): list with token paging,
//! create, read, partial update, delete and test, for Webhook, Slack and Microsoft Teams
//! targets. Email targets and kinds Patchbay does not know are shown read-only.

mod auth;
mod errors;
mod parse;
mod quota;
mod requests;
mod spec;
mod subscriptions;
mod target;

pub use auth::AUTH;
pub use spec::{integration_form, list_query_form, page_token_rule};
pub use target::TargetKind;

use crate::domain::api::{Capabilities, Record, VendorApi, Vertical};
use crate::domain::field::FormSpec;
use crate::domain::vendor::Vendor;

/// The Confluent vertical, as the registry hands it out.
pub struct ConfluentApi;

pub static API: ConfluentApi = ConfluentApi;

static VERTICAL: Vertical = Vertical {
    vendor: Vendor::Confluent,
    records: parse::RECORDS,
    paging: parse::PAGING,
    columns: &parse::COLUMNS,
    list: requests::list,
    get: requests::get,
    create: Some(requests::create),
    update: Some(requests::update),
    delete: Some(requests::delete),
    test: Some(requests::test),
    parse_error: errors::parse,
    summary: parse::summary,
    draft_from: parse::draft_from,
};

impl VendorApi for ConfluentApi {
    fn vertical(&self) -> &'static Vertical {
        &VERTICAL
    }
    fn form_spec(&self, _editing: Option<&Record>) -> FormSpec {
        integration_form()
    }
    fn capabilities(&self, record: &Record) -> Capabilities {
        TargetKind::of(&record.raw).capabilities()
    }
    fn referrers(&self) -> Option<crate::domain::references::Referrers> {
        Some(subscriptions::referrers())
    }
    fn quota(&self) -> Option<crate::domain::quota::QuotaRead> {
        Some(quota::read())
    }
}
