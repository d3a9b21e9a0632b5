use serde_json::json;

use super::*;
use crate::domain::columns::{detail_rows, list_cells};

const LIST: &str = include_str!("../../../../tests/fixtures/thousandeyes/integrations-v6.json");

#[test]
fn both_arrays_read_as_one_list_with_numeric_or_string_ids() {
    let page = read(&Response::new(200, LIST)).unwrap();
    let ids: Vec<&str> = page.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["123", "789", "999"]);
    assert_eq!(page.total, Some(3));
    let sdk = json!({"integrations": {"thirdParty": [{"integrationId": "pgd-1", "integrationType": "PAGER_DUTY"}], "webhook": [{"integrationName": "no id"}]}});
    let page = read(&Response::new(200, sdk.to_string())).unwrap();
    assert_eq!(page.records[0].id, "pgd-1");
    assert_eq!(page.skipped, 1);
    assert!(read(&Response::new(200, r#"{"thirdParty": []}"#)).is_err());
    let empty = read(&Response::new(200, r#"{"integrations": {}}"#)).unwrap();
    assert!(empty.records.is_empty());
}

#[test]
fn one_integration_is_picked_from_the_list() {
    assert_eq!(
        read_one(&Response::new(200, LIST), "789").unwrap().id,
        "789"
    );
    assert_eq!(
        read_one(&Response::new(200, LIST), "1").unwrap_err().status,
        Some(404)
    );
}

#[test]
fn tokens_and_target_urls_are_masked_everywhere() {
    let page = read(&Response::new(200, LIST)).unwrap();
    for record in &page.records {
        crate::domain::api::assert_secrets_masked_alike(&super::super::ThousandEyesApi, record);
    }
    let pager_duty = &page.records[0];
    let rows = detail_rows(&COLUMNS, pager_duty, &Lookups::new());
    assert!(rows.contains(&(
        "Auth token".to_string(),
        Cell::Secret("0a4693462246893f9393ed8ab2bf22f69".into())
    )));
    let slack = list_cells(&COLUMNS, &page.records[1], &Lookups::new());
    assert_eq!(slack[0], Cell::Text("Slack".into()));
    assert_eq!(slack[2], Cell::Text("@primoz".into()));
}

#[test]
fn nothing_can_be_written_and_the_page_says_where_instead() {
    assert!(!capabilities().can_edit && !capabilities().can_delete);
    assert!(capabilities()
        .read_only_reason
        .unwrap()
        .contains("Alerts → Alert Rules → Integrations"));
    assert_eq!(
        list(&ListQuery::default(), None).unwrap().path,
        "/v6/integrations.json"
    );
}
