//! Checking what a list is asked for before anything is sent: the page size against the
//! vendor's range, the filters against its filter form, and where an offset-paged list
//! continues. Every vendor's list builder starts here.

use serde_json::Value;

use super::api::{check_draft, refused};
use super::error::ApiError;
use super::field::{FieldSpec, FormSpec};
use super::records::{Cursor, ListQuery};
use super::request::Request;

/// A list's page-size parameter as a one-field form: a whole number from 1 to `max`,
/// starting at `max` (`/perpage`, `/limit`, `/count`).
pub fn page_size_form(pointer: &str, max: u32) -> FormSpec {
    FormSpec::new(vec![FieldSpec::integer(pointer, "Per page")
        .range(Some(1), Some(i64::from(max)))
        .default_value(Value::from(max))])
}

/// Where an offset-paged list continues: 0 first, then the offset the last page gave;
/// any other cursor is refused, naming the vendor.
pub fn offset_of(cursor: Option<&Cursor>, vendor: &str) -> Result<u64, ApiError> {
    match cursor {
        None => Ok(0),
        Some(Cursor::Offset(offset)) => Ok(*offset),
        Some(other) => Err(refused(format!(
            "{vendor} pages by offset, not by {other:?}."
        ))),
    }
}

/// The page size a list query asks for (`default` when it names none), once the size passes
/// `size_form` (one integer field: the vendor's page-size parameter and its range) and the
/// query's filters pass `filters`; otherwise the refusal, and nothing is sent.
pub fn checked_list_query(
    query: &ListQuery,
    size_form: &FormSpec,
    default: u32,
    filters: &FormSpec,
) -> Result<u32, ApiError> {
    let size = query.page_size.unwrap_or(default);
    let mut asked = Value::Object(Default::default());
    if let Some(field) = size_form.fields.first() {
        super::pointer::set(&mut asked, &field.pointer, Value::from(size));
    }
    check_draft(size_form, &asked)?;
    let mut given = serde_json::Map::new();
    for (name, value) in &query.filters {
        given.insert(name.clone(), Value::String(value.clone()));
    }
    check_draft(filters, &Value::Object(given))?;
    Ok(size)
}

/// `request` with the query's non-empty filters among `names` as parameters: the filters the
/// vendor's list takes, in the order they were given.
pub fn with_filters(mut request: Request, query: &ListQuery, names: &[&str]) -> Request {
    for (name, value) in &query.filters {
        if names.contains(&name.as_str()) && !value.is_empty() {
            request = request.query(name.clone(), value.clone());
        }
    }
    request
}
