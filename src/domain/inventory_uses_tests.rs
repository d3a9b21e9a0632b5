//! What an integration hands its alerts to, from its record and from its vendor's other
//! objects, and the findings that makes: *disabled but still wired*, *nothing uses it*.

use serde_json::json;

use super::*;

/// A vendor's API and the first record of one of its list answers.
fn first_record(vendor: Vendor, body: &str) -> (&'static dyn VendorApi, Record) {
    let api = api_for(vendor, &Default::default()).unwrap();
    let page = api.parse_list(&Response::new(200, body), None).unwrap();
    (api, page.records.into_iter().next().expect("a record"))
}

#[test]
fn what_an_integration_hands_its_alerts_to_is_read_where_its_vendor_names_it() {
    use crate::domain::hygiene::{DEFAULT_ROUTE_EMPTY, DISABLED_IN_USE};
    let (oncall, mut record) = first_record(
        Vendor::GrafanaOncall,
        include_str!("../../tests/fixtures/grafana_oncall/list_page.json"),
    );
    let used = oncall.uses(&record, &Lookups::new()).unwrap();
    assert_eq!(
        used,
        ["Escalation chain: F5JU6KJET33FE", "Slack channel: CH23212D"]
    );
    let routed = row_of(oncall, ("c", "C"), &record, &Lookups::new());
    assert!(routed
        .findings
        .iter()
        .all(|(id, _)| *id != DEFAULT_ROUTE_EMPTY));
    record.raw["default_route"] = json!({"id": "R", "escalation_chain_id": null, "slack": {"channel_id": null}, "telegram": {"id": null}});
    assert_eq!(oncall.uses(&record, &Lookups::new()), Some(Vec::new()));
    let row = row_of(oncall, ("c", "C"), &record, &Lookups::new());
    assert!(
        row.findings
            .iter()
            .any(|(id, _)| *id == DEFAULT_ROUTE_EMPTY),
        "alerts no other route matches go nowhere"
    );

    // "Ops channel" is switched off while its destinations still expect it.
    let pagertree = rows_of(
        Vendor::PagerTree,
        json!({}),
        include_str!("../../tests/fixtures/pagertree/list_page.json"),
    );
    let wired: Vec<&str> = pagertree
        .iter()
        .filter(|r| {
            r.findings
                .iter()
                .any(|(id, what)| *id == DISABLED_IN_USE && what.starts_with("Destinations: "))
        })
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(wired, ["Ops channel"]);
    // A vendor whose integration does not name what takes its alerts cannot tell.
    let api = api_for(Vendor::Confluent, &Default::default()).unwrap();
    let record = Record {
        id: "x".into(),
        raw: json!({}),
    };
    assert_eq!(api.uses(&record, &Lookups::new()), None);
}

#[test]
fn nothing_uses_an_integration_only_once_its_vendor_has_said_so() {
    use crate::domain::hygiene::{DISABLED_IN_USE, UNUSED};
    use crate::domain::references::{listed, References};
    let confluent = api_for(Vendor::Confluent, &Default::default()).unwrap();
    let body = include_str!("../../tests/fixtures/confluent/list_page.json");
    let records = confluent
        .parse_list(&Response::new(200, body), None)
        .unwrap()
        .records;
    let spec = confluent
        .referrers()
        .expect("Confluent lists subscriptions");
    let subscriptions = include_str!("../../tests/fixtures/confluent/subscriptions.json");
    let references = References::new(&spec, listed(&spec, subscriptions));
    let flagged = |referenced: Referenced| {
        records
            .iter()
            .map(|r| row_with(confluent, ("c", "C"), r, &Lookups::new(), referenced))
            .filter(|row| row.findings.iter().any(|(id, _)| *id == UNUSED))
            .map(|row| row.id)
            .collect::<Vec<_>>()
    };
    assert!(
        flagged(Referenced::NotRead).is_empty(),
        "unread subscriptions say nothing"
    );
    assert_eq!(
        flagged(Referenced::Read(&references)),
        ["dlz-f3a90de", "i-12348", "i-12349"],
        "i-12348's one subscription is disabled"
    );

    // An OnCall integration whose default route sends nowhere is not called unused while
    // its other routes are unread.
    let (oncall, mut record) = first_record(
        Vendor::GrafanaOncall,
        include_str!("../../tests/fixtures/grafana_oncall/list_page.json"),
    );
    record.raw["default_route"] = json!({"id": "R", "escalation_chain_id": null});
    let row = row_with(
        oncall,
        ("c", "C"),
        &record,
        &Lookups::new(),
        Referenced::NotRead,
    );
    assert!(
        !row.findings.iter().any(|(id, _)| *id == UNUSED),
        "routes unread"
    );

    // PagerTree's destinations are in the record: nothing else to read.
    let (pagertree, mut record) = first_record(
        Vendor::PagerTree,
        include_str!("../../tests/fixtures/pagertree/list_page.json"),
    );
    for key in ["account_user_ids", "router_ids", "team_ids"] {
        record.raw[key] = json!([]);
    }
    let row = row_with(
        pagertree,
        ("c", "C"),
        &record,
        &Lookups::new(),
        Referenced::NoReader,
    );
    assert!(row.findings.iter().any(|(id, _)| *id == UNUSED));
    assert!(!row.findings.iter().any(|(id, _)| *id == DISABLED_IN_USE));
}
