//! The simulated Grafana OnCall, over real sockets: envelope and paging, auth, CRUD, DRF
//! errors, teams and chains, maintenance.

mod common;
/// Where the simulated engine does what the engine does rather than what its docs say.
#[path = "grafana_oncall/engine.rs"]
mod engine;

use common::{call, start, Raw};
use serde_json::{json, Value};

const KEY: (&str, &str) = ("Authorization", "demo-oncall-key");
const ITEMS: &str = "/grafana-oncall/api/v1/integrations/";

async fn oncall(port: u16, method: &str, path: &str, body: Option<Value>) -> Raw {
    call(port, method, path, &[KEY], body).await
}

async fn reset(port: u16, seed: usize) {
    common::reset_with(port, json!({"seed": seed})).await;
}

fn path_of(link: &Value, port: u16) -> String {
    link.as_str()
        .unwrap()
        .replace(&format!("http://127.0.0.1:{port}"), "")
}

#[tokio::test]
async fn a_wrong_key_is_403_invalid_token_and_a_missing_one_403_too() {
    let port = start(false).await;
    let wrong = call(
        port,
        "GET",
        ITEMS,
        &[("Authorization", "Bearer demo-oncall-key")],
        None,
    )
    .await;
    assert_eq!(wrong.status, Some(403));
    assert_eq!(wrong.json(), json!({"detail": "Invalid token."}));
    let missing = call(port, "GET", ITEMS, &[], None).await;
    assert_eq!(missing.status, Some(403));
    assert_eq!(
        missing.json(),
        json!({"detail": "Authentication credentials were not provided."})
    );
}

#[tokio::test]
async fn the_envelope_holds_the_documented_example_with_links_from_its_own_base() {
    let port = start(false).await;
    let list = oncall(port, "GET", ITEMS, None).await.json();
    assert_eq!(list["count"], 1);
    assert_eq!(
        (list["next"].clone(), list["previous"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(
        (
            list["current_page_number"].clone(),
            list["page_size"].clone(),
            list["total_pages"].clone()
        ),
        (json!(1), json!(50), json!(1))
    );
    let example = &list["results"][0];
    assert_eq!(example["id"], "CFRPV98RPR1U8");
    assert_eq!(example["link"], format!("http://127.0.0.1:{port}/grafana-oncall/integrations/v1/grafana/mReAoNwDm0eMwKo1mTeTwYo/"));
}

#[tokio::test]
async fn paging_230_at_perpage_100_reaches_the_last_page_and_past_it_stays_there() {
    let port = start(false).await;
    reset(port, 229).await;
    let first = oncall(port, "GET", &format!("{ITEMS}?perpage=500"), None)
        .await
        .json();
    assert_eq!(first["page_size"], 100, "perpage is capped at 100");
    assert_eq!(
        (first["count"].clone(), first["total_pages"].clone()),
        (json!(230), json!(3))
    );
    let second = oncall(port, "GET", &path_of(&first["next"], port), None)
        .await
        .json();
    let third = oncall(port, "GET", &path_of(&second["next"], port), None)
        .await
        .json();
    assert_eq!(third["results"].as_array().unwrap().len(), 30);
    assert_eq!(third["results"][29]["name"], "Generated integration 229");
    assert_eq!(third["next"], Value::Null);
    assert_eq!(
        path_of(&third["previous"], port),
        format!("{ITEMS}?page=2&perpage=100")
    );
    let beyond = oncall(port, "GET", &format!("{ITEMS}?page=9&perpage=100"), None)
        .await
        .json();
    assert_eq!(beyond["current_page_number"], 3);
    let odd = oncall(port, "GET", &format!("{ITEMS}?page=abc&perpage=-3"), None)
        .await
        .json();
    assert_eq!(
        (odd["current_page_number"].clone(), odd["page_size"].clone()),
        (json!(1), json!(50))
    );
}

#[tokio::test]
async fn filters_by_exact_name_and_team() {
    let port = start(false).await;
    reset(port, 6).await;
    let named = oncall(
        port,
        "GET",
        &format!("{ITEMS}?name=Generated%20integration%204"),
        None,
    )
    .await
    .json();
    assert_eq!(named["count"], 1);
    let team = oncall(port, "GET", &format!("{ITEMS}?team_id=TPLATFORM0001"), None)
        .await
        .json();
    assert_eq!(team["count"], 2);
    let none = oncall(port, "GET", &format!("{ITEMS}?team_id=null"), None)
        .await
        .json();
    assert_eq!(none["count"], 5);
    assert!(none["next"].is_null());
}

#[tokio::test]
async fn create_answers_201_with_an_id_a_link_and_a_generated_name() {
    let port = start(false).await;
    let answer = oncall(port, "POST", ITEMS, Some(json!({"type": "inbound_email"}))).await;
    assert_eq!(answer.status, Some(201));
    let created = answer.json();
    assert!(created["id"].as_str().unwrap().len() >= 10);
    assert!(created["link"].as_str().unwrap().starts_with(&format!(
        "http://127.0.0.1:{port}/grafana-oncall/integrations/v1/inbound_email/"
    )));
    assert!(created["inbound_email"]
        .as_str()
        .unwrap()
        .ends_with("@inbound.oncall.sandbox.test"));
    assert!(created["name"]
        .as_str()
        .unwrap()
        .starts_with("Inbound email"));
    assert_eq!(
        created["templates"]["slack"],
        json!({"title": null, "message": null, "image_url": null})
    );
    let read = oncall(
        port,
        "GET",
        &format!("{ITEMS}{}/", created["id"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(read.json()["id"], created["id"]);
}

#[tokio::test]
async fn types_are_checked_as_the_engine_does() {
    let port = start(false).await;
    let cases = [
        (json!({}), json!({"type": ["This field is required."]})),
        (
            json!({"type": "nope"}),
            json!({"detail": "Invalid integration type"}),
        ),
        (
            json!({"type": "legacy_alertmanager"}),
            json!({"detail": "This integration type is deprecated"}),
        ),
        (
            json!({"type": "direct_paging"}),
            json!({"detail": "Direct paging integrations can't be created"}),
        ),
    ];
    for (body, error) in cases {
        let answer = oncall(port, "POST", ITEMS, Some(body)).await;
        assert_eq!(answer.status, Some(400));
        assert_eq!(answer.json(), error);
    }
}

#[tokio::test]
async fn field_rules_answer_in_drf_shapes() {
    let port = start(false).await;
    let cases = [
        (
            json!({"type": "webhook", "description_short": "d".repeat(251)}),
            json!({"description_short": ["Ensure this field has no more than 250 characters."]}),
        ),
        (
            json!({"type": "webhook", "team_id": "TNOPE"}),
            json!({"team_id": ["Object does not exist"]}),
        ),
        (
            json!({"type": "webhook", "name": "Grafana :blush:"}),
            json!({"detail": "An integration with this name already exists for this team"}),
        ),
        (
            json!({"type": "webhook", "templates": "x"}),
            json!({"detail": "Invalid template data"}),
        ),
        (
            json!({"type": "webhook", "templates": {"slack": "x"}}),
            json!({"detail": "Invalid slack template data"}),
        ),
        (
            json!({"type": "webhook", "templates": {"slack": {"title": "{{ oops"}}}),
            json!({"detail": "invalid slack title template"}),
        ),
        (
            json!({"type": "webhook", "templates": {"grouping_key": "{% if x %}"}}),
            json!({"detail": "Invalid grouping_key template data"}),
        ),
        (
            json!({"type": "webhook", "default_route": {"escalation_chain_id": "FNOPE"}}),
            json!({"escalation_chain_id": ["Object does not exist"]}),
        ),
        (
            json!({"type": "webhook", "name": "  "}),
            json!({"name": ["This field may not be blank."]}),
        ),
        (
            json!({"type": "webhook", "description_short": ""}),
            json!({"description_short": ["This field may not be blank."]}),
        ),
        (
            json!({"type": "webhook", "default_route": {"telegram": {"id": "-100nope", "enabled": true}}}),
            json!({"detail": "Telegram channel does not exist"}),
        ),
    ];
    for (body, error) in cases {
        let answer = oncall(port, "POST", ITEMS, Some(body.clone())).await;
        assert_eq!(answer.status, Some(400), "{body}");
        assert_eq!(answer.json(), error, "{body}");
    }
    let same_name_other_team =
        json!({"type": "webhook", "name": "Grafana :blush:", "team_id": "TDATA00000002"});
    assert_eq!(
        oncall(port, "POST", ITEMS, Some(same_name_other_team))
            .await
            .status,
        Some(201),
        "names are unique per team"
    );
}

#[tokio::test]
async fn put_ignores_the_type_and_merges_templates_and_route() {
    let port = start(false).await;
    let path = format!("{ITEMS}CFRPV98RPR1U8/");
    let body = json!({"type": "webhook", "name": "Renamed", "templates": {"slack": {"title": "*{{ payload.title }}*"}, "web": null}, "default_route": {"slack": {"channel_id": "c0alerts", "enabled": true}}});
    let answer = oncall(port, "PUT", &path, Some(body)).await;
    assert_eq!(answer.status, Some(200));
    let updated = answer.json();
    assert_eq!(updated["type"], "grafana");
    assert_eq!(updated["name"], "Renamed");
    assert_eq!(
        updated["templates"]["slack"]["title"],
        "*{{ payload.title }}*"
    );
    assert_eq!(updated["templates"]["slack"]["message"], Value::Null);
    assert_eq!(
        updated["default_route"]["slack"],
        json!({"channel_id": "C0ALERTS", "enabled": true})
    );
    assert_eq!(
        updated["default_route"]["escalation_chain_id"],
        "F5JU6KJET33FE"
    );
}

#[tokio::test]
async fn delete_answers_204_then_404_not_found() {
    let port = start(false).await;
    let path = format!("{ITEMS}CFRPV98RPR1U8/");
    assert_eq!(oncall(port, "DELETE", &path, None).await.status, Some(204));
    let gone = oncall(port, "GET", &path, None).await;
    assert_eq!(gone.status, Some(404));
    assert_eq!(gone.json(), json!({"detail": "Not found."}));
}

#[tokio::test]
async fn teams_and_escalation_chains_are_listed() {
    let port = start(false).await;
    let teams = oncall(
        port,
        "GET",
        "/grafana-oncall/api/v1/teams/?perpage=100",
        None,
    )
    .await
    .json();
    assert_eq!(
        teams["results"][0],
        json!({"id": "TPLATFORM0001", "name": "Platform", "email": "platform@example.com", "avatar_url": null})
    );
    let chains = oncall(
        port,
        "GET",
        "/grafana-oncall/api/v1/escalation_chains/",
        None,
    )
    .await
    .json();
    assert_eq!(chains["results"][0]["name"], "Primary on-call");
}

#[tokio::test]
async fn maintenance_starts_with_mode_and_duration_and_stops() {
    let port = start(false).await;
    let base = format!("{ITEMS}CFRPV98RPR1U8/");
    let bad = oncall(
        port,
        "POST",
        &format!("{base}maintenance_start/"),
        Some(json!({"mode": "party", "duration": 3600})),
    )
    .await;
    assert_eq!(
        (bad.status, bad.json()),
        (Some(400), json!({"mode": ["Unknown mode"]}))
    );
    let bad = oncall(
        port,
        "POST",
        &format!("{base}maintenance_start/"),
        Some(json!({"mode": "debug", "duration": "soon"})),
    )
    .await;
    assert_eq!(bad.json(), json!({"duration": ["Invalid duration"]}));
    let started = oncall(
        port,
        "POST",
        &format!("{base}maintenance_start/"),
        Some(json!({"mode": "debug", "duration": 3600})),
    )
    .await
    .json();
    assert_eq!(started["maintenance_mode"], "debug");
    assert!(started["maintenance_end_at"]
        .as_str()
        .unwrap()
        .ends_with('Z'));
    let stopped = oncall(port, "POST", &format!("{base}maintenance_stop/"), None)
        .await
        .json();
    assert_eq!(stopped["maintenance_mode"], Value::Null);
}
