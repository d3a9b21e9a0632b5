//! Grafana OnCall (`/api/v1/integrations/`): page-number lists with absolute `next` links,
//! create, PUT, delete, maintenance start and stop, teams and escalation chains as lookups, the
//! templates editor with a Jinja pre-check, and Django REST Framework errors on their fields.

mod auth;
mod errors;
pub mod jinja;
pub mod parse;
mod requests;
mod spec;
pub mod types;

pub use auth::AUTH;
pub use spec::{integration_form, list_filters, maintenance_form};

use serde_json::Value;

use crate::domain::api::{
    Capabilities, Cursor, IntegrationSummary, ListQuery, Lookup, LookupPage, Record, RecordAction,
    VendorApi,
};
use crate::domain::columns::Column;
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::listing::{Paging, RecordShape};
use crate::domain::request::{Request, Response};
use crate::domain::vendor::Vendor;

pub struct OnCallApi;

pub static API: OnCallApi = OnCallApi;

impl VendorApi for OnCallApi {
    fn vendor(&self) -> Vendor {
        Vendor::GrafanaOncall
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
    fn parse_error(&self, response: &Response, now_ms: u64) -> ApiError {
        errors::parse(response, now_ms)
    }
    fn summary(&self, record: &Record) -> IntegrationSummary {
        parse::summary(record)
    }
    fn columns(&self) -> &'static [Column] {
        &parse::COLUMNS
    }
    fn lookups(&self) -> Vec<Lookup> {
        requests::lookups()
    }
    fn parse_lookup(&self, response: &Response) -> Result<LookupPage, ApiError> {
        parse::lookup(response)
    }
    fn list_filters(&self) -> FormSpec {
        list_filters()
    }
    fn record_actions(&self, record: &Record) -> Vec<RecordAction> {
        if !self.capabilities(record).can_edit {
            return Vec::new();
        }
        match record.raw.get("maintenance_mode").and_then(Value::as_str) {
            None => vec![RecordAction {
                id: "maintenance_start",
                label: "Start maintenance".into(),
                form: Some(maintenance_form()),
            }],
            Some(_) => vec![RecordAction {
                id: "maintenance_stop",
                label: "Stop maintenance".into(),
                form: None,
            }],
        }
    }
    fn action_request(
        &self,
        action: &str,
        record: &Record,
        draft: &Value,
    ) -> Result<Request, ApiError> {
        requests::action(action, record, draft)
    }
    fn form_spec(&self, editing: Option<&Record>) -> FormSpec {
        integration_form(editing)
    }
    fn draft_from(&self, record: &Record) -> Value {
        parse::draft_from(record)
    }
    fn capabilities(&self, record: &Record) -> Capabilities {
        parse::capabilities(record)
    }
}
