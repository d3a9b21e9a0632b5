//! A vendor's quota on integrations, where its API reports one (Confluent's Service Quotas
//! API): how many are allowed and how many are used, so the inventory can warn before the
//! vendor refuses the next create.

use serde_json::Value;

use super::request::Request;

/// One quota as the vendor reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quota {
    /// The vendor's name for it (`integrations_per_org`).
    pub name: String,
    pub limit: u64,
    pub used: u64,
}

impl Quota {
    /// Four fifths or more of it used: time to clean up before a create is refused.
    pub fn near(&self) -> bool {
        self.limit > 0 && self.used * 5 >= self.limit * 4
    }

    /// "412 of 500 used (integrations_per_org)".
    pub fn said(&self) -> String {
        format!("{} of {} used ({})", self.used, self.limit, self.name)
    }
}

/// Where a vendor reports its quota on integrations, and how to read the answer; `counted`
/// is how many integrations the connection's list holds, for a quota reported without usage.
pub struct QuotaRead {
    pub request: Request,
    pub read: fn(&Value, u64) -> Option<Quota>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_is_four_fifths_or_more_of_a_real_limit() {
        let quota = |used, limit| Quota {
            name: "q".into(),
            limit,
            used,
        };
        assert!(!quota(799, 1000).near());
        assert!(quota(800, 1000).near());
        assert!(quota(1000, 1000).near());
        assert!(!quota(0, 0).near(), "no limit reported");
        assert_eq!(quota(412, 500).said(), "412 of 500 used (q)");
    }
}
