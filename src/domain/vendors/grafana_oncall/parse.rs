//! Reading OnCall's answers: the page envelope, one integration, rows and detail fields, the
//! edit draft, lookups, and what may be done to an integration.

use serde_json::{json, Value};

use super::errors;
use super::spec::{integration_form, ESCALATION_CHAIN, TEAM};
use super::types;
use crate::domain::api::{
    Capabilities, Cell, Cursor, IntegrationSummary, LookupPage, Lookups, Record,
};
use crate::domain::columns::{Column, Read, Role};
use crate::domain::error::ApiError;
use crate::domain::error_body::malformed;
use crate::domain::field::{Choice, FieldKind};
use crate::domain::listing::{Paging, RecordShape};
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
    page_param: Some("page"),
};

/// Teams and escalation chains share the envelope; each result has an `id` and a `name`.
pub fn lookup(response: &Response) -> Result<LookupPage, ApiError> {
    let json = envelope(response, "the choices")?;
    let results = json
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| malformed(response, "the choices have no results array"))?;
    let choices = results.iter().filter_map(Choice::named).collect();
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

/// The type's title, or the raw type for one Patchbay does not know.
pub fn kind_title(record: &Record) -> String {
    let kind = record.text("/type").unwrap_or("(none)");
    types::title(kind).unwrap_or(kind).to_string()
}

pub fn summary(record: &Record) -> IntegrationSummary {
    IntegrationSummary {
        id: record.id.clone(),
        name: record.text("/name").unwrap_or(&record.id).to_string(),
        kind: kind_title(record),
        description: record.text("/description_short").map(str::to_string),
        ..Default::default()
    }
}

/// OnCall's columns: the list shows type, team and chain by name, description, maintenance
/// and the two credentials (ingest link, inbound email); the detail page adds the id, name,
/// route and heartbeat link (a credential too).
pub const COLUMNS: [Column; 14] = [
    Column::detail("ID", Read::Id),
    Column::detail("Name", Read::Text("/name")),
    Column::both("Type", Read::computed(type_cell)),
    Column::both(
        "Team",
        Read::Named {
            pointer: "/team_id",
            lookup: TEAM,
        },
    ),
    Column::both("Description", Read::Text("/description_short")),
    Column::both(
        "Escalation chain",
        Read::Named {
            pointer: "/default_route/escalation_chain_id",
            lookup: ESCALATION_CHAIN,
        },
    )
    .as_(Role::Uses),
    Column::both("Maintenance", Read::computed(maintenance_cell)),
    Column::both("Ingest link", Read::Secret("/link")),
    Column::both("Inbound email", Read::Secret("/inbound_email")),
    Column::detail("Maintenance started", Read::Time("/maintenance_started_at")),
    Column::detail("Default route", Read::Text("/default_route/id")),
    Column::detail(
        "Slack channel",
        Read::Text("/default_route/slack/channel_id"),
    )
    .as_(Role::Uses),
    Column::detail("Telegram channel", Read::Text("/default_route/telegram/id")).as_(Role::Uses),
    Column::detail("Heartbeat link", Read::Secret("/heartbeat/link")),
];

fn type_cell(record: &Record, _: &Lookups) -> Cell {
    Cell::Text(kind_title(record))
}

/// "maintenance until 2026-11-23T16:00:00Z", or nothing when not in maintenance.
fn maintenance_cell(record: &Record, _: &Lookups) -> Cell {
    let Some(mode) = record.text("/maintenance_mode") else {
        return Cell::Empty;
    };
    Cell::Text(match record.text("/maintenance_end_at") {
        Some(end) => format!("{mode} until {end}"),
        None => mode.to_string(),
    })
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
    let kind = record.text("/type").unwrap_or("");
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
