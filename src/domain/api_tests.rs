use super::*;

/// A read-only vertical: lists and reads, nothing else (ThousandEyes v6's shape).
struct ReadOnly;
static READ_ONLY: Vertical = Vertical {
    vendor: Vendor::ThousandEyes,
    records: RecordShape {
        items: "/integrations",
        id: "/integrationId",
    },
    paging: Paging::Unpaged,
    columns: &[],
    list: |_, _| Ok(Request::get("/v6/integrations.json")),
    get: |_| Request::get("/v6/integrations.json"),
    create: None,
    update: None,
    delete: None,
    test: None,
    parse_error: |response, _| ApiError::http(response.status, "no"),
    summary: |_| IntegrationSummary::default(),
    draft_from: |record| record.raw.clone(),
};
impl VendorApi for ReadOnly {
    fn vertical(&self) -> &'static Vertical {
        &READ_ONLY
    }
    fn form_spec(&self, _editing: Option<&Record>) -> FormSpec {
        FormSpec::new(Vec::new())
    }
    fn capabilities(&self, _record: &Record) -> Capabilities {
        Capabilities::read_only("v6 is read-only")
    }
}

#[test]
fn writes_a_vertical_does_not_declare_are_refused_before_sending() {
    let record = Record {
        id: "wb-1".into(),
        raw: serde_json::json!({"integrationId": "wb-1"}),
    };
    assert!(!ReadOnly.can_create());
    assert!(!ReadOnly.offers_test());
    let draft = serde_json::json!({});
    for (result, message) in [
        (
            ReadOnly.create_request(&draft),
            "The ThousandEyes API cannot create integrations.",
        ),
        (
            ReadOnly.update_request(&record, &draft),
            "The ThousandEyes API cannot change integrations.",
        ),
        (
            ReadOnly.delete_request(&record),
            "The ThousandEyes API cannot delete integrations.",
        ),
        (
            ReadOnly.test_request(&draft),
            "ThousandEyes has no test notification.",
        ),
    ] {
        let error = result.expect_err("refused");
        assert_eq!(error.kind, ErrorKind::Refused);
        assert_eq!(error.message, message);
    }
    assert_eq!(
        ReadOnly
            .list_request(&ListQuery::default(), None)
            .unwrap()
            .path,
        "/v6/integrations.json"
    );
}
