//! What uses an integration, read from the vendor's other objects that name it: ThousandEyes
//! alert rules, Grafana OnCall routes, Confluent subscriptions, ThousandEyes v7 operations and
//! their connectors. A vertical declares where they are (`Referrers`); `References` holds what
//! one connection's read found, so an integration's page, its delete and the inventory's
//! "unused" check all ask the same thing.

use serde_json::Value;

use super::listing::{Paging, RecordShape};
use super::records::{Lookups, Record};
use super::request::Request;

/// Where a vendor keeps the objects that name its integrations, and how to read them.
pub struct Referrers {
    /// What they are, plural and lower-case ("alert rules"): the page says what it read.
    pub noun: &'static str,
    /// The first page of their list; later pages follow `paging`.
    pub first: Request,
    /// The first page of only those that name one integration, where the vendor filters by
    /// it (OnCall's `integration_id`): an integration's page then reads a page, not them all.
    pub about: Option<fn(&str) -> Request>,
    pub records: RecordShape,
    pub paging: Paging,
    /// The read of one of them, where the list leaves out what it names (ThousandEyes lists
    /// alert rules without their notifications).
    pub detail: Option<fn(&Record) -> Request>,
    /// The integrations one names, as Patchbay's record ids; `detail` is its detail answer.
    pub names: fn(&Record, Option<&Value>) -> Vec<String>,
    /// How one uses the integration `about`, in a few words for the page and the delete
    /// ("Alert rule “Default HTTP”"); `lookups` name what ids it holds, where loaded.
    pub label: fn(&Record, Option<&Value>, &str, &Lookups) -> String,
}

/// One object that names integrations, with its detail answer when one was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Referrer {
    pub record: Record,
    pub detail: Option<Value>,
}

/// What one connection's read of its referrers found.
#[derive(Clone, Debug)]
pub struct References {
    pub noun: &'static str,
    referrers: Vec<Referrer>,
    /// `(integration id, index into referrers)`, sorted by id.
    named: Vec<(String, usize)>,
    label: fn(&Record, Option<&Value>, &str, &Lookups) -> String,
}

impl References {
    pub fn new(spec: &Referrers, referrers: Vec<Referrer>) -> Self {
        let mut named: Vec<(String, usize)> = referrers
            .iter()
            .enumerate()
            .flat_map(|(at, r)| {
                (spec.names)(&r.record, r.detail.as_ref())
                    .into_iter()
                    .map(move |id| (id, at))
            })
            .collect();
        named.sort_unstable();
        named.dedup();
        References {
            noun: spec.noun,
            referrers,
            named,
            label: spec.label,
        }
    }

    /// Whether anything read names the integration `id`.
    pub fn names(&self, id: &str) -> bool {
        self.first(id) < self.named.len() && self.named[self.first(id)].0 == id
    }

    /// How each referrer that names `id` uses it, in the vendor's order.
    pub fn of(&self, id: &str, lookups: &Lookups) -> Vec<String> {
        self.named[self.first(id)..]
            .iter()
            .take_while(|(named, _)| named == id)
            .map(|(_, at)| {
                let r = &self.referrers[*at];
                (self.label)(&r.record, r.detail.as_ref(), id, lookups)
            })
            .collect()
    }

    /// How many objects were read.
    pub fn len(&self) -> usize {
        self.referrers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.referrers.is_empty()
    }

    fn first(&self, id: &str) -> usize {
        self.named.partition_point(|(named, _)| named.as_str() < id)
    }
}

/// The text at `pointer` of a JSON value, when it is a non-empty string.
pub fn text_at<'a>(value: &'a Value, pointer: &str) -> Option<&'a str> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// For tests: the referrers of one list answer, without details.
#[cfg(test)]
pub fn listed(spec: &Referrers, body: &str) -> Vec<Referrer> {
    let response = super::request::Response::new(200, body);
    super::listing::read_list(&response, &spec.records, &spec.paging, None, &|_| {
        unreachable!("the fixture is a list")
    })
    .expect("the list reads")
    .records
    .into_iter()
    .map(|record| Referrer {
        record,
        detail: None,
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Referrers {
        Referrers {
            noun: "rules",
            first: Request::get("/rules"),
            about: None,
            records: RecordShape {
                items: "/rules",
                id: "/id",
            },
            paging: Paging::Unpaged,
            detail: None,
            names: |record, _| {
                record.raw["uses"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            },
            label: |record, _, about, _| format!("Rule {} on {about}", record.id),
        }
    }

    fn referrer(id: &str, uses: &[&str]) -> Referrer {
        Referrer {
            record: Record {
                id: id.into(),
                raw: json!({"id": id, "uses": uses}),
            },
            detail: None,
        }
    }

    #[test]
    fn each_integration_is_told_what_names_it_and_nothing_else() {
        let refs = References::new(
            &spec(),
            vec![
                referrer("r1", &["b", "a"]),
                referrer("r2", &["b", "b"]),
                referrer("r3", &[]),
            ],
        );
        let lookups = Lookups::new();
        assert!(refs.names("a") && refs.names("b"));
        assert!(!refs.names("c") && !refs.names("") && !refs.names("bb"));
        assert_eq!(refs.of("a", &lookups), ["Rule r1 on a"]);
        assert_eq!(
            refs.of("b", &lookups),
            ["Rule r1 on b", "Rule r2 on b"],
            "a rule naming it twice counts once"
        );
        assert!(refs.of("c", &lookups).is_empty());
        assert_eq!(refs.len(), 3);
    }
}
