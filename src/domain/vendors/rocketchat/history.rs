//! An outgoing webhook's delivery history (`integrations.history`, paged by `offset`/`count`):
//! when, which event, to which URL, with what result. From 8.7 the server can clear it
//! (`integrations.clearHistory`) and replay one delivery (`integrations.replayOutgoing`).

use serde_json::{json, Value};

use super::spec::{version_of, OUTGOING, SERVER_VERSION};
use crate::domain::api::{Cell, Lookups, Record, SubList, SubPage, SubRow};
use crate::domain::error::ApiError;
use crate::domain::error_body::malformed;
use crate::domain::request::{Request, Response};

/// Rows per page of the history.
pub const PAGE: u32 = 50;

pub const COLUMNS: [&str; 5] = ["Time", "Event", "URL", "Result", "Error"];

fn clears_and_replays(lookups: &Lookups) -> bool {
    let version = lookups
        .get(SERVER_VERSION)
        .and_then(|found| found.first())
        .map_or((0, 0), |choice| version_of(&choice.value));
    version >= (8, 7)
}

/// Outgoing webhooks have a history; incoming ones do not.
pub fn sub_list(record: &Record, lookups: &Lookups) -> Option<SubList> {
    if record.text("/type") != Some(OUTGOING) {
        return None;
    }
    let clear = clears_and_replays(lookups).then(|| {
        Request::post("/api/v1/integrations.clearHistory").json(json!({"integrationId": record.id}))
    });
    Some(SubList {
        title: "Delivery history",
        columns: &COLUMNS,
        first: Request::get("/api/v1/integrations.history")
            .query("id", record.id.clone())
            .query("count", PAGE.to_string()),
        clear,
        paged: true,
    })
}

/// `{history: [...], total}`: each delivery's time, event, URL, the HTTP status of the
/// target's answer (or how far it got), and its error.
pub fn parse(record: &Record, response: &Response, lookups: &Lookups) -> Result<SubPage, ApiError> {
    if !response.is_success() {
        return Err(super::errors::parse(response, 0));
    }
    let json = response
        .json()
        .map_err(|_| malformed(response, "the history is not valid JSON"))?;
    let items = json
        .get("history")
        .and_then(Value::as_array)
        .ok_or_else(|| malformed(response, "the answer holds no history"))?;
    let replays = clears_and_replays(lookups);
    let rows = items
        .iter()
        .filter_map(|item| {
            let id = item.get("_id")?.as_str()?.to_string();
            let text = |pointer: &str| match item.pointer(pointer).and_then(Value::as_str) {
                Some(t) if !t.is_empty() => Cell::Text(t.to_string()),
                _ => Cell::Empty,
            };
            let time = match item.get("_createdAt").and_then(Value::as_str) {
                Some(at) => Cell::Time(at.to_string()),
                None => Cell::Empty,
            };
            let replay = replays.then(|| {
                Request::post("/api/v1/integrations.replayOutgoing")
                    .json(json!({"integrationId": record.id, "historyId": id}))
            });
            Some(SubRow {
                cells: vec![
                    time,
                    text("/event"),
                    text("/url"),
                    result(item),
                    error(item),
                ],
                id,
                replay,
            })
        })
        .collect();
    Ok(SubPage {
        rows,
        total: json.get("total").and_then(Value::as_u64),
    })
}

/// The target's HTTP status where it answered (`httpResult` holds its answer as JSON text or
/// an object), else the step the delivery reached.
fn result(item: &Value) -> Cell {
    let answer = match item.get("httpResult") {
        Some(Value::String(text)) => serde_json::from_str::<Value>(text).ok(),
        Some(object @ Value::Object(_)) => Some(object.clone()),
        _ => None,
    };
    let status = answer
        .as_ref()
        .and_then(|a| a.get("statusCode").or_else(|| a.get("status")))
        .and_then(Value::as_u64);
    match (status, item.get("step").and_then(Value::as_str)) {
        (Some(status), _) => Cell::Text(format!("HTTP {status}")),
        (None, Some(step)) => Cell::Text(step.replace('-', " ")),
        _ => Cell::Empty,
    }
}

fn error(item: &Value) -> Cell {
    if item.get("error").and_then(Value::as_bool) != Some(true) {
        return Cell::Empty;
    }
    let said = ["/httpError/message", "/httpError", "/errorStack"]
        .iter()
        .find_map(|p| item.pointer(p).and_then(Value::as_str))
        .and_then(|text| text.lines().next())
        .unwrap_or("failed");
    Cell::Text(said.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field::Choice;

    fn outgoing() -> Record {
        Record {
            id: "out1".into(),
            raw: json!({"_id": "out1", "type": OUTGOING}),
        }
    }

    fn on(version: &str) -> Lookups {
        Lookups::from([(
            SERVER_VERSION.to_string(),
            vec![Choice::new(version, version)],
        )])
    }

    #[test]
    fn only_outgoing_webhooks_have_a_history_and_clearing_needs_8_7() {
        let incoming = Record {
            id: "in1".into(),
            raw: json!({"_id": "in1", "type": "webhook-incoming"}),
        };
        assert!(sub_list(&incoming, &on("8.7.0")).is_none());
        let old = sub_list(&outgoing(), &on("8.6.1")).unwrap();
        assert_eq!(old.first.path, "/api/v1/integrations.history");
        assert_eq!(
            old.first.query,
            [
                ("id".to_string(), "out1".to_string()),
                ("count".to_string(), "50".to_string())
            ]
        );
        assert!(old.clear.is_none());
        let new = sub_list(&outgoing(), &on("8.7.0")).unwrap();
        assert_eq!(
            new.clear.unwrap().body.unwrap(),
            json!({"integrationId": "out1"})
        );
    }

    #[test]
    fn each_delivery_shows_when_what_where_and_how_it_went() {
        let body = json!({"history": [
            {"_id": "h1", "_createdAt": "2026-11-30T10:00:00.000Z", "event": "sendMessage", "url": "https://hooks.example.com/a",
             "step": "after-process-http-status-200", "httpResult": "{\"statusCode\":200}", "error": false},
            {"_id": "h2", "_createdAt": "2026-11-30T10:01:00.000Z", "event": "sendMessage", "url": "https://hooks.example.com/a",
             "step": "after-http-call", "httpError": {"message": "connect ECONNREFUSED 10.0.0.1:443"}, "error": true},
            {"no": "id"}
        ], "offset": 0, "count": 2, "total": 7, "success": true});
        let page = parse(
            &outgoing(),
            &Response::new(200, body.to_string()),
            &on("8.7.0"),
        )
        .unwrap();
        assert_eq!(page.total, Some(7));
        assert_eq!(page.rows.len(), 2);
        assert_eq!(page.rows[0].cells[3], Cell::Text("HTTP 200".into()));
        assert_eq!(
            page.rows[1].cells[4],
            Cell::Text("connect ECONNREFUSED 10.0.0.1:443".into())
        );
        assert_eq!(
            page.rows[1].replay.clone().unwrap().body.unwrap(),
            json!({"integrationId": "out1", "historyId": "h2"})
        );
        let older = parse(
            &outgoing(),
            &Response::new(200, body.to_string()),
            &on("8.4.0"),
        )
        .unwrap();
        assert!(older.rows.iter().all(|r| r.replay.is_none()));
        assert!(parse(&outgoing(), &Response::new(200, "{}"), &on("8.7.0")).is_err());
    }
}
