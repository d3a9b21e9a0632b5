//! Reading the lookups: teams, routers, account users and the catalogue of integration types,
//! all in the list envelope `{data, has_more, total_count}`.

use serde_json::Value;

use crate::domain::api::{Cursor, LookupPage};
use crate::domain::error::ApiError;
use crate::domain::error_body::malformed;
use crate::domain::field::Choice;
use crate::domain::request::Response;

/// One page of a lookup (`/teams`, `/routers`, `/account_users`, `/integration_types`): each
/// entry's id and the name a person knows it by. `has_more` asks for the next page.
pub fn lookup(response: &Response) -> Result<LookupPage, ApiError> {
    if !response.is_success() {
        return Err(super::errors::parse(response, 0));
    }
    let json = response
        .json()
        .map_err(|_| malformed(response, "the choices are not valid JSON"))?;
    let data = json
        .get("data")
        .and_then(Value::as_array)
        .ok_or_else(|| malformed(response, "the choices have no data array"))?;
    let choices = data
        .iter()
        .filter_map(|item| {
            let id = item.get("id")?.as_str()?;
            let name = ["/name", "/user/name", "/email", "/user/email"]
                .iter()
                .find_map(|p| item.pointer(p).and_then(Value::as_str))
                .filter(|name| !name.trim().is_empty())
                .unwrap_or(id);
            Some(Choice::new(id, name))
        })
        .collect();
    let more = json.get("has_more").and_then(Value::as_bool) == Some(true);
    Ok(LookupPage {
        choices,
        next: more.then_some(Cursor::Offset(0)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_read_ids_and_names_and_ask_for_more_while_has_more() {
        let page = lookup(&Response::new(
            200,
            r#"{"data":[{"id":"U1","user":{"name":"Ann Lee"}},{"id":"U2","email":"bo@example.com"},{"id":"U3","name":" "},{"name":"no id"}],"has_more":true,"total_count":250}"#,
        ))
        .unwrap();
        assert_eq!(
            page.choices,
            [
                Choice::new("U1", "Ann Lee"),
                Choice::new("U2", "bo@example.com"),
                Choice::new("U3", "U3"),
            ]
        );
        assert_eq!(page.next, Some(Cursor::Offset(0)));
        let last = lookup(&Response::new(200, r#"{"data":[],"has_more":false}"#)).unwrap();
        assert_eq!(last.next, None);
        assert!(lookup(&Response::new(200, r#"{"teams":[]}"#)).is_err());
        assert!(lookup(&Response::new(
            401,
            r#"{"errors":[{"message":"Unauthorized"}]}"#
        ))
        .is_err());
    }
}
