use super::*;
use crate::domain::validate;

#[test]
fn a_new_draft_starts_on_the_vendor_defaults() {
    let draft = new_draft(Vendor::Confluent);
    assert_eq!(draft["base_url"], "https://api.confluent.cloud");
    assert_eq!(
        draft["route"],
        json!({"mode": "proxy", "prefix": "/proxy/confluent"})
    );
    let errors = validate(&connection_form(Vendor::Confluent), &draft);
    assert_eq!(errors["/label"], ["required"]);
    assert_eq!(errors["/settings/api_key"], ["required"]);
    assert_eq!(errors["/secrets/api_secret"], ["required"]);
}

#[test]
fn thousandeyes_starts_on_v7_with_a_bearer_token_and_v6_offers_basic_auth() {
    let form = connection_form(Vendor::ThousandEyes);
    let mut draft = new_draft(Vendor::ThousandEyes);
    assert_eq!(draft["settings"]["version"], "v7");
    let errors = validate(&form, &draft);
    assert_eq!(errors["/secrets/bearer_token"], ["required"]);
    assert!(errors["/secrets/token"].is_empty() && errors["/settings/auth"].is_empty());
    // v6 nests its own choice of sign-in.
    draft["settings"] = json!({"version": "v6", "auth": "basic"});
    let errors = validate(&form, &draft);
    assert_eq!(errors["/settings/email"], ["required"]);
    assert_eq!(errors["/secrets/token"], ["required"]);
    assert!(errors["/secrets/bearer_token"].is_empty());
}

#[test]
fn a_complete_draft_saves_settings_and_secrets_apart() {
    let mut draft = new_draft(Vendor::RocketChat);
    draft["label"] = json!(" Chat ");
    draft["base_url"] = json!("https://chat.example.com");
    draft["settings"] = json!({"user_id": "u1"});
    draft["secrets"] = json!({"auth_token": "tok"});
    draft["remember"] = json!(true);
    assert!(validate(&connection_form(Vendor::RocketChat), &draft).is_empty());
    let saved = from_draft(&draft, "rocketchat-abc").unwrap();
    assert_eq!(saved.connection.label, "Chat");
    assert_eq!(saved.connection.route, Route::proxy("/proxy/rocketchat"));
    assert_eq!(
        saved.connection.settings,
        *json!({"user_id": "u1"}).as_object().unwrap()
    );
    assert_eq!(
        saved.secrets,
        *json!({"auth_token": "tok"}).as_object().unwrap()
    );
    assert!(saved.remember);
    assert!(!serde_json::to_string(&saved.connection)
        .unwrap()
        .contains("tok"));
}

#[test]
fn settings_of_a_variant_no_longer_chosen_are_not_kept() {
    let mut draft = new_draft(Vendor::ThousandEyes);
    draft["settings"] = json!({"version": "v6", "auth": "bearer", "email": "old@x.test"});
    draft["route"] = json!({"mode": "direct", "prefix": "/proxy/thousandeyes"});
    let saved = from_draft(&draft, "te").unwrap();
    assert_eq!(
        saved.connection.settings,
        *json!({"version": "v6", "auth": "bearer"})
            .as_object()
            .unwrap()
    );
    assert_eq!(saved.connection.route, Route::Direct);
}

#[test]
fn proxy_prefix_must_stay_on_this_site() {
    let form = connection_form(Vendor::PagerTree);
    for (prefix, ok) in [
        ("/proxy/pagertree", true),
        ("/proxy/pagertree/", true),
        ("proxy", false),
        ("//evil.test", false),
        ("https://evil.test", false),
        ("/\\evil.test/x", false),
        ("/\t/evil.test", false),
        ("/%2F%2Fevil.test", false),
        ("/..//evil.test", false),
        ("/proxy/../grafana-oncall", false),
    ] {
        let mut draft = new_draft(Vendor::PagerTree);
        draft["route"]["prefix"] = json!(prefix);
        assert_eq!(
            validate(&form, &draft)["/route/prefix"].is_empty(),
            ok,
            "{prefix}"
        );
    }
}

#[test]
fn base_url_must_not_carry_user_info_query_or_fragment() {
    let form = connection_form(Vendor::Confluent);
    for (base, message) in [
        ("https://api.confluent.cloud", None),
        (
            "https://key:secret@api.confluent.cloud",
            Some("must not hold a user name or password (credentials go in their own fields)"),
        ),
        (
            "https://api.confluent.cloud/?x=1",
            Some("must not hold a query (?…)"),
        ),
        (
            "https://api.confluent.cloud/#top",
            Some("must not hold a fragment (#…)"),
        ),
    ] {
        let mut draft = new_draft(Vendor::Confluent);
        draft["base_url"] = json!(base);
        let errors = validate(&form, &draft)["/base_url"].to_vec();
        assert_eq!(
            errors,
            message.map(String::from).into_iter().collect::<Vec<_>>(),
            "{base}"
        );
    }
}

#[test]
fn switching_vendor_replaces_defaults_but_keeps_what_was_typed() {
    let mut draft = new_draft(Vendor::Confluent);
    draft["label"] = json!("Prod");
    draft["note"] = json!("Key from the ops vault");
    let switched = switch_vendor(&draft, Some(Vendor::Confluent), Vendor::PagerTree);
    assert_eq!(switched["vendor"], "pagertree");
    assert_eq!(switched["label"], "Prod");
    assert_eq!(switched["note"], "Key from the ops vault");
    assert_eq!(switched["base_url"], "https://api.pagertree.com/api/v4");
    assert_eq!(switched["route"]["prefix"], "/proxy/pagertree");

    draft["base_url"] = json!("https://custom.test");
    let switched = switch_vendor(&draft, Some(Vendor::Confluent), Vendor::GrafanaOncall);
    assert_eq!(switched["base_url"], "https://custom.test");
}

#[test]
fn editing_never_puts_a_secret_back_into_the_draft() {
    let connection = Connection {
        id: "c".into(),
        vendor: Vendor::Confluent,
        label: "L".into(),
        base_url: "https://api.confluent.cloud".into(),
        route: Route::Direct,
        settings: json!({"api_key": "K"}).as_object().unwrap().clone(),
        note: Some("from #ops".into()),
        demo: false,
        read_only: crate::domain::read_only::ReadOnly::UntilNewCredentials,
    };
    let draft = draft_from(&connection);
    assert_eq!(draft.get("secrets"), None);
    assert_eq!(draft["route"], json!({"mode": "direct"}));
    assert_eq!(from_draft(&draft, "c").unwrap().connection, connection);
}

#[test]
fn the_settings_form_has_no_secret_fields() {
    for vendor in Vendor::ALL {
        let form = settings_form(vendor);
        let everything = form.active_fields(&new_draft(vendor));
        assert!(everything.iter().all(|f| !f.sensitive), "{vendor:?}");
    }
}

#[test]
fn new_credentials_lift_only_the_lock_that_waits_for_them() {
    use crate::domain::read_only::ReadOnly;
    let mut draft = new_draft(Vendor::RocketChat);
    assert_eq!(
        draft["read_only"], "off",
        "a new connection may change things"
    );
    draft["label"] = json!("Chat");
    draft["base_url"] = json!("https://chat.example.com");
    draft["settings"] = json!({"user_id": "u1"});
    for (chosen, typed, saved) in [
        (
            "until_new_credentials",
            false,
            ReadOnly::UntilNewCredentials,
        ),
        ("until_new_credentials", true, ReadOnly::Off),
        ("on", true, ReadOnly::On),
        ("off", false, ReadOnly::Off),
    ] {
        draft["read_only"] = json!(chosen);
        draft["secrets"] = if typed {
            json!({"auth_token": "new"})
        } else {
            json!({})
        };
        let connection = from_draft(&draft, "rocketchat-abc").unwrap().connection;
        assert_eq!(connection.read_only, saved, "{chosen}, typed {typed}");
    }
}
