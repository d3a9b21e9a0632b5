//! ThousandEyes: its auth (HTTP Basic or an OAuth bearer token), the account groups a
//! connection chooses from (`aid`, sent on every call), the v6 integrations list, which v6
//! offers read-only, and v7's connectors and webhook operations, which it manages.

mod account_groups;
mod alert_rules;
mod auth;
mod errors;
mod v6;
pub mod v7;
mod version;

pub use auth::AUTH;

use serde_json::{Map, Value};

/// A connection saved before versions were offered read v6: it still does.
pub fn upgrade_settings(settings: &mut Map<String, Value>) {
    settings
        .entry(version::VERSION)
        .or_insert_with(|| Value::String("v6".into()));
}

/// The API a connection's settings choose: v7 when its version says so, else v6.
pub fn api_for(settings: &Map<String, Value>) -> &'static dyn VendorApi {
    match settings.get(version::VERSION).and_then(Value::as_str) {
        Some(version::V7) => &v7::API,
        _ => &API,
    }
}

use crate::domain::api::{Capabilities, Page, Record, RowFilter, VendorApi, Vertical};
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::records::Cursor;
use crate::domain::request::Response;

pub struct ThousandEyesApi;

pub static API: ThousandEyesApi = ThousandEyesApi;

impl VendorApi for ThousandEyesApi {
    fn vertical(&self) -> &'static Vertical {
        &v6::VERTICAL
    }
    fn parse_list(&self, response: &Response, _at: Option<&Cursor>) -> Result<Page, ApiError> {
        v6::read(response)
    }
    fn parse_one_of(&self, response: &Response, id: &str) -> Result<Record, ApiError> {
        v6::read_one(response, id)
    }
    /// The connection's account group, on every call.
    fn connection_query(&self) -> &'static [(&'static str, &'static str)] {
        &[("aid", "aid")]
    }
    fn list_filters(&self) -> FormSpec {
        v6::list_filters()
    }
    /// v6 has no filters of its own: the loaded rows are filtered.
    fn keeps(&self) -> Option<RowFilter> {
        Some(|record, filters| record.matches(filters))
    }
    fn form_spec(&self, _editing: Option<&Record>) -> FormSpec {
        FormSpec::new(Vec::new())
    }
    fn capabilities(&self, _record: &Record) -> Capabilities {
        v6::capabilities()
    }
    fn referrers(&self) -> Option<crate::domain::references::Referrers> {
        Some(alert_rules::referrers())
    }
}
