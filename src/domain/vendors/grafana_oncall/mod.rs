//! Grafana OnCall (`/api/v1/integrations/`): page-number lists with absolute `next` links,
//! create, PUT, delete, maintenance start and stop, teams and escalation chains as lookups, the
//! templates editor with a Jinja pre-check, and Django REST Framework errors on their fields.

mod auth;
mod errors;
pub mod jinja;
pub mod parse;
mod requests;
mod routes;
mod spec;
pub mod types;

pub use auth::AUTH;
pub use spec::{integration_form, list_filters, maintenance_form};

use serde_json::Value;

use crate::domain::api::{
    Built, Capabilities, Lookup, LookupPage, Lookups, Record, RecordAction, VendorApi, Vertical,
};
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::hygiene;
use crate::domain::request::Response;
use crate::domain::vendor::Vendor;

pub struct OnCallApi;

pub static API: OnCallApi = OnCallApi;

static VERTICAL: Vertical = Vertical {
    vendor: Vendor::GrafanaOncall,
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

impl VendorApi for OnCallApi {
    fn vertical(&self) -> &'static Vertical {
        &VERTICAL
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
    fn referrers(&self) -> Option<crate::domain::references::Referrers> {
        Some(routes::referrers())
    }
    fn hygiene(&self, record: &Record) -> Vec<(&'static str, String)> {
        let mut found = Vec::new();
        if let Some(mode) = record.text("/maintenance_mode") {
            let until = record.text("/maintenance_end_at").unwrap_or("no end set");
            found.push((hygiene::MAINTENANCE_ON, format!("{mode} until {until}")));
        }
        // Its default route's escalation chain and channels: the columns that say what it uses.
        let routed = self
            .uses(record, &Lookups::new())
            .is_some_and(|u| !u.is_empty());
        if !routed {
            found.push((
                hygiene::DEFAULT_ROUTE_EMPTY,
                "no escalation chain or channel".to_string(),
            ));
        }
        if record.text("/team_id").is_none() {
            found.push((hygiene::NO_TEAM, "no team_id".to_string()));
        }
        found
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
    fn action_request(&self, action: &str, record: &Record, draft: &Value) -> Built {
        requests::action(action, record, draft)
    }
    fn form_spec(&self, editing: Option<&Record>) -> FormSpec {
        integration_form(editing)
    }
    fn capabilities(&self, record: &Record) -> Capabilities {
        parse::capabilities(record)
    }
}
