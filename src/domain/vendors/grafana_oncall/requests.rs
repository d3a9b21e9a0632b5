//! What Patchbay sends to Grafana OnCall. Every builder checks its input first.

use serde_json::{json, Value};

use super::spec::{integration_form, list_filters, maintenance_form};
use crate::domain::api::{check_draft, refused, Cursor, ListQuery, Lookup, Record};
use crate::domain::draft::body;
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::list_query::{checked_list_query, page_size_form, with_filters};
use crate::domain::pointer;
use crate::domain::request::{encode_segment, Request};
use crate::domain::send_rule::Purpose;

const COLLECTION: &str = "/api/v1/integrations/";
/// The engine reports at most 100 per page, whatever is asked.
pub const MAX_PER_PAGE: u32 = 100;

/// `perpage`: 1 to 100.
pub fn list_query_form() -> FormSpec {
    page_size_form("/perpage", MAX_PER_PAGE)
}

pub fn list(query: &ListQuery, cursor: Option<&Cursor>) -> Result<Request, ApiError> {
    let perpage = checked_list_query(query, &list_query_form(), MAX_PER_PAGE, &list_filters())?;
    let page = match cursor {
        None => 1,
        // `next` is absolute, built from the engine's own base URL: the route maps or refuses it.
        Some(Cursor::Link(link)) => return Ok(Request::get(link.clone())),
        Some(Cursor::PageNumber(page)) => *page,
        Some(other) => {
            return Err(refused(format!(
                "OnCall pages by page number, not by {other:?}."
            )))
        }
    };
    let request = Request::get(COLLECTION)
        .query("page", page.to_string())
        .query("perpage", perpage.to_string());
    Ok(with_filters(request, query, &["name", "team_id"]))
}

pub fn get(id: &str) -> Request {
    Request::get(item_path(id))
}

pub fn create(draft: &Value) -> Result<Request, ApiError> {
    let form = integration_form(None);
    check_draft(&form, draft)?;
    Ok(Request::post(COLLECTION).json(body_of(&form, draft, true)))
}

/// A PUT of every editable field; OnCall ignores `type`, so it is not sent.
pub fn update(record: &Record, draft: &Value) -> Result<Request, ApiError> {
    let capabilities = super::parse::capabilities(record);
    if !capabilities.can_edit {
        return Err(refused(capabilities.read_only_reason.unwrap_or_default()));
    }
    let form = integration_form(Some(record));
    check_draft(&form, draft)?;
    Ok(Request::put(item_path(&record.id)).json(body_of(&form, draft, false)))
}

pub fn delete(record: &Record) -> Result<Request, ApiError> {
    let capabilities = super::parse::capabilities(record);
    if !capabilities.can_delete {
        return Err(refused(capabilities.read_only_reason.unwrap_or_default()));
    }
    Ok(Request::delete(item_path(&record.id)))
}

/// `maintenance_start` (mode and duration in seconds) or `maintenance_stop`.
pub fn action(action: &str, record: &Record, draft: &Value) -> Result<Request, ApiError> {
    match action {
        "maintenance_start" => {
            check_draft(&maintenance_form(), draft)?;
            let duration: i64 = pointer::get_text(draft, "/duration")
                .parse()
                .map_err(|_| refused("Choose a duration."))?;
            let mode = pointer::get_text(draft, "/mode");
            Ok(
                Request::post(format!("{}maintenance_start/", item_path(&record.id)))
                    .json(json!({"mode": mode, "duration": duration})),
            )
        }
        "maintenance_stop" => Ok(Request::post(format!(
            "{}maintenance_stop/",
            item_path(&record.id)
        ))
        .json(json!({}))),
        other => Err(refused(format!("OnCall has no action “{other}”."))),
    }
}

/// Teams and escalation chains, for the team and escalation chain fields.
pub fn lookups() -> Vec<Lookup> {
    let first = |path: &str| Request::get(path).query("perpage", MAX_PER_PAGE.to_string());
    vec![
        Lookup {
            pointer: super::spec::TEAM.into(),
            what: "teams".into(),
            first: first("/api/v1/teams/"),
            optional: false,
        },
        Lookup {
            pointer: super::spec::ESCALATION_CHAIN.into(),
            what: "escalation chains".into(),
            first: first("/api/v1/escalation_chains/"),
            optional: false,
        },
    ]
}

fn item_path(id: &str) -> String {
    format!("{COLLECTION}{}/", encode_segment(id))
}

/// The JSON OnCall takes, derived from the form: its send rules say that an empty team or
/// chain is `null`, an emptied description, channel or template is cleared on edit (`null`), a
/// channel's "enabled" flag travels with its channel, and the Slack channel is upper-cased.
fn body_of(form: &FormSpec, draft: &Value, creating: bool) -> Value {
    let purpose = if creating {
        Purpose::Create
    } else {
        Purpose::Edit
    };
    body(form, draft, purpose)
}

#[cfg(test)]
#[path = "requests_tests.rs"]
mod tests;
