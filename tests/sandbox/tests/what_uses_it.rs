//! The lists that say what uses an integration, and the quota on them, over real sockets:
//! OnCall routes (the default route last, from the integration), ThousandEyes v6 alert rules
//! (notifications only in a rule's detail), Confluent subscriptions and applied quotas.

mod common;

use common::{call, start, Raw};
use serde_json::{json, Value};

const ONCALL: (&str, &str) = ("Authorization", "demo-oncall-key");
const CONFLUENT: (&str, &str) = ("Authorization", "Basic REVNT0tFWTpkZW1vLXNlY3JldA=="); // DEMOKEY:demo-secret
const TE: (&str, &str) = ("Authorization", "Bearer demo-thousandeyes-bearer");

/// A GET with the vendor's credentials.
async fn get(port: u16, path: &str, auth: (&str, &str)) -> Raw {
    call(port, "GET", path, &[auth], None).await
}

#[tokio::test]
async fn oncall_routes_list_each_integrations_routes_its_default_last_and_go_with_it() {
    let port = start(false).await;
    let routes = get(port, "/grafana-oncall/api/v1/routes/", ONCALL)
        .await
        .json();
    assert_eq!(routes["count"], 2);
    let results = routes["results"].as_array().unwrap();
    assert_eq!(results[0]["routing_regex"], "us-(east|west)");
    assert_eq!(
        (
            results[0]["position"].clone(),
            results[0]["is_the_last_route"].clone()
        ),
        (json!(0), json!(false))
    );
    assert_eq!(
        results[1]["is_the_last_route"], true,
        "the default route last"
    );
    assert_eq!(results[1]["escalation_chain_id"], "F5JU6KJET33FE");
    let none = get(
        port,
        "/grafana-oncall/api/v1/routes/?integration_id=CNOSUCHONE000",
        ONCALL,
    )
    .await
    .json();
    assert_eq!(none["count"], 0);
    let unauthorised = call(port, "GET", "/grafana-oncall/api/v1/routes/", &[], None).await;
    assert_eq!(unauthorised.status, Some(403));
    let gone = call(
        port,
        "DELETE",
        "/grafana-oncall/api/v1/integrations/CFRPV98RPR1U8/",
        &[ONCALL],
        None,
    )
    .await;
    assert_eq!(gone.status, Some(204));
    let after = get(port, "/grafana-oncall/api/v1/routes/", ONCALL)
        .await
        .json();
    assert_eq!(after["count"], 0, "an integration's routes go with it");
}

#[tokio::test]
async fn thousandeyes_lists_alert_rules_without_notifications_and_details_them() {
    let port = start(false).await;
    let list = get(port, "/thousandeyes/v6/alert-rules.json", TE)
        .await
        .json();
    let rules = list["alertRules"].as_array().unwrap();
    assert_eq!(rules.len(), 2);
    assert!(rules.iter().all(|r| r.get("notifications").is_none()));
    let one = get(port, "/thousandeyes/v6/alert-rules/921.json", TE)
        .await
        .json();
    let webhook = &one["alertRules"][0]["notifications"]["webhook"][0];
    assert_eq!(webhook["integrationId"], "999");
    let missing = get(port, "/thousandeyes/v6/alert-rules/1.json", TE).await;
    assert_eq!(missing.status, Some(404));
    let other_group = get(port, "/thousandeyes/v6/alert-rules.json?aid=1", TE).await;
    assert_eq!(other_group.status, Some(400), "a group the user is not in");
}

#[tokio::test]
async fn confluent_lists_subscriptions_and_reports_the_integrations_quota() {
    let port = start(false).await;
    let subscriptions = get(port, "/confluent/notifications/v1/subscriptions", CONFLUENT)
        .await
        .json();
    assert_eq!(subscriptions["kind"], "SubscriptionList");
    assert_eq!(subscriptions["metadata"]["total_size"], 3);
    let quotas = |query: &'static str| get(port, query, CONFLUENT);
    let unscoped = quotas("/confluent/service-quota/v1/applied-quotas").await;
    assert_eq!(unscoped.status, Some(400), "scope is required");
    let org = quotas("/confluent/service-quota/v1/applied-quotas?scope=ORGANIZATION")
        .await
        .json();
    let ours: Vec<&Value> = org["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["id"] == "integrations_per_org")
        .collect();
    assert_eq!(ours.len(), 1);
    assert_eq!(
        (ours[0]["applied_limit"].clone(), ours[0]["usage"].clone()),
        (json!(1000), json!(5))
    );
}
