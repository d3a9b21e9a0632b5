//! Confluent Cloud notifications (`/notifications/v1/integrations`): list with token paging,
//! create, read, partial update, delete and test, for Webhook, Slack and Microsoft Teams
//! targets. Email targets and kinds Patchbay does not know are shown read-only.

mod auth;
mod errors;
mod parse;
mod requests;
mod spec;
mod target;

pub use auth::AUTH;
pub use spec::{integration_form, list_query_form, page_token_rule};
pub use target::TargetKind;

use serde_json::Value;

use crate::domain::api::{Capabilities, Cursor, IntegrationSummary, ListQuery, Record, VendorApi};
use crate::domain::columns::Column;
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::listing::{Paging, RecordShape};
use crate::domain::request::{Request, Response};
use crate::domain::vendor::Vendor;

/// The Confluent vertical, as `Vendor::Confluent.api()` hands it out.
pub struct ConfluentApi;

pub static API: ConfluentApi = ConfluentApi;

impl VendorApi for ConfluentApi {
    fn vendor(&self) -> Vendor {
        Vendor::Confluent
    }
    fn list_request(
        &self,
        query: &ListQuery,
        cursor: Option<&Cursor>,
    ) -> Result<Request, ApiError> {
        requests::list(query, cursor)
    }
    fn records(&self) -> RecordShape {
        parse::RECORDS
    }
    fn paging(&self) -> Paging {
        parse::PAGING
    }
    fn get_request(&self, id: &str) -> Request {
        requests::get(id)
    }
    fn can_create(&self) -> bool {
        true
    }
    fn create_request(&self, draft: &Value) -> Result<Request, ApiError> {
        requests::create(draft)
    }
    fn update_request(&self, before: &Record, draft: &Value) -> Result<Request, ApiError> {
        requests::update(before, draft)
    }
    fn delete_request(&self, record: &Record) -> Result<Request, ApiError> {
        requests::delete(record)
    }
    fn offers_test(&self) -> bool {
        true
    }
    fn test_request(&self, draft: &Value) -> Result<Request, ApiError> {
        requests::test(draft)
    }
    fn parse_error(&self, response: &Response, now_ms: u64) -> ApiError {
        errors::parse(response, now_ms)
    }
    fn summary(&self, record: &Record) -> IntegrationSummary {
        parse::summary(record)
    }
    fn columns(&self) -> &'static [Column] {
        &parse::COLUMNS
    }
    fn form_spec(&self, _editing: Option<&Record>) -> FormSpec {
        integration_form()
    }
    fn draft_from(&self, record: &Record) -> Value {
        parse::draft_from(record)
    }
    fn capabilities(&self, record: &Record) -> Capabilities {
        TargetKind::of(&record.raw).capabilities()
    }
}
