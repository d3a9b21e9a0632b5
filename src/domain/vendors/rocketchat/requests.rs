//! What Patchbay sends to Rocket.Chat. Every builder checks its input first; bodies hold only
//! keys the server's schemas allow (outgoing ones refuse any other).

use serde_json::{json, Value};

use super::parse::MAX_COUNT;
use super::spec::SERVER_VERSION;
use super::spec::{
    event_uses_channel, integration_form, list_filters, INCOMING, OUTGOING, SKIP_TRANSPILE,
};
use crate::domain::api::{check_draft, Cursor, ListQuery, Lookup, Record};
use crate::domain::draft::body;
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::list_query::{checked_list_query, offset_of, page_size_form, with_filters};
use crate::domain::request::Request;
use crate::domain::send_rule::Purpose;

const API: &str = "/api/v1/";

/// `count`: 1 to 100 (0 would ask for every integration at once).
pub fn list_query_form() -> FormSpec {
    page_size_form("/count", MAX_COUNT)
}

pub fn list(query: &ListQuery, cursor: Option<&Cursor>) -> Result<Request, ApiError> {
    let count = checked_list_query(query, &list_query_form(), MAX_COUNT, &list_filters())?;
    let offset = offset_of(cursor, "Rocket.Chat")?;
    let request = Request::get(format!("{API}integrations.list"))
        .query("offset", offset.to_string())
        .query("count", count.to_string());
    Ok(with_filters(request, query, &["type", "name"]))
}

/// `/api/info`, where the server says its version (which decides `skipTranspile`).
pub fn lookups() -> Vec<Lookup> {
    vec![Lookup {
        pointer: SERVER_VERSION.into(),
        what: "server version".into(),
        first: Request::get("/api/info"),
        // A server that will not say its version offers what every version has.
        optional: true,
    }]
}

pub fn get(id: &str) -> Request {
    Request::get(format!("{API}integrations.get")).query("integrationId", id)
}

pub fn create(draft: &Value) -> Result<Request, ApiError> {
    let form = integration_form(None);
    check_draft(&form, draft)?;
    let mut sent = body(&form, draft, Purpose::Create);
    complete_outgoing(&mut sent);
    keep_skip_transpile(draft, &mut sent);
    Ok(Request::post(format!("{API}integrations.create")).json(sent))
}

/// A PUT of the whole integration: every field of the form as the draft holds it (the draft
/// starts from the stored record, so what was not edited travels as it was), the type and id.
pub fn update(record: &Record, draft: &Value) -> Result<Request, ApiError> {
    let form = integration_form(Some(record));
    check_draft(&form, draft)?;
    let kind = record.text("/type").unwrap_or(INCOMING);
    let mut sent = body(&form, draft, Purpose::Edit);
    sent["type"] = json!(kind);
    sent["integrationId"] = json!(record.id);
    if kind == INCOMING {
        // The incoming update schema takes this key; the form does not show it, so it keeps
        // what is stored.
        if let Some(kept) = record.raw.get("overrideDestinationChannelEnabled") {
            sent["overrideDestinationChannelEnabled"] = kept.clone();
        }
    }
    complete_outgoing(&mut sent);
    keep_skip_transpile(draft, &mut sent);
    Ok(Request::put(format!("{API}integrations.update")).json(sent))
}

/// `POST integrations.remove` with the type and id.
pub fn delete(record: &Record) -> Result<Request, ApiError> {
    let kind = record.text("/type").unwrap_or(INCOMING);
    Ok(Request::post(format!("{API}integrations.remove"))
        .json(json!({"type": kind, "integrationId": record.id})))
}

/// `skipTranspile` travels only when the draft holds it, which it does only where the form
/// offered it: on servers from 8.4 (`spec::with_server_version`). Older ones refuse the key.
fn keep_skip_transpile(draft: &Value, sent: &mut Value) {
    if let Some(skip) = draft.get(SKIP_TRANSPILE).filter(|v| v.is_boolean()) {
        sent[SKIP_TRANSPILE] = skip.clone();
    }
}

/// An outgoing webhook always sends `channel`: the schema requires the key, and events that
/// use no channel take `""`.
fn complete_outgoing(sent: &mut Value) {
    if sent["type"] != OUTGOING {
        return;
    }
    let event = sent["event"].as_str().unwrap_or_default().to_string();
    if !event_uses_channel(&event) || sent.get("channel").is_none() {
        sent["channel"] = json!("");
    }
}

#[cfg(test)]
#[path = "requests_tests.rs"]
mod tests;
