//! What Patchbay sends to ThousandEyes v7. Bodies hold the spec's fields only: a connector
//! always as `type: generic`; an operation as `type: webhook` with its `status` (the spec
//! requires it even on create: `pending` until ThousandEyes has tried the target). Headers
//! are edited as name → value and sent as the API's `[{name, value}]`.

use serde_json::{json, Map, Value};

use super::kinds::{kind_of, split, vendor_id, Kind};
use super::spec::{fields_of, integration_form, CONNECTOR, KIND, NO_AUTH, NO_LINK};
use crate::domain::api::{check_draft, refused, Cursor, ListQuery, Lookup, Record};
use crate::domain::draft::body;
use crate::domain::error::ApiError;
use crate::domain::field::FormSpec;
use crate::domain::request::Request;
use crate::domain::send_rule::Purpose;

/// The list reads connectors first, then operations: the cursor names the second phase.
pub const OPERATIONS_PHASE: &str = "operations";

pub fn list(_query: &ListQuery, cursor: Option<&Cursor>) -> Result<Request, ApiError> {
    match cursor {
        None => Ok(Request::get(Kind::Connector.path())),
        Some(Cursor::Token(phase)) if phase == OPERATIONS_PHASE => {
            Ok(Request::get(Kind::Operation.path()))
        }
        Some(_) => Err(refused("ThousandEyes v7 lists have no further pages.")),
    }
}

/// One record, at its kind's address. An id without a kind is read as a connector's.
pub fn get(id: &str) -> Request {
    let (kind, vendor) = split(id).unwrap_or((Kind::Connector, id));
    Request::get(kind.item_path(vendor))
}

pub fn create(draft: &Value) -> Result<Request, ApiError> {
    let form = integration_form(None);
    check_draft(&form, draft)?;
    let kind = draft
        .get(KIND.trim_start_matches('/'))
        .and_then(Value::as_str)
        .and_then(Kind::from_slug)
        .ok_or_else(|| refused("Choose whether this is a connector or a webhook operation."))?;
    let mut sent = wire_body(&form, draft, kind, Purpose::Create);
    if kind == Kind::Operation {
        sent["status"] = json!("pending");
    }
    Ok(Request::post(kind.path()).json(sent))
}

/// A PUT of the whole record: the form's fields as the draft holds them, and what the form
/// does not show (an operation's status) as stored.
pub fn update(record: &Record, draft: &Value) -> Result<Request, ApiError> {
    let kind = kind_of(record);
    let form = integration_form(Some(record));
    check_draft(&form, draft)?;
    let mut sent = wire_body(&form, draft, kind, Purpose::Edit);
    if kind == Kind::Operation {
        sent["status"] = record
            .raw
            .get("status")
            .cloned()
            .unwrap_or_else(|| json!("pending"));
    }
    Ok(Request::put(kind.item_path(vendor_id(record))).json(sent))
}

pub fn delete(record: &Record) -> Result<Request, ApiError> {
    Ok(Request::delete(
        kind_of(record).item_path(vendor_id(record)),
    ))
}

fn wire_body(form: &FormSpec, draft: &Value, kind: Kind, purpose: Purpose) -> Value {
    let mut sent = body(form, draft, purpose);
    let object = sent.as_object_mut().expect("bodies are objects");
    object.remove(KIND.trim_start_matches('/'));
    object.insert(
        "type".into(),
        json!(match kind {
            Kind::Connector => "generic",
            Kind::Operation => "webhook",
        }),
    );
    let no_auth = object
        .get("authentication")
        .and_then(|a| a.get("type"))
        .and_then(Value::as_str)
        .is_none_or(|t| t == NO_AUTH);
    if no_auth {
        object.remove("authentication");
    }
    if let Some(headers) = object.remove("headers") {
        object.insert("headers".into(), header_list(&headers));
    } else if purpose == Purpose::Edit {
        // A PUT replaces: headers emptied in the form are cleared.
        object.insert("headers".into(), json!([]));
    }
    sent
}

/// `{name: value}` as `[{name, value}]`, in the form's order.
fn header_list(headers: &Value) -> Value {
    let pairs = headers
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, value)| json!({"name": name, "value": value.as_str().unwrap_or_default()}))
        .collect();
    Value::Array(pairs)
}

/// The edit form's draft: the record's editable fields, headers as name → value.
pub fn draft_from(record: &Record) -> Value {
    let kind = kind_of(record);
    let mut draft = Map::new();
    for field in fields_of(kind) {
        let key = field.pointer.trim_start_matches('/');
        let key = key.split('/').next().unwrap_or(key);
        if let Some(value) = record.raw.get(key) {
            draft.insert(key.to_string(), value.clone());
        }
    }
    if kind == Kind::Connector && !draft.contains_key("authentication") {
        draft.insert("authentication".into(), json!({"type": NO_AUTH}));
    }
    let headers: Map<String, Value> = record
        .raw
        .get("headers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|h| {
            Some((
                h.get("name")?.as_str()?.to_string(),
                h.get("value")?.clone(),
            ))
        })
        .collect();
    draft.remove("headers");
    if !headers.is_empty() {
        draft.insert("headers".into(), Value::Object(headers));
    }
    Value::Object(draft)
}

/// Both collections, as choices: connectors for the link form, operations for the names on a
/// connector's page.
pub fn lookups() -> Vec<Lookup> {
    vec![
        Lookup {
            pointer: CONNECTOR.into(),
            what: "connectors".into(),
            first: Request::get(Kind::Connector.path()),
            optional: false,
        },
        Lookup {
            pointer: super::spec::OPERATION_NAMES.into(),
            what: "webhook operations".into(),
            first: Request::get(Kind::Operation.path()),
            optional: false,
        },
    ]
}

/// The connectors an operation sends through, or the operations a connector sends.
pub fn assignments(record: &Record) -> Request {
    let id = vendor_id(record);
    Request::get(match kind_of(record) {
        Kind::Operation => format!("{}/connectors", Kind::Operation.item_path(id)),
        Kind::Connector => format!("{}/operations", Kind::Connector.item_path(id)),
    })
}

/// The link action's id.
pub const LINK: &str = "link";

/// Sends an operation through the chosen connector, or through none: the API's PUT replaces
/// the operation's connectors with a list of at most one.
pub fn link(record: &Record, draft: &Value) -> Result<Request, ApiError> {
    if kind_of(record) != Kind::Operation {
        return Err(refused(
            "Only a webhook operation is linked to a connector.",
        ));
    }
    check_draft(&super::spec::link_form(), draft)?;
    let chosen = draft
        .get(CONNECTOR.trim_start_matches('/'))
        .and_then(Value::as_str)
        .unwrap_or(NO_LINK);
    let connectors = match chosen {
        NO_LINK => json!([]),
        id => json!([split(id).map_or(id, |(_, id)| id)]),
    };
    Ok(Request::put(format!(
        "{}/connectors",
        Kind::Operation.item_path(vendor_id(record))
    ))
    .json(connectors))
}
