//! The change journal: every write made through Patchbay, kept in the browser, as a file that
//! exports and loads again. An entry says when, where, to what, which operation, what changed
//! field by field (secrets as fingerprints only) and how it ended.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::change::FieldChange;

/// The journal file's format tag.
pub const FORMAT: &str = "patchbay.journal/1";
/// Entries kept in the browser; the oldest go first beyond it (an export keeps them).
pub const KEPT: usize = 2_000;

/// One write made through Patchbay.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// When it was sent (ISO 8601, UTC).
    pub at: String,
    pub connection: String,
    #[serde(default)]
    pub connection_label: String,
    /// The vendor's slug.
    pub vendor: String,
    /// The integration's id ("" for a create the vendor refused).
    #[serde(default)]
    pub integration: String,
    #[serde(default)]
    pub name: String,
    /// `create`, `update`, `delete`, or the vendor action's own name ("Start maintenance").
    pub operation: String,
    #[serde(default)]
    pub changes: Vec<FieldChange>,
    pub ok: bool,
    /// Why it failed, in the words shown at the time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The journal page's filters, as the address holds them: each empty for any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub connection: String,
    pub integration: String,
    /// `ok` or `failed`.
    pub outcome: String,
    /// The search, lower-cased.
    pub needle: String,
}

impl Entry {
    /// Whether it passes the journal page's filters and search.
    pub fn passes(&self, filter: &Filter) -> bool {
        let Filter {
            connection,
            integration,
            outcome,
            needle,
        } = filter;
        (connection.is_empty() || self.connection == *connection)
            && (integration.is_empty() || self.integration == *integration)
            && match outcome.as_str() {
                "ok" => self.ok,
                "failed" => !self.ok,
                _ => true,
            }
            && (needle.is_empty() || self.mentions(needle))
    }

    fn mentions(&self, needle: &str) -> bool {
        [
            &self.name,
            &self.connection_label,
            &self.operation,
            &self.integration,
        ]
        .into_iter()
        .chain(self.changes.iter().map(|c| &c.field))
        .chain(&self.error)
        .any(|text| text.to_lowercase().contains(needle))
    }
}

/// Adds entries to a journal: the same write (time, connection, integration, operation) is
/// kept once, the newest first, and no more than `KEPT`.
pub fn merge(journal: &mut Vec<Entry>, more: Vec<Entry>) {
    for entry in more {
        let same = |e: &Entry| {
            e.at == entry.at
                && e.connection == entry.connection
                && e.integration == entry.integration
                && e.operation == entry.operation
        };
        if !journal.iter().any(same) {
            // In place, newest first: no sort of its own (a sort costs the wasm more).
            let at = journal.partition_point(|e| e.at > entry.at);
            journal.insert(at, entry);
        }
    }
    journal.truncate(KEPT);
}

/// The journal as a file.
pub fn to_json(entries: &[Entry], exported_at: &str) -> String {
    let file = json!({"format": FORMAT, "exported_at": exported_at, "entries": entries});
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a journal file; anything else is refused with the reason. Entries that cannot be
/// read are skipped.
pub fn read(text: &str) -> Result<Vec<Entry>, String> {
    let file: Value =
        serde_json::from_str(text).map_err(|_| "This file is not JSON.".to_string())?;
    if file.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(format!(
            "This is not a Patchbay change journal (format {FORMAT})."
        ));
    }
    Ok(file
        .get("entries")
        .and_then(Value::as_array)
        .map(|all| {
            all.iter()
                .filter_map(|e| serde_json::from_value(e.clone()).ok())
                .collect()
        })
        .unwrap_or_default())
}

/// Whether the journal holds a write that succeeded on this integration since `since`: a
/// change drift finds without one was made elsewhere.
pub fn made_here(journal: &[Entry], connection: &str, integration: &str, since: &str) -> bool {
    journal.iter().any(|e| {
        e.ok && e.connection == connection && e.integration == integration && e.at.as_str() >= since
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(at: &str, integration: &str, ok: bool) -> Entry {
        Entry {
            at: at.into(),
            connection: "prod".into(),
            connection_label: "Production".into(),
            vendor: "confluent".into(),
            integration: integration.into(),
            name: "Billing hook".into(),
            operation: "update".into(),
            changes: vec![FieldChange {
                field: "Webhook URL".into(),
                before: "a secret (fingerprint 01234567)".into(),
                after: "a secret (fingerprint 89abcdef)".into(),
            }],
            ok,
            error: (!ok).then(|| "The vendor refused: 400".into()),
        }
    }

    #[test]
    fn the_journal_round_trips_through_its_file() {
        let entries = vec![
            entry("2026-11-30T10:00:00Z", "i-1", true),
            entry("2026-11-30T09:00:00Z", "i-2", false),
        ];
        let text = to_json(&entries, "2026-11-30T11:00:00Z");
        assert_eq!(read(&text).unwrap(), entries);
        assert!(read("[]")
            .unwrap_err()
            .contains("not a Patchbay change journal"));
        assert!(read("nope").unwrap_err().contains("not JSON"));
        let odd = format!(
            r#"{{"format": "{FORMAT}", "entries": [{{"at": 1}}, {}]}}"#,
            serde_json::to_string(&entries[0]).unwrap()
        );
        assert_eq!(
            read(&odd).unwrap(),
            [entries[0].clone()],
            "an unreadable entry is skipped"
        );
    }

    #[test]
    fn merging_keeps_each_write_once_newest_first_and_at_most_kept() {
        let mut journal = vec![entry("2026-11-30T09:00:00Z", "i-1", true)];
        merge(
            &mut journal,
            vec![
                entry("2026-11-30T10:00:00Z", "i-2", true),
                entry("2026-11-30T09:00:00Z", "i-1", true),
            ],
        );
        let order: Vec<&str> = journal.iter().map(|e| e.integration.as_str()).collect();
        assert_eq!(order, ["i-2", "i-1"]);
        let many = (0..KEPT + 5)
            .map(|n| entry(&format!("2026-01-01T00:00:{n:05}Z"), "i", true))
            .collect();
        merge(&mut journal, many);
        assert_eq!(journal.len(), KEPT);
        assert_eq!(journal[0].at, "2026-11-30T10:00:00Z", "newest first");
        assert!(
            !journal.iter().any(|e| e.at == "2026-01-01T00:00:00000Z"),
            "the oldest went"
        );
    }

    #[test]
    fn filters_read_connection_outcome_and_words() {
        let f = |connection: &str, outcome: &str, needle: &str| Filter {
            connection: connection.into(),
            outcome: outcome.into(),
            needle: needle.into(),
            ..Filter::default()
        };
        let (ok, failed) = (
            entry("2026-11-30T10:00:00Z", "i-1", true),
            entry("2026-11-30T10:00:00Z", "i-1", false),
        );
        assert!(ok.passes(&f("prod", "ok", "billing")));
        assert!(!ok.passes(&f("staging", "", "")));
        assert!(!ok.passes(&f("", "failed", "")));
        assert!(failed.passes(&f("", "failed", "refused")));
        assert!(
            ok.passes(&f("", "", "webhook url")),
            "a changed field's name"
        );
        assert!(
            !ok.passes(&f("", "", "fingerprint")),
            "never what a secret was"
        );
        let one = Filter {
            integration: "i-1".into(),
            ..Filter::default()
        };
        assert!(ok.passes(&one));
        assert!(!ok.passes(&Filter {
            integration: "i-2".into(),
            ..Filter::default()
        }));
    }

    #[test]
    fn a_change_is_made_here_only_with_a_successful_write_since() {
        let journal = vec![
            entry("2026-11-30T10:00:00Z", "i-1", true),
            entry("2026-11-30T12:00:00Z", "i-2", false),
        ];
        assert!(made_here(&journal, "prod", "i-1", "2026-11-30T09:00:00Z"));
        assert!(
            !made_here(&journal, "prod", "i-1", "2026-11-30T11:00:00Z"),
            "before the export"
        );
        assert!(
            !made_here(&journal, "prod", "i-2", "2026-11-30T09:00:00Z"),
            "it failed"
        );
        assert!(!made_here(&journal, "other", "i-1", "2026-11-30T09:00:00Z"));
    }
}
