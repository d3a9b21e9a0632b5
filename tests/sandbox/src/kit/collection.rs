//! A vendor's stored records: kept in insertion order (lists page through them in that order)
//! and found by the field that holds their id (`id`, `_id`, `integrationId`).

use serde_json::Value;

pub struct Collection {
    items: Vec<Value>,
    id_key: &'static str,
    /// Bumped by every change, so remembered matches know when they are stale.
    version: u64,
    found: Option<Found>,
}

/// The positions one list query matched, at one version of the collection.
struct Found {
    version: u64,
    query: String,
    positions: Vec<usize>,
}

impl Collection {
    pub fn new(id_key: &'static str) -> Self {
        Collection {
            items: Vec::new(),
            id_key,
            version: 0,
            found: None,
        }
    }

    pub fn push(&mut self, item: Value) {
        self.version += 1;
        self.items.push(item);
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Value> {
        self.items.iter()
    }

    pub fn get(&self, id: &str) -> Option<&Value> {
        self.items.iter().find(|item| self.id_of(item) == Some(id))
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Value> {
        self.version += 1;
        let key = self.id_key;
        self.items
            .iter_mut()
            .find(|item| item.get(key).and_then(Value::as_str) == Some(id))
    }

    /// Takes the record out; `None` when there is no such record.
    pub fn remove(&mut self, id: &str) -> Option<Value> {
        self.version += 1;
        let at = self
            .items
            .iter()
            .position(|item| self.id_of(item) == Some(id))?;
        Some(self.items.remove(at))
    }

    /// Whether a record other than `except` matches: for vendors that refuse duplicates
    /// (OnCall: one name per team).
    pub fn any_other(&self, except: Option<&str>, matches: impl Fn(&Value) -> bool) -> bool {
        self.items
            .iter()
            .filter(|item| except.is_none() || self.id_of(item) != except)
            .any(matches)
    }

    /// The records `matches` keeps, in order. What a `query` matched is remembered until the
    /// collection changes: a vendor pages a long list through its database's indexes, so
    /// page 300 of 30,000 records costs about what page 1 does, not a walk over every record.
    /// `query` must name everything `matches` depends on.
    pub fn matching(&mut self, query: &str, matches: impl Fn(&Value) -> bool) -> Vec<&Value> {
        let fresh = self
            .found
            .as_ref()
            .is_some_and(|f| f.version == self.version && f.query == query);
        if !fresh {
            let positions = (0..self.items.len())
                .filter(|&at| matches(&self.items[at]))
                .collect();
            self.found = Some(Found {
                version: self.version,
                query: query.to_string(),
                positions,
            });
        }
        let positions = self.found.as_ref().map_or(&[][..], |f| &f.positions[..]);
        positions.iter().map(|&at| &self.items[at]).collect()
    }

    fn id_of<'a>(&self, item: &'a Value) -> Option<&'a str> {
        item.get(self.id_key).and_then(Value::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn records_are_found_by_their_own_id_field_and_keep_their_order() {
        let mut records = Collection::new("_id");
        records.push(json!({"_id": "a", "name": "one"}));
        records.push(json!({"_id": "b", "name": "two"}));
        assert_eq!(records.get("b").unwrap()["name"], "two");
        records.get_mut("a").unwrap()["name"] = json!("uno");
        assert_eq!(
            records
                .iter()
                .map(|r| r["name"].clone())
                .collect::<Vec<_>>(),
            [json!("uno"), json!("two")]
        );
        assert!(records.any_other(Some("a"), |r| r["name"] == "two"));
        assert!(!records.any_other(Some("b"), |r| r["name"] == "two"));
        assert_eq!(records.remove("a").unwrap()["_id"], "a");
        assert!(records.remove("a").is_none());
        assert_eq!(records.len(), 1);
    }

    #[test]
    fn remembered_matches_follow_every_change() {
        let mut records = Collection::new("id");
        for (id, kind) in [("a", "x"), ("b", "y"), ("c", "x")] {
            records.push(json!({"id": id, "kind": kind}));
        }
        let ids = |records: &mut Collection, kind: &str| {
            records
                .matching(kind, |r| r["kind"] == kind)
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&mut records, "x"), ["a", "c"]);
        assert_eq!(ids(&mut records, "y"), ["b"]);
        records.push(json!({"id": "d", "kind": "x"}));
        assert_eq!(ids(&mut records, "x"), ["a", "c", "d"]);
        records.get_mut("a").unwrap()["kind"] = json!("y");
        assert_eq!(ids(&mut records, "x"), ["c", "d"]);
        records.remove("c");
        assert_eq!(ids(&mut records, "x"), ["d"]);
        assert_eq!(ids(&mut records, "y"), ["a", "b"]);
    }
}
