//! The account groups a token can see, as choices for the connection's `aid` setting. v6
//! answers `aid` as a number with `current`/`default` as 0 or 1; v7 answers `aid` as a string
//! with `isCurrentAccountGroup`/`isDefaultAccountGroup` as booleans. Both read the same.

use serde_json::Value;

use crate::domain::auth::{Credentials, SettingChoices};
use crate::domain::error_body::generic_error;
use crate::domain::field::Choice;
use crate::domain::listing::{read_list, Paging, RecordShape};
use crate::domain::{ApiError, Record, Request, Response};

pub const ACCOUNT_GROUP: SettingChoices = SettingChoices {
    pointer: "/settings/aid",
    what: "account groups",
    request,
    read,
};

const SHAPE: RecordShape = RecordShape {
    items: "/accountGroups",
    id: "/aid",
};

/// v7 only takes bearer tokens; v6 takes both, so basic credentials read the v6 list.
fn request(credentials: &Credentials) -> Request {
    if super::version::is_v7(credentials) || credentials.setting("auth") == Some("bearer") {
        Request::get("/v7/account-groups")
    } else {
        Request::get("/v6/account-groups.json")
    }
}

/// The generic list reader does the work: groups without an aid are skipped, a malformed
/// answer is an error.
fn read(response: &Response) -> Result<Vec<Choice>, ApiError> {
    let page = read_list(response, &SHAPE, &Paging::Unpaged, None, &|r| {
        generic_error(r, &[], 0)
    })?;
    Ok(page.records.iter().map(choice).collect())
}

/// "Operations EMEA (aid 1234) · current · default", valued by the aid as text.
fn choice(
    Record {
        id: aid,
        raw: group,
    }: &Record,
) -> Choice {
    let name = group
        .get("accountGroupName")
        .and_then(Value::as_str)
        .unwrap_or("Unnamed group");
    let mut label = format!("{name} (aid {aid})");
    for (mark, v6, v7) in [
        ("current", "current", "isCurrentAccountGroup"),
        ("default", "default", "isDefaultAccountGroup"),
    ] {
        if is_set(group.get(v6)) || is_set(group.get(v7)) {
            label.push_str(" · ");
            label.push_str(mark);
        }
    }
    Choice::new(aid.clone(), label)
}

fn is_set(flag: Option<&Value>) -> bool {
    matches!(flag, Some(Value::Bool(true))) || flag.and_then(Value::as_i64) == Some(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::auth::credentials;
    use serde_json::json;

    fn answer(body: &str) -> Response {
        Response::new(200, body)
    }

    #[test]
    fn both_versions_read_as_the_same_choices() {
        let v6 = read(&answer(include_str!(
            "../../../../tests/fixtures/thousandeyes/account-groups-v6.json"
        )))
        .unwrap();
        let v7 = read(&answer(include_str!(
            "../../../../tests/fixtures/thousandeyes/account-groups-v7.json"
        )))
        .unwrap();
        assert_eq!(v6, v7);
        assert_eq!(
            v6,
            [
                Choice::new("1234", "Operations EMEA (aid 1234) · current · default"),
                Choice::new("5678", "Operations Americas (aid 5678)"),
                Choice::new("9012", "Network lab (aid 9012)"),
            ]
        );
    }

    #[test]
    fn bearer_tokens_read_v7_and_basic_credentials_read_v6() {
        let bearer = credentials(json!({"auth": "bearer"}), json!({}));
        let basic = credentials(json!({"auth": "basic"}), json!({}));
        assert_eq!(request(&bearer).path, "/v7/account-groups");
        assert_eq!(request(&basic).path, "/v6/account-groups.json");
        assert!(
            request(&bearer).query.is_empty(),
            "no aid: every group is wanted"
        );
    }

    #[test]
    fn a_malformed_answer_is_an_error_not_a_panic() {
        for body in ["<html>", "{}", r#"{"accountGroups": {}}"#] {
            assert!(read(&answer(body)).is_err(), "{body}");
        }
        let odd = r#"{"accountGroups": [{"accountGroupName": "No id"}, 7, {"aid": 3}]}"#;
        assert_eq!(
            read(&answer(odd)).unwrap(),
            [Choice::new("3", "Unnamed group (aid 3)")]
        );
    }
}
