//! ThousandEyes API v7's integrations: *connectors* (`/v7/connectors/generic`, where to send)
//! and *webhook operations* (`/v7/operations/webhooks`, what to send), in one list, each
//! created, replaced (PUT) and deleted at its own address, and an operation linked to the
//! connector it sends through (`/v7/operations/webhooks/{id}/connectors`, one at most).

mod errors;
pub mod handlebars;
pub mod kinds;
mod links;
mod parse;
pub mod requests;
pub mod spec;

use serde_json::Value;

use crate::domain::api::{
    Built, Capabilities, Cell, IntegrationSummary, Lookup, LookupPage, Lookups, Page, Record,
    RecordAction, RowFilter, SubList, SubPage, VendorApi, Vertical,
};
use crate::domain::clock::rfc3339_of_epoch_ms;
use crate::domain::columns::{Column, Read, Role};
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::listing::{Paging, RecordShape};
use crate::domain::records::Cursor;
use crate::domain::request::Response;
use crate::domain::vendor::Vendor;
use kinds::{kind_of, vendor_id, Kind};

pub static VERTICAL: Vertical = Vertical {
    vendor: Vendor::ThousandEyes,
    records: RecordShape {
        items: "/items",
        id: "/id",
    },
    paging: Paging::Unpaged,
    columns: &COLUMNS,
    list: requests::list,
    get: requests::get,
    create: Some(requests::create),
    update: Some(requests::update),
    delete: Some(requests::delete),
    test: None,
    parse_error: errors::parse,
    summary,
    draft_from: requests::draft_from,
};

fn summary(record: &Record) -> IntegrationSummary {
    IntegrationSummary {
        id: record.id.clone(),
        name: record
            .text("/name")
            .unwrap_or(vendor_id(record))
            .to_string(),
        kind: kind_of(record).title().to_string(),
        ..Default::default()
    }
}

fn label_of(table: &[(&str, &'static str)], value: Option<&str>) -> Cell {
    match value {
        Some(value) => Cell::Text(
            table
                .iter()
                .find(|(v, _)| *v == value)
                .map_or(value, |(_, l)| l)
                .to_string(),
        ),
        None => Cell::Empty,
    }
}

const AUTH_SECRETS: [&str; 5] = [
    "/authentication/password",
    "/authentication/token",
    "/authentication/oauthClientSecret",
    "/authentication/refreshToken",
    "/authentication/code",
];

pub const COLUMNS: [Column; 19] = [
    Column::detail("ID", Read::computed(|r, _| Cell::Text(vendor_id(r).into()))),
    Column::both(
        "Kind",
        Read::computed(|r, _| Cell::Text(kind_of(r).title().into())),
    ),
    // A Slack or Teams webhook URL is its own credential: masked, its host shown.
    Column::both("Target", Read::Secret("/target")).as_(Role::Target),
    Column::both(
        "Authentication",
        Read::computed(|r, _| label_of(&spec::AUTH_TYPES, r.text("/authentication/type"))),
    ),
    Column::both(
        "Category",
        Read::computed(|r, _| label_of(&spec::CATEGORIES, r.text("/category"))),
    ),
    Column::both("Enabled", Read::enabled("/enabled")).as_(Role::Enabled),
    Column::both("Status", Read::Text("/status")),
    Column::both(
        "Updated",
        Read::computed(
            |r, _| match r.raw.get("lastModifiedDate").and_then(Value::as_i64) {
                Some(ms) => Cell::Time(rfc3339_of_epoch_ms(ms)),
                None => Cell::Empty,
            },
        ),
    )
    .as_(Role::Updated),
    Column::detail("Path", Read::Text("/path")),
    Column::detail("Payload", Read::Text("/payload")),
    Column::detail("Query parameters", Read::Text("/queryParams")),
    // Header values may be credentials: names only, every value masked in the raw JSON.
    Column::detail(
        "Headers",
        Read::With {
            cell: header_names,
            secrets: &["/headers/*/value"],
        },
    ),
    Column::detail("Username", Read::Text("/authentication/username")),
    Column::detail("Password", Read::Secret(AUTH_SECRETS[0])),
    Column::detail("Token", Read::Secret(AUTH_SECRETS[1])),
    Column::detail("Client id", Read::Text("/authentication/oauthClientId")),
    Column::detail("Client secret", Read::Secret(AUTH_SECRETS[2])),
    Column::detail("Refresh token", Read::Secret(AUTH_SECRETS[3])),
    Column::detail("Authorisation code", Read::Secret(AUTH_SECRETS[4])),
];

fn header_names(record: &Record, _: &Lookups) -> Cell {
    let names: Vec<&str> = record
        .raw
        .get("headers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|h| h.get("name").and_then(Value::as_str))
        .collect();
    Cell::text(Some(&names.join(", ")))
}

pub struct ThousandEyesV7Api;

pub static API: ThousandEyesV7Api = ThousandEyesV7Api;

impl VendorApi for ThousandEyesV7Api {
    fn vertical(&self) -> &'static Vertical {
        &VERTICAL
    }
    fn parse_list(&self, response: &Response, at: Option<&Cursor>) -> Result<Page, ApiError> {
        parse::list(response, at)
    }
    fn parse_one(&self, response: &Response) -> Result<Record, ApiError> {
        parse::one(response)
    }
    /// The connection's account group, on every call.
    fn connection_query(&self) -> &'static [(&'static str, &'static str)] {
        &[("aid", "aid")]
    }
    /// A record's page lists what it has; a connector shows no operation's empty fields.
    fn detail_fields(&self, record: &Record, lookups: &Lookups) -> Vec<(String, Cell)> {
        crate::domain::columns::detail_rows(&COLUMNS, record, lookups)
            .into_iter()
            .filter(|(_, cell)| *cell != Cell::Empty)
            .collect()
    }
    fn lookups(&self) -> Vec<Lookup> {
        requests::lookups()
    }
    fn parse_lookup(&self, response: &Response) -> Result<LookupPage, ApiError> {
        parse::lookup(response)
    }
    /// v7 lists take no filters: the loaded rows are filtered.
    fn keeps(&self) -> Option<RowFilter> {
        Some(keeps)
    }
    fn list_filters(&self) -> FormSpec {
        spec::list_filters()
    }
    fn referrers(&self) -> Option<crate::domain::references::Referrers> {
        Some(links::referrers())
    }
    fn sub_list(&self, record: &Record, _lookups: &Lookups) -> Option<SubList> {
        Some(parse::sub_list(record))
    }
    fn parse_sub_list(
        &self,
        record: &Record,
        response: &Response,
        lookups: &Lookups,
    ) -> Result<SubPage, ApiError> {
        parse::assignments(record, response, lookups)
    }
    fn record_actions(&self, record: &Record) -> Vec<RecordAction> {
        match kind_of(record) {
            Kind::Operation => vec![RecordAction {
                id: requests::LINK,
                label: "Link to connector".into(),
                form: Some(spec::link_form()),
            }],
            Kind::Connector => Vec::new(),
        }
    }
    fn action_request(&self, action: &str, record: &Record, draft: &Value) -> Built {
        match action {
            requests::LINK => requests::link(record, draft),
            other => Err(crate::domain::api::refused(format!(
                "Unknown action {other}."
            ))),
        }
    }
    /// The link answers with the operation's connectors, not the operation: the page keeps
    /// the record and reads the link again.
    fn parse_action(
        &self,
        _action: &str,
        record: &Record,
        response: &Response,
    ) -> Result<Record, ApiError> {
        parse::assignments(record, response, &Lookups::new())?;
        Ok(record.clone())
    }
    fn form_spec(&self, editing: Option<&Record>) -> FormSpec {
        spec::integration_form(editing)
    }
    fn capabilities(&self, _record: &Record) -> Capabilities {
        Capabilities::full()
    }
}

/// Kind by id, name by a case-blind "contains", category by equality.
fn keeps(record: &Record, filters: &[(String, String)]) -> bool {
    filters.iter().all(|(name, value)| match name.as_str() {
        "kind" => kind_of(record).slug() == value,
        "name" => record
            .text("/name")
            .is_some_and(|n| n.to_lowercase().contains(&value.to_lowercase())),
        other => record.text(&format!("/{other}")) == Some(value.as_str()),
    })
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
