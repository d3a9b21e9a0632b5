use super::*;
use crate::domain::read_only::ReadOnly;
use crate::http::Route;
use crate::state::connection::new_id;
use serde_json::{json, Value};

fn demo() -> Connection {
    Connection {
        id: "confluent-demo".into(),
        vendor: Vendor::Confluent,
        label: "Demo".into(),
        base_url: "http://127.0.0.1:9870/confluent".into(),
        route: Route::proxy("/proxy/confluent"),
        settings: json!({"api_key": "DEMOKEY"}).as_object().unwrap().clone(),
        note: Some("Ask #ops for the secret".into()),
        demo: false,
        read_only: Default::default(),
    }
}

#[test]
fn export_round_trips_through_import() {
    let text = export_file(&[demo()], &[]);
    let imported = import_file(&text).unwrap();
    assert_eq!(imported.connections, vec![demo()]);
    assert!(imported.problems.is_empty());
    assert!(text.contains(FILE_FORMAT));
}

#[test]
fn import_drops_secrets_however_they_are_smuggled_in() {
    let text = json!({"connections": [{
        "id": "c1", "vendor": "confluent", "label": "X",
        "base_url": "https://api.confluent.cloud",
        "route": {"mode": "direct"},
        "settings": {"api_key": "K", "api_secret": "S3CRET"},
        "secrets": {"api_secret": "S3CRET"}
    }]})
    .to_string();
    let imported = import_file(&text).unwrap();
    let connection = &imported.connections[0];
    assert_eq!(
        connection.settings,
        *json!({"api_key": "K"}).as_object().unwrap()
    );
    assert!(!export_file(&imported.connections, &[]).contains("S3CRET"));
}

#[test]
fn import_accepts_a_bare_list_and_reports_each_bad_entry() {
    let text = json!([
        {"id": "a", "vendor": "pagertree", "label": "PT", "base_url": "https://api.pagertree.com", "route": {"mode": "proxy", "prefix": "/proxy/pagertree"}},
        {"id": "b", "vendor": "nope", "label": "?", "base_url": "https://x.test", "route": {"mode": "direct"}},
        {"id": "c", "vendor": "pagertree", "label": "Bad URL", "base_url": "javascript:alert(1)", "route": {"mode": "direct"}},
        {"id": "d", "vendor": "pagertree", "label": "Bad prefix", "base_url": "https://api.pagertree.com", "route": {"mode": "proxy", "prefix": "//evil.test"}}
    ])
    .to_string();
    let imported = import_file(&text).unwrap();
    assert_eq!(imported.connections.len(), 1);
    assert_eq!(imported.problems.len(), 3);
    assert!(
        imported.problems[0].starts_with("Entry 2: unknown variant `nope`"),
        "{}",
        imported.problems[0]
    );
    assert_eq!(
        imported.problems[1],
        "Entry 3: “Bad URL”: base_url must start with http:// or https://"
    );
    assert!(
        imported.problems[2].starts_with("Entry 4: “Bad prefix”: route/prefix must not"),
        "{}",
        imported.problems[2]
    );
}

fn entry(id: &str, prefix: &str) -> Value {
    json!({"id": id, "vendor": "confluent", "label": format!("L {id}"),
           "base_url": "https://api.confluent.cloud", "settings": {"api_key": "K"},
           "route": {"mode": "proxy", "prefix": prefix}})
}

#[test]
fn import_refuses_every_hostile_prefix() {
    for prefix in [
        "/\\evil.test/x",
        "/\t/evil.test",
        "/%2F%2Fevil.test",
        "/..//evil.test",
    ] {
        let text = json!([entry("c1", prefix)]).to_string();
        let imported = import_file(&text).unwrap();
        assert!(imported.connections.is_empty(), "{prefix:?}");
        assert!(
            imported.problems[0].contains("route/prefix"),
            "{prefix:?}: {:?}",
            imported.problems
        );
    }
}

#[test]
fn import_refuses_ids_that_would_break_addresses_and_repeated_ids() {
    let text = json!([
        entry("../../etc/passwd", "/proxy/confluent"),
        entry("ok-1", "/proxy/confluent"),
        entry("ok-1", "/proxy/confluent"),
        entry(&"x".repeat(65), "/proxy/confluent"),
    ])
    .to_string();
    let imported = import_file(&text).unwrap();
    let ids: Vec<&str> = imported.connections.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["ok-1"]);
    assert_eq!(
        imported.problems[0],
        "Entry 1: “L ../../etc/passwd”: id may only hold letters, digits, - and _"
    );
    assert_eq!(
        imported.problems[1],
        "Entry 3: “L ok-1”: the id “ok-1” appears earlier in this file; only the first is imported"
    );
    assert!(imported.problems[2].contains("longer than 64"));
}

#[test]
fn the_import_report_counts_added_and_replaced_and_caps_refusals() {
    let existing = vec![demo()];
    let mut entries = vec![
        serde_json::to_value(demo()).unwrap(),
        entry("new-1", "/proxy/confluent"),
    ];
    entries.extend((0..40_000).map(|i| entry(&format!("bad-{i}"), "//evil.test")));
    let imported = import_file(&json!(entries).to_string()).unwrap();
    let report = ImportReport::new(&existing, &imported);
    assert_eq!(
        report.summary(),
        "Imported 2 connections: 1 added, 1 replaced."
    );
    let (heading, lines) = report.refusals().unwrap();
    assert_eq!(heading, "40000 entries refused:");
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[5], "…and 39995 more.");
    let shown: usize = lines.iter().map(String::len).sum();
    assert!(shown < 2_000, "{shown}");
}

#[test]
fn an_import_that_adds_nothing_says_so() {
    let imported = import_file(&json!([entry("c", "//evil.test")]).to_string()).unwrap();
    let report = ImportReport::new(&[], &imported);
    assert!(!report.changed());
    assert_eq!(report.summary(), "Nothing was imported.");
    assert_eq!(report.refusals().unwrap().0, "1 entry refused:");
}

#[test]
fn long_file_text_is_shortened_in_messages() {
    let label = "x".repeat(10_000);
    let text = json!([{"id": "c", "vendor": "confluent", "label": label,
        "base_url": "ftp://x", "route": {"mode": "direct"}}])
    .to_string();
    let imported = import_file(&text).unwrap();
    assert!(
        imported.problems[0].chars().count() < 200,
        "{}",
        imported.problems[0]
    );
}

#[test]
fn saved_connections_that_fail_todays_rules_are_kept_and_flagged() {
    let text = json!({"format": FILE_FORMAT, "connections": [
        serde_json::to_value(demo()).unwrap(),
        entry("hostile", "/\\evil.test/x"),
        entry("../../etc/passwd", "/proxy/confluent"),
        {"id": "future", "vendor": "some-new-vendor", "label": "?"},
    ]})
    .to_string();
    let saved = read_saved(&text).unwrap();
    let ids: Vec<&str> = saved.connections.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["confluent-demo", "hostile", "../../etc/passwd"]);
    assert_eq!(problem_of(&saved.connections[0]), None);
    assert!(problem_of(&saved.connections[1])
        .unwrap()
        .starts_with("route/prefix"));
    assert!(problem_of(&saved.connections[2])
        .unwrap()
        .starts_with("id "));
    assert_eq!(saved.unreadable.len(), 1);
    // Written back, nothing is lost: the unreadable entry travels unchanged.
    let again = read_saved(&export_file(&saved.connections, &saved.unreadable)).unwrap();
    assert_eq!(again, saved);
}

#[test]
fn import_refuses_what_is_not_a_connections_file() {
    assert!(import_file("not json")
        .unwrap_err()
        .starts_with("Not a JSON file"));
    assert_eq!(
        import_file("{}").unwrap_err(),
        "No \"connections\" list in this file."
    );
    assert!(import_file("42").is_err());
}

#[test]
fn the_shipped_preset_is_a_valid_file_with_a_demo_connection_per_vendor_and_api() {
    let text = include_str!("../../public/connections.json");
    let imported = import_file(text).unwrap();
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let mut vendors: Vec<Vendor> = imported.connections.iter().map(|c| c.vendor).collect();
    vendors.dedup();
    assert_eq!(vendors, Vendor::ALL.to_vec());
    let versions: Vec<&str> = imported
        .connections
        .iter()
        .filter(|c| c.vendor == Vendor::ThousandEyes)
        .filter_map(|c| c.settings.get("version")?.as_str())
        .collect();
    assert_eq!(versions, ["v6", "v7"]);
    // Imported, no connection carries a secret; only the demo entries publish the sandbox's.
    assert!(imported.connections.iter().all(|c| c.demo));
    let exported = export_file(&imported.connections, &[]);
    assert!(
        !exported.contains("\"secrets\""),
        "an export carries no secrets key"
    );
    let demo = demo_secrets(text);
    assert_eq!(demo.len(), imported.connections.len());
    assert!(demo
        .iter()
        .any(|(id, s)| id == "confluent-demo" && s["api_secret"] == "demo-secret"));
}

#[test]
fn only_entries_marked_demo_publish_credentials() {
    let file = r#"{"connections": [
        {"id": "a", "demo": true, "secrets": {"api_key": "k"}},
        {"id": "b", "secrets": {"api_key": "real"}},
        {"id": "c", "demo": "yes", "secrets": {"api_key": "real"}}
    ]}"#;
    let demo = demo_secrets(file);
    assert_eq!(demo.len(), 1);
    assert_eq!(demo[0].0, "a");
}

#[test]
fn a_thousandeyes_connection_saved_before_versions_reads_v6() {
    let old = r#"{"connections": [{"id": "te-1", "vendor": "thousandeyes", "label": "TE", "base_url": "https://api.thousandeyes.com", "route": {"mode": "proxy", "prefix": "/proxy/thousandeyes"}, "settings": {"auth": "basic", "email": "a@b.c"}}]}"#;
    let imported = import_file(old).unwrap();
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let connection = &imported.connections[0];
    assert_eq!(connection.settings["version"], "v6");
    assert!(!connection.api().unwrap().can_create(), "v6 lists only");
}

#[test]
fn ids_are_short_url_safe_and_name_the_vendor() {
    let id = new_id(Vendor::GrafanaOncall, 0.123_456);
    assert!(id.starts_with("grafana-oncall-"));
    assert_eq!(id.len(), "grafana-oncall-".len() + 6);
    assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    assert_ne!(
        new_id(Vendor::Confluent, 0.1),
        new_id(Vendor::Confluent, 0.2)
    );
}

#[test]
fn a_target_carries_settings_and_the_given_secrets() {
    let secrets = json!({"api_secret": "s"}).as_object().unwrap().clone();
    let target = demo().target(secrets.clone());
    assert_eq!(target.credentials.secrets, secrets);
    assert_eq!(target.credentials.setting("api_key"), Some("DEMOKEY"));
    assert_eq!(demo().route_summary(), "via /proxy/confluent");
}

#[test]
fn files_carry_the_read_only_lock_and_a_misspelt_one_is_refused() {
    let mut locked = entry("locked", "/proxy/confluent");
    locked["read_only"] = json!("until_new_credentials");
    let mut flagged = entry("flagged", "/proxy/confluent");
    flagged["read_only"] = json!(true);
    let mut misspelt = entry("misspelt", "/proxy/confluent");
    misspelt["read_only"] = json!("untill_new_credentials");
    let text = json!([locked, flagged, misspelt, entry("open", "/proxy/confluent")]).to_string();
    let imported = import_file(&text).unwrap();
    let locks: Vec<(&str, ReadOnly)> = imported
        .connections
        .iter()
        .map(|c| (c.id.as_str(), c.read_only))
        .collect();
    assert_eq!(
        locks,
        [
            ("locked", ReadOnly::UntilNewCredentials),
            ("flagged", ReadOnly::On),
            ("open", ReadOnly::Off)
        ]
    );
    assert!(
        imported.problems[0].contains("read_only must be"),
        "{:?}",
        imported.problems
    );
    // The export writes the lock back, and nothing for a connection without one.
    let exported = export_file(&imported.connections, &[]);
    assert!(
        exported.contains("\"read_only\": \"until_new_credentials\""),
        "{exported}"
    );
    assert_eq!(exported.matches("read_only").count(), 2);
}
