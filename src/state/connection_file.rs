//! The connections file: what export writes, import reads, this browser saves and a
//! deployment ships as `public/connections.json`, and the rules a connection in it must pass.
//! It sits above both the connection and its form (it checks one with the other).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::connection::Connection;
use super::connection_form::{draft_from, settings_form};
use crate::domain::pointer;
use crate::domain::Vendor;

/// The version tag of the connections file.
pub const FILE_FORMAT: &str = "patchbay.connections/1";

#[derive(Serialize, Deserialize)]
struct ConnectionsFile {
    format: String,
    connections: Vec<Value>,
}

/// The export file: connections with their settings, and not one secret. `kept` are saved
/// entries this version could not read; they travel on unchanged rather than being lost.
pub fn export_file(connections: &[Connection], kept: &[Value]) -> String {
    let file = ConnectionsFile {
        format: FILE_FORMAT.into(),
        connections: connections
            .iter()
            .map(|c| serde_json::to_value(c).expect("connections serialise"))
            .chain(kept.iter().cloned())
            .collect(),
    };
    serde_json::to_string_pretty(&file).expect("connections serialise")
}

/// The published demo credentials of the preset's demo entries, by connection id: only entries
/// marked `"demo": true` count, and only their `secrets`. Nothing else in any file is a secret
/// Patchbay takes.
pub fn demo_secrets(text: &str) -> Vec<(String, Map<String, Value>)> {
    file_entries(text)
        .unwrap_or_default()
        .into_iter()
        .filter(|entry| entry.get("demo") == Some(&Value::Bool(true)))
        .filter_map(|entry| {
            let id = entry.get("id")?.as_str()?.to_string();
            let secrets = entry.get("secrets")?.as_object()?.clone();
            Some((id, secrets))
        })
        .collect()
}

/// What an import found: the connections it can use and a line per entry it could not.
#[derive(Debug, Default, PartialEq)]
pub struct Imported {
    pub connections: Vec<Connection>,
    pub problems: Vec<String>,
}

/// Reads a connections file (or a bare list of connections). Secrets in it are ignored:
/// `secrets` keys are dropped and settings that belong to secret fields are discarded. An
/// entry that fails today's rules, or repeats an id seen earlier in the file, is refused.
pub fn import_file(text: &str) -> Result<Imported, String> {
    let mut imported = Imported::default();
    for (index, entry) in file_entries(text)?.into_iter().enumerate() {
        let checked = read_entry(entry).and_then(|connection| match problem_of(&connection) {
            Some(problem) => Err(format!("“{}”: {problem}", shorten(&connection.label))),
            None => Ok(connection),
        });
        let checked = checked.and_then(|connection| {
            match imported
                .connections
                .iter()
                .position(|c| c.id == connection.id)
            {
                Some(_) => Err(format!(
                    "“{}”: the id “{}” appears earlier in this file; only the first is imported",
                    shorten(&connection.label),
                    shorten(&connection.id)
                )),
                None => Ok(connection),
            }
        });
        match checked {
            Ok(connection) => imported.connections.push(connection),
            Err(problem) => {
                imported
                    .problems
                    .push(format!("Entry {}: {}", index + 1, shorten(&problem)))
            }
        }
    }
    Ok(imported)
}

/// Saved connections, read leniently: an entry that fails today's rules is kept (and shown as
/// needing attention), one that cannot be read at all is kept as it was, so nothing saved is
/// ever dropped and then erased by the next save.
#[derive(Debug, Default, PartialEq)]
pub struct Saved {
    pub connections: Vec<Connection>,
    pub unreadable: Vec<Value>,
}

pub fn read_saved(text: &str) -> Result<Saved, String> {
    let mut saved = Saved::default();
    for entry in file_entries(text)? {
        match read_entry(entry.clone()) {
            Ok(connection) if !saved.connections.iter().any(|c| c.id == connection.id) => {
                saved.connections.push(connection)
            }
            _ => saved.unreadable.push(entry),
        }
    }
    Ok(saved)
}

/// Why a connection cannot be used as it is (it fails today's rules), or `None`. Requests are
/// never sent for such a connection; it stays editable and exportable.
pub fn problem_of(connection: &Connection) -> Option<String> {
    if let Some(problem) = id_problem(&connection.id) {
        return Some(format!("id {problem}"));
    }
    let draft = draft_from(connection);
    let errors = crate::domain::validate(&settings_form(connection.vendor), &draft);
    let first = errors.iter().next().map(|(pointer, messages)| {
        format!(
            "{} {}",
            pointer.trim_start_matches('/'),
            messages.join(", ")
        )
    });
    first
}

/// Ids appear in this site's addresses and in storage keys: 1 to 64 letters, digits, `-`, `_`.
pub fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        return Some("is missing");
    }
    if id.len() > 64 {
        return Some("is longer than 64 characters");
    }
    if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Some("may only hold letters, digits, - and _");
    }
    None
}

fn file_entries(text: &str) -> Result<Vec<Value>, String> {
    let json: Value = serde_json::from_str(text)
        .map_err(|e| format!("Not a JSON file: {}.", shorten(&e.to_string())))?;
    match json {
        Value::Array(items) => Ok(items),
        Value::Object(mut object) => match object.remove("connections") {
            Some(Value::Array(items)) => Ok(items),
            _ => Err("No \"connections\" list in this file.".into()),
        },
        _ => Err("A connections file is a JSON object with a \"connections\" list.".into()),
    }
}

/// A connection as the entry describes it, secrets dropped; not yet checked against the rules.
fn read_entry(mut entry: Value) -> Result<Connection, String> {
    if let Some(object) = entry.as_object_mut() {
        object.remove("secrets");
    }
    let mut connection: Connection = serde_json::from_value(entry).map_err(|e| e.to_string())?;
    let secret_keys = secret_setting_keys(connection.vendor);
    connection
        .settings
        .retain(|key, _| !secret_keys.contains(key));
    crate::domain::registry::upgrade_settings(connection.vendor, &mut connection.settings);
    Ok(connection)
}

/// At most 160 characters of a vendor- or file-supplied text inside a message.
fn shorten(text: &str) -> String {
    const LIMIT: usize = 160;
    if text.chars().count() <= LIMIT {
        return text.to_string();
    }
    let head: String = text.chars().take(LIMIT).collect();
    format!("{head}…")
}

/// What an import did, against the connections already there, in the words the user reads.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub added: usize,
    pub replaced: usize,
    pub refused: Vec<String>,
}

impl ImportReport {
    pub fn new(existing: &[Connection], imported: &Imported) -> Self {
        let replaced = imported
            .connections
            .iter()
            .filter(|c| existing.iter().any(|e| e.id == c.id))
            .count();
        ImportReport {
            added: imported.connections.len() - replaced,
            replaced,
            refused: imported.problems.clone(),
        }
    }

    /// Whether anything was imported.
    pub fn changed(&self) -> bool {
        self.added + self.replaced > 0
    }

    /// "Imported 2 connections: 1 added, 1 replaced." or "Nothing was imported."
    pub fn summary(&self) -> String {
        if !self.changed() {
            return "Nothing was imported.".into();
        }
        let total = self.added + self.replaced;
        format!(
            "Imported {total} connection{}: {} added, {} replaced.",
            plural(total),
            self.added,
            self.replaced
        )
    }

    /// The refusals: the first few in full, then how many more (one line each in the UI).
    pub fn refusals(&self) -> Option<(String, Vec<String>)> {
        const SHOWN: usize = 5;
        if self.refused.is_empty() {
            return None;
        }
        let count = self.refused.len();
        let mut lines: Vec<String> = self.refused.iter().take(SHOWN).cloned().collect();
        if count > SHOWN {
            lines.push(format!("…and {} more.", count - SHOWN));
        }
        Some((
            format!(
                "{count} entr{} refused:",
                if count == 1 { "y" } else { "ies" }
            ),
            lines,
        ))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Keys of a vendor's secret credential fields: they may never be stored as settings.
fn secret_setting_keys(vendor: Vendor) -> Vec<String> {
    let form = crate::domain::FormSpec::new(vendor.credential_fields());
    let mut keys = Vec::new();
    collect_sensitive(&form.fields, &mut keys);
    keys
}

fn collect_sensitive(fields: &[crate::domain::FieldSpec], keys: &mut Vec<String>) {
    use crate::domain::FieldKind;
    for field in fields {
        if field.sensitive {
            if let Some(last) = pointer::tokens(&field.pointer).pop() {
                keys.push(last);
            }
        }
        match &field.kind {
            FieldKind::Group(children) => collect_sensitive(children, keys),
            FieldKind::OneOf(variants) => variants
                .iter()
                .for_each(|v| collect_sensitive(&v.fields, keys)),
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "connection_file_tests.rs"]
mod tests;
