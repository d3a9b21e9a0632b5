//! Reading PagerTree's answers: the list envelope `{data, has_more, total_count}`, one
//! integration, its row and detail cells, and the edit draft (options come back under
//! `options` and go out flat as `option_<key>`).

use serde_json::{json, Map, Value};

use super::options::{label_of, secret_keys};
use crate::domain::api::{Cell, IntegrationSummary, Lookups, Record};
use crate::domain::columns::{Column, Read, Role};
use crate::domain::listing::{OffsetEnd, Paging, RecordShape};
use crate::domain::records::title_in;

pub const RECORDS: RecordShape = RecordShape {
    items: "/data",
    id: "/id",
};

/// The most `limit` allows (the least is 1).
pub const MAX_LIMIT: u32 = 100;

/// Pages of `MAX_LIMIT`; `offset` moves on, `has_more` says whether it may.
pub const PAGING: Paging = Paging::Offset {
    offset: "offset",
    limit: "limit",
    size: MAX_LIMIT as u64,
    end: OffsetEnd::HasMore {
        has_more: "/has_more",
        total: "/total_count",
    },
};

/// The lookups of the three kinds of destination, by the field that holds their ids.
pub const ACCOUNT_USERS: &str = "/account_user_ids";
pub const ROUTERS: &str = "/router_ids";
pub const TEAMS: &str = "/team_ids";
/// The lookup of integration types, by the field that holds a type's id.
pub const TYPE: &str = "/integration_type_id";
/// The form's group of the three, where the at-least-one rule reports.
pub const DESTINATIONS: &str = "/destinations";

/// Where each credential among the options sits in a record (see `options::secret_keys`, which
/// a test holds this list to).
pub const OPTION_SECRETS: &[&str] = &[
    "/options/access_key",
    "/options/access_token",
    "/options/api_key",
    "/options/api_secret",
    "/options/app_secret",
    "/options/authentication_token",
    "/options/authorization_refresh_token",
    "/options/authorization_token",
    "/options/bearer_token",
    "/options/client_secret",
    "/options/code",
    "/options/incoming_webhook_url",
    "/options/password",
    "/options/server_password",
    "/options/token",
    "/options/webhook_secret",
    "/options/webhook_url",
];

pub fn summary(record: &Record) -> IntegrationSummary {
    IntegrationSummary {
        id: record.id.clone(),
        name: record.text("/name").unwrap_or(&record.id).to_string(),
        kind: record
            .text("/integration_type/name")
            .unwrap_or("(no type)")
            .to_string(),
        ..Default::default()
    }
}

/// The list shows type, urgency, whether it is on, where its alerts go and when it last
/// changed; the detail page adds the id, name and creation time. The options are drawn per
/// type by `option_rows`.
pub const COLUMNS: [Column; 9] = [
    Column::detail("ID", Read::Id),
    Column::detail("Name", Read::Text("/name")),
    Column::both("Type", Read::computed(type_cell)),
    Column::both("Urgency", Read::Text("/urgency")),
    Column::both("Enabled", Read::enabled("/enabled")).as_(Role::Enabled),
    Column::both("Destinations", Read::computed(destinations_cell)).as_(Role::Uses),
    Column::both("Updated", Read::Time("/updated_at")).as_(Role::Updated),
    Column::detail("Created", Read::Time("/created_at")).as_(Role::Created),
    // Names the credentials among the options, so every view (the raw JSON too) masks them.
    Column::detail(
        "Options",
        Read::With {
            cell: options_cell,
            secrets: OPTION_SECRETS,
        },
    ),
];

/// How many options are set (each is its own detail row, from `option_rows`).
fn options_cell(record: &Record, _: &Lookups) -> Cell {
    let set = record
        .raw
        .get("options")
        .and_then(Value::as_object)
        .map_or(0, |options| {
            options
                .values()
                .filter(|v| !v.is_null() && v.as_str() != Some(""))
                .count()
        });
    if set == 0 {
        Cell::Empty
    } else {
        Cell::Text(format!("{set} set"))
    }
}

/// The type's name as the record carries it, else the catalogue's name for its id (an answer
/// that holds only `integration_type_id`).
fn type_cell(record: &Record, lookups: &Lookups) -> Cell {
    match record.text("/integration_type/name") {
        Some(name) => Cell::Text(name.to_string()),
        None => match type_id(&record.raw) {
            id if id.is_empty() => Cell::Empty,
            id => Cell::Text(title_in(lookups, TYPE, &id)),
        },
    }
}

/// "Team Platform · Router Business hours · User Ann Lee": ids shown by the names the lookups
/// give them, in PagerTree's own order of kinds.
fn destinations_cell(record: &Record, lookups: &Lookups) -> Cell {
    let named: Vec<String> = [
        (TEAMS, "Team"),
        (ROUTERS, "Router"),
        (ACCOUNT_USERS, "User"),
    ]
    .iter()
    .flat_map(|(pointer, kind)| {
        record
            .raw
            .pointer(pointer)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(move |id| format!("{kind} {}", title_in(lookups, pointer, id)))
    })
    .collect();
    if named.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(named.join(" · "))
    }
}

/// One detail row per option the record holds, credentials masked, by key.
pub fn option_rows(record: &Record) -> Vec<(String, Cell)> {
    let secrets = secret_keys();
    let Some(options) = record.raw.get("options").and_then(Value::as_object) else {
        return Vec::new();
    };
    options
        .iter()
        .map(|(key, value)| {
            let cell = match value {
                Value::Null => Cell::Empty,
                Value::String(s) if s.is_empty() => Cell::Empty,
                Value::String(s) if secrets.contains(&key.as_str()) => Cell::Secret(s.clone()),
                Value::String(s) => Cell::Text(s.clone()),
                Value::Bool(true) => Cell::Text("on".into()),
                Value::Bool(false) => Cell::Text("off".into()),
                other if secrets.contains(&key.as_str()) => Cell::Secret(other.to_string()),
                other => Cell::Text(other.to_string()),
            };
            (label_of(key), cell)
        })
        .collect()
}

/// The edit draft: the writable attributes as PagerTree takes them, options flat as
/// `option_<key>`. The type is the integration type's id (the object's, or a bare id).
pub fn draft_from(record: &Record) -> Value {
    let raw = &record.raw;
    let ids = |pointer: &str| {
        json!(raw
            .pointer(pointer)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default())
    };
    let mut draft = Map::new();
    draft.insert("name".into(), json!(record.text("/name").unwrap_or("")));
    draft.insert(
        "urgency".into(),
        json!(record.text("/urgency").unwrap_or("")),
    );
    draft.insert("integration_type_id".into(), json!(type_id(raw)));
    draft.insert(
        "enabled".into(),
        json!(raw.get("enabled").and_then(Value::as_bool).unwrap_or(true)),
    );
    for pointer in [ACCOUNT_USERS, ROUTERS, TEAMS] {
        draft.insert(pointer[1..].to_string(), ids(pointer));
    }
    if let Some(options) = raw.get("options").and_then(Value::as_object) {
        for (key, value) in options {
            let value = if value.is_null() {
                json!("")
            } else {
                value.clone()
            };
            draft.insert(format!("option_{key}"), value);
        }
    }
    Value::Object(draft)
}

/// The id of a record's integration type (the object's, or a bare id).
pub fn type_id(raw: &Value) -> String {
    raw.pointer("/integration_type/id")
        .or_else(|| raw.get("integration_type_id"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
