//! How a loaded list keeps its records: each one as its compact JSON text. A parsed
//! `serde_json::Value` tree of an OnCall integration takes about eight times the memory of its
//! text (every nested object is a map node of its own), and a list only reads a record's tree
//! twice: once when its row is made, and whenever it is on the view page.

use serde_json::Value;

use crate::domain::Record;

/// One record of a cached list, as text until it is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptRecord {
    pub id: String,
    json: Box<str>,
}

impl KeptRecord {
    pub fn keep(record: Record) -> KeptRecord {
        KeptRecord {
            json: record.raw.to_string().into_boxed_str(),
            id: record.id,
        }
    }

    /// The record as the vendor sent it. The text was written from a `Value`, so it reads
    /// back; were it ever not to, the record reads as `null` rather than stopping the page.
    pub fn record(&self) -> Record {
        Record {
            id: self.id.clone(),
            raw: serde_json::from_str(&self.json).unwrap_or(Value::Null),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_kept_record_reads_back_exactly_as_it_came() {
        let raw = json!({
            "id": "C1", "name": "Ünïcode \"quoted\" \\ name", "n": 12.5, "big": 9007199254740993u64,
            "nested": {"a": [1, null, true, {"b": "c"}]}, "empty": {}
        });
        let kept = KeptRecord::keep(Record {
            id: "C1".into(),
            raw: raw.clone(),
        });
        assert_eq!(
            kept.record(),
            Record {
                id: "C1".into(),
                raw
            }
        );
        assert_eq!(kept.id, "C1");
    }

    #[test]
    fn the_text_is_compact() {
        let kept = KeptRecord::keep(Record {
            id: "x".into(),
            raw: json!({"a": {"b": [1, 2]}}),
        });
        assert_eq!(&*kept.json, r#"{"a":{"b":[1,2]}}"#);
    }
}
