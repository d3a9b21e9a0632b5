//! What Patchbay sends to Grafana OnCall. Every builder checks its input first.

use serde_json::{json, Map, Value};

use super::spec::{integration_form, list_filters, maintenance_form};
use crate::domain::api::{check_draft, refused, Cursor, ListQuery, Lookup, Record};
use crate::domain::error::ApiError;
use crate::domain::field::{FieldKind, FieldSpec, FormSpec};
use crate::domain::pointer::{self, is_blank};
use crate::domain::request::{encode_segment, Request};

const COLLECTION: &str = "/api/v1/integrations/";
/// The engine reports at most 100 per page, whatever is asked.
pub const MAX_PER_PAGE: u32 = 100;

/// `perpage`: 1 to 100.
pub fn list_query_form() -> FormSpec {
    FormSpec::new(vec![FieldSpec::integer("/perpage", "Per page")
        .range(Some(1), Some(i64::from(MAX_PER_PAGE)))
        .default_value(json!(MAX_PER_PAGE))])
}

pub fn list(query: &ListQuery, cursor: Option<&Cursor>) -> Result<Request, ApiError> {
    let perpage = query.page_size.unwrap_or(MAX_PER_PAGE);
    check_draft(&list_query_form(), &json!({ "perpage": perpage }))?;
    let filters: Map<String, Value> = query
        .filters
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    check_draft(&list_filters(), &Value::Object(filters))?;
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
    let mut request = Request::get(COLLECTION)
        .query("page", page.to_string())
        .query("perpage", perpage.to_string());
    for (name, value) in &query.filters {
        if matches!(name.as_str(), "name" | "team_id") && !value.is_empty() {
            request = request.query(name.clone(), value.clone());
        }
    }
    Ok(request)
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
        },
        Lookup {
            pointer: super::spec::ESCALATION_CHAIN.into(),
            what: "escalation chains".into(),
            first: first("/api/v1/escalation_chains/"),
        },
    ]
}

fn item_path(id: &str) -> String {
    format!("{COLLECTION}{}/", encode_segment(id))
}

/// The JSON OnCall takes. An empty choice (no team, no chain) is `null`; an empty template is
/// `null` too, which resets it to the default (on create, empty templates are simply left out).
fn body_of(form: &FormSpec, draft: &Value, creating: bool) -> Value {
    let mut body = json!({});
    let text = |pointer: &str| {
        Some(pointer::get_text(draft, pointer).trim().to_string()).filter(|t| !t.is_empty())
    };
    if creating {
        body["type"] = json!(text("/type"));
    }
    if let Some(name) = text("/name") {
        body["name"] = json!(name);
    }
    match text("/description_short") {
        Some(description) => body["description_short"] = json!(description),
        None if !creating => body["description_short"] = Value::Null,
        None => {}
    }
    body["team_id"] = json!(text("/team_id"));
    let mut route = json!({ "escalation_chain_id": text("/default_route/escalation_chain_id") });
    let enabled = |pointer: &str| {
        pointer::get(draft, pointer)
            .and_then(Value::as_bool)
            .unwrap_or(false)
    };
    // An emptied channel on edit is sent as null, which clears it; left out, OnCall keeps it.
    match text("/default_route/slack/channel_id").map(|c| c.to_uppercase()) {
        Some(channel) => {
            route["slack"] =
                json!({ "channel_id": channel, "enabled": enabled("/default_route/slack/enabled") })
        }
        None if !creating => route["slack"] = json!({ "channel_id": null, "enabled": false }),
        None => {}
    }
    match text("/default_route/telegram/id") {
        Some(id) => {
            route["telegram"] =
                json!({ "id": id, "enabled": enabled("/default_route/telegram/enabled") })
        }
        None if !creating => route["telegram"] = json!({ "id": null, "enabled": false }),
        None => {}
    }
    body["default_route"] = route;
    let mut templates = json!({});
    for field in template_fields(form) {
        let value = pointer::get(draft, &field.pointer);
        let relative = field.pointer.trim_start_matches("/templates");
        match (is_blank(value), creating) {
            (false, _) => {
                pointer::set(&mut templates, relative, value.cloned().unwrap_or_default())
            }
            (true, false) => pointer::set(&mut templates, relative, Value::Null),
            (true, true) => {}
        }
    }
    if templates.as_object().is_some_and(|t| !t.is_empty()) {
        body["templates"] = templates;
    }
    body
}

/// Every template field of the form, behaviour templates and per-channel ones.
fn template_fields(form: &FormSpec) -> Vec<&FieldSpec> {
    form.active_fields(&Value::Null)
        .into_iter()
        .filter(|f| f.pointer.starts_with("/templates/") && matches!(f.kind, FieldKind::Multiline))
        .collect()
}

#[cfg(test)]
#[path = "requests_tests.rs"]
mod tests;
