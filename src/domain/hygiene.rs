//! Hygiene checks over the inventory: each a rule with a name and an explanation, tripped by
//! an integration's shared columns (where it sends) or by its vendor's own fields (read by the
//! vertical's `VendorApi::hygiene`). A finding names what tripped it, never a secret's value.

use super::inventory::InventoryRow;

/// One check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The filter's value in the address (`finding=plain-http`).
    pub id: &'static str,
    pub name: &'static str,
    /// Why it matters, in a sentence.
    pub why: &'static str,
}

pub const PLAIN_HTTP: &str = "plain-http";
pub const SECRET_IN_QUERY: &str = "secret-in-query";
pub const SHARED_TARGET: &str = "shared-target";
pub const MAINTENANCE_ON: &str = "maintenance-on";
pub const NO_TEAM: &str = "no-team";
pub const NO_TRIGGER_WORDS: &str = "no-trigger-words";
pub const SCRIPT_ERROR: &str = "script-error";
pub const UNUSED: &str = "unused";
pub const DISABLED_IN_USE: &str = "disabled-in-use";

/// Every rule, in the order the page lists them.
pub const RULES: [Rule; 9] = [
    Rule {
        id: UNUSED,
        name: "Unused: tied to nothing",
        why: "No escalation chain, channel or destination takes its alerts: they fire into a void. (Read where the vendor's integration names them: Grafana OnCall, PagerTree.)",
    },
    Rule {
        id: DISABLED_IN_USE,
        name: "Disabled but still wired",
        why: "It is switched off while its escalation chain, channel or destinations still expect its alerts: make sure that was meant.",
    },
    Rule {
        id: PLAIN_HTTP,
        name: "Sends over plain HTTP",
        why: "Anyone on the way can read or change what it sends, credentials included.",
    },
    Rule {
        id: SECRET_IN_QUERY,
        name: "A secret in the URL's query",
        why: "A token in the query string lands in proxy, server and browser logs.",
    },
    Rule {
        id: SHARED_TARGET,
        name: "The same target as another integration",
        why: "Several integrations post to one URL: retiring it breaks all of them, and alerts may arrive twice.",
    },
    Rule {
        id: MAINTENANCE_ON,
        name: "Maintenance left on",
        why: "Grafana OnCall holds back its alerts while maintenance is on.",
    },
    Rule {
        id: NO_TEAM,
        name: "No team",
        why: "A Grafana OnCall integration without a team is everyone's and no one's to look after.",
    },
    Rule {
        id: NO_TRIGGER_WORDS,
        name: "Fires on every message",
        why: "A Rocket.Chat outgoing webhook on Message sent without trigger words posts every message of its channels.",
    },
    Rule {
        id: SCRIPT_ERROR,
        name: "Its script does not compile",
        why: "Rocket.Chat skips a script that does not compile, so the integration sends what it was meant to transform.",
    },
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Query parameters whose value is a credential.
const SECRET_PARAMETERS: [&str; 12] = [
    "token",
    "access_token",
    "auth",
    "key",
    "apikey",
    "api_key",
    "secret",
    "password",
    "sig",
    "signature",
    "code",
    "integration_key",
];

/// The findings of a target URL: plain HTTP, and a credential in its query (by the parameter's
/// name; its value is never part of a finding).
pub fn target_findings(target: &str) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    let lower = target.trim().to_ascii_lowercase();
    if lower.starts_with("http://") {
        found.push((PLAIN_HTTP, "http://".to_string()));
    }
    if let Some((_, query)) = target.split_once('?') {
        let query = query.split('#').next().unwrap_or_default();
        let named: Vec<String> = query
            .split('&')
            .filter_map(|pair| pair.split('=').next())
            .filter(|name| {
                let name = name.to_ascii_lowercase();
                SECRET_PARAMETERS.contains(&name.as_str())
                    || name.ends_with("token")
                    || name.ends_with("secret")
            })
            .map(str::to_string)
            .collect();
        if !named.is_empty() {
            found.push((SECRET_IN_QUERY, format!("parameter {}", named.join(", "))));
        }
    }
    found
}

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

#[cfg(test)]
mod tests {
    use super::*;
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
    fn targets_trip_plain_http_and_secrets_in_their_query_by_name_only() {
        let ids = |t: &str| {
            target_findings(t)
                .into_iter()
                .map(|(id, _)| id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("http://hooks.example.com/x"), [PLAIN_HTTP]);
        assert_eq!(ids("HTTP://HOOKS.EXAMPLE.COM"), [PLAIN_HTTP]);
        assert!(ids("https://hooks.example.com/x").is_empty());
        assert!(ids("https://hooks.example.com/x?page=2&format=json").is_empty());
        let found = target_findings("https://hooks.example.com/x?api_key=S3CRET&x=1#frag");
        assert_eq!(found, [(SECRET_IN_QUERY, "parameter api_key".to_string())]);
        assert!(!format!("{found:?}").contains("S3CRET"), "never the value");
        let both = target_findings("http://h.example.com/?sessionToken=a&client_secret=b&sig=c");
        assert_eq!(both[0].0, PLAIN_HTTP);
        assert_eq!(both[1].1, "parameter sessionToken, client_secret, sig");
        assert!(
            ids("https://h.example.com/path?tokenizer=on").is_empty(),
            "a name only like one"
        );
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
        let counted: Vec<(&str, usize)> = counts(&rows)
            .into_iter()
            .map(|(r, n)| (r.id, n))
            .filter(|(_, n)| *n > 0)
            .collect();
        assert_eq!(counted, [(SHARED_TARGET, 2), (MAINTENANCE_ON, 1)]);
        assert!(RULES.iter().all(|r| rule(r.id) == Some(r)));
    }
}
