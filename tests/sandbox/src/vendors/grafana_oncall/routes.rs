//! Routes (`GET /api/v1/routes/`), as the engine lists them: every integration's routes in
//! order, its default route last (`is_the_last_route`), filtered by `integration_id` and
//! paged like every list (25 a page unless `perpage` says). A default route is the one its
//! integration holds, so an edit of the integration shows here; the others are seeded (the
//! document's example route) or given in the reset's `routes` option. An integration's
//! routes go with it.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Response;
use serde_json::{json, Value};

use super::handlers::page;
use crate::state::{lock, Sandbox};

/// The document's example route, on the example integration, and any the reset gives.
pub fn seeded(options: &Value) -> Vec<Value> {
    let mut routes = vec![json!({
        "id": "RIYGUJXCPFHXY",
        "integration_id": "CFRPV98RPR1U8",
        "escalation_chain_id": "F5JU6KJET33FE",
        "routing_type": "regex",
        "routing_regex": "us-(east|west)",
        "slack": {"channel_id": "CH23212D", "enabled": true},
        "telegram": {"id": null, "enabled": false},
    })];
    for (n, given) in options["routes"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let mut route = json!({
            "id": format!("RGIVEN{n:07}"),
            "escalation_chain_id": null,
            "routing_type": "regex",
            "routing_regex": ".*",
            "slack": {"channel_id": null, "enabled": true},
            "telegram": {"id": null, "enabled": false},
        });
        if let (Some(route), Some(given)) = (route.as_object_mut(), given.as_object()) {
            route.extend(given.clone());
        }
        routes.push(route);
    }
    routes
}

pub async fn list(
    State(sandbox): State<Arc<Sandbox>>,
    Query(params): Query<std::collections::HashMap<String, String>>,
) -> Response {
    let state = lock(&sandbox.vendors.grafana_oncall);
    let only = params.get("integration_id");
    let mut all = Vec::new();
    for integration in state.integrations.iter() {
        let Some(id) = integration["id"].as_str() else {
            continue;
        };
        if only.is_some_and(|only| only != id) {
            continue;
        }
        let others = state.routes.iter().filter(|r| r["integration_id"] == id);
        let mut position = 0;
        for route in others {
            let mut route = route.clone();
            route["position"] = json!(position);
            route["is_the_last_route"] = json!(false);
            all.push(route);
            position += 1;
        }
        let default = &integration["default_route"];
        all.push(json!({
            "id": default["id"],
            "integration_id": id,
            "escalation_chain_id": default["escalation_chain_id"],
            "routing_type": "regex",
            "routing_regex": ".*",
            "position": position,
            "is_the_last_route": true,
            "slack": default["slack"],
            "telegram": default["telegram"],
        }));
    }
    page(
        &sandbox,
        "/api/v1/routes/",
        all.iter().collect(),
        Value::clone,
        &params,
        25,
    )
}
