//! Reading OnCall's answers: the page envelope, one integration, rows and detail fields, the
//! edit draft, lookups, and what may be done to an integration.

use serde_json::{json, Value};

use super::errors;
use super::spec::{integration_form, ESCALATION_CHAIN, TEAM};
use super::types;
use crate::domain::api::{
    Capabilities, Cell, Cursor, IntegrationSummary, LookupPage, Lookups, Record,
};
use crate::domain::error::ApiError;
use crate::domain::error_body::malformed;
use crate::domain::field::{Choice, FieldKind};
use crate::domain::listing::{Paging, RecordShape};
use crate::domain::records::title_in;
use crate::domain::request::Response;

/// Where OnCall keeps its records:
/// `{count, next, previous, results, current_page_number, page_size, total_pages}`.
pub const RECORDS: RecordShape = RecordShape {
    items: "/results",
    id: "/id",
};

/// OnCall pages by page number, and its `next` is an absolute link from its own base URL.
pub const PAGING: Paging = Paging::NextLink {
    next: "/next",
    total: Some("/count"),
};

/// Teams and escalation chains share the envelope; each result has an `id` and a `name`.
pub fn lookup(response: &Response) -> Result<LookupPage, ApiError> {
    let json = envelope(response, "the choices")?;
    let results = json
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| malformed(response, "the choices have no results array"))?;
    let choices = results
        .iter()
        .filter_map(|item| {
            let id = item.get("id")?.as_str()?;
            let name = item.get("name").and_then(Value::as_str).unwrap_or(id);
            Some(Choice::new(id, name))
        })
        .collect();
    Ok(LookupPage {
        choices,
        next: next_link(&json),
    })
}

fn envelope(response: &Response, what: &str) -> Result<Value, ApiError> {
    if !response.is_success() {
        return Err(errors::parse(response, 0));
    }
    response
        .json()
        .map_err(|_| malformed(response, &format!("{what} is not valid JSON")))
}

fn next_link(json: &Value) -> Option<Cursor> {
    json.get("next")
        .and_then(Value::as_str)
        .filter(|l| !l.is_empty())
        .map(|l| Cursor::Link(l.to_string()))
}

fn text<'a>(record: &'a Record, pointer: &str) -> Option<&'a str> {
    record
        .raw
        .pointer(pointer)
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
}

/// The type's title, or the raw type for one Patchbay does not know.
pub fn kind_title(record: &Record) -> String {
    let kind = text(record, "/type").unwrap_or("(none)");
    types::title(kind).unwrap_or(kind).to_string()
}

pub fn summary(record: &Record) -> IntegrationSummary {
    IntegrationSummary {
        id: record.id.clone(),
        name: text(record, "/name").unwrap_or(&record.id).to_string(),
        kind: kind_title(record),
        description: text(record, "/description_short").map(str::to_string),
    }
}

pub const LIST_COLUMNS: [&str; 7] = [
    "Type",
    "Team",
    "Description",
    "Escalation chain",
    "Maintenance",
    "Ingest link",
    "Inbound email",
];

pub fn list_cells(record: &Record, lookups: &Lookups) -> Vec<Cell> {
    let named = |pointer: &str, value: Option<&str>| match value {
        Some(id) => Cell::Text(title_in(lookups, pointer, id)),
        None => Cell::Empty,
    };
    vec![
        Cell::Text(kind_title(record)),
        named(TEAM, text(record, "/team_id")),
        Cell::text(text(record, "/description_short")),
        named(
            ESCALATION_CHAIN,
            text(record, "/default_route/escalation_chain_id"),
        ),
        Cell::text(maintenance(record).as_deref()),
        Cell::secret(text(record, "/link")),
        Cell::secret(text(record, "/inbound_email")),
    ]
}

/// "maintenance until 2026-11-23T16:00:00Z", or nothing when not in maintenance.
fn maintenance(record: &Record) -> Option<String> {
    let mode = text(record, "/maintenance_mode")?;
    Some(match text(record, "/maintenance_end_at") {
        Some(end) => format!("{mode} until {end}"),
        None => mode.to_string(),
    })
}

pub fn detail_fields(record: &Record, lookups: &Lookups) -> Vec<(String, Cell)> {
    let mut fields = vec![
        ("ID".to_string(), Cell::Text(record.id.clone())),
        ("Name".to_string(), Cell::text(text(record, "/name"))),
    ];
    for (label, cell) in LIST_COLUMNS.iter().zip(list_cells(record, lookups)) {
        fields.push((label.to_string(), cell));
    }
    let more = [
        (
            "Maintenance started",
            Cell::time(text(record, "/maintenance_started_at")),
        ),
        (
            "Default route",
            Cell::text(text(record, "/default_route/id")),
        ),
        (
            "Slack channel",
            Cell::text(text(record, "/default_route/slack/channel_id")),
        ),
        (
            "Telegram channel",
            Cell::text(text(record, "/default_route/telegram/id")),
        ),
        (
            "Heartbeat link",
            Cell::secret(text(record, "/heartbeat/link")),
        ),
    ];
    fields.extend(more.into_iter().map(|(l, c)| (l.to_string(), c)));
    fields
}

/// Every template starts from its current value; `null` (the default) is an empty field.
pub fn draft_from(record: &Record) -> Value {
    let raw = &record.raw;
    let text = |pointer: &str| json!(raw.pointer(pointer).and_then(Value::as_str).unwrap_or(""));
    let flag = |pointer: &str| {
        json!(raw
            .pointer(pointer)
            .and_then(Value::as_bool)
            .unwrap_or(false))
    };
    let mut draft = json!({
        "type": text("/type"),
        "name": text("/name"),
        "description_short": text("/description_short"),
        "team_id": text("/team_id"),
        "default_route": {
            "escalation_chain_id": text("/default_route/escalation_chain_id"),
            "slack": {"channel_id": text("/default_route/slack/channel_id"), "enabled": flag("/default_route/slack/enabled")},
            "telegram": {"id": text("/default_route/telegram/id"), "enabled": flag("/default_route/telegram/enabled")},
        },
    });
    for field in integration_form(Some(record)).active_fields(&Value::Null) {
        if field.pointer.starts_with("/templates/") && matches!(field.kind, FieldKind::Multiline) {
            crate::domain::pointer::set(&mut draft, &field.pointer, text(&field.pointer));
        }
    }
    draft
}

/// Known types may be edited and deleted, except that OnCall refuses to delete direct paging;
/// a type Patchbay does not know is read-only.
pub fn capabilities(record: &Record) -> Capabilities {
    let kind = text(record, "/type").unwrap_or("");
    if !types::is_known(kind) {
        return Capabilities::read_only(format!(
            "Patchbay does not know the OnCall integration type “{kind}” yet, so it is shown read-only."
        ));
    }
    if kind == "direct_paging" {
        return Capabilities {
            can_delete: false,
            read_only_reason: Some(
                "OnCall does not allow deleting direct paging integrations.".into(),
            ),
            ..Capabilities::full()
        };
    }
    Capabilities::full()
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
