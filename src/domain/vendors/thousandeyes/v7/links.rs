//! What ties v7 integrations together: each webhook operation sends through a connector
//! (`/v7/operations/webhooks/{id}/connectors`). A connector is used by the operations that
//! send through it; an operation, by sending through one. Either without the other sends
//! nothing.

use serde_json::Value;

use super::kinds::Kind;
use super::spec::CONNECTOR;
use crate::domain::listing::{Paging, RecordShape};
use crate::domain::records::{title_in, Lookups, Record};
use crate::domain::references::{text_at, Referrers};
use crate::domain::request::Request;

pub fn referrers() -> Referrers {
    Referrers {
        noun: "operation links",
        first: Request::get(Kind::Operation.path()),
        about: None,
        records: RecordShape {
            items: "/items",
            id: "/id",
        },
        paging: Paging::Unpaged,
        detail: Some(|operation| {
            Request::get(format!(
                "{}/connectors",
                Kind::Operation.item_path(&operation.id)
            ))
        }),
        names: |operation, detail| {
            let connectors = connectors(detail);
            let itself = (!connectors.is_empty()).then(|| Kind::Operation.id(&operation.id));
            connectors
                .iter()
                .map(|id| Kind::Connector.id(id))
                .chain(itself)
                .collect()
        },
        label,
    }
}

/// The connector ids of an operation's `{items: [ids]}`.
fn connectors(detail: Option<&Value>) -> Vec<&str> {
    detail
        .and_then(|d| d.get("items"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|id| !id.is_empty())
        .collect()
}

/// On a connector: "Webhook operation “My operation”"; on the operation itself: "Sends
/// through connector Cisco Slack" (named where the lookups are loaded).
fn label(operation: &Record, detail: Option<&Value>, about: &str, lookups: &Lookups) -> String {
    if about == Kind::Operation.id(&operation.id) {
        let names: Vec<String> = connectors(detail)
            .into_iter()
            .map(|id| title_in(lookups, CONNECTOR, id))
            .collect();
        return format!("Sends through connector {}", names.join(", "));
    }
    let name = text_at(&operation.raw, "/name").unwrap_or(operation.id.as_str());
    format!("{} “{name}”", Kind::Operation.title())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::references::{listed, References};
    use crate::domain::Choice;
    use serde_json::json;

    const OPERATIONS: &str =
        include_str!("../../../../../tests/fixtures/thousandeyes/operations-v7.json");
    const LINKED: &str = "a32cfbab-32f6-41d8-9027-7127cba965dd";
    const SLACK: &str = "cb1b8033-ea2d-4e9b-a920-fe87850693cf";

    #[test]
    fn an_operation_and_its_connector_use_each_other_and_the_rest_nothing() {
        let spec = referrers();
        assert_eq!(spec.first.path, "/v7/operations/webhooks");
        let mut found = listed(&spec, OPERATIONS);
        let detail = spec.detail.expect("links are read per operation");
        assert_eq!(
            detail(&found[0].record).path,
            format!("/v7/operations/webhooks/{LINKED}/connectors")
        );
        for referrer in &mut found {
            let linked = if referrer.record.id == LINKED {
                json!([SLACK])
            } else {
                json!([])
            };
            referrer.detail = Some(json!({ "items": linked }));
        }
        let refs = References::new(&spec, found);
        let mut lookups = Lookups::new();
        lookups.insert(CONNECTOR.into(), vec![Choice::new(SLACK, "Cisco Slack")]);
        assert_eq!(
            refs.of(&Kind::Connector.id(SLACK), &lookups),
            ["Webhook operation “My operation”"]
        );
        assert_eq!(
            refs.of(&Kind::Operation.id(LINKED), &lookups),
            ["Sends through connector Cisco Slack"]
        );
        assert!(!refs.names(&Kind::Operation.id("b0000000-0000-4000-8000-000000000001")));
        assert!(!refs.names(&Kind::Connector.id("ca39314d-eb4f-496f-9435-b5d20b1bfbff")));
    }
}
