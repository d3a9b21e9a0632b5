use serde_json::{json, Value};

use super::kinds::{split, Kind};
use super::*;
use crate::domain::api::{assert_secrets_masked_alike, refused_fields, ListQuery};
use crate::domain::auth::{credentials, scoped};
use crate::domain::field::Choice;
use crate::domain::request::Method;
use crate::domain::safety::mask_pointers;

const CONNECTORS: &str =
    include_str!("../../../../../tests/fixtures/thousandeyes/connectors-v7.json");
const OPERATIONS: &str =
    include_str!("../../../../../tests/fixtures/thousandeyes/operations-v7.json");

fn operations_phase() -> Cursor {
    Cursor::Token(requests::OPERATIONS_PHASE.into())
}

fn connectors() -> Vec<Record> {
    API.parse_list(&Response::new(200, CONNECTORS), None)
        .unwrap()
        .records
}

fn operations() -> Vec<Record> {
    API.parse_list(&Response::new(200, OPERATIONS), Some(&operations_phase()))
        .unwrap()
        .records
}

#[test]
fn the_list_reads_connectors_then_operations_as_one() {
    let query = ListQuery::default();
    assert_eq!(
        API.list_request(&query, None).unwrap().path,
        "/v7/connectors/generic"
    );
    let page = API
        .parse_list(&Response::new(200, CONNECTORS), None)
        .unwrap();
    assert_eq!(
        page.skipped, 1,
        "an entry without an id is counted, not fatal"
    );
    assert_eq!(page.next, Some(operations_phase()));
    let next = API.list_request(&query, page.next.as_ref()).unwrap();
    assert_eq!(next.path, "/v7/operations/webhooks");
    let second = API
        .parse_list(&Response::new(200, OPERATIONS), Some(&operations_phase()))
        .unwrap();
    assert_eq!(second.next, None);
    let ids: Vec<String> = page
        .records
        .iter()
        .chain(&second.records)
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(
        ids,
        [
            "connector-cb1b8033-ea2d-4e9b-a920-fe87850693cf",
            "connector-ca39314d-eb4f-496f-9435-b5d20b1bfbff",
            "operation-a32cfbab-32f6-41d8-9027-7127cba965dd",
            "operation-b0000000-0000-4000-8000-000000000001",
        ]
    );
    // An empty collection without `items`, and answers that are not lists.
    assert!(API
        .parse_list(&Response::new(200, r#"{"_links": {}}"#), None)
        .unwrap()
        .records
        .is_empty());
    for body in ["<html>", "[]", r#"{"items": {}}"#] {
        assert!(
            API.parse_list(&Response::new(200, body), None).is_err(),
            "{body}"
        );
    }
}

#[test]
fn each_record_is_read_at_its_kinds_address() {
    for record in connectors().iter().chain(&operations()) {
        let request = API.get_request(&record.id);
        let (kind, id) = split(&record.id).unwrap();
        assert_eq!(request.path, format!("{}/{id}", kind.path()));
        // A create's or a replace's answer is read with the same id.
        let answer = Response::new(201, record.raw.to_string());
        assert_eq!(API.parse_one(&answer).unwrap().id, record.id);
    }
}

#[test]
fn the_account_group_goes_on_every_call() {
    let with_group = credentials(json!({"version": "v7", "aid": "5678"}), json!({}));
    let record = &operations()[0];
    let requests = [
        API.list_request(&ListQuery::default(), None).unwrap(),
        API.get_request(&record.id),
        API.delete_request(record).unwrap(),
        requests::assignments(record),
    ];
    for request in requests {
        let sent = scoped(request, API.connection_query(), &with_group);
        assert!(
            sent.query.contains(&("aid".into(), "5678".into())),
            "{}",
            sent.path
        );
    }
}

fn connector_draft(auth: Value) -> Value {
    json!({"kind": "connector", "name": "Ops", "target": "https://alerts.example.com/te", "authentication": auth})
}

#[test]
fn each_authentication_type_requires_its_own_fields() {
    let cases: [(&str, &[&str]); 5] = [
        (
            "basic",
            &["/authentication/password", "/authentication/username"],
        ),
        ("bearer-token", &["/authentication/token"]),
        ("other-token", &["/authentication/token"]),
        (
            "oauth-client-credentials",
            &[
                "/authentication/oauthClientId",
                "/authentication/oauthClientSecret",
                "/authentication/oauthTokenUrl",
            ],
        ),
        (
            "oauth-auth-code",
            &[
                "/authentication/code",
                "/authentication/oauthAuthUrl",
                "/authentication/oauthClientId",
                "/authentication/oauthClientSecret",
                "/authentication/oauthTokenUrl",
                "/authentication/redirectUri",
            ],
        ),
    ];
    for (kind, required) in cases {
        let fields = refused_fields(API.create_request(&connector_draft(json!({"type": kind}))));
        let pointers: Vec<&str> = fields.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(pointers, required, "{kind}");
    }
    let sent = API
        .create_request(&connector_draft(
            json!({"type": "bearer-token", "token": "t0k"}),
        ))
        .unwrap();
    assert_eq!(sent.method, Method::Post);
    assert_eq!(
        sent.body.unwrap(),
        json!({"type": "generic", "name": "Ops", "target": "https://alerts.example.com/te", "authentication": {"type": "bearer-token", "token": "t0k"}})
    );
    let none = API
        .create_request(&connector_draft(json!({"type": "none"})))
        .unwrap();
    assert!(
        none.body.unwrap().get("authentication").is_none(),
        "no authentication is sent as none"
    );
}

#[test]
fn an_operation_is_created_pending_with_its_headers_as_a_list() {
    let draft = json!({
        "kind": "operation", "name": "Alerts to Ops", "category": "alerts", "enabled": true,
        "payload": "{\"rule\": \"{{alert.ruleName}}\"}",
        "headers": {"Content-Type": "application/json", "X-Team": "ops"}
    });
    let sent = API.create_request(&draft).unwrap();
    assert_eq!(sent.path, "/v7/operations/webhooks");
    assert_eq!(
        sent.body.unwrap(),
        json!({
            "type": "webhook", "name": "Alerts to Ops", "category": "alerts", "enabled": true,
            "status": "pending", "payload": "{\"rule\": \"{{alert.ruleName}}\"}",
            "headers": [{"name": "Content-Type", "value": "application/json"}, {"name": "X-Team", "value": "ops"}]
        })
    );
    let broken =
        json!({"kind": "operation", "name": "x", "category": "alerts", "payload": "{{#each a}}"});
    assert_eq!(refused_fields(API.create_request(&broken))[0].0, "/payload");
    let unknown = json!({"kind": "operation", "name": "x", "category": "billing"});
    assert_eq!(
        refused_fields(API.create_request(&unknown))[0].0,
        "/category"
    );
}

#[test]
fn an_edit_replaces_the_whole_record_keeping_what_the_form_does_not_show() {
    let operation = &operations()[0];
    let mut draft = API.draft_from(operation);
    assert_eq!(
        draft["headers"],
        json!({"Content-Type": "application/json"})
    );
    assert!(draft.get("status").is_none() && draft.get("id").is_none());
    draft["name"] = json!("Renamed");
    draft.as_object_mut().unwrap().remove("headers");
    let sent = API.update_request(operation, &draft).unwrap();
    assert_eq!(sent.method, Method::Put);
    assert_eq!(
        sent.path,
        "/v7/operations/webhooks/a32cfbab-32f6-41d8-9027-7127cba965dd"
    );
    let body = sent.body.unwrap();
    assert_eq!(body["name"], "Renamed");
    assert_eq!(body["status"], "connected", "the stored status travels");
    assert_eq!(body["headers"], json!([]), "emptied headers are cleared");
    assert_eq!(body["queryParams"], operation.raw["queryParams"]);

    let connector = &connectors()[1];
    let draft = API.draft_from(connector);
    assert_eq!(draft["authentication"]["type"], "basic");
    let body = API.update_request(connector, &draft).unwrap().body.unwrap();
    assert_eq!(body["authentication"], connector.raw["authentication"]);
    assert_eq!(body["headers"], connector.raw["headers"]);
    assert_eq!(body["type"], "generic");
    let plain = &connectors()[0];
    assert_eq!(
        API.draft_from(plain)["authentication"],
        json!({"type": "none"})
    );
    assert_eq!(
        API.delete_request(plain).unwrap().path,
        "/v7/connectors/generic/cb1b8033-ea2d-4e9b-a920-fe87850693cf"
    );
}

#[test]
fn an_operation_sends_through_one_connector_at_most() {
    let operation = &operations()[0];
    let link = |connector: &str| {
        API.action_request(requests::LINK, operation, &json!({"connector": connector}))
    };
    let sent = link("ca39314d-eb4f-496f-9435-b5d20b1bfbff").unwrap();
    assert_eq!(sent.method, Method::Put);
    assert_eq!(
        sent.path,
        "/v7/operations/webhooks/a32cfbab-32f6-41d8-9027-7127cba965dd/connectors"
    );
    assert_eq!(
        sent.body.unwrap(),
        json!(["ca39314d-eb4f-496f-9435-b5d20b1bfbff"])
    );
    assert_eq!(link(spec::NO_LINK).unwrap().body.unwrap(), json!([]));
    assert!(API
        .action_request(requests::LINK, &connectors()[0], &json!({"connector": "x"}))
        .is_err());
    assert_eq!(API.record_actions(&connectors()[0]), []);
    // The answer is the assignment, not the operation: the page keeps its record.
    let answer = Response::new(
        200,
        r#"{"items": ["ca39314d-eb4f-496f-9435-b5d20b1bfbff"]}"#,
    );
    assert_eq!(
        &API.parse_action(requests::LINK, operation, &answer)
            .unwrap(),
        operation
    );
}

#[test]
fn both_sides_of_a_link_are_shown_by_name() {
    let lookups = Lookups::from([
        (
            spec::CONNECTOR.to_string(),
            vec![Choice::new(
                "ca39314d-eb4f-496f-9435-b5d20b1bfbff",
                "Ops webhook",
            )],
        ),
        (
            spec::OPERATION_NAMES.to_string(),
            vec![Choice::new(
                "a32cfbab-32f6-41d8-9027-7127cba965dd",
                "My operation",
            )],
        ),
    ]);
    let operation = &operations()[0];
    let list = API.sub_list(operation, &lookups).unwrap();
    assert_eq!(
        list.first.path,
        "/v7/operations/webhooks/a32cfbab-32f6-41d8-9027-7127cba965dd/connectors"
    );
    assert!(!list.paged);
    let answer = Response::new(
        200,
        r#"{"items": ["ca39314d-eb4f-496f-9435-b5d20b1bfbff"], "_links": {}}"#,
    );
    let rows = API
        .parse_sub_list(operation, &answer, &lookups)
        .unwrap()
        .rows;
    assert_eq!(rows[0].cells[0], Cell::Text("Ops webhook".into()));
    let connector = &connectors()[1];
    assert_eq!(
        API.sub_list(connector, &lookups).unwrap().first.path,
        "/v7/connectors/generic/ca39314d-eb4f-496f-9435-b5d20b1bfbff/operations"
    );
    let answer = Response::new(
        200,
        r#"{"items": ["a32cfbab-32f6-41d8-9027-7127cba965dd", "gone"]}"#,
    );
    let rows = API
        .parse_sub_list(connector, &answer, &lookups)
        .unwrap()
        .rows;
    let names: Vec<&Cell> = rows.iter().map(|r| &r.cells[0]).collect();
    assert_eq!(
        names,
        [
            &Cell::Text("My operation".into()),
            &Cell::Text("gone".into())
        ]
    );
}

#[test]
fn credentials_and_header_values_are_masked_everywhere() {
    for record in connectors().iter().chain(&operations()) {
        assert_secrets_masked_alike(&API, record);
    }
    let connector = &connectors()[1];
    let raw = mask_pointers(&connector.raw, &API.secret_pointers()).to_string();
    assert!(
        !raw.contains("abc123") && !raw.contains("key-0000-secret"),
        "{raw}"
    );
    let detail = API.detail_fields(connector, &Lookups::new());
    assert!(detail
        .iter()
        .any(|(label, cell)| label == "Headers"
            && *cell == Cell::Text("Content-Type, X-Api-Key".into())));
    assert!(
        detail.iter().all(|(_, cell)| *cell != Cell::Empty),
        "empty rows are left out"
    );
    assert!(!detail.iter().any(|(label, _)| label == "Payload"));
}

#[test]
fn the_list_filters_loaded_rows_by_kind_name_and_category() {
    let keep = API.keeps().unwrap();
    let rows: Vec<Record> = connectors().into_iter().chain(operations()).collect();
    let kept = |filters: &[(&str, &str)]| -> Vec<String> {
        let filters: Vec<(String, String)> = filters
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        rows.iter()
            .filter(|r| keep(r, &filters))
            .map(|r| API.summary(r).name)
            .collect()
    };
    assert_eq!(
        kept(&[("kind", "connector")]),
        ["Cisco Slack", "Ops webhook"]
    );
    assert_eq!(kept(&[("name", "OPERATION")]), ["My operation"]);
    assert_eq!(kept(&[("category", "recommendations")]), ["Minimal"]);
    assert_eq!(Kind::Operation.title(), API.summary(&rows[2]).kind);
}

#[test]
fn a_connection_picks_its_api_by_version() {
    use crate::domain::registry::api_for;
    use crate::domain::vendor::Vendor;
    let settings = |v: Value| v.as_object().cloned().unwrap();
    let v7 = api_for(Vendor::ThousandEyes, &settings(json!({"version": "v7"}))).unwrap();
    assert!(v7.can_create());
    for old in [json!({}), json!({"version": "v6", "auth": "basic"})] {
        assert!(!api_for(Vendor::ThousandEyes, &settings(old))
            .unwrap()
            .can_create());
    }
}
