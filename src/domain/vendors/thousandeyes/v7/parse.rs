//! Reading ThousandEyes v7's answers: the two lists (`{items, _links}`, unpaged) as one, a
//! record of either kind, the lookups, and the assignments between operations and connectors.

use serde_json::Value;

use super::errors;
use super::kinds::{kind_of, kind_of_raw, Kind};
use super::requests::{self, OPERATIONS_PHASE};
use super::spec::{CONNECTOR, OPERATION_NAMES};
use crate::domain::api::{
    Cell, Cursor, LookupPage, Lookups, Page, Record, SubList, SubPage, SubRow,
};
use crate::domain::error::ApiError;
use crate::domain::error_body::malformed;
use crate::domain::field::Choice;
use crate::domain::records::title_in;
use crate::domain::request::Response;

/// A list answer's items.
fn items(response: &Response) -> Result<Vec<Value>, ApiError> {
    if !response.is_success() {
        return Err(errors::parse(response, 0));
    }
    let json = response
        .json()
        .map_err(|_| malformed(response, "the list is not valid JSON"))?;
    match json.get("items") {
        Some(Value::Array(items)) => Ok(items.clone()),
        // An empty collection may come back without `items`.
        None if json.is_object() => Ok(Vec::new()),
        _ => Err(malformed(response, "the answer holds no items list")),
    }
}

/// One record of `kind`, with Patchbay's id; `None` without a usable id.
fn record_of(kind: Kind, raw: Value) -> Option<Record> {
    let id = match raw.get("id")? {
        Value::String(id) if !id.is_empty() => id.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    raw.is_object().then(|| Record {
        id: kind.id(&id),
        raw,
    })
}

/// The connectors (first phase, which then points at the operations) or the operations.
pub fn list(response: &Response, at: Option<&Cursor>) -> Result<Page, ApiError> {
    let kind = match at {
        Some(Cursor::Token(phase)) if phase == OPERATIONS_PHASE => Kind::Operation,
        _ => Kind::Connector,
    };
    let mut page = Page::default();
    for item in items(response)? {
        match record_of(kind, item) {
            Some(record) => page.records.push(record),
            None => page.skipped += 1,
        }
    }
    if kind == Kind::Connector {
        page.next = Some(Cursor::Token(OPERATIONS_PHASE.into()));
    }
    Ok(page)
}

/// A record as a read, a create or a replace answers it; its kind is read from its shape.
pub fn one(response: &Response) -> Result<Record, ApiError> {
    if !response.is_success() {
        return Err(errors::parse(response, 0));
    }
    let raw = response
        .json()
        .map_err(|_| malformed(response, "the answer is not valid JSON"))?;
    record_of(kind_of_raw(&raw), raw).ok_or_else(|| malformed(response, "the answer has no id"))
}

/// Connectors or operations as choices (the vendor's id, named), whichever list this is.
pub fn lookup(response: &Response) -> Result<LookupPage, ApiError> {
    let choices = items(response)?.iter().filter_map(Choice::named).collect();
    Ok(LookupPage {
        choices,
        next: None,
    })
}

/// On an operation's page, the connector it sends through; on a connector's, the operations
/// it sends.
pub fn sub_list(record: &Record) -> SubList {
    let title = match kind_of(record) {
        Kind::Operation => "Sends through",
        Kind::Connector => "Operations sent through this connector",
    };
    SubList {
        title,
        columns: &["Name", "ID"],
        first: requests::assignments(record),
        clear: None,
        paged: false,
    }
}

/// `{items: [ids]}`, named by the lookups.
pub fn assignments(
    record: &Record,
    response: &Response,
    lookups: &Lookups,
) -> Result<SubPage, ApiError> {
    let ids = items(response)?;
    let names = match kind_of(record) {
        Kind::Operation => CONNECTOR,
        Kind::Connector => OPERATION_NAMES,
    };
    let rows: Vec<SubRow> = ids
        .iter()
        .filter_map(Value::as_str)
        .map(|id| SubRow {
            id: id.to_string(),
            cells: vec![
                Cell::Text(title_in(lookups, names, id)),
                Cell::Text(id.to_string()),
            ],
            replay: None,
        })
        .collect();
    Ok(SubPage {
        total: Some(rows.len() as u64),
        rows,
    })
}
