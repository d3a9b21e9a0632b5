//! Where the simulated OnCall does what the engine does rather than what its docs say:
//! unknown template keys ignored, the engine's defaults, maintenance integrations hidden from
//! the list, and a rate limit set through the control API.

use serde_json::json;

use super::common::{self, start};
use super::{oncall, ITEMS};

#[tokio::test]
async fn unknown_template_keys_are_ignored_not_refused() {
    let port = start(false).await;
    let body = json!({"type": "webhook", "name": "Ignoring",
        "templates": {"slack": {"subtitle": "x", "title": "T"}, "future_channel": {"title": "x"}}});
    let created = oncall(port, "POST", ITEMS, Some(body)).await;
    assert_eq!(created.status, Some(201));
    let stored = created.json();
    assert_eq!(stored["templates"]["slack"]["title"], "T");
    assert!(stored["templates"]["slack"].get("subtitle").is_none());
    assert!(stored["templates"].get("future_channel").is_none());
}

#[tokio::test]
async fn the_engines_defaults_and_hidden_maintenance_integrations() {
    let port = start(false).await;
    let made = oncall(
        port,
        "POST",
        ITEMS,
        Some(json!({"type": "webhook", "name": "Defaults"})),
    )
    .await
    .json();
    assert_eq!(made["default_route"]["slack"]["enabled"], true);
    assert!(made["heartbeat"]["link"]
        .as_str()
        .unwrap()
        .ends_with("/heartbeat/"));
    let hidden = oncall(
        port,
        "POST",
        ITEMS,
        Some(json!({"type": "maintenance", "name": "Hidden"})),
    )
    .await;
    assert_eq!(hidden.status, Some(201), "the engine creates it");
    let listed = oncall(port, "GET", &format!("{ITEMS}?name=Hidden"), None)
        .await
        .json();
    assert_eq!(listed["count"], 0, "but never lists it");
}

#[tokio::test]
async fn past_the_rate_limit_it_answers_429_with_retry_after() {
    let port = start(false).await;
    let options = json!({"seed": 0, "vendors": {"grafana_oncall": {"rate_limit": {"limit": 1, "window_s": 30}}}});
    common::reset_with(port, options).await;
    assert_eq!(oncall(port, "GET", ITEMS, None).await.status, Some(200));
    let limited = oncall(port, "GET", ITEMS, None).await;
    assert_eq!(limited.status, Some(429));
    let wait: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=30).contains(&wait), "{wait}");
}
