//! The simulated Rocket.Chat, over real sockets: auth, the list envelope and its paging and
//! filters, the schemas' and the methods' refusals, the stored shape, the whole-object
//! update, remove, and the per-route rate limit with its reset in epoch milliseconds.

mod common;

use common::{call, start, Raw};
use serde_json::{json, Value};

const USER: (&str, &str) = ("X-User-Id", "demo-user");
const TOKEN: (&str, &str) = ("X-Auth-Token", "demo-rocketchat-token");
const API: &str = "/rocketchat/api/v1/";

async fn rc(port: u16, method: &str, route: &str, body: Option<Value>) -> Raw {
    call(port, method, &format!("{API}{route}"), &[USER, TOKEN], body).await
}

async fn reset(port: u16, options: Value) {
    common::reset_with(port, json!({"seed": 0, "vendors": {"rocketchat": options}})).await;
}

fn incoming() -> Value {
    json!({"type": "webhook-incoming", "name": "In", "enabled": true, "username": "rocket.cat", "scriptEnabled": false, "channel": "#general,@alice"})
}

fn outgoing(event: &str) -> Value {
    json!({"type": "webhook-outgoing", "name": "Out", "enabled": true, "username": "rocket.cat", "scriptEnabled": false,
        "event": event, "channel": "#ops", "urls": ["https://hooks.example.com/x", ""], "triggerWords": ["!deploy"]})
}

#[tokio::test]
async fn both_headers_are_needed() {
    let port = start(false).await;
    for headers in [vec![], vec![USER], vec![USER, ("X-Auth-Token", "nope")]] {
        let answer = call(
            port,
            "GET",
            &format!("{API}integrations.list"),
            &headers,
            None,
        )
        .await;
        assert_eq!(answer.status, Some(401));
        assert_eq!(
            answer.json(),
            json!({"success": false, "error": "You must be logged in to do this."})
        );
    }
}

#[tokio::test]
async fn lists_page_by_offset_and_count_and_filter_on_servers_from_7_0() {
    let port = start(false).await;
    reset(port, json!({"generated": 150})).await;
    let first = rc(port, "GET", "integrations.list?count=100", None)
        .await
        .json();
    assert_eq!(first["total"], 153);
    assert_eq!(first["count"], 100);
    let rest = rc(port, "GET", "integrations.list?count=100&offset=100", None)
        .await
        .json();
    assert_eq!(rest["items"], 53);
    let capped = rc(port, "GET", "integrations.list?count=500", None)
        .await
        .json();
    assert_eq!(capped["count"], 100);
    let outgoing = rc(
        port,
        "GET",
        "integrations.list?count=100&type=webhook-outgoing&name=GUGGY",
        None,
    )
    .await
    .json();
    assert_eq!(outgoing["total"], 1);
    reset(port, json!({"generated": 4, "version": "6.13.0"})).await;
    let ignored = rc(port, "GET", "integrations.list?type=webhook-outgoing", None)
        .await
        .json();
    assert_eq!(
        ignored["total"], 7,
        "a server before 7.0 ignores the filter"
    );
}

#[tokio::test]
async fn an_incoming_webhook_is_stored_with_its_token_and_channels_as_an_array() {
    let port = start(false).await;
    let answer = rc(port, "POST", "integrations.create", Some(incoming())).await;
    assert_eq!(answer.status, Some(200), "{}", answer.body);
    let stored = answer.json()["integration"].clone();
    assert_eq!(stored["channel"], json!(["#general", "@alice"]));
    assert_eq!(stored["token"].as_str().unwrap().len(), 48);
    let id = stored["_id"].as_str().unwrap();
    let read = rc(
        port,
        "GET",
        &format!("integrations.get?integrationId={id}"),
        None,
    )
    .await
    .json();
    assert_eq!(read["integration"], stored);
}

#[tokio::test]
async fn the_schema_refuses_missing_and_unknown_keys_with_ajvs_words() {
    let port = start(false).await;
    let mut body = incoming();
    body.as_object_mut().unwrap().remove("username");
    body["event"] = json!("sendMessage");
    let answer = rc(port, "POST", "integrations.create", Some(body)).await;
    assert_eq!(answer.status, Some(400));
    assert_eq!(
        answer.json(),
        json!({"success": false, "errorType": "invalid-params",
            "error": "must have required property 'username'\n must NOT have additional properties [invalid-params]"})
    );
    let mut words = outgoing("sendMessage");
    words["triggerWords"] = json!("!deploy");
    assert_eq!(
        rc(port, "POST", "integrations.create", Some(words))
            .await
            .json()["errorType"],
        "invalid-params"
    );
    let info = call(port, "GET", "/rocketchat/api/info", &[USER, TOKEN], None).await;
    assert_eq!(info.json(), json!({"version": "8.7.0", "success": true}));
    let mut skip = outgoing("sendMessage");
    skip["skipTranspile"] = json!(true);
    assert_eq!(
        rc(port, "POST", "integrations.create", Some(skip.clone()))
            .await
            .status,
        Some(200),
        "8.4 takes skipTranspile"
    );
    reset(port, json!({"version": "8.3.0"})).await;
    assert_eq!(
        rc(port, "POST", "integrations.create", Some(skip))
            .await
            .json()["errorType"],
        "invalid-params"
    );
}

#[tokio::test]
async fn the_methods_refuse_unknown_users_rooms_events_urls_and_target_rooms() {
    let port = start(false).await;
    let case = |change: fn(&mut Value), kind: &'static str| async move {
        let mut body = outgoing("sendMessage");
        change(&mut body);
        let answer = rc(port, "POST", "integrations.create", Some(body)).await;
        assert_eq!(answer.status, Some(400));
        assert_eq!(answer.json()["errorType"], kind);
    };
    case(|b| b["username"] = json!("nobody"), "error-invalid-user").await;
    case(
        |b| b["channel"] = json!("ops"),
        "error-invalid-channel-start-with-chars",
    )
    .await;
    case(|b| b["channel"] = json!("#nowhere"), "error-invalid-room").await;
    case(
        |b| b["event"] = json!("somethingElse"),
        "error-invalid-event-type",
    )
    .await;
    case(|b| b["urls"] = json!(["", " "]), "error-invalid-urls").await;
    case(
        |b| {
            b["event"] = json!("userCreated");
            b["channel"] = json!("");
        },
        "error-invalid-targetRoom",
    )
    .await;
    let mut fine = outgoing("roomCreated");
    fine["channel"] = json!("");
    fine["script"] = json!("class Script { process_incoming_request( { return; } }");
    let answer = rc(port, "POST", "integrations.create", Some(fine)).await;
    assert_eq!(answer.status, Some(200), "{}", answer.body);
    let stored = answer.json()["integration"].clone();
    assert_eq!(stored["urls"], json!(["https://hooks.example.com/x"]));
    assert_eq!(
        stored["scriptError"]["name"], "SyntaxError",
        "a script that does not compile is saved, with its error"
    );
}

#[tokio::test]
async fn an_update_replaces_the_whole_integration_and_remove_needs_type_and_id() {
    let port = start(false).await;
    let created = rc(
        port,
        "POST",
        "integrations.create",
        Some(outgoing("sendMessage")),
    )
    .await
    .json()["integration"]
        .clone();
    let id = created["_id"].as_str().unwrap().to_string();
    let mut whole = outgoing("sendMessage");
    whole["integrationId"] = json!(id);
    whole["name"] = json!("Out 2");
    whole.as_object_mut().unwrap().remove("triggerWords");
    let answer = rc(port, "PUT", "integrations.update", Some(whole.clone())).await;
    assert_eq!(answer.status, Some(200), "{}", answer.body);
    let changed = answer.json()["integration"].clone();
    assert_eq!(changed["name"], "Out 2");
    assert!(
        changed.get("triggerWords").is_none(),
        "what the update leaves out is gone"
    );
    assert_eq!(changed["_createdAt"], created["_createdAt"]);
    whole["_id"] = json!(id);
    assert_eq!(
        rc(port, "PUT", "integrations.update", Some(whole))
            .await
            .json()["errorType"],
        "invalid-params"
    );
    let wrong_type = rc(
        port,
        "POST",
        "integrations.remove",
        Some(json!({"type": "webhook-incoming", "integrationId": id})),
    )
    .await;
    assert_eq!(
        wrong_type.json(),
        json!({"success": false, "error": "No integration found."})
    );
    let removed = rc(
        port,
        "POST",
        "integrations.remove",
        Some(json!({"type": "webhook-outgoing", "integrationId": id})),
    )
    .await;
    assert_eq!(removed.json()["integration"]["_id"], json!(id));
}

#[tokio::test]
async fn each_route_has_its_own_limit_and_the_reset_is_epoch_milliseconds() {
    let port = start(false).await;
    reset(port, json!({"rate_limit": {"limit": 1, "window_s": 60}})).await;
    let first = rc(port, "GET", "integrations.list", None).await;
    assert_eq!(first.header("x-ratelimit-remaining").as_deref(), Some("0"));
    let reset_ms: u64 = first.header("x-ratelimit-reset").unwrap().parse().unwrap();
    assert!(
        reset_ms > 1_700_000_000_000,
        "epoch milliseconds: {reset_ms}"
    );
    let limited = rc(port, "GET", "integrations.list", None).await;
    assert_eq!(limited.status, Some(429));
    assert_eq!(limited.json()["success"], false);
    assert_eq!(
        rc(port, "GET", "integrations.get?integrationId=x", None)
            .await
            .status,
        Some(400),
        "another route still answers"
    );
}

#[tokio::test]
async fn outgoing_deliveries_are_paged_cleared_and_replayed_from_8_7() {
    let port = start(false).await;
    let guggy = "WMQDChpnYTRmFre9h";
    let history = rc(
        port,
        "GET",
        &format!("integrations.history?id={guggy}&count=2"),
        None,
    )
    .await
    .json();
    assert_eq!(
        (history["total"].clone(), history["count"].clone()),
        (json!(3), json!(2))
    );
    let first = history["history"][0].clone();
    let replayed = rc(
        port,
        "POST",
        "integrations.replayOutgoing",
        Some(json!({"integrationId": guggy, "historyId": first["_id"]})),
    )
    .await;
    assert_eq!(replayed.json(), json!({"success": true}));
    let after = rc(
        port,
        "GET",
        &format!("integrations.history?id={guggy}"),
        None,
    )
    .await
    .json();
    assert_eq!(after["total"], 4);
    assert_eq!(
        rc(
            port,
            "POST",
            "integrations.clearHistory",
            Some(json!({"integrationId": guggy}))
        )
        .await
        .json(),
        json!({"success": true})
    );
    assert_eq!(
        rc(
            port,
            "GET",
            &format!("integrations.history?id={guggy}"),
            None
        )
        .await
        .json()["total"],
        0
    );
    assert_eq!(
        rc(
            port,
            "GET",
            "integrations.history?id=n3XLB9ZaGuNNhb4Ex",
            None
        )
        .await
        .status,
        Some(400),
        "incoming webhooks keep no history"
    );
    reset(port, json!({"version": "8.6.0"})).await;
    assert_eq!(
        rc(
            port,
            "POST",
            "integrations.clearHistory",
            Some(json!({"integrationId": guggy}))
        )
        .await
        .status,
        Some(404)
    );
}
