use super::*;
use serde_json::json;

fn demo() -> Connection {
    Connection {
        id: "confluent-demo".into(),
        vendor: Vendor::Confluent,
        label: "Demo".into(),
        base_url: "http://127.0.0.1:9870/confluent".into(),
        route: Route::proxy("/proxy/confluent"),
        settings: json!({"api_key": "DEMOKEY"}).as_object().unwrap().clone(),
        note: Some("Ask #ops for the secret".into()),
    }
}

#[test]
fn export_round_trips_through_import() {
    let text = export_file(&[demo()]);
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
    assert!(!export_file(&imported.connections).contains("S3CRET"));
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
    assert!(imported.problems[2].starts_with("Entry 4: “Bad prefix”: route/prefix must be a path"));
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
fn the_shipped_preset_is_a_valid_file_with_one_connection_per_vendor_and_no_secret() {
    let text = include_str!("../../public/connections.json");
    let imported = import_file(text).unwrap();
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let vendors: Vec<Vendor> = imported.connections.iter().map(|c| c.vendor).collect();
    assert_eq!(vendors, Vendor::ALL.to_vec());
    assert!(!text.contains("secret\":") && !text.contains("token\":"));
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
