//! Builders: paths, pages, filters, bodies, and every constraint at its boundary.

use super::*;
use crate::domain::api::refused_fields;
use crate::domain::request::Method;
use crate::domain::vendors::grafana_oncall::parse::RECORDS;
use crate::domain::vendors::grafana_oncall::OnCallApi;
use crate::domain::VendorApi;

fn draft(kind: &str) -> Value {
    json!({"type": kind, "name": "", "description_short": "", "team_id": "", "default_route": {"escalation_chain_id": ""}})
}

#[test]
fn the_first_page_asks_for_page_one_at_perpage_and_passes_filters() {
    let query = ListQuery {
        filters: vec![
            ("name".into(), "Ops".into()),
            ("team_id".into(), "null".into()),
        ],
        ..Default::default()
    };
    let request = list(&query, None).unwrap();
    assert_eq!(request.path, "/api/v1/integrations/");
    assert_eq!(
        request.query,
        [
            ("page", "1"),
            ("perpage", "100"),
            ("name", "Ops"),
            ("team_id", "null")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn perpage_is_checked_at_its_boundaries() {
    assert!(list(
        &ListQuery {
            page_size: Some(100),
            ..Default::default()
        },
        None
    )
    .is_ok());
    assert!(list(
        &ListQuery {
            page_size: Some(1),
            ..Default::default()
        },
        None
    )
    .is_ok());
    assert_eq!(
        refused_fields(list(
            &ListQuery {
                page_size: Some(101),
                ..Default::default()
            },
            None
        )),
        [(
            "/perpage".to_string(),
            vec!["must be between 1 and 100".to_string()]
        )]
    );
}

#[test]
fn next_links_are_followed_as_given_and_pages_by_number() {
    let link = "https://oncall.test/oncall/api/v1/integrations/?page=2&perpage=100";
    assert_eq!(
        list(&ListQuery::default(), Some(&Cursor::Link(link.into())))
            .unwrap()
            .path,
        link
    );
    assert_eq!(
        list(&ListQuery::default(), Some(&Cursor::PageNumber(3)))
            .unwrap()
            .query[0],
        ("page".into(), "3".into())
    );
    assert!(list(&ListQuery::default(), Some(&Cursor::Offset(3))).is_err());
}

#[test]
fn ids_end_with_a_slash_and_are_encoded() {
    assert_eq!(
        get("CFRPV98RPR1U8").path,
        "/api/v1/integrations/CFRPV98RPR1U8/"
    );
    assert_eq!(get("a/b").path, "/api/v1/integrations/a%2Fb/");
}

#[test]
fn every_type_can_be_created_and_others_cannot() {
    for (kind, _) in super::super::types::CREATABLE {
        if kind != "maintenance" {
            assert!(create(&draft(kind)).is_ok(), "{kind}");
        }
    }
    // The engine creates a maintenance integration but never lists it: not offered.
    for kind in [
        "maintenance",
        "direct_paging",
        "legacy_alertmanager",
        "slack_channel",
        "",
    ] {
        assert_eq!(refused_fields(create(&draft(kind)))[0].0, "/type", "{kind}");
    }
}

#[test]
fn name_and_description_are_checked_at_their_boundaries() {
    let mut ok = draft("webhook");
    ok["name"] = json!("n".repeat(150));
    ok["description_short"] = json!("d".repeat(250));
    assert!(create(&ok).is_ok());
    let mut long = ok.clone();
    long["name"] = json!("n".repeat(151));
    assert_eq!(
        refused_fields(create(&long)),
        [(
            "/name".to_string(),
            vec!["at most 150 characters".to_string()]
        )]
    );
    let mut long = ok;
    long["description_short"] = json!("d".repeat(251));
    assert_eq!(
        refused_fields(create(&long)),
        [(
            "/description_short".to_string(),
            vec!["at most 250 characters".to_string()]
        )]
    );
}

#[test]
fn a_create_sends_what_was_given_and_leaves_defaults_out() {
    let mut typed = draft("alertmanager");
    typed["name"] = json!("Prometheus");
    typed["team_id"] = json!("TEAM1");
    typed["default_route"] = json!({"escalation_chain_id": "CHAIN1", "slack": {"channel_id": "c0abc", "enabled": true}, "telegram": {"id": "", "enabled": false}});
    typed["templates"] = json!({"grouping_key": "{{ payload.groupKey }}", "slack": {"title": "*{{ payload.title }}*", "message": ""}});
    let request = create(&typed).unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Post, "/api/v1/integrations/")
    );
    assert_eq!(
        request.body.unwrap(),
        json!({
            "type": "alertmanager", "name": "Prometheus", "team_id": "TEAM1",
            "default_route": {"escalation_chain_id": "CHAIN1", "slack": {"channel_id": "C0ABC", "enabled": true}},
            "templates": {"grouping_key": "{{ payload.groupKey }}", "slack": {"title": "*{{ payload.title }}*"}}
        })
    );
    let bare = create(&draft("webhook")).unwrap().body.unwrap();
    assert_eq!(
        bare,
        json!({"type": "webhook", "team_id": null, "default_route": {"escalation_chain_id": null}})
    );
}

#[test]
fn a_broken_template_is_refused_on_its_own_field() {
    let mut typed = draft("webhook");
    typed["templates"] = json!({"slack": {"title": "{{ payload.title", "message": "fine {{ x }}"}, "resolve_signal": "{% if a %}"});
    let errors = refused_fields(create(&typed));
    assert_eq!(
        errors,
        [
            (
                "/templates/resolve_signal".to_string(),
                vec!["line 1: {% if %} is never closed (expected {% endif %})".to_string()]
            ),
            (
                "/templates/slack/title".to_string(),
                vec!["line 1: “{{” is never closed (expected “}}”)".to_string()]
            ),
        ]
    );
}

#[test]
fn an_update_puts_every_field_but_the_type_and_resets_emptied_templates() {
    let record = Record {
        id: "CFRPV98RPR1U8".into(),
        raw: json!({"id": "CFRPV98RPR1U8", "type": "grafana", "name": "Old"}),
    };
    let mut typed = draft("grafana");
    typed["name"] = json!("New");
    typed["templates"] = json!({"web": {"title": "{{ payload.title }}"}});
    let request = update(&record, &typed).unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Put, "/api/v1/integrations/CFRPV98RPR1U8/")
    );
    let body = request.body.unwrap();
    assert_eq!(
        body.get("type"),
        None,
        "OnCall ignores type on update; it is not sent"
    );
    assert_eq!(body["name"], "New");
    assert_eq!(
        body["description_short"],
        Value::Null,
        "an emptied description is cleared"
    );
    assert_eq!(body["templates"]["web"]["title"], "{{ payload.title }}");
    assert_eq!(
        body["templates"]["web"]["message"],
        Value::Null,
        "empty templates reset to the default"
    );
    assert_eq!(body["templates"]["grouping_key"], Value::Null);
}

#[test]
fn the_type_cannot_be_changed_by_an_edit() {
    let record = Record {
        id: "X".into(),
        raw: json!({"id": "X", "type": "grafana"}),
    };
    let mut typed = draft("webhook");
    typed["name"] = json!("x");
    assert_eq!(refused_fields(update(&record, &typed))[0].0, "/type");
}

#[test]
fn maintenance_starts_with_a_mode_and_an_allowed_duration_and_stops() {
    let record = Record {
        id: "X".into(),
        raw: json!({"id": "X", "type": "webhook"}),
    };
    let start = action(
        "maintenance_start",
        &record,
        &json!({"mode": "debug", "duration": "10800"}),
    )
    .unwrap();
    assert_eq!(start.path, "/api/v1/integrations/X/maintenance_start/");
    assert_eq!(
        start.body,
        Some(json!({"mode": "debug", "duration": 10800}))
    );
    assert!(action(
        "maintenance_start",
        &record,
        &json!({"mode": "party", "duration": "3600"})
    )
    .is_err());
    assert!(action(
        "maintenance_start",
        &record,
        &json!({"mode": "debug", "duration": "60"})
    )
    .is_err());
    assert_eq!(
        action("maintenance_stop", &record, &json!({}))
            .unwrap()
            .path,
        "/api/v1/integrations/X/maintenance_stop/"
    );
}

#[test]
fn direct_paging_and_unknown_types_are_not_deleted() {
    let of = |kind: &str| Record {
        id: "X".into(),
        raw: json!({"id": "X", "type": kind}),
    };
    assert_eq!(delete(&of("webhook")).unwrap().method, Method::Delete);
    assert!(delete(&of("direct_paging")).is_err());
    assert!(delete(&of("slack_channel")).is_err());
    assert!(update(&of("slack_channel"), &draft("slack_channel")).is_err());
}

#[test]
fn an_edit_clears_an_emptied_slack_channel_and_telegram_chat() {
    let record = RECORDS.record(json!({"id": "X", "type": "webhook", "name": "N",
        "default_route": {"slack": {"channel_id": "C1", "enabled": true}, "telegram": {"id": "T1", "enabled": true}}}))
    .unwrap();
    let mut edited = OnCallApi.draft_from(&record);
    edited["default_route"]["slack"]["channel_id"] = json!("");
    edited["default_route"]["telegram"]["id"] = json!(" ");
    let body = OnCallApi
        .update_request(&record, &edited)
        .unwrap()
        .body
        .unwrap();
    assert_eq!(
        body["default_route"]["slack"],
        json!({"channel_id": null, "enabled": false})
    );
    assert_eq!(
        body["default_route"]["telegram"],
        json!({"id": null, "enabled": false})
    );
}

#[test]
fn an_edit_refuses_a_blank_name_or_description_before_sending() {
    let record = RECORDS
        .record(json!({"id": "X", "type": "webhook", "name": "N", "description_short": "D"}))
        .unwrap();
    let mut edited = OnCallApi.draft_from(&record);
    edited["name"] = json!("\u{200B}");
    edited["description_short"] = json!("");
    let fields: Vec<String> = refused_fields(OnCallApi.update_request(&record, &edited))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(fields, ["/description_short", "/name"]);
}
