//! Drift: what changed between an earlier inventory export and the integrations as they are
//! now. Records are matched by connection and id; a change is listed field by field, and a
//! secret target is compared by its fingerprint, so neither side is ever shown.

use serde_json::{json, Value};

use super::inventory::{filters_pass, InventoryRow};
use super::safety::fingerprint;

/// One integration as an export recorded it, or as it is now, in the fields drift compares.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub vendor: String,
    pub connection: String,
    pub connection_label: String,
    pub id: String,
    pub name: String,
    pub kind: String,
    pub vendor_kind: String,
    /// The target as shown (masked when it is a secret).
    pub target: Option<String>,
    pub target_fingerprint: Option<String>,
    pub host: Option<String>,
    pub enabled: Option<bool>,
}

impl Entry {
    /// Whether it passes the inventory's filters, as a row of the list would.
    pub fn passes(&self, filters: &[(String, String)]) -> bool {
        filters_pass(
            filters,
            (&self.vendor, &self.connection, &self.kind),
            self.enabled,
            self.host.as_deref(),
        )
    }
}

/// An earlier export: its entries and the filters it was made with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Earlier {
    pub entries: Vec<Entry>,
    pub filters: Vec<(String, String)>,
    pub exported_at: String,
}

/// Reads an inventory export; anything else is refused with the reason.
pub fn read_export(text: &str) -> Result<Earlier, String> {
    let json: Value =
        serde_json::from_str(text).map_err(|_| "This file is not JSON.".to_string())?;
    if json.get("format").and_then(Value::as_str) != Some("patchbay.inventory/1") {
        return Err(
            "This is not a Patchbay inventory export (format patchbay.inventory/1).".into(),
        );
    }
    let text_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let entries = json
        .get("integrations")
        .and_then(Value::as_array)
        .ok_or("The export holds no integrations list.")?
        .iter()
        .filter_map(|item| {
            Some(Entry {
                vendor: text_of(item, "vendor")?,
                connection: text_of(item, "connection")?,
                connection_label: text_of(item, "connection_label").unwrap_or_default(),
                id: text_of(item, "id")?,
                name: text_of(item, "name").unwrap_or_default(),
                kind: text_of(item, "kind").unwrap_or_default(),
                vendor_kind: text_of(item, "vendor_kind").unwrap_or_default(),
                target: text_of(item, "target"),
                target_fingerprint: text_of(item, "target_fingerprint"),
                host: text_of(item, "host"),
                enabled: item.get("enabled").and_then(Value::as_bool),
            })
        })
        .collect();
    let filters = json
        .get("filters")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
        .collect();
    Ok(Earlier {
        entries,
        filters,
        exported_at: text_of(&json, "exported_at").unwrap_or_default(),
    })
}

/// A row as drift compares it: what an export of it would record.
pub fn entry_of(row: &InventoryRow) -> Entry {
    Entry {
        vendor: row.vendor.slug().into(),
        connection: row.connection_id.clone(),
        connection_label: row.connection.clone(),
        id: row.id.clone(),
        name: row.name.clone(),
        kind: row.kind.slug().into(),
        vendor_kind: row.vendor_kind.clone(),
        target: row.shown_target(),
        target_fingerprint: row
            .target
            .as_deref()
            .filter(|_| row.target_secret)
            .map(fingerprint),
        host: row.host.clone(),
        enabled: row.enabled,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    Changed,
}

impl Change {
    pub fn slug(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Changed => "changed",
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            Change::Added => "Added",
            Change::Removed => "Removed",
            Change::Changed => "Changed",
        }
    }
}

/// One difference: the entry (as it is now, or as it was when removed) and, for a change,
/// each field's before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub change: Change,
    pub entry: Entry,
    pub fields: Vec<(&'static str, String, String)>,
}

/// What changed from `earlier` to `now`, in the order of `now`, removals last.
pub fn compare(earlier: &[Entry], now: &[Entry]) -> Vec<Difference> {
    let same = |a: &Entry, b: &Entry| a.connection == b.connection && a.id == b.id;
    let mut out = Vec::new();
    for entry in now {
        match earlier.iter().find(|e| same(e, entry)) {
            None => out.push(Difference {
                change: Change::Added,
                entry: entry.clone(),
                fields: Vec::new(),
            }),
            Some(before) => {
                let fields = changed_fields(before, entry);
                if !fields.is_empty() {
                    out.push(Difference {
                        change: Change::Changed,
                        entry: entry.clone(),
                        fields,
                    });
                }
            }
        }
    }
    for entry in earlier.iter().filter(|e| !now.iter().any(|n| same(e, n))) {
        out.push(Difference {
            change: Change::Removed,
            entry: entry.clone(),
            fields: Vec::new(),
        });
    }
    out
}

fn changed_fields(before: &Entry, after: &Entry) -> Vec<(&'static str, String, String)> {
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let flag = |v: Option<bool>| match v {
        Some(true) => "enabled".to_string(),
        Some(false) => "disabled".to_string(),
        None => "—".to_string(),
    };
    let mut fields = Vec::new();
    let mut differs = |name: &'static str, a: String, b: String| {
        if a != b {
            fields.push((name, a, b));
        }
    };
    differs("name", before.name.clone(), after.name.clone());
    differs("kind", before.kind.clone(), after.kind.clone());
    differs(
        "vendor kind",
        before.vendor_kind.clone(),
        after.vendor_kind.clone(),
    );
    differs("enabled", flag(before.enabled), flag(after.enabled));
    // A secret is compared by fingerprint and never shown: only that it changed.
    match (&before.target_fingerprint, &after.target_fingerprint) {
        (None, None) => differs("target", shown(&before.target), shown(&after.target)),
        (a, b) if a != b => fields.push(("target", "a secret".into(), "another secret".into())),
        _ => {}
    }
    fields
}

/// The differences as JSON, to keep or to share: secrets as fingerprints only.
pub fn to_json(differences: &[Difference], earlier_at: &str, now_at: &str) -> String {
    let items: Vec<Value> = differences
        .iter()
        .map(|d| {
            json!({
                "change": d.change.slug(),
                "vendor": d.entry.vendor,
                "connection": d.entry.connection,
                "id": d.entry.id,
                "name": d.entry.name,
                "fields": d.fields.iter().map(|(f, a, b)| json!({"field": f, "before": a, "after": b})).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({
        "format": "patchbay.drift/1",
        "since": earlier_at,
        "at": now_at,
        "differences": items,
    }))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::inventory::{InventoryRow, NormalKind};
    use crate::domain::inventory_export::to_json as export;
    use crate::domain::vendor::Vendor;

    fn row(id: &str, name: &str, target: &str, secret: bool) -> InventoryRow {
        InventoryRow {
            vendor: Vendor::Confluent,
            connection_id: "prod".into(),
            connection: "Prod".into(),
            id: id.into(),
            name: name.into(),
            kind: NormalKind::Webhook,
            vendor_kind: "Webhook".into(),
            target: Some(target.into()),
            target_secret: secret,
            host: crate::domain::inventory::host_of(target),
            enabled: Some(true),
            created: None,
            updated: None,
            haystack: String::new(),
            findings: Vec::new(),
        }
    }

    #[test]
    fn added_removed_renamed_retargeted_and_rotated_are_told_apart() {
        let before = vec![
            row("1", "Kept", "https://a.example.com/x", false),
            row("2", "Old name", "https://a.example.com/y", false),
            row("3", "Moves", "https://a.example.com/z", false),
            row(
                "4",
                "Rotated",
                "https://hooks.slack.com/services/T/B/secret-one-1111",
                true,
            ),
            row("5", "Gone", "https://a.example.com/g", false),
        ];
        let text = export(&before, &[], "2026-11-01T00:00:00Z");
        let earlier = read_export(&text).unwrap();
        assert_eq!(earlier.exported_at, "2026-11-01T00:00:00Z");
        let mut after = before[..4].to_vec();
        after[1].name = "New name".into();
        after[2].target = Some("https://b.example.com/z".into());
        after[2].host = Some("b.example.com".into());
        after[3].target = Some("https://hooks.slack.com/services/T/B/secret-two-2222".into());
        after.push(row("6", "Fresh", "https://a.example.com/f", false));
        let now: Vec<Entry> = after.iter().map(entry_of).collect();
        let found = compare(&earlier.entries, &now);
        let summary: Vec<(Change, &str)> = found
            .iter()
            .map(|d| (d.change, d.entry.name.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (Change::Changed, "New name"),
                (Change::Changed, "Moves"),
                (Change::Changed, "Rotated"),
                (Change::Added, "Fresh"),
                (Change::Removed, "Gone")
            ]
        );
        assert_eq!(
            found[0].fields,
            [("name", "Old name".into(), "New name".into())]
        );
        assert_eq!(
            found[1].fields,
            [(
                "target",
                "https://a.example.com/z".into(),
                "https://b.example.com/z".into()
            )]
        );
        assert_eq!(
            found[2].fields,
            [("target", "a secret".into(), "another secret".into())]
        );
        let drift = to_json(&found, &earlier.exported_at, "2026-11-30T00:00:00Z");
        assert!(
            !drift.contains("secret-one") && !drift.contains("secret-two"),
            "{drift}"
        );
    }

    #[test]
    fn differences_filter_like_the_list_by_what_each_entry_recorded() {
        let mut slack = row("1", "Hook", "https://hooks.slack.com/services/T/B/x", true);
        slack.kind = NormalKind::Slack;
        slack.enabled = Some(false);
        let entry = entry_of(&slack);
        let f = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect()
        };
        assert!(entry.passes(&[]));
        assert!(entry.passes(&f(&[("vendor", "confluent"), ("kind", "slack")])));
        assert!(entry.passes(&f(&[("enabled", "false"), ("host", "hooks.slack.com")])));
        assert!(entry.passes(&f(&[("connection", "prod")])));
        assert!(!entry.passes(&f(&[("enabled", "true")])));
        assert!(!entry.passes(&f(&[("kind", "webhook")])));
        assert!(!entry.passes(&f(&[("connection", "staging")])));
    }

    #[test]
    fn other_files_are_refused_with_the_reason() {
        assert!(read_export("not json").unwrap_err().contains("not JSON"));
        assert!(read_export(r#"{"format": "patchbay.connections/1"}"#)
            .unwrap_err()
            .contains("not a Patchbay inventory export"));
        let odd = r#"{"format": "patchbay.inventory/1", "integrations": [{"id": "x"}, 7, {"vendor": "confluent", "connection": "c", "id": "y"}], "filters": {"kind": "slack"}}"#;
        let read = read_export(odd).unwrap();
        assert_eq!(
            read.entries.len(),
            1,
            "entries without vendor, connection and id are skipped"
        );
        assert_eq!(read.filters, [("kind".to_string(), "slack".to_string())]);
    }
}
