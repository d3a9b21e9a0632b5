//! The simulated PagerTree, over real sockets: bearer auth, the envelope and its paging,
//! equality filters, the permitted-parameters filter and Rails casting, each rule's message,
//! PUT, delete, the lookups and a header-less 429.

mod common;

use common::{call, start, Raw};
use serde_json::{json, Value};

const KEY: (&str, &str) = ("Authorization", "Bearer demo-pagertree-key");
const ITEMS: &str = "/pagertree/api/v4/integrations";
const SLACK: &str = "01GDBF0SLACKV3CHANNEL00000";
const TEAM: &str = "01GDKK569YVD2EB6E9V80VXWY1";

async fn pagertree(port: u16, method: &str, path: &str, body: Option<Value>) -> Raw {
    call(port, method, path, &[KEY], body).await
}

async fn with_generated(port: u16, generated: u64, extra: Value) {
    let mut options = json!({"generated": generated});
    if let (Some(o), Some(e)) = (options.as_object_mut(), extra.as_object()) {
        o.extend(e.clone());
    }
    common::reset_with(port, json!({"seed": 0, "vendors": {"pagertree": options}})).await;
}

fn slack(name: &str) -> Value {
    json!({
        "name": name, "urgency": "high", "integration_type_id": SLACK, "team_ids": [TEAM],
        "option_incoming_webhook_url": "https://hooks.slack.com/services/T0/B0/x",
    })
}

#[tokio::test]
async fn only_the_demo_key_as_a_bearer_token_is_let_in() {
    let port = start(false).await;
    for headers in [
        vec![],
        vec![("Authorization", "demo-pagertree-key")],
        vec![("Authorization", "Bearer nope")],
    ] {
        let answer = call(port, "GET", ITEMS, &headers, None).await;
        assert_eq!(answer.status, Some(401));
        assert_eq!(
            answer.json(),
            json!({"errors": [{"message": "Unauthorized"}], "code": 401})
        );
    }
}

#[tokio::test]
async fn lists_page_by_limit_and_offset_or_page_and_say_whether_there_is_more() {
    let port = start(false).await;
    with_generated(port, 228, json!({})).await;
    let first = pagertree(port, "GET", ITEMS, None).await.json();
    assert_eq!(
        first["data"].as_array().unwrap().len(),
        10,
        "limit defaults to 10"
    );
    assert_eq!(
        (first["has_more"].clone(), first["total_count"].clone()),
        (json!(true), json!(230))
    );
    let last = pagertree(port, "GET", &format!("{ITEMS}?limit=100&offset=200"), None)
        .await
        .json();
    assert_eq!(last["data"].as_array().unwrap().len(), 30);
    assert_eq!(last["has_more"], false);
    let paged = pagertree(port, "GET", &format!("{ITEMS}?limit=100&page=3"), None)
        .await
        .json();
    assert_eq!(paged["data"], last["data"]);
    for bad in ["0", "101", "ten"] {
        let answer = pagertree(port, "GET", &format!("{ITEMS}?limit={bad}"), None).await;
        assert_eq!(answer.status, Some(400), "{bad}");
    }
    let types: std::collections::HashSet<String> =
        pagertree(port, "GET", &format!("{ITEMS}?limit=100"), None)
            .await
            .json()["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["integration_type"]["name"].as_str().unwrap().to_string())
            .collect();
    assert!(types.len() >= 10, "{types:?}");
}

#[tokio::test]
async fn any_attribute_filters_by_equality() {
    let port = start(false).await;
    with_generated(port, 40, json!({})).await;
    let only = |query: &'static str| async move {
        pagertree(port, "GET", &format!("{ITEMS}?limit=100&{query}"), None)
            .await
            .json()["data"]
            .as_array()
            .unwrap()
            .clone()
    };
    let named = only("name=Ops%20channel").await;
    assert_eq!(named.len(), 1);
    assert!(only("urgency=critical")
        .await
        .iter()
        .all(|i| i["urgency"] == "critical"));
    assert!(only("enabled=false")
        .await
        .iter()
        .all(|i| i["enabled"] == false));
    let slack = only("integration_type_id=01GDBF0SLACKV3CHANNEL00000").await;
    assert!(!slack.is_empty() && slack.iter().all(|i| i["integration_type"]["id"] == SLACK));
}

#[tokio::test]
async fn a_create_keeps_permitted_keys_and_casts_options_as_rails_does() {
    let port = start(false).await;
    let mut body = slack("Ops");
    body["tiny_id"] = json!(7);
    body["option_alert_open"] = json!("1");
    body["option_alert_resolved"] = json!("false");
    body["option_not_an_option"] = json!("x");
    let answer = pagertree(port, "POST", ITEMS, Some(body)).await;
    assert_eq!(answer.status, Some(201), "{}", answer.body);
    let created = answer.json();
    assert!(created.get("tiny_id").is_none());
    assert_eq!(
        created["integration_type"],
        json!({"id": SLACK, "name": "Slack"})
    );
    assert_eq!(created["options"]["alert_open"], true);
    assert_eq!(created["options"]["alert_resolved"], false);
    assert_eq!(created["options"]["alert_dropped"], false, "the default");
    assert!(created["options"].get("not_an_option").is_none());
    assert_eq!(created["enabled"], true);
    let read = pagertree(
        port,
        "GET",
        &format!("{ITEMS}/{}", created["id"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(read.json(), created);
}

#[tokio::test]
async fn refusals_are_rails_messages_in_the_documented_body() {
    let port = start(false).await;
    let mut body = slack(" ");
    body["team_ids"] = json!([]);
    body["option_incoming_webhook_url"] = json!("https://intranet/hook");
    let answer = pagertree(port, "POST", ITEMS, Some(body)).await;
    assert_eq!(answer.status, Some(422));
    assert_eq!(
        answer.json(),
        json!({"errors": [
            {"message": "Name can't be blank"},
            {"message": "Destinations must include at least one account user, router or team"},
            {"message": "Option incoming webhook url is not a valid URL"},
        ], "code": 422})
    );
    let unknown = pagertree(port, "POST", ITEMS, Some(json!({"name": "X", "urgency": "low", "integration_type_id": "nope", "team_ids": [TEAM]}))).await;
    assert_eq!(
        unknown.json()["errors"][0]["message"],
        "Integration type must exist"
    );
    let lm = json!({"name": "LM", "urgency": "low", "integration_type_id": "01GDBF6LOGICMONITOR0000000", "router_ids": ["01GDKK3ROUTER0000000000001"], "option_alert_acknowledged": "true"});
    let messages: Vec<Value> = pagertree(port, "POST", ITEMS, Some(lm)).await.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].clone())
        .collect();
    assert_eq!(messages.len(), 4);
    assert_eq!(messages[1], "Option access id can't be blank");
}

#[tokio::test]
async fn a_put_changes_what_it_sends_and_never_the_type_and_delete_is_204_then_404() {
    let port = start(false).await;
    let created = pagertree(port, "POST", ITEMS, Some(slack("Ops")))
        .await
        .json();
    let item = format!("{ITEMS}/{}", created["id"].as_str().unwrap());
    let answer = pagertree(port, "PUT", &item, Some(json!({"name": "Ops 2", "option_alert_open": true, "router_ids": ["01GDKK3ROUTER0000000000001"]}))).await;
    assert_eq!(answer.status, Some(200), "{}", answer.body);
    let changed = answer.json();
    assert_eq!(changed["name"], "Ops 2");
    assert_eq!(changed["urgency"], "high");
    assert_eq!(changed["options"]["alert_open"], true);
    assert_eq!(
        changed["options"]["incoming_webhook_url"],
        created["options"]["incoming_webhook_url"]
    );
    let retype = pagertree(
        port,
        "PUT",
        &item,
        Some(json!({"integration_type_id": "01GDBF4WEBHOOK000000000000"})),
    )
    .await;
    assert_eq!(retype.status, Some(422));
    assert_eq!(
        pagertree(port, "DELETE", &item, None).await.status,
        Some(204)
    );
    assert_eq!(pagertree(port, "GET", &item, None).await.status, Some(404));
}

#[tokio::test]
async fn lookups_list_types_and_destinations_in_the_same_envelope() {
    let port = start(false).await;
    let types = pagertree(
        port,
        "GET",
        "/pagertree/api/v4/integration_types?limit=100",
        None,
    )
    .await
    .json();
    assert!(types["total_count"].as_u64().unwrap() >= 10);
    assert_eq!(types["data"][1], json!({"id": SLACK, "name": "Slack"}));
    let teams = pagertree(port, "GET", "/pagertree/api/v4/teams?limit=2", None)
        .await
        .json();
    assert_eq!(teams["data"].as_array().unwrap().len(), 2);
    assert_eq!(teams["has_more"], true);
    let users = pagertree(port, "GET", "/pagertree/api/v4/account_users", None)
        .await
        .json();
    assert_eq!(users["data"][0]["user"]["name"], "Ann Lee");
    assert_eq!(
        pagertree(port, "GET", "/pagertree/api/v4/routers", None)
            .await
            .json()["total_count"],
        2
    );
}

#[tokio::test]
async fn past_the_rate_limit_the_answer_is_429_without_any_header() {
    let port = start(false).await;
    with_generated(port, 0, json!({"rate_limit": {"limit": 1, "window_s": 60}})).await;
    assert_eq!(pagertree(port, "GET", ITEMS, None).await.status, Some(200));
    let limited = pagertree(port, "GET", ITEMS, None).await;
    assert_eq!(limited.status, Some(429));
    assert_eq!(limited.json()["code"], 429);
    assert!(limited.header("retry-after").is_none());
    assert!(limited.header("x-ratelimit-remaining").is_none());
}

#[tokio::test]
async fn the_documents_example_request_creates_an_integration() {
    let port = start(false).await;
    // Verbatim from PagerTree's "Create an Integration" page.
    let example = json!({
        "name": "Retails Site Uptime Monitor",
        "integration_type_id": "01GDBEYARHS4W4QM6X370Z5TMB",
        "urgency": "high",
        "team_ids": ["01GDKK569YVD2EB6E9V80VXWY1"]
    });
    let answer = pagertree(port, "POST", ITEMS, Some(example)).await;
    assert_eq!(answer.status, Some(201), "{}", answer.body);
    let created = answer.json();
    assert_eq!(created["integration_type"]["name"], "Uptime Robot");
    assert_eq!(created["enabled"], true);
    assert_eq!(
        created["options"],
        json!({"title_template": null, "title_template_enabled": false, "description_template": null, "description_template_enabled": false})
    );
}
