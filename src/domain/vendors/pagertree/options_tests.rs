use super::*;
use crate::domain::field::FormSpec;
use crate::domain::validate::validate;

fn form(class: &str) -> FormSpec {
    FormSpec::new(option_fields(class))
}

/// The messages on `pointer` when `draft` is checked against `class`'s options.
fn errors(class: &str, draft: Value, pointer: &str) -> Vec<String> {
    validate(&form(class), &draft).get(pointer).to_vec()
}

#[test]
fn every_type_has_the_four_generic_options_first() {
    for class in ADAPTERS
        .iter()
        .map(|a| a.class)
        .chain(["Grafana::V3", "Unknown::V9"])
    {
        let pointers: Vec<String> = option_fields(class)
            .into_iter()
            .map(|f| f.pointer)
            .collect();
        assert_eq!(
            pointers[..4],
            [
                "/option_title_template",
                "/option_title_template_enabled",
                "/option_description_template",
                "/option_description_template_enabled"
            ],
            "{class}"
        );
    }
    assert_eq!(
        option_fields("Grafana::V3").len(),
        4,
        "generic options only"
    );
}

#[test]
fn a_chat_webhook_url_is_required_absolute_not_local_and_masked() {
    let url = "/option_incoming_webhook_url";
    for class in [
        "Channel::Slack::V3",
        "Channel::Mattermost::V3",
        "Channel::MicrosoftTeams::V4",
        "Channel::Hangouts::V3",
    ] {
        assert_eq!(errors(class, json!({}), url), ["required"], "{class}");
        assert!(!errors(
            class,
            json!({"option_incoming_webhook_url": "hooks.slack.com/x"}),
            url
        )
        .is_empty());
        for local in ["https://localhost/hook", "http://intranet:8080/hook"] {
            let said = errors(class, json!({"option_incoming_webhook_url": local}), url);
            assert!(
                said.iter().any(|m| m.contains("local hosts")),
                "{class} {local}: {said:?}"
            );
        }
        let fine =
            json!({"option_incoming_webhook_url": "https://hooks.slack.com/services/T0/B0/x"});
        assert!(errors(class, fine, url).is_empty(), "{class}");
        let field = option_fields(class)
            .into_iter()
            .find(|f| f.pointer == url)
            .unwrap();
        assert!(field.sensitive, "{class}: a webhook URL is a credential");
    }
}

#[test]
fn switches_start_at_the_adapters_defaults() {
    let draft = form("Email::V3").initial_draft();
    assert_eq!(draft["option_allow_spam"], json!(false));
    assert_eq!(draft["option_dedup_threads"], json!(true));
    assert_eq!(draft["option_sanitize_level"], json!("relaxed"));
    let workplace = form("Meta::Workplace::V3").initial_draft();
    assert_eq!(workplace["option_outgoing_enabled"], json!(true));
    assert_eq!(workplace["option_incoming_enabled"], json!(false));
    let twilio = form("LiveCallRouting::Twilio::V3").initial_draft();
    assert_eq!(twilio["option_api_region"], json!("ashburn.us1"));
}

#[test]
fn enums_take_only_their_values() {
    let level = "/option_sanitize_level";
    assert!(!errors(
        "Email::V3",
        json!({"option_sanitize_level": "strict"}),
        level
    )
    .is_empty());
    for ok in ["basic", "default", "relaxed", "relaxed_2", "restricted"] {
        assert!(
            errors("Email::V3", json!({"option_sanitize_level": ok}), level).is_empty(),
            "{ok}"
        );
    }
    let region = "/option_api_region";
    let twilio = |r: &str| {
        errors(
            "LiveCallRouting::Twilio::V3",
            json!({"option_api_region": r}),
            region,
        )
    };
    assert!(!twilio("frankfurt.de1").is_empty());
    assert!(twilio("dublin.ie1").is_empty());
}

#[test]
fn max_wait_time_is_30_to_3600_seconds() {
    let wait = "/option_max_wait_time";
    let said = |n: i64| {
        errors(
            "LiveCallRouting::Twilio::V3",
            json!({"option_max_wait_time": n}),
            wait,
        )
    };
    assert!(!said(29).is_empty());
    assert!(said(30).is_empty());
    assert!(said(3600).is_empty());
    assert!(!said(3601).is_empty());
    assert!(
        errors("LiveCallRouting::Twilio::V3", json!({}), wait).is_empty(),
        "optional"
    );
}

#[test]
fn twilio_needs_its_account_and_keys() {
    let draft = json!({});
    let all = validate(&form("LiveCallRouting::Twilio::V3"), &draft);
    for pointer in [
        "/option_account_sid",
        "/option_api_key",
        "/option_api_secret",
    ] {
        assert_eq!(all.get(pointer), ["required"], "{pointer}");
    }
}

#[test]
fn record_email_takes_addresses_and_groups_separated_by_commas_only() {
    let emails = "/option_record_email";
    let said = |text: &str| {
        errors(
            "LiveCallRouting::Twilio::V3",
            json!({"option_record_email": text}),
            emails,
        )
    };
    for ok in [
        "",
        "ops@example.com",
        "ops@example.com,team,team-admin,on-call",
        "first.last+tag@mail.example.com,",
        "root@localhost",
    ] {
        assert!(said(ok).is_empty(), "{ok}: {:?}", said(ok));
    }
    for bad in [
        "ops",
        "ops@",
        "@example.com",
        "ops@-example.com",
        "ops@example..com",
        ",ops@example.com",
        "everyone",
    ] {
        assert!(!said(bad).is_empty(), "{bad}");
    }
    let spaced = said("ops@example.com, team");
    assert!(spaced[0].contains("spaces"), "{spaced:?}");
}

#[test]
fn logicmonitor_keys_are_required_only_while_acknowledgements_go_out() {
    let class = "LogicMonitor::V3";
    let keys = [
        "/option_logic_monitor_account_name",
        "/option_access_id",
        "/option_access_key",
        "/option_bearer_token",
    ];
    let off = validate(&form(class), &json!({"option_alert_acknowledged": false}));
    assert!(keys.iter().all(|k| off.get(k).is_empty()), "{off:?}");
    let on = validate(&form(class), &json!({"option_alert_acknowledged": true}));
    for key in keys {
        assert_eq!(
            on.get(key),
            ["required when Alert acknowledged is on"],
            "{key}"
        );
    }
    let filled = json!({
        "option_alert_acknowledged": true,
        "option_logic_monitor_account_name": "acme",
        "option_access_id": "id",
        "option_access_key": "key",
        "option_bearer_token": "token"
    });
    assert!(validate(&form(class), &filled).is_empty());
}

#[test]
fn an_email_custom_definition_is_required_once_enabled() {
    let definition = "/option_custom_definition";
    assert!(errors(
        "Email::V3",
        json!({"option_custom_definition_enabled": false}),
        definition
    )
    .is_empty());
    assert_eq!(
        errors(
            "Email::V3",
            json!({"option_custom_definition_enabled": true}),
            definition
        ),
        ["required when Custom definition enabled is on"]
    );
    assert_eq!(
        errors("CustomWebhook::V3", json!({}), definition),
        ["required"]
    );
}

#[test]
fn optional_urls_may_be_empty_but_not_local() {
    let proxy = "/option_proxy_url";
    assert!(errors(
        "OutgoingWebhook::V3",
        json!({"option_webhook_url": "https://example.com/h"}),
        proxy
    )
    .is_empty());
    let local = json!({"option_webhook_url": "https://example.com/h", "option_proxy_url": "http://proxy:3128"});
    assert!(!errors("OutgoingWebhook::V3", local, proxy).is_empty());
}

#[test]
fn credentials_among_options_are_masked_and_nothing_else_is() {
    let secrets = secret_keys();
    for key in [
        "incoming_webhook_url",
        "webhook_url",
        "password",
        "api_key",
        "api_secret",
        "access_key",
        "bearer_token",
        "access_token",
        "app_secret",
        "token",
        "server_password",
        "webhook_secret",
        "client_secret",
    ] {
        assert!(secrets.contains(&key), "{key} is a credential");
    }
    for key in [
        "username",
        "server_username",
        "account_sid",
        "group_id",
        "proxy_url",
        "time_zone",
    ] {
        assert!(!secrets.contains(&key), "{key} is not a credential");
    }
    for adapter in ADAPTERS {
        for field in option_fields(adapter.class) {
            let key = field.pointer.trim_start_matches("/option_");
            assert_eq!(
                field.sensitive,
                secrets.contains(&key),
                "{} {key}",
                adapter.class
            );
        }
    }
}

#[test]
fn labels_read_as_words() {
    assert_eq!(label_of("incoming_webhook_url"), "Incoming webhook URL");
    assert_eq!(label_of("account_sid"), "Account SID");
    assert_eq!(label_of("api_key"), "API key");
    assert_eq!(label_of("access_id"), "Access ID");
    assert_eq!(label_of("dedup_threads"), "Dedup threads");
}

#[test]
fn each_class_is_listed_once() {
    let mut classes: Vec<&str> = ADAPTERS.iter().map(|a| a.class).collect();
    classes.sort_unstable();
    let before = classes.len();
    classes.dedup();
    assert_eq!(classes.len(), before);
}

#[test]
fn teams_time_zone_starts_as_utc_and_must_be_a_zone_rails_finds() {
    let class = "Channel::MicrosoftTeams::V4";
    assert_eq!(form(class).initial_draft()["option_time_zone"], "UTC");
    let draft = |zone: &str| json!({"option_incoming_webhook_url": "https://x.webhook.office.com/a", "option_time_zone": zone});
    assert!(errors(class, draft("Europe/Paris"), "/option_time_zone").is_empty());
    assert_eq!(
        errors(class, draft("Paris time"), "/option_time_zone").len(),
        1
    );
}
