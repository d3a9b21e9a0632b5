//! The Service Quotas API's organisation quotas (`GET /service-quota/v1/applied-quotas?scope=
//! ORGANIZATION`): one of Confluent's own examples, and the quota on notification integrations
//! (`integrations_per_org`, the name the notifications documents give it; its code is not in
//! Confluent's published table) with its applied limit (the reset's `quota`, which creates past
//! it meet as 402) and its usage. `scope` is required, as the spec says.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::failure::{self, Problem};
use crate::state::{lock, Sandbox};

pub async fn applied(
    State(sandbox): State<Arc<Sandbox>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(scope) = query.get("scope") else {
        let problem = Problem {
            code: "invalid_parameter",
            title: "Missing Parameter",
            detail: "scope is required".into(),
            pointer: None,
            parameter: Some("scope"),
        };
        return failure::one(StatusCode::BAD_REQUEST, problem);
    };
    let state = lock(&sandbox.vendors.confluent);
    let data = if scope == "ORGANIZATION" {
        json!([
            {"api_version": "service-quota/v1", "kind": "AppliedQuota", "id": "iam.max_environments.per_org", "scope": "ORGANIZATION", "display_name": "Environments Per Organization", "default_limit": 25, "applied_limit": 25, "usage": 1},
            {"api_version": "service-quota/v1", "kind": "AppliedQuota", "id": "integrations_per_org", "scope": "ORGANIZATION", "display_name": "Notification Integrations Per Organization", "default_limit": 1000, "applied_limit": state.quota, "usage": state.integrations.len()},
        ])
    } else {
        json!([])
    };
    Json(json!({"api_version": "service-quota/v1", "kind": "AppliedQuotaList", "metadata": {"next": null}, "data": data})).into_response()
}
