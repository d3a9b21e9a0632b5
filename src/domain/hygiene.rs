//! Hygiene checks over the inventory: each a rule with a name and an explanation, tripped by
//! an integration's shared columns (where it sends) or by its vendor's own fields (read by the
//! vertical's `VendorApi::hygiene`). A finding names what tripped it, never a secret's value.

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
pub const DEFAULT_ROUTE_EMPTY: &str = "default-route-empty";
pub const DISABLED_IN_USE: &str = "disabled-in-use";
pub const UNUSED: &str = "unused";
pub const NEAR_QUOTA: &str = "near-quota";

/// Every rule, in the order the page lists them.
pub const RULES: [Rule; 11] = [
    Rule {
        id: UNUSED,
        name: "Nothing uses it",
        why: "No alert rule, route, subscription, operation or destination takes its alerts: it is left over, or what is sent to it goes nowhere.",
    },
    Rule {
        id: DEFAULT_ROUTE_EMPTY,
        name: "Default route sends nowhere",
        why: "Grafana OnCall drops every alert no other route matches: its default route has no escalation chain, Slack or Telegram channel.",
    },
    Rule {
        id: DISABLED_IN_USE,
        name: "Disabled but still wired",
        why: "It is switched off while its escalation chain, channel or destinations still expect its alerts: make sure that was meant.",
    },
    Rule {
        id: NEAR_QUOTA,
        name: "Close to the vendor's quota",
        why: "Four fifths or more of the integrations the vendor allows are used: past its quota it refuses the next one (Confluent answers 402).",
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
