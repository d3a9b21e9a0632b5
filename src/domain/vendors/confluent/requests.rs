//! What Patchbay sends to Confluent. Each builder checks its input first, so an invalid draft
//! or an out-of-range page parameter never leaves the browser.

use serde_json::{json, Value};
use url::Url;

use super::spec::{integration_form, list_query_form, page_token_rule};
use super::target::TargetKind;
use crate::domain::api::{check_draft, refused, Cursor, ListQuery, Record};
use crate::domain::draft::{changed_fields, payload};
use crate::domain::error::ApiError;
use crate::domain::request::{encode_segment, Request};

const COLLECTION: &str = "/notifications/v1/integrations";
const DEFAULT_PAGE_SIZE: u32 = 100;

pub fn list(query: &ListQuery, cursor: Option<&Cursor>) -> Result<Request, ApiError> {
    let size = query.page_size.unwrap_or(DEFAULT_PAGE_SIZE);
    check_draft(&list_query_form(), &json!({ "page_size": size }))?;
    match cursor {
        None => Ok(Request::get(COLLECTION).query("page_size", size.to_string())),
        // `metadata.next` is absolute; the fetch layer maps it onto the route or refuses it.
        Some(Cursor::Link(link)) => {
            if let Some(token) = token_in(link) {
                check_draft(&page_token_rule(), &json!({ "page_token": token }))?;
            }
            Ok(Request::get(link.clone()))
        }
        Some(Cursor::Token(token)) => {
            check_draft(&page_token_rule(), &json!({ "page_token": token }))?;
            Ok(Request::get(COLLECTION)
                .query("page_size", size.to_string())
                .query("page_token", token.clone()))
        }
        Some(other) => Err(refused(format!(
            "Confluent pages by token, not by {other:?}."
        ))),
    }
}

fn token_in(link: &str) -> Option<String> {
    let url = Url::parse(link).ok()?;
    url.query_pairs()
        .find(|(name, _)| name == "page_token")
        .map(|(_, value)| value.into_owned())
}

pub fn get(id: &str) -> Request {
    Request::get(item_path(id))
}

pub fn create(draft: &Value) -> Result<Request, ApiError> {
    let form = integration_form();
    check_draft(&form, draft)?;
    Ok(Request::post(COLLECTION).json(payload(&form, draft)))
}

/// A PATCH carrying only the fields that differ from the record as loaded.
pub fn update(before: &Record, draft: &Value) -> Result<Request, ApiError> {
    writable(before)?;
    let form = integration_form();
    check_draft(&form, draft)?;
    let loaded = payload(&form, &super::parse::draft_from(before));
    let changes = changed_fields(&loaded, &payload(&form, draft));
    if changes.as_object().is_some_and(|c| c.is_empty()) {
        return Err(refused("Nothing has changed, so there is nothing to save."));
    }
    Ok(Request::patch(item_path(&before.id)).json(changes))
}

pub fn delete(record: &Record) -> Result<Request, ApiError> {
    writable(record)?;
    Ok(Request::delete(item_path(&record.id)))
}

/// `POST …/integrations:test`: the vendor sends a test notification and saves nothing.
pub fn test(draft: &Value) -> Result<Request, ApiError> {
    let form = integration_form();
    check_draft(&form, draft)?;
    Ok(Request::post(format!("{COLLECTION}:test")).json(payload(&form, draft)))
}

fn writable(record: &Record) -> Result<(), ApiError> {
    let capabilities = TargetKind::of(&record.raw).capabilities();
    match capabilities.read_only_reason {
        Some(reason) => Err(refused(reason)),
        None => Ok(()),
    }
}

fn item_path(id: &str) -> String {
    format!("{COLLECTION}/{}", encode_segment(id))
}

#[cfg(test)]
#[path = "requests_tests.rs"]
mod tests;
