//! ThousandEyes API v6 integrations (`GET /v6/integrations.json`): one answer holding the
//! `thirdParty` (PagerDuty, Slack) and `webhook` entries of the connection's account group.
//! v6 only lists them: nothing here writes.

use serde_json::Value;

use super::errors;
use crate::domain::api::{
    Capabilities, Cell, Cursor, IntegrationSummary, ListQuery, Lookups, Page, Record, Vertical,
};
use crate::domain::columns::{Column, Read, Role};
use crate::domain::error::ApiError;
use crate::domain::error_body::malformed;
use crate::domain::field::{Choice, FieldSpec, FormSpec};
use crate::domain::listing::{Paging, RecordShape};
use crate::domain::request::{Request, Response};
use crate::domain::vendor::Vendor;

const PATH: &str = "/v6/integrations.json";

pub const RECORDS: RecordShape = RecordShape {
    items: "/integrations/webhook",
    id: "/integrationId",
};

/// What the page says in place of edit and delete.
pub const READ_ONLY: &str = "ThousandEyes API v6 lists integrations but cannot create, change or \
     delete them: do that in ThousandEyes (Alerts → Alert Rules → Integrations), or through API v7.";

pub static VERTICAL: Vertical = Vertical {
    vendor: Vendor::ThousandEyes,
    records: RECORDS,
    paging: Paging::Unpaged,
    columns: &COLUMNS,
    list,
    get,
    create: None,
    update: None,
    delete: None,
    test: None,
    parse_error: errors::parse,
    summary,
    draft_from: |record| record.raw.clone(),
};

/// The whole list, in one answer; filters apply to the loaded rows (v6 has none).
fn list(_query: &ListQuery, cursor: Option<&Cursor>) -> Result<Request, ApiError> {
    match cursor {
        None => Ok(Request::get(PATH)),
        Some(_) => Err(crate::domain::api::refused(
            "ThousandEyes v6 answers its list in one page.",
        )),
    }
}

/// v6 has no single-integration read: the list is read, and the record picked from it.
fn get(_id: &str) -> Request {
    Request::get(PATH)
}

/// Both arrays as one list, third-party entries first, as the answer orders them.
pub fn read(response: &Response) -> Result<Page, ApiError> {
    if !response.is_success() {
        return Err(errors::parse(response, 0));
    }
    let json = response
        .json()
        .map_err(|_| malformed(response, "the list is not valid JSON"))?;
    let groups = json
        .get("integrations")
        .filter(|g| g.is_object())
        .ok_or_else(|| malformed(response, "the answer holds no integrations"))?;
    let items: Vec<Value> = ["thirdParty", "webhook"]
        .iter()
        .flat_map(|key| {
            groups
                .get(*key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    let mut page = RECORDS.page_of(items);
    page.total = Some((page.records.len() + page.skipped) as u64);
    Ok(page)
}

/// The record `id` out of the list answer.
pub fn read_one(response: &Response, id: &str) -> Result<Record, ApiError> {
    read(response)?
        .records
        .into_iter()
        .find(|record| record.id == id)
        .ok_or_else(|| {
            ApiError::http(
                404,
                "This integration is not in the account group's list any more.",
            )
        })
}

const TYPES: [(&str, &str); 3] = [
    ("PAGER_DUTY", "PagerDuty"),
    ("SLACK", "Slack"),
    ("WEBHOOK", "Webhook"),
];

fn type_title(record: &Record) -> String {
    let kind = record.text("/integrationType").unwrap_or("(no type)");
    TYPES
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(kind, |(_, t)| t)
        .to_string()
}

pub fn summary(record: &Record) -> IntegrationSummary {
    IntegrationSummary {
        id: record.id.clone(),
        name: record
            .text("/integrationName")
            .unwrap_or(&record.id)
            .to_string(),
        kind: type_title(record),
        ..Default::default()
    }
}

pub const COLUMNS: [Column; 7] = [
    Column::detail("ID", Read::Id),
    Column::both(
        "Type",
        Read::With {
            cell: |record, _: &Lookups| Cell::Text(type_title(record)),
            secrets: &[],
        },
    ),
    // A Slack webhook URL is its own credential; other targets may carry tokens in their
    // path or query: every target is masked, its host shown.
    Column::both("Target", Read::Secret("/target")).as_(Role::Target),
    Column::both("Channel", Read::Text("/channel")),
    Column::both("Auth user", Read::Text("/authUser")),
    Column::detail("Auth method", Read::Text("/authMethod")),
    Column::detail("Auth token", Read::Secret("/authToken")),
];

/// The type filter, applied to the loaded rows.
pub fn list_filters() -> FormSpec {
    let mut choices = vec![Choice::new("", "Any type")];
    choices.extend(TYPES.iter().map(|(k, t)| Choice::new(*k, *t)));
    FormSpec::new(vec![FieldSpec::choice("/integrationType", "Type", choices)])
}

pub fn capabilities() -> Capabilities {
    Capabilities::read_only(READ_ONLY)
}

#[cfg(test)]
#[path = "v6_tests.rs"]
mod tests;
