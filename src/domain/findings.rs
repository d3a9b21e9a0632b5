//! The hygiene rules applied to the inventory's rows: which rows trip a rule, counting a
//! target several rows share, which only the whole inventory can tell.

use super::hygiene::{Rule, RULES, SHARED_TARGET};
use super::inventory::InventoryRow;

/// Whether a row trips the rule: its own findings, or, for a shared target, another row that
/// sends to the very same URL (`shared` holds those URLs, from `shared_targets`).
pub fn trips(row: &InventoryRow, rule: &str, shared: &[&str]) -> bool {
    if rule == SHARED_TARGET {
        return row
            .target
            .as_deref()
            .is_some_and(|t| shared.binary_search(&t).is_ok());
    }
    row.findings.iter().any(|(id, _)| *id == rule)
}

/// The target URLs more than one row sends to, sorted (for `trips`).
pub fn shared_targets<'a>(rows: &[&'a InventoryRow]) -> Vec<&'a str> {
    let mut targets: Vec<&str> = rows.iter().filter_map(|r| r.target.as_deref()).collect();
    targets.sort_unstable();
    let mut shared: Vec<&str> = targets
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    shared.dedup();
    shared
}

/// How many rows trip each rule, in the order of `RULES`.
pub fn counts(rows: &[&InventoryRow]) -> Vec<(&'static Rule, usize)> {
    let shared = shared_targets(rows);
    RULES
        .iter()
        .map(|rule| {
            (
                rule,
                rows.iter().filter(|r| trips(r, rule.id, &shared)).count(),
            )
        })
        .collect()
}

/// The rows shown, as exported: each with its own findings and, where another row of `all`
/// sends to the same URL, the shared-target finding, which only the whole inventory can tell.
pub fn with_shared_targets(all: &[&InventoryRow], shown: Vec<&InventoryRow>) -> Vec<InventoryRow> {
    let shared = shared_targets(all);
    shown
        .into_iter()
        .map(|row| {
            let mut row = row.clone();
            if trips(&row, SHARED_TARGET, &shared) {
                row.findings.push((SHARED_TARGET, String::new()));
            }
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hygiene::{MAINTENANCE_ON, PLAIN_HTTP};
    use crate::domain::inventory::{host_of, NormalKind};
    use crate::domain::Vendor;

    fn row(id: &str, target: Option<&str>, findings: Vec<(&'static str, String)>) -> InventoryRow {
        InventoryRow {
            vendor: Vendor::Confluent,
            connection_id: "c".into(),
            connection: "C".into(),
            id: id.into(),
            name: id.into(),
            kind: NormalKind::Webhook,
            vendor_kind: "Webhook".into(),
            target: target.map(str::to_string),
            target_secret: false,
            host: target.and_then(host_of),
            enabled: Some(true),
            created: None,
            updated: None,
            haystack: id.into(),
            findings,
        }
    }

    #[test]
    fn a_target_two_integrations_share_trips_both_and_only_them() {
        let rows = [
            row("a", Some("https://hooks.slack.com/services/T/B/1"), vec![]),
            row("b", Some("https://hooks.slack.com/services/T/B/1"), vec![]),
            row("c", Some("https://hooks.slack.com/services/T/B/2"), vec![]),
            row("d", None, vec![(MAINTENANCE_ON, "since 10:00".into())]),
        ];
        let rows: Vec<&InventoryRow> = rows.iter().collect();
        let shared = shared_targets(&rows);
        assert_eq!(shared, ["https://hooks.slack.com/services/T/B/1"]);
        let tripping = |rule: &str| {
            rows.iter()
                .filter(|r| trips(r, rule, &shared))
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(tripping(SHARED_TARGET), ["a", "b"]);
        assert_eq!(tripping(MAINTENANCE_ON), ["d"]);
        assert!(tripping(PLAIN_HTTP).is_empty());
        let exported = with_shared_targets(&rows, vec![rows[0], rows[2]]);
        assert_eq!(exported[0].findings, [(SHARED_TARGET, String::new())]);
        assert!(exported[1].findings.is_empty(), "its URL is its own");
        let counted: Vec<(&str, usize)> = counts(&rows)
            .into_iter()
            .map(|(r, n)| (r.id, n))
            .filter(|(_, n)| *n > 0)
            .collect();
        assert_eq!(counted, [(SHARED_TARGET, 2), (MAINTENANCE_ON, 1)]);
    }
}
