//! Request builders: method, path, query, body, and every constraint at its boundary, refused
//! before anything is sent.

use super::*;
use crate::domain::api::refused_fields;
use crate::domain::error::ErrorKind;
use crate::domain::request::Method;

fn draft(name: &str, description: &str, target: Value) -> Value {
    json!({"display_name": name, "description": description, "target": target})
}

fn slack() -> Value {
    json!({"kind": "Slack", "webhook_url": "https://hooks.slack.com/services/T0/B0/x"})
}

#[test]
fn the_first_page_asks_for_the_page_size() {
    let request = list(&ListQuery::default(), None).unwrap();
    assert_eq!(request.method, Method::Get);
    assert_eq!(request.path, "/notifications/v1/integrations");
    assert_eq!(
        request.query,
        vec![("page_size".to_string(), "100".to_string())]
    );
    let sized = list(
        &ListQuery {
            page_size: Some(250),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    assert_eq!(sized.query[0].1, "250");
}

#[test]
fn page_size_is_checked_at_its_boundaries() {
    for ok in [1, 250] {
        assert!(
            list(
                &ListQuery {
                    page_size: Some(ok),
                    ..Default::default()
                },
                None
            )
            .is_ok(),
            "{ok}"
        );
    }
    for bad in [0, 251] {
        assert_eq!(
            refused_fields(list(
                &ListQuery {
                    page_size: Some(bad),
                    ..Default::default()
                },
                None
            )),
            [(
                "/page_size".to_string(),
                vec!["must be between 1 and 250".to_string()]
            )],
            "{bad}"
        );
    }
}

#[test]
fn next_links_are_followed_as_given_after_their_token_is_checked() {
    let link = format!(
        "https://api.confluent.cloud/notifications/v1/integrations?page_size=10&page_token={}",
        "t".repeat(255)
    );
    let request = list(&ListQuery::default(), Some(&Cursor::Link(link.clone()))).unwrap();
    assert_eq!(request.path, link);
    assert!(request.query.is_empty());
    let too_long = format!(
        "https://api.confluent.cloud/notifications/v1/integrations?page_token={}",
        "t".repeat(256)
    );
    assert_eq!(
        refused_fields(list(&ListQuery::default(), Some(&Cursor::Link(too_long)))),
        [(
            "/page_token".to_string(),
            vec!["at most 255 characters".to_string()]
        )]
    );
}

#[test]
fn a_bare_token_cursor_is_checked_and_sent_with_the_page_size() {
    let request = list(&ListQuery::default(), Some(&Cursor::Token("abc".into()))).unwrap();
    assert_eq!(
        request.query,
        vec![
            ("page_size".into(), "100".into()),
            ("page_token".into(), "abc".into())
        ]
    );
    assert!(list(&ListQuery::default(), Some(&Cursor::Token("t".repeat(256)))).is_err());
    assert!(list(&ListQuery::default(), Some(&Cursor::PageNumber(2))).is_err());
}

#[test]
fn get_and_delete_encode_the_id_into_the_path() {
    assert_eq!(
        get("dlz-f3a90de").path,
        "/notifications/v1/integrations/dlz-f3a90de"
    );
    assert_eq!(get("a/b").path, "/notifications/v1/integrations/a%2Fb");
    let record = Record {
        id: "i-1".into(),
        raw: json!({"id": "i-1", "target": slack()}),
    };
    let request = delete(&record).unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Delete, "/notifications/v1/integrations/i-1")
    );
    assert_eq!(request.body, None);
}

#[test]
fn create_posts_only_the_fields_of_the_chosen_kind() {
    let mut typed = draft("Ops", "", slack());
    typed["target"]["url"] = json!("https://typed-under-webhook.test");
    let request = create(&typed).unwrap();
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.path, "/notifications/v1/integrations");
    assert_eq!(
        request.body,
        Some(json!({"display_name": "Ops", "target": slack()}))
    );
}

#[test]
fn display_name_and_description_are_checked_at_their_boundaries() {
    assert!(create(&draft(&"n".repeat(64), &"d".repeat(128), slack())).is_ok());
    assert_eq!(
        refused_fields(create(&draft(&"n".repeat(65), "", slack()))),
        [(
            "/display_name".to_string(),
            vec!["at most 64 characters".to_string()]
        )]
    );
    assert_eq!(
        refused_fields(create(&draft("Ops", &"d".repeat(129), slack()))),
        [(
            "/description".to_string(),
            vec!["at most 128 characters".to_string()]
        )]
    );
    assert_eq!(
        refused_fields(create(&draft("", "", slack()))),
        [("/display_name".to_string(), vec!["required".to_string()])]
    );
}

#[test]
fn target_urls_must_be_absolute_http_urls_with_a_host() {
    let cases = [
        (
            "Webhook",
            "url",
            "/relative/hook",
            "must be an absolute URL, like https://host/path",
        ),
        (
            "Slack",
            "webhook_url",
            "javascript:alert(1)",
            "must start with http:// or https://",
        ),
        (
            "MsTeams",
            "webhook_url",
            "https://",
            "must name a host, like https://host/path",
        ),
        ("Webhook", "url", "", "required"),
    ];
    for (kind, field, url, message) in cases {
        let target = json!({"kind": kind, field: url});
        assert_eq!(
            refused_fields(create(&draft("Ops", "", target))),
            [(format!("/target/{field}"), vec![message.to_string()])],
            "{kind} {url}"
        );
    }
    for (kind, field) in [
        ("Webhook", "url"),
        ("Slack", "webhook_url"),
        ("MsTeams", "webhook_url"),
    ] {
        let target = json!({"kind": kind, field: "http://10.0.0.5:8080/hook"});
        assert!(create(&draft("Ops", "", target)).is_ok(), "{kind}");
    }
}

#[test]
fn email_and_unknown_kinds_cannot_be_created() {
    for kind in ["RoleEmail", "UserEmail", "InApp"] {
        let errors = refused_fields(create(&draft(
            "Ops",
            "",
            json!({"kind": kind, "role_name": "x"}),
        )));
        assert_eq!(errors[0].0, "/target/kind", "{kind}");
    }
}

#[test]
fn a_patch_carries_only_the_changed_fields() {
    let record = Record {
        id: "i-1".into(),
        raw: json!({"id": "i-1", "display_name": "Ops", "description": "Old", "target": slack(), "metadata": {"self": "x"}}),
    };
    let renamed = draft("Ops team", "Old", slack());
    let request = update(&record, &renamed).unwrap();
    assert_eq!(
        (request.method, request.path.as_str()),
        (Method::Patch, "/notifications/v1/integrations/i-1")
    );
    assert_eq!(request.body, Some(json!({"display_name": "Ops team"})));

    let retargeted = draft(
        "Ops",
        "Old",
        json!({"kind": "Webhook", "url": "https://hooks.test/1"}),
    );
    assert_eq!(
        update(&record, &retargeted).unwrap().body,
        Some(json!({"target": {"kind": "Webhook", "url": "https://hooks.test/1"}}))
    );
    let cleared = draft("Ops", "", slack());
    assert_eq!(
        update(&record, &cleared).unwrap().body,
        Some(json!({"description": ""}))
    );
    assert_eq!(
        update(&record, &draft("Ops", "Old", slack()))
            .unwrap_err()
            .message,
        "Nothing has changed, so there is nothing to save."
    );
    assert!(update(&record, &draft(&"n".repeat(65), "Old", slack())).is_err());
}

#[test]
fn email_integrations_are_never_written() {
    let role = Record {
        id: "i-2".into(),
        raw: json!({"id": "i-2", "display_name": "Admins", "target": {"kind": "RoleEmail", "role_name": "OrganizationAdmin"}}),
    };
    let error = delete(&role).unwrap_err();
    assert_eq!(error.kind, ErrorKind::Refused);
    assert!(error
        .message
        .starts_with("Email integrations are managed by Confluent"));
    assert!(update(&role, &draft("Admins 2", "", slack())).is_err());
}

#[test]
fn a_test_notification_posts_the_draft_to_the_test_endpoint() {
    let request = test(&draft("Ops", "Desc", slack())).unwrap();
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.path, "/notifications/v1/integrations:test");
    assert_eq!(
        request.body,
        Some(json!({"display_name": "Ops", "description": "Desc", "target": slack()}))
    );
    assert!(test(&draft("", "", slack())).is_err());
}
