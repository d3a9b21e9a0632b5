use super::*;

fn answer(status: u16, body: &str) -> ApiError {
    parse(&Response::new(status, body), 0)
}

#[test]
fn ajv_messages_land_on_the_property_they_name() {
    let error = answer(
        400,
        r#"{"success":false,"error":"must have required property 'username'\n must NOT have additional properties [invalid-params]","errorType":"invalid-params"}"#,
    );
    assert_eq!(
        error.field_errors.get("/username"),
        ["must have required property 'username'"]
    );
    assert_eq!(
        error.field_errors.form_level(),
        ["must NOT have additional properties"]
    );
    assert_eq!(
        error.message,
        "Rocket.Chat rejected some of the values: see the marked fields."
    );
}

#[test]
fn invalid_types_land_on_their_fields() {
    for (kind, pointer) in [
        ("error-invalid-channel-start-with-chars", "/channel"),
        ("error-invalid-room", "/channel"),
        ("error-invalid-user", "/username"),
        ("error-invalid-urls", "/urls"),
        ("error-invalid-targetRoom", "/targetRoom"),
        ("error-invalid-event-type", "/event"),
    ] {
        let body =
            format!(r#"{{"success":false,"error":"Invalid thing [{kind}]","errorType":"{kind}"}}"#);
        assert_eq!(
            answer(400, &body).field_errors.get(pointer),
            ["Invalid thing"],
            "{kind}"
        );
    }
}

#[test]
fn permissions_login_and_missing_integrations_are_worded_for_a_person() {
    let login = answer(
        401,
        r#"{"success":false,"error":"You must be logged in to do this."}"#,
    );
    assert!(login
        .message
        .starts_with("Rocket.Chat did not accept this connection's user id and token."));
    for (status, body) in [
        (401, r#"{"success":false,"error":"unauthorized"}"#),
        (
            400,
            r#"{"success":false,"error":"Unauthorized [not_authorized]","errorType":"not_authorized"}"#,
        ),
        (403, r#"{"success":false,"error":"unauthorized"}"#),
    ] {
        let error = answer(status, body);
        assert!(
            error.message.contains("manage-incoming-integrations"),
            "{status}: {}",
            error.message
        );
    }
    assert_eq!(
        answer(400, r#"{"success":false,"error":"No integration found."}"#).message,
        "This integration no longer exists in Rocket.Chat."
    );
    assert!(answer(
        429,
        r#"{"success":false,"error":"Error, too many requests."}"#
    )
    .message
    .contains("10 calls a minute"));
}
