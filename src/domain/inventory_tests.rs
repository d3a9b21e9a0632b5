use serde_json::json;

use super::*;
use crate::domain::inventory_export::{to_csv, to_json};
use crate::domain::registry::api_for;
use crate::domain::request::Response;
use crate::domain::safety::fingerprint;

fn rows_of(vendor: Vendor, settings: Value, body: &str) -> Vec<InventoryRow> {
    let api = api_for(vendor, settings.as_object().unwrap()).unwrap();
    let page = api.parse_list(&Response::new(200, body), None).unwrap();
    page.records
        .iter()
        .map(|r| row_of(api, ("c1", "Conn"), r, &Lookups::new()))
        .collect()
}

fn kinds(rows: &[InventoryRow]) -> Vec<(&str, NormalKind)> {
    rows.iter().map(|r| (r.name.as_str(), r.kind)).collect()
}

#[test]
fn every_vendors_types_map_onto_the_same_kinds() {
    use NormalKind::*;
    let te6 = rows_of(
        Vendor::ThousandEyes,
        json!({}),
        include_str!("../../tests/fixtures/thousandeyes/integrations-v6.json"),
    );
    assert_eq!(
        kinds(&te6),
        [
            ("Jira Thousandeyes", PagerDuty),
            ("ThousandEyes Private", Slack),
            ("Alert ThousandEyes", Webhook)
        ]
    );
    let te7 = rows_of(
        Vendor::ThousandEyes,
        json!({"version": "v7"}),
        include_str!("../../tests/fixtures/thousandeyes/connectors-v7.json"),
    );
    assert_eq!(
        kinds(&te7),
        [("Cisco Slack", Slack), ("Ops webhook", Webhook)]
    );
    let confluent = rows_of(
        Vendor::Confluent,
        json!({}),
        include_str!("../../tests/fixtures/confluent/list_page.json"),
    );
    assert_eq!(
        kinds(&confluent),
        [
            ("Slack integration", Slack),
            ("Webhook integration", Webhook),
            ("Teams integration", Teams),
            ("Organization admins", Email),
            ("On-call user", Email)
        ]
    );
    let oncall = rows_of(
        Vendor::GrafanaOncall,
        json!({}),
        include_str!("../../tests/fixtures/grafana_oncall/list_page.json"),
    );
    assert_eq!(kinds(&oncall), [("Grafana :blush:", Other)]);
    let rocketchat = rows_of(
        Vendor::RocketChat,
        json!({}),
        include_str!("../../tests/fixtures/rocketchat/list_page.json"),
    );
    assert!(rocketchat
        .iter()
        .all(|r| r.kind == Webhook && r.vendor_kind == "Outgoing webhook"));
    let pagertree = rows_of(
        Vendor::PagerTree,
        json!({}),
        include_str!("../../tests/fixtures/pagertree/list_page.json"),
    );
    assert_eq!(
        kinds(&pagertree),
        [
            ("Retails Site Uptime Monitor", Other),
            ("Ops channel", Slack)
        ]
    );
    // The target's host outranks the vendor's word.
    assert_eq!(
        normal_kind("Webhook", Some("https://acme.webhook.office.com/x")),
        Teams
    );
    assert_eq!(
        normal_kind("custom", Some("https://events.pagerduty.com/v2/enqueue")),
        PagerDuty
    );
    assert_eq!(
        normal_kind("Uptime Robot", Some("https://uptime.example.com")),
        Other
    );
}

#[test]
fn rows_carry_the_columns_every_vendor_shares() {
    let rocketchat = rows_of(
        Vendor::RocketChat,
        json!({}),
        include_str!("../../tests/fixtures/rocketchat/list_page.json"),
    );
    let guggy = &rocketchat[0];
    assert_eq!(
        (guggy.connection_id.as_str(), guggy.connection.as_str()),
        ("c1", "Conn")
    );
    assert_eq!(guggy.host.as_deref(), Some("text2gif.guggy.com"));
    assert_eq!(guggy.enabled, Some(true));
    assert_eq!(guggy.created.as_deref(), Some("2017-01-05T17:06:05.660Z"));
    let confluent = rows_of(
        Vendor::Confluent,
        json!({}),
        include_str!("../../tests/fixtures/confluent/list_page.json"),
    );
    assert!(
        confluent[0].target_secret,
        "a Slack webhook URL is a credential"
    );
    assert_eq!(
        confluent[0].updated.as_deref(),
        Some("2006-01-02T15:04:05-07:00")
    );
}

#[test]
fn hosts_are_read_from_any_absolute_url() {
    for (url, host) in [
        (
            "https://hooks.slack.com/services/T/B/x",
            Some("hooks.slack.com"),
        ),
        ("http://User:pw@Example.COM:8443/a?b#c", Some("example.com")),
        ("https://[2001:db8::1]:443/x", Some("2001:db8::1")),
        ("https://host?query", Some("host")),
        ("hooks.slack.com/services", None),
        ("mailto:ops@example.com", None),
        ("https:///path", None),
    ] {
        assert_eq!(host_of(url).as_deref(), host, "{url}");
    }
}

fn row(name: &str, target: &str, secret: bool) -> InventoryRow {
    InventoryRow {
        vendor: Vendor::Confluent,
        connection_id: "c1".into(),
        connection: "Prod".into(),
        id: "id-1".into(),
        name: name.into(),
        kind: NormalKind::Slack,
        vendor_kind: "Slack".into(),
        target: Some(target.into()),
        target_secret: secret,
        host: host_of(target),
        enabled: Some(true),
        created: None,
        updated: Some("2026-11-30T10:00:00Z".into()),
        haystack: format!(
            "{name} prod slack confluent cloud {}",
            host_of(target).unwrap_or_default()
        )
        .to_lowercase(),
        findings: Vec::new(),
    }
}

#[test]
fn exports_never_carry_a_secret_or_a_formula() {
    let hostile = [
        "=HYPERLINK(\"https://evil.example\",\"x\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\tTab",
        "\rReturn",
        "Plain, with \"quotes\"",
    ];
    let secret = "https://hooks.slack.com/services/T0/B0/supersecretvalue1234";
    let rows: Vec<InventoryRow> = hostile.iter().map(|name| row(name, secret, true)).collect();
    let csv = to_csv(&rows);
    assert!(!csv.contains("supersecretvalue"), "the secret is masked");
    assert!(csv.starts_with(
        "vendor,connection,name,kind,vendor_kind,target,host,enabled,created,updated,id,findings\r\n"
    ));
    for line in csv.lines().skip(1) {
        let name = line.split(',').nth(2).unwrap();
        assert!(
            !name.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{name}"
        );
    }
    assert!(csv.contains("\"Plain, with \"\"quotes\"\"\""));

    let json = to_json(
        &rows[..1],
        &[("kind".into(), "slack".into())],
        "2026-11-30T10:00:00Z",
    );
    assert!(!json.contains("supersecretvalue"));
    let parsed: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["format"], "patchbay.inventory/1");
    assert_eq!(parsed["filters"], json!({"kind": "slack"}));
    assert_eq!(parsed["exported_at"], "2026-11-30T10:00:00Z");
    let entry = &parsed["integrations"][0];
    assert_eq!(entry["target_fingerprint"], fingerprint(secret));
    assert_eq!(entry["host"], "hooks.slack.com");
    let open = to_json(
        &[row("Open", "https://alerts.example.com/x", false)],
        &[],
        "t",
    );
    assert!(open.contains("https://alerts.example.com/x") && !open.contains("target_fingerprint"));
}

#[test]
fn filters_and_search_read_the_shared_columns() {
    let r = row(
        "Payments alerts",
        "https://hooks.slack.com/services/x",
        true,
    );
    let f = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert!(r.passes(
        &f(&[
            ("vendor", "confluent"),
            ("kind", "slack"),
            ("enabled", "true")
        ]),
        "payments"
    ));
    assert!(r.passes(&f(&[("host", "hooks.slack.com")]), "SLACK.COM"));
    assert!(!r.passes(&f(&[("connection", "c2")]), ""));
    assert!(!r.passes(&[], "billing"));
}

#[test]
fn a_webhook_configured_in_three_tools_is_one_group_of_three() {
    let mut rows = vec![
        row("Confluent hook", "https://alerts.example.com/in/abc", false),
        row("Other path", "https://alerts.example.com/in/xyz", false),
        row("Slack", "https://hooks.slack.com/services/x", true),
        row("No target", "", false),
    ];
    rows[3].target = None;
    rows[3].host = None;
    let mut te = row("TE hook", "https://alerts.example.com/in/abc", false);
    te.vendor = Vendor::ThousandEyes;
    let mut pt = row("PT hook", "https://alerts.example.com/in/abc", false);
    pt.vendor = Vendor::PagerTree;
    rows.push(te);
    rows.push(pt);
    let refs: Vec<&InventoryRow> = rows.iter().collect();
    let groups = group_by_host(&refs);
    assert_eq!(groups.len(), 2, "rows without a host are left out");
    let busiest = &groups[0];
    assert_eq!(busiest.host, "alerts.example.com");
    assert_eq!(busiest.rows.len(), 4);
    assert_eq!(busiest.vendors, 3);
    let same: Vec<Vec<&str>> = busiest
        .same_url
        .iter()
        .map(|set| {
            set.iter()
                .map(|&at| busiest.rows[at].name.as_str())
                .collect()
        })
        .collect();
    assert_eq!(same, [["Confluent hook", "TE hook", "PT hook"]]);
    assert_eq!(groups[1].host, "hooks.slack.com");
    assert!(groups[1].same_url.is_empty());
    assert_eq!(
        counted(&refs, |r| Some(r.vendor.title())),
        [
            ("Confluent Cloud", 4),
            ("PagerTree", 1),
            ("ThousandEyes", 1)
        ]
    );
}

/// What uses an integration, and the findings it makes.
#[path = "inventory_uses_tests.rs"]
mod uses;
