//! What an OnCall integration sends to: its routes (`/api/v1/routes/`), each with an
//! escalation chain and channels. A route that sends nowhere is not counted as using it; the
//! default route that sends nowhere is a hygiene finding of its own.

use serde_json::Value;

use super::parse::PAGING;
use super::spec::ESCALATION_CHAIN;
use crate::domain::listing::RecordShape;
use crate::domain::records::{title_in, Lookups, Record};
use crate::domain::references::{text_at, Referrers};
use crate::domain::request::Request;

const ROUTES: &str = "/api/v1/routes/";

/// Every route of the organisation, the most a page holds; on an integration's page, its own.
pub fn referrers() -> Referrers {
    Referrers {
        noun: "routes",
        first: Request::get(ROUTES).query("perpage", "100"),
        about: Some(|id| {
            Request::get(ROUTES)
                .query("integration_id", id)
                .query("perpage", "100")
        }),
        records: RecordShape {
            items: "/results",
            id: "/id",
        },
        paging: PAGING,
        detail: None,
        names: |route, _| {
            let sends = !sends_to(&route.raw, &Lookups::new()).is_empty();
            text_at(&route.raw, "/integration_id")
                .filter(|_| sends)
                .map(str::to_string)
                .into_iter()
                .collect()
        },
        label,
    }
}

/// "Route “us-(east|west)” → escalation chain Primary on-call, Slack CH23212D".
fn label(route: &Record, _: Option<&Value>, _about: &str, lookups: &Lookups) -> String {
    let name = if route.raw["is_the_last_route"] == Value::Bool(true) {
        "Default route".to_string()
    } else {
        let regex = text_at(&route.raw, "/routing_regex").unwrap_or("(no pattern)");
        format!("Route “{regex}”")
    };
    format!("{name} → {}", sends_to(&route.raw, lookups).join(", "))
}

/// Where a route sends: its escalation chain (named where the lookups are loaded) and every
/// messenger channel it has enabled.
fn sends_to(route: &Value, lookups: &Lookups) -> Vec<String> {
    let mut to = Vec::new();
    if let Some(chain) = text_at(route, "/escalation_chain_id") {
        let name = title_in(lookups, ESCALATION_CHAIN, chain);
        to.push(format!("escalation chain {name}"));
    }
    let channels = [
        ("slack", "/channel_id", "Slack"),
        ("telegram", "/id", "Telegram"),
        ("msteams", "/id", "Microsoft Teams"),
    ];
    for (key, id, title) in channels {
        let Some(channel) = route.get(key) else {
            continue;
        };
        let on = channel.get("enabled").and_then(Value::as_bool) != Some(false);
        if let Some(id) = text_at(channel, id).filter(|_| on) {
            to.push(format!("{title} {id}"));
        }
    }
    to
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::references::{listed, References};
    use crate::domain::Choice;
    use serde_json::json;

    const ROUTES: &str = include_str!("../../../../tests/fixtures/grafana_oncall/routes.json");

    fn read(body: &str) -> References {
        let spec = referrers();
        References::new(&spec, listed(&spec, body))
    }

    #[test]
    fn the_documented_routes_say_where_their_integration_sends() {
        let spec = referrers();
        assert_eq!(spec.first.path, "/api/v1/routes/");
        let about = spec.about.expect("OnCall filters routes by integration")("CFRPV98RPR1U8");
        assert!(about
            .query
            .contains(&("integration_id".into(), "CFRPV98RPR1U8".into())));
        let refs = read(ROUTES);
        let mut lookups = Lookups::new();
        lookups.insert(
            ESCALATION_CHAIN.to_string(),
            vec![Choice::new("F5JU6KJET33FE", "Primary on-call")],
        );
        assert_eq!(
            refs.of("CFRPV98RPR1U8", &lookups),
            [
                "Route “us-(east|west)” → escalation chain Primary on-call, Slack CH23212D",
                "Default route → escalation chain Primary on-call, Slack CH23212D",
            ]
        );
        assert!(!refs.names("CXXXXXXXXXXXX"));
    }

    #[test]
    fn a_route_that_sends_nowhere_does_not_use_its_integration() {
        let body = json!({"count": 2, "next": null, "results": [
            {"id": "R1", "integration_id": "CA", "escalation_chain_id": null, "routing_regex": ".*", "is_the_last_route": true,
             "slack": {"channel_id": "C1", "enabled": false}, "telegram": {"id": null, "enabled": true}},
            {"id": "R2", "integration_id": "CB", "escalation_chain_id": null, "is_the_last_route": true,
             "telegram": {"id": "T1", "enabled": true}},
        ]});
        let refs = read(&body.to_string());
        assert!(
            !refs.names("CA"),
            "a disabled Slack channel and no chain send nowhere"
        );
        assert_eq!(
            refs.of("CB", &Lookups::new()),
            ["Default route → Telegram T1"]
        );
    }
}
