//! What uses a Confluent integration: the subscriptions (`/notifications/v1/subscriptions`)
//! that send a notification type to it. A disabled subscription sends nothing, so it does not
//! count as using it.

use serde_json::Value;

use super::parse::{PAGING, RECORDS};
use crate::domain::records::{Lookups, Record};
use crate::domain::references::{text_at, Referrers};
use crate::domain::request::Request;

pub fn referrers() -> Referrers {
    Referrers {
        noun: "subscriptions",
        first: Request::get("/notifications/v1/subscriptions").query("page_size", "100"),
        about: None,
        records: RECORDS,
        paging: PAGING,
        detail: None,
        names: |subscription, _| {
            if text_at(&subscription.raw, "/current_state") == Some("DISABLED") {
                return Vec::new();
            }
            subscription.raw["integrations"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|reference| text_at(reference, "/id"))
                .map(str::to_string)
                .collect()
        },
        label,
    }
}

/// "Subscription to kafka-cluster-throughput-over-limit".
fn label(subscription: &Record, _: Option<&Value>, _about: &str, _: &Lookups) -> String {
    let kind = text_at(&subscription.raw, "/notification_type/id").unwrap_or("(no type)");
    format!("Subscription to {kind}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::references::{listed, References};

    const SUBSCRIPTIONS: &str =
        include_str!("../../../../tests/fixtures/confluent/subscriptions.json");

    #[test]
    fn enabled_subscriptions_use_the_integrations_they_name() {
        let spec = referrers();
        let refs = References::new(&spec, listed(&spec, SUBSCRIPTIONS));
        let lookups = Lookups::new();
        assert_eq!(
            refs.of("i-12346", &lookups),
            ["Subscription to kafka-cluster-throughput-over-limit"]
        );
        assert!(refs.names("i-12347"));
        assert!(!refs.names("i-12348"), "its only subscription is disabled");
        assert!(!refs.names("i-12349"));
        assert_eq!(refs.len(), 3);
    }
}
