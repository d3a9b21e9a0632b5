//! Reading Rocket.Chat's answers: `{integrations, offset, count, total}` lists paged by
//! `offset`/`count`, `{integration}` for one, the cells of both kinds, and the edit draft
//! (`channel` comes back as an array and goes out as a comma-separated string).

use crate::domain::hygiene;
use serde_json::{json, Map, Value};

use super::spec::{event_title, kind_title, INCOMING};
use crate::domain::api::{Cell, IntegrationSummary, LookupPage, Lookups, Record};
use crate::domain::columns::{Column, Read, Role};
use crate::domain::error::ApiError;
use crate::domain::error_body::malformed;
use crate::domain::field::Choice;
use crate::domain::listing::{OffsetEnd, Paging, RecordShape};
use crate::domain::records::base_url_in;
use crate::domain::request::Response;

pub const RECORDS: RecordShape = RecordShape {
    items: "/integrations",
    id: "/_id",
};

/// The most `count` allows (the server's `API_Upper_Count_Limit`).
pub const MAX_COUNT: u32 = 100;

pub const PAGING: Paging = Paging::Offset {
    offset: "offset",
    limit: "count",
    size: MAX_COUNT as u64,
    end: OffsetEnd::Total("/total"),
};

/// Credentials: an incoming webhook's token (its URL is made of it) and an outgoing one's.
pub const SECRETS: &[&str] = &["/token"];

pub fn summary(record: &Record) -> IntegrationSummary {
    IntegrationSummary {
        id: record.id.clone(),
        name: record.text("/name").unwrap_or(&record.id).to_string(),
        kind: kind_of(record).to_string(),
        ..Default::default()
    }
}

fn kind_of(record: &Record) -> &str {
    let kind = record.text("/type").unwrap_or("(no type)");
    kind_title(kind).unwrap_or(kind)
}

pub const COLUMNS: [Column; 15] = [
    Column::detail("ID", Read::Id),
    Column::detail("Name", Read::Text("/name")),
    Column::both("Type", Read::computed(type_cell)),
    Column::both("Enabled", Read::enabled("/enabled")).as_(Role::Enabled),
    // Where it posts (incoming) or what it listens to (outgoing): what it is tied to.
    Column::both("Channels", Read::computed(channels_cell)).as_(Role::Uses),
    Column::both("Post as", Read::Text("/username")),
    Column::both("Event", Read::computed(event_cell)).as_(Role::Uses),
    Column::both("URLs", Read::computed(urls_cell)).as_(Role::Target),
    Column::both("Script", Read::computed(script_cell)),
    Column::detail(
        "Webhook URL",
        Read::With {
            cell: hook_url_cell,
            secrets: SECRETS,
        },
    ),
    Column::detail(
        "Token",
        Read::With {
            cell: outgoing_token_cell,
            secrets: SECRETS,
        },
    ),
    Column::both("Updated", Read::Time("/_updatedAt")).as_(Role::Updated),
    Column::detail("Updated by", Read::Text("/_updatedBy/username")),
    Column::detail("Created", Read::Time("/_createdAt")).as_(Role::Created),
    Column::detail("Created by", Read::Text("/_createdBy/username")),
];

fn text_or_empty(text: String) -> Cell {
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text)
    }
}

fn type_cell(record: &Record, _: &Lookups) -> Cell {
    Cell::Text(kind_of(record).to_string())
}

/// `channel`: an array in answers (a string in older ones).
pub fn channels(raw: &Value) -> String {
    match raw.get("channel") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::String(text)) => text.clone(),
        _ => String::new(),
    }
}

fn channels_cell(record: &Record, _: &Lookups) -> Cell {
    text_or_empty(channels(&record.raw))
}

fn event_cell(record: &Record, _: &Lookups) -> Cell {
    match record.text("/event") {
        Some(event) => Cell::Text(event_title(event).unwrap_or(event).to_string()),
        None => Cell::Empty,
    }
}

fn urls_cell(record: &Record, _: &Lookups) -> Cell {
    let urls: Vec<&str> = record
        .raw
        .get("urls")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    text_or_empty(urls.join(", "))
}

/// An outgoing webhook on Message sent without trigger words (it posts every message), and a
/// stored script that does not compile.
pub fn hygiene(record: &Record) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    let outgoing = record.text("/type") == Some("webhook-outgoing");
    let on_messages = record.text("/event").is_none_or(|e| e == "sendMessage");
    let words = record
        .raw
        .get("triggerWords")
        .and_then(Value::as_array)
        .is_some_and(|w| {
            w.iter()
                .any(|w| w.as_str().is_some_and(|w| !w.trim().is_empty()))
        });
    if outgoing && on_messages && !words {
        found.push((
            hygiene::NO_TRIGGER_WORDS,
            "Message sent, no trigger words".to_string(),
        ));
    }
    if let Some(error) = record
        .text("/scriptError/message")
        .or(record.text("/scriptError"))
    {
        found.push((hygiene::SCRIPT_ERROR, error.to_string()));
    }
    found
}

/// "On", "Off", or the compile error the server stored for a script that does not compile.
fn script_cell(record: &Record, _: &Lookups) -> Cell {
    let on = record.raw.get("scriptEnabled").and_then(Value::as_bool) == Some(true);
    match (
        on,
        record
            .text("/scriptError/message")
            .or(record.text("/scriptError")),
    ) {
        (_, Some(error)) => Cell::Text(format!("Does not compile: {error}")),
        (true, None) => Cell::Text("On".into()),
        (false, None) => Cell::Text("Off".into()),
    }
}

/// `<workspace>/hooks/<_id>/<token>`: the URL an incoming webhook is called at. It carries the
/// token, so it is masked like one.
fn hook_url_cell(record: &Record, lookups: &Lookups) -> Cell {
    if record.text("/type") != Some(INCOMING) {
        return Cell::Empty;
    }
    match (base_url_in(lookups), record.text("/token")) {
        (Some(base), Some(token)) => Cell::Secret(format!(
            "{}/hooks/{}/{token}",
            base.trim_end_matches('/'),
            record.id
        )),
        _ => Cell::Empty,
    }
}

fn outgoing_token_cell(record: &Record, _: &Lookups) -> Cell {
    match (record.text("/type"), record.text("/token")) {
        (Some(super::spec::OUTGOING), Some(token)) => Cell::Secret(token.to_string()),
        _ => Cell::Empty,
    }
}

/// One integration: `{integration: {...}, success: true}`.
pub fn one(response: &Response) -> Result<Record, ApiError> {
    if !response.is_success() {
        return Err(super::errors::parse(response, 0));
    }
    let json = response
        .json()
        .map_err(|_| malformed(response, "the integration is not valid JSON"))?;
    json.get("integration")
        .cloned()
        .and_then(|item| RECORDS.record(item))
        .ok_or_else(|| malformed(response, "the answer holds no integration with an id"))
}

/// `/api/info`: `{version}` for most users, `{info: {version}}` for admins (the server then
/// sends its whole info). No version (a server set to hide it) is not an error: the version is
/// then unknown, and what needs a newer server is not offered.
pub fn server_version(response: &Response) -> Result<LookupPage, ApiError> {
    if !response.is_success() {
        return Err(super::errors::parse(response, 0));
    }
    let json = response
        .json()
        .map_err(|_| malformed(response, "the server's info is not valid JSON"))?;
    let choices = ["/version", "/info/version"]
        .iter()
        .find_map(|p| json.pointer(p).and_then(Value::as_str))
        .map(|version| vec![Choice::new(version, version)])
        .unwrap_or_default();
    Ok(LookupPage {
        choices,
        next: None,
    })
}

/// The server's filters, applied to loaded rows: `type` exactly, `name` as a case-blind part
/// of the name (the server matches it as an escaped, case-insensitive pattern).
pub fn keeps(record: &Record, filters: &[(String, String)]) -> bool {
    filters.iter().all(|(key, wanted)| match key.as_str() {
        "type" => wanted.is_empty() || record.text("/type") == Some(wanted.as_str()),
        "name" => record
            .text("/name")
            .unwrap_or_default()
            .to_lowercase()
            .contains(&wanted.to_lowercase()),
        _ => true,
    })
}

/// The keys a draft may carry, all of them the server's (no read-only ones).
const WRITABLE: [&str; 21] = [
    "type",
    "name",
    "enabled",
    "username",
    "alias",
    "avatar",
    "emoji",
    "scriptEnabled",
    "script",
    "event",
    "urls",
    "token",
    "targetRoom",
    "triggerWords",
    "triggerWordAnywhere",
    "runOnEdits",
    "impersonateUser",
    "retryFailedCalls",
    "retryCount",
    "retryDelay",
    "skipTranspile",
];

/// The edit draft: every writable field the record holds, `channel` joined with commas.
pub fn draft_from(record: &Record) -> Value {
    let mut draft = Map::new();
    for key in WRITABLE {
        match record.raw.get(key) {
            None | Some(Value::Null) => {}
            Some(value) => {
                draft.insert(key.to_string(), value.clone());
            }
        }
    }
    draft.insert(
        "channel".into(),
        json!(channels(&record.raw).replace(", ", ",")),
    );
    Value::Object(draft)
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
