//! PagerTree API v4 (`/integrations`): offset-paged lists in `{data, has_more, total_count}`,
//! create, PUT, delete; destinations (account users, routers, teams) and the catalogue of
//! integration types as lookups; each type's `option_*` fields, checked as the server checks
//! them; Rails validation messages on the fields they name.

mod adapters;
mod auth;
pub mod errors;
mod lookups;
mod option_checks;
pub mod options;
pub mod parse;
mod requests;
mod spec;
mod time_zones;
pub mod types;

pub use auth::AUTH;
pub use spec::{integration_form, list_filters, TYPE};

use crate::domain::api::{Capabilities, Lookup, LookupPage, Lookups, Record, VendorApi, Vertical};
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::request::Response;
use crate::domain::vendor::Vendor;
use crate::domain::Cell;

pub struct PagerTreeApi;

pub static API: PagerTreeApi = PagerTreeApi;

static VERTICAL: Vertical = Vertical {
    vendor: Vendor::PagerTree,
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

impl VendorApi for PagerTreeApi {
    fn vertical(&self) -> &'static Vertical {
        &VERTICAL
    }
    fn lookups(&self) -> Vec<Lookup> {
        requests::lookups()
    }
    fn parse_lookup(&self, response: &Response) -> Result<LookupPage, ApiError> {
        lookups::lookup(response)
    }
    fn list_filters(&self) -> FormSpec {
        list_filters()
    }
    fn form_spec(&self, editing: Option<&Record>) -> FormSpec {
        integration_form(editing, &[])
    }
    /// The catalogue's types become the type's choices, each with its own options.
    fn form_with_lookups(&self, editing: Option<&Record>, lookups: &Lookups) -> FormSpec {
        let types = lookups.get(TYPE).map(Vec::as_slice).unwrap_or_default();
        lookups.iter().fold(
            integration_form(editing, types),
            |form, (pointer, choices)| form.with_choices(pointer, choices),
        )
    }
    fn detail_fields(&self, record: &Record, lookups: &Lookups) -> Vec<(String, Cell)> {
        let mut rows = crate::domain::columns::detail_rows(self.columns(), record, lookups);
        rows.extend(parse::option_rows(record));
        rows
    }
    fn capabilities(&self, _record: &Record) -> Capabilities {
        Capabilities::full()
    }
}
