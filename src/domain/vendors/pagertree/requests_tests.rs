//! Builders: paths, pages, filters, bodies, and every constraint at its boundary.

use super::*;
use crate::domain::api::refused_fields;
use crate::domain::listing::read_list;
use crate::domain::request::{Method, Response};
use crate::domain::vendors::pagertree::parse::{draft_from, PAGING, RECORDS};
use serde_json::json;

const LIST: &str = include_str!("../../../../tests/fixtures/pagertree/list_page.json");

fn slack_record() -> Record {
    read_list(&Response::new(200, LIST), &RECORDS, &PAGING, None, &|_| {
        unreachable!("a 200")
    })
    .unwrap()
    .records
    .remove(1)
}

fn slack_draft() -> Value {
    json!({
        "name": "Ops channel",
        "urgency": "high",
        "enabled": true,
        "integration_type_id": "01GDBF0SLACKV3CHANNEL00000",
        "team_ids": ["T1"],
        "option_incoming_webhook_url": "https://hooks.slack.com/services/T0/B0/x",
        "option_alert_open": true,
        "option_title_template": "",
    })
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_first_page_asks_for_a_hundred_from_offset_zero_with_the_filters() {
    let query = ListQuery {
        filters: vec![
            ("name".into(), "Ops".into()),
            ("urgency".into(), "high".into()),
            ("enabled".into(), "false".into()),
            ("integration_type_id".into(), "01GDB".into()),
            ("unknown".into(), "x".into()),
        ],
        ..Default::default()
    };
    let request = list(&query, None).unwrap();
    assert_eq!(request.path, "/integrations");
    assert_eq!(
        request.query,
        pairs(&[
            ("limit", "100"),
            ("offset", "0"),
            ("name", "Ops"),
            ("urgency", "high"),
            ("enabled", "false"),
            ("integration_type_id", "01GDB"),
        ])
    );
    let next = list(&ListQuery::default(), Some(&Cursor::Offset(200))).unwrap();
    assert_eq!(next.query, pairs(&[("limit", "100"), ("offset", "200")]));
}

#[test]
fn limit_is_checked_at_its_boundaries() {
    let with = |size| {
        list(
            &ListQuery {
                page_size: Some(size),
                ..Default::default()
            },
            None,
        )
    };
    assert!(with(1).is_ok());
    assert!(with(100).is_ok());
    for bad in [0, 101] {
        assert_eq!(
            refused_fields(with(bad)),
            [(
                "/limit".to_string(),
                vec!["must be between 1 and 100".to_string()]
            )],
            "{bad}"
        );
    }
    let urgent = ListQuery {
        filters: vec![("urgency".into(), "urgent".into())],
        ..Default::default()
    };
    assert!(list(&urgent, None).is_err(), "an urgency PagerTree lacks");
    assert!(list(&ListQuery::default(), Some(&Cursor::PageNumber(2))).is_err());
}

#[test]
fn a_create_sends_the_type_destinations_and_options_flat() {
    let request = create(&slack_draft()).unwrap();
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.path, "/integrations");
    assert_eq!(
        request.body.unwrap(),
        json!({
            "name": "Ops channel",
            "urgency": "high",
            "enabled": true,
            "integration_type_id": "01GDBF0SLACKV3CHANNEL00000",
            "team_ids": ["T1"],
            "option_incoming_webhook_url": "https://hooks.slack.com/services/T0/B0/x",
            "option_alert_open": true,
        })
    );
}

#[test]
fn a_create_is_refused_without_name_urgency_type_or_destination() {
    let fields = refused_fields(create(&json!({"name": " ", "enabled": true})));
    let on = |pointer: &str| {
        fields
            .iter()
            .find(|(p, _)| p == pointer)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    };
    assert_eq!(on("/name"), ["required"]);
    assert_eq!(on("/urgency"), ["required"]);
    assert_eq!(on("/integration_type_id"), ["required"]);
    assert_eq!(
        on("/destinations"),
        ["choose at least one account user, router or team"]
    );
    for urgency in ["low", "medium", "high", "critical"] {
        let mut draft = slack_draft();
        draft["urgency"] = json!(urgency);
        assert!(create(&draft).is_ok(), "{urgency}");
    }
    let mut silent = slack_draft();
    silent["urgency"] = json!("silent");
    assert_eq!(refused_fields(create(&silent))[0].0, "/urgency");
    for destination in ["account_user_ids", "router_ids", "team_ids"] {
        let mut draft = slack_draft();
        draft["team_ids"] = json!([]);
        draft[destination] = json!(["D1"]);
        assert!(create(&draft).is_ok(), "{destination} alone is enough");
    }
}

#[test]
fn a_create_checks_each_option_it_sends_by_its_kind() {
    let mut local = slack_draft();
    local["option_incoming_webhook_url"] = json!("http://localhost/hook");
    assert_eq!(
        refused_fields(create(&local))[0].0,
        "/option_incoming_webhook_url"
    );
    let mut wait = slack_draft();
    wait["option_max_wait_time"] = json!(29);
    assert_eq!(refused_fields(create(&wait))[0].0, "/option_max_wait_time");
    // Required in one type, optional in another: without the type's adapter, not refused.
    let mut email = slack_draft();
    email["option_custom_definition"] = json!("");
    assert!(create(&email).is_ok());
}

#[test]
fn an_edit_puts_every_editable_field_and_never_the_type() {
    let record = slack_record();
    let mut draft = draft_from(&record);
    draft["name"] = json!("Ops alerts");
    draft["option_outgoing_rules"] = json!("");
    draft["router_ids"] = json!([]);
    let request = update(&record, &draft).unwrap();
    assert_eq!(request.method, Method::Put);
    assert_eq!(request.path, format!("/integrations/{}", record.id));
    let body = request.body.unwrap();
    assert_eq!(body["name"], "Ops alerts");
    assert!(body.get("integration_type_id").is_none());
    assert_eq!(
        body["option_outgoing_rules"],
        Value::Null,
        "emptied: cleared"
    );
    assert_eq!(body["router_ids"], json!([]), "unticked: cleared");
    assert_eq!(
        body["account_user_ids"],
        json!(["01GDKK2ACCOUNTUSER000000001"])
    );
    assert_eq!(body["option_alert_resolved"], true);
}

#[test]
fn an_edit_that_changes_the_type_or_breaks_a_rule_is_refused() {
    let record = slack_record();
    let mut draft = draft_from(&record);
    draft["integration_type_id"] = json!("01GDBEYARHS4W4QM6X370Z5TMB");
    let error = update(&record, &draft).unwrap_err();
    assert!(error.message.contains("keeps an integration's type"));
    let mut draft = draft_from(&record);
    draft["option_incoming_webhook_url"] = json!("");
    assert_eq!(
        refused_fields(update(&record, &draft)),
        [(
            "/option_incoming_webhook_url".to_string(),
            vec!["required".to_string()]
        )]
    );
}

#[test]
fn delete_and_get_name_the_integration_and_lookups_page_by_a_hundred() {
    let record = slack_record();
    assert_eq!(
        delete(&record).unwrap().path,
        "/integrations/01GDKM7C4N1P6H3B8S2E5R0TQW"
    );
    assert_eq!(get("a/b").path, "/integrations/a%2Fb");
    let paths: Vec<(String, String)> = lookups()
        .into_iter()
        .map(|l| (l.pointer, l.first.path))
        .collect();
    assert_eq!(
        paths,
        pairs(&[
            ("/team_ids", "/teams"),
            ("/router_ids", "/routers"),
            ("/account_user_ids", "/account_users"),
            ("/integration_type_id", "/integration_types"),
        ])
    );
    assert!(lookups()
        .iter()
        .all(|l| l.first.query == pairs(&[("limit", "100")])));
}
