//! Confluent's quota on notification integrations (`integrations_per_org`, which a create
//! past it meets as 402 `quota_exceeded`), read from the Service Quotas API's organisation
//! quotas. Its code is not in Confluent's table of quota codes, so the one whose code ends in
//! `integrations_per_org` is taken; where none is reported, there is no finding.

use crate::domain::quota::{Quota, QuotaRead};
use crate::domain::references::text_at;
use crate::domain::request::Request;

const NAME: &str = "integrations_per_org";

pub fn read() -> QuotaRead {
    QuotaRead {
        request: Request::get("/service-quota/v1/applied-quotas")
            .query("scope", "ORGANIZATION")
            .query("page_size", "100"),
        read: |answer, counted| {
            let quota = answer["data"]
                .as_array()?
                .iter()
                .find(|q| text_at(q, "/id").is_some_and(|id| id.ends_with(NAME)))?;
            Some(Quota {
                name: NAME.to_string(),
                limit: quota["applied_limit"].as_u64()?,
                used: quota["usage"].as_u64().unwrap_or(counted),
            })
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_integrations_quota_is_read_with_its_usage_or_the_count() {
        let answer = json!({"api_version": "service-quota/v1", "kind": "AppliedQuotaList", "metadata": {"next": null}, "data": [
            {"id": "iam.max_environments.per_org", "scope": "ORGANIZATION", "applied_limit": 25, "usage": 24},
            {"id": "integrations_per_org", "scope": "ORGANIZATION", "display_name": "Integrations per organization", "applied_limit": 50, "usage": 41},
        ]});
        let read = read();
        assert_eq!(read.request.path, "/service-quota/v1/applied-quotas");
        let quota = (read.read)(&answer, 3).expect("reported");
        assert_eq!(
            (quota.used, quota.limit),
            (41, 50),
            "the vendor's usage wins"
        );
        assert!(quota.near());
        let mut without = answer.clone();
        without["data"][1].as_object_mut().unwrap().remove("usage");
        assert_eq!(
            (read.read)(&without, 3).unwrap().used,
            3,
            "else what was counted"
        );
        let other = json!({"data": [{"id": "iam.max_environments.per_org", "applied_limit": 25}]});
        assert_eq!((read.read)(&other, 3), None, "another quota is no finding");
    }
}
