//! ThousandEyes v7's Integrations API (7.0.100): generic connectors and webhook operations of
//! each account group, created (201), read, replaced (PUT), deleted (204), and the assignments
//! between them, an operation sending through one connector at most. Bearer tokens only
//! (`{error, error_description}` otherwise); errors are problem+json, a refused field an
//! `errors` item `{code, field, message}`; an `aid` the user is not in is 400. Every answer
//! carries the organisation's rate-limit headers, shared with v6.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State as Axum};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use super::v7_answers::{
    assignments, bad_json, hal, id_list, invalid, listing, not_found, parse, problem, refused,
    with_link, with_type,
};
use super::v7_rules::{self, Refusal, CONNECTOR_KEYS, OPERATION_KEYS};
use super::{bearer_is, State, DEFAULT_AID};
use crate::state::Sandbox;

/// One account group's connectors, operations, and which connector each operation uses.
#[derive(Default)]
pub struct Group {
    connectors: Vec<Value>,
    operations: Vec<Value>,
    /// Operation id → connector id.
    links: BTreeMap<String, String>,
}

const SLACK_ID: &str = "cb1b8033-ea2d-4e9b-a920-fe87850693cf";
const OPERATION_ID: &str = "a32cfbab-32f6-41d8-9027-7127cba965dd";

impl Group {
    /// The spec's own examples (in the default group) and `generated` more of each kind.
    pub fn seeded(aid: &str, generated: usize, next_id: &mut u64) -> Group {
        let mut group = Group::default();
        if aid == DEFAULT_AID {
            group.connectors.push(json!({"id": SLACK_ID, "type": "generic", "name": "Cisco Slack", "target": "https://hooks.slack.com/services/REDACTED", "lastModifiedDate": 1770293655756u64}));
            group.operations.push(json!({"id": OPERATION_ID, "name": "My operation", "enabled": true, "category": "alerts", "status": "connected", "path": "/custom/path", "payload": "{\"property1\": {{numericVar}}, \"property2\": \"{{stringVar}}\"}", "headers": [{"name": "Content-Type", "value": "application/json"}], "queryParams": "{\"queryParam1\":\"{{stringVar}}\"}", "type": "webhook"}));
            group.links.insert(OPERATION_ID.into(), SLACK_ID.into());
        }
        for n in 0..generated {
            let connector = new_id(next_id);
            group.connectors.push(json!({"id": connector, "type": "generic", "name": format!("Generated connector {} (aid {aid})", n + 1), "target": format!("https://hooks.example.com/te/{aid}/{n}"), "authentication": {"type": "bearer-token", "token": format!("token-{aid}-{n}")}, "headers": [{"name": "X-Source", "value": "thousandeyes"}], "lastModifiedDate": 1770293655756u64 + n as u64 * 60_000}));
            let operation = new_id(next_id);
            group.operations.push(json!({"id": operation, "name": format!("Generated operation {} (aid {aid})", n + 1), "enabled": n % 4 != 3, "category": v7_rules::CATEGORIES[n % 3], "status": v7_rules::STATUSES[n % 4], "payload": "{\"alert\": \"{{alert.ruleName}}\"}", "type": "webhook"}));
            group.links.insert(operation, connector);
        }
        group
    }
}

fn new_id(next_id: &mut u64) -> String {
    *next_id += 1;
    format!("00000000-0000-4000-8000-{:012}", *next_id)
}

pub fn routes() -> Router<Arc<Sandbox>> {
    Router::new()
        .route(
            "/v7/connectors/generic",
            get(connectors::list).post(connectors::create),
        )
        .route(
            "/v7/connectors/generic/{id}",
            get(connectors::read)
                .put(connectors::replace)
                .delete(connectors::remove),
        )
        .route(
            "/v7/connectors/generic/{id}/operations",
            get(connector_operations).put(set_connector_operations),
        )
        .route(
            "/v7/operations/webhooks",
            get(operations::list).post(operations::create),
        )
        .route(
            "/v7/operations/webhooks/{id}",
            get(operations::read)
                .put(operations::replace)
                .delete(operations::remove),
        )
        .route(
            "/v7/operations/{kind}/{id}/connectors",
            get(operation_connectors).put(set_operation_connectors),
        )
}

type Query_ = Query<HashMap<String, String>>;

/// Rate limit, bearer token, account group, then `act` on the group; every answer stamped.
fn within(
    sandbox: &Sandbox,
    headers: &HeaderMap,
    query: &HashMap<String, String>,
    act: impl FnOnce(&mut Group, &mut u64) -> Response,
) -> Response {
    let mut state = crate::state::lock(&sandbox.vendors.thousandeyes);
    let State {
        rate, v7, next_id, ..
    } = &mut *state;
    let mut response = if rate.take().is_err() {
        problem(
            StatusCode::TOO_MANY_REQUESTS,
            "Too Many Requests",
            "Organization rate limit exceeded.",
            &[],
        )
    } else if !bearer_is(headers) {
        let body = json!({"error": "invalid_token", "error_description": "Invalid access token"});
        with_type(
            (StatusCode::UNAUTHORIZED, Json(body)).into_response(),
            "application/problem+json",
        )
    } else {
        let aid = query.get("aid").map_or(DEFAULT_AID, String::as_str);
        match v7.get_mut(aid) {
            Some(group) => act(group, next_id),
            None => problem(
                StatusCode::BAD_REQUEST,
                "Bad Request",
                "You are not a member of this account group.",
                &[],
            ),
        }
    };
    rate.stamp_as(
        response.headers_mut(),
        "x-organization-rate-limit",
        crate::kit::Reset::AtEpochSeconds,
    );
    response
}

const CONNECTORS: &str = "connectors/generic";
const OPERATIONS: &str = "operations/webhooks";

/// Which of a group's collections a handler works on.
#[derive(Clone, Copy)]
enum Kind {
    Connector,
    Operation,
}

impl Kind {
    fn items(self, group: &mut Group) -> &mut Vec<Value> {
        match self {
            Kind::Connector => &mut group.connectors,
            Kind::Operation => &mut group.operations,
        }
    }
    fn path(self) -> &'static str {
        match self {
            Kind::Connector => CONNECTORS,
            Kind::Operation => OPERATIONS,
        }
    }
    fn what(self) -> &'static str {
        match self {
            Kind::Connector => "connector",
            Kind::Operation => "webhook operation",
        }
    }
    fn check(self, body: &Value) -> Vec<Refusal> {
        match self {
            Kind::Connector => v7_rules::connector(body),
            Kind::Operation => v7_rules::operation(body),
        }
    }
    fn keep(self, body: &Value) -> Value {
        let mut kept = match self {
            Kind::Connector => v7_rules::stored(body, &CONNECTOR_KEYS),
            Kind::Operation => v7_rules::stored(body, &OPERATION_KEYS),
        };
        if let Kind::Connector = self {
            kept["lastModifiedDate"] = json!(crate::clock::now_secs() * 1000);
        }
        kept
    }
}

fn list(kind: Kind, group: &mut Group) -> Response {
    let items = kind.items(group).clone();
    listing(&items, kind.path())
}

fn create(kind: Kind, group: &mut Group, next_id: &mut u64, body: &Bytes) -> Response {
    let Some(body) = parse(body) else {
        return bad_json();
    };
    let refusals = kind.check(&body);
    if !refusals.is_empty() {
        return invalid(&refusals);
    }
    let mut item = kind.keep(&body);
    item["id"] = json!(new_id(next_id));
    kind.items(group).push(item.clone());
    hal(StatusCode::CREATED, with_link(item, kind.path()))
}

fn read(kind: Kind, group: &mut Group, id: &str) -> Response {
    match kind.items(group).iter().find(|i| i["id"] == id) {
        Some(item) => hal(StatusCode::OK, with_link(item.clone(), kind.path())),
        None => not_found(kind.what()),
    }
}

fn replace(kind: Kind, group: &mut Group, id: &str, body: &Bytes) -> Response {
    let Some(body) = parse(body) else {
        return bad_json();
    };
    let Some(at) = kind.items(group).iter().position(|i| i["id"] == id) else {
        return not_found(kind.what());
    };
    let refusals = kind.check(&body);
    if !refusals.is_empty() {
        return invalid(&refusals);
    }
    let mut item = kind.keep(&body);
    item["id"] = json!(id);
    kind.items(group)[at] = item.clone();
    hal(StatusCode::OK, with_link(item, kind.path()))
}

fn remove(kind: Kind, group: &mut Group, id: &str) -> Response {
    let Some(at) = kind.items(group).iter().position(|i| i["id"] == id) else {
        return not_found(kind.what());
    };
    kind.items(group).remove(at);
    match kind {
        Kind::Operation => {
            group.links.remove(id);
        }
        Kind::Connector => group.links.retain(|_, connector| connector != id),
    }
    StatusCode::NO_CONTENT.into_response()
}

macro_rules! handler {
    ($name:ident, |$group:ident, $next:ident, $id:ident, $body:ident| $act:expr) => {
        pub(super) async fn $name(
            Axum(sandbox): Axum<Arc<Sandbox>>,
            headers: HeaderMap,
            Query(query): Query_,
            $id: Option<Path<String>>,
            $body: Bytes,
        ) -> Response {
            let $id = $id.map(|Path(id)| id).unwrap_or_default();
            within(&sandbox, &headers, &query, |$group, $next| {
                let _ = (&$next, &$id, &$body);
                $act
            })
        }
    };
}

/// The five handlers of one kind's collection and records.
macro_rules! crud {
    ($module:ident, $kind:expr) => {
        mod $module {
            use super::*;
            handler!(list, |g, n, id, b| super::list($kind, g));
            handler!(create, |g, n, id, b| super::create($kind, g, n, &b));
            handler!(read, |g, n, id, b| super::read($kind, g, &id));
            handler!(replace, |g, n, id, b| super::replace($kind, g, &id, &b));
            handler!(remove, |g, n, id, b| super::remove($kind, g, &id));
        }
    };
}

crud!(connectors, Kind::Connector);
crud!(operations, Kind::Operation);

handler!(connector_operations, |g, n, id, b| {
    if !g.connectors.iter().any(|c| c["id"] == id.as_str()) {
        return not_found("connector");
    }
    let ids = g
        .links
        .iter()
        .filter(|(_, c)| **c == id)
        .map(|(o, _)| o.clone())
        .collect();
    assignments(ids, format!("{CONNECTORS}/{id}/operations"))
});

// Replaces the connector's operations; an operation assigned elsewhere moves here, since an
// operation sends through one connector at most.
handler!(set_connector_operations, |g, n, id, b| {
    if !g.connectors.iter().any(|c| c["id"] == id.as_str()) {
        return not_found("connector");
    }
    let ids = match id_list(&b) {
        Ok(ids) => ids,
        Err(why) => return refused(why),
    };
    if let Some(unknown) = ids
        .iter()
        .find(|o| !g.operations.iter().any(|op| op["id"] == o.as_str()))
    {
        return refused(format!(
            "no webhook operation {unknown} in this account group"
        ));
    }
    g.links.retain(|_, c| *c != id);
    for operation in &ids {
        g.links.insert(operation.clone(), id.clone());
    }
    assignments(ids, format!("{CONNECTORS}/{id}/operations"))
});

async fn operation_connectors(
    Axum(sandbox): Axum<Arc<Sandbox>>,
    headers: HeaderMap,
    Query(query): Query_,
    Path((kind, id)): Path<(String, String)>,
) -> Response {
    within(&sandbox, &headers, &query, |g, _| {
        if kind != "webhooks" || !g.operations.iter().any(|o| o["id"] == id.as_str()) {
            return not_found("operation");
        }
        let ids = g.links.get(&id).cloned().into_iter().collect();
        assignments(ids, format!("operations/{kind}/{id}/connectors"))
    })
}

/// `maxItems: 1`: an operation sends through one connector at most; `[]` unlinks it.
async fn set_operation_connectors(
    Axum(sandbox): Axum<Arc<Sandbox>>,
    headers: HeaderMap,
    Query(query): Query_,
    Path((kind, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    within(&sandbox, &headers, &query, |g, _| {
        if kind != "webhooks" || !g.operations.iter().any(|o| o["id"] == id.as_str()) {
            return not_found("operation");
        }
        let ids = match id_list(&body) {
            Ok(ids) => ids,
            Err(why) => return refused(why),
        };
        if ids.len() > 1 {
            return refused("size must be between 0 and 1".to_string());
        }
        if let Some(unknown) = ids
            .iter()
            .find(|c| !g.connectors.iter().any(|k| k["id"] == c.as_str()))
        {
            return refused(format!("no connector {unknown} in this account group"));
        }
        match ids.first() {
            Some(connector) => g.links.insert(id.clone(), connector.clone()),
            None => g.links.remove(&id),
        };
        assignments(ids, format!("operations/{kind}/{id}/connectors"))
    })
}
