//! Rocket.Chat (`/api/v1/integrations.*`): incoming and outgoing webhooks in one list paged by
//! `offset`/`count`, create, a PUT of the whole integration, remove by type and id, and the
//! server's AJV and method errors on their fields.

mod auth;
mod errors;
mod history;
pub mod parse;
mod requests;
mod spec;

pub use auth::AUTH;
pub use spec::{integration_form, list_filters};

use crate::domain::api::{
    Capabilities, Lookup, LookupPage, Lookups, Record, RowFilter, SubList, SubPage, VendorApi,
    Vertical,
};
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::request::Response;
use crate::domain::vendor::Vendor;

pub struct RocketChatApi;

pub static API: RocketChatApi = RocketChatApi;

static VERTICAL: Vertical = Vertical {
    vendor: Vendor::RocketChat,
    records: parse::RECORDS,
    paging: parse::PAGING,
    columns: &parse::COLUMNS,
    list: requests::list,
    get: requests::get,
    create: Some(requests::create),
    update: Some(requests::update),
    delete: Some(requests::delete),
    test: None,
    parse_error: errors::parse,
    summary: parse::summary,
    draft_from: parse::draft_from,
};

impl VendorApi for RocketChatApi {
    fn vertical(&self) -> &'static Vertical {
        &VERTICAL
    }
    /// One integration comes wrapped: `{integration: {...}, success: true}`.
    fn parse_one(&self, response: &Response) -> Result<Record, ApiError> {
        parse::one(response)
    }
    fn list_filters(&self) -> FormSpec {
        list_filters()
    }
    fn hygiene(&self, record: &Record) -> Vec<(&'static str, String)> {
        parse::hygiene(record)
    }
    /// Servers before 7.0 ignore `type` and `name`: the loaded rows are filtered here too.
    fn keeps(&self) -> Option<RowFilter> {
        Some(parse::keeps)
    }
    fn form_spec(&self, editing: Option<&Record>) -> FormSpec {
        integration_form(editing)
    }
    fn lookups(&self) -> Vec<Lookup> {
        requests::lookups()
    }
    fn parse_lookup(&self, response: &Response) -> Result<LookupPage, ApiError> {
        parse::server_version(response)
    }
    /// The server's version decides whether `skipTranspile` is offered.
    fn form_with_lookups(&self, editing: Option<&Record>, lookups: &Lookups) -> FormSpec {
        let version = lookups
            .get(spec::SERVER_VERSION)
            .and_then(|found| found.first())
            .map_or((0, 0), |choice| spec::version_of(&choice.value));
        spec::with_server_version(integration_form(editing), version)
    }
    fn sub_list(&self, record: &Record, lookups: &Lookups) -> Option<SubList> {
        history::sub_list(record, lookups)
    }
    fn parse_sub_list(
        &self,
        record: &Record,
        response: &Response,
        lookups: &Lookups,
    ) -> Result<SubPage, ApiError> {
        history::parse(record, response, lookups)
    }
    fn capabilities(&self, _record: &Record) -> Capabilities {
        Capabilities::full()
    }
}
