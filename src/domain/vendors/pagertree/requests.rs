//! What Patchbay sends to PagerTree. Every builder checks its input first.

use serde_json::Value;

use super::parse::{type_id, ACCOUNT_USERS, MAX_LIMIT, ROUTERS, TEAMS};
use super::spec::{create_check_form, integration_form, list_filters, FILTERS, TYPE, TYPE_FIXED};
use crate::domain::api::{check_draft, refused, Cursor, ListQuery, Lookup, Record};
use crate::domain::draft::body;
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::list_query::{checked_list_query, offset_of, page_size_form, with_filters};
use crate::domain::request::{encode_segment, Request};
use crate::domain::send_rule::Purpose;

const COLLECTION: &str = "/integrations";

/// `limit`: 1 to 100.
pub fn list_query_form() -> FormSpec {
    page_size_form("/limit", MAX_LIMIT)
}

pub fn list(query: &ListQuery, cursor: Option<&Cursor>) -> Result<Request, ApiError> {
    let limit = checked_list_query(query, &list_query_form(), MAX_LIMIT, &list_filters())?;
    let offset = offset_of(cursor, "PagerTree")?;
    let request = Request::get(COLLECTION)
        .query("limit", limit.to_string())
        .query("offset", offset.to_string());
    Ok(with_filters(request, query, &FILTERS))
}

pub fn get(id: &str) -> Request {
    Request::get(item_path(id))
}

/// A POST with the type, the destinations and the chosen type's options flat as `option_<key>`.
pub fn create(draft: &Value) -> Result<Request, ApiError> {
    let form = create_check_form(draft);
    check_draft(&form, draft)?;
    Ok(Request::post(COLLECTION).json(body(&form, draft, Purpose::Create)))
}

/// A PUT of every editable field. The type is fixed: a draft that changes it is refused.
pub fn update(record: &Record, draft: &Value) -> Result<Request, ApiError> {
    let was = type_id(&record.raw);
    let now = draft.get("integration_type_id").and_then(Value::as_str);
    if now.is_some_and(|now| now != was) {
        return Err(refused(TYPE_FIXED));
    }
    let form = integration_form(Some(record), &[]);
    check_draft(&form, draft)?;
    Ok(Request::put(item_path(&record.id)).json(body(&form, draft, Purpose::Edit)))
}

pub fn delete(record: &Record) -> Result<Request, ApiError> {
    Ok(Request::delete(item_path(&record.id)))
}

/// Teams, routers, account users and the catalogue of types, each read 100 at a time.
pub fn lookups() -> Vec<Lookup> {
    let first = |path: &str| Request::get(path).query("limit", MAX_LIMIT.to_string());
    [
        (TEAMS, "teams", "/teams"),
        (ROUTERS, "routers", "/routers"),
        (ACCOUNT_USERS, "account users", "/account_users"),
        (TYPE, "integration types", "/integration_types"),
    ]
    .into_iter()
    .map(|(pointer, what, path)| Lookup {
        pointer: pointer.into(),
        what: what.into(),
        first: first(path),
        optional: false,
    })
    .collect()
}

fn item_path(id: &str) -> String {
    format!("{COLLECTION}/{}", encode_segment(id))
}

#[cfg(test)]
#[path = "requests_tests.rs"]
mod tests;
