//! A connection: one vendor account the console talks to. Its settings persist; its secrets
//! never travel with it (see `credentials`). The file format is what export writes, import
//! reads and a deployment ships as `public/connections.json`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::domain::pointer;
use crate::domain::{Credentials, Vendor};
use crate::http::{Route, Target};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Connection {
    pub id: String,
    pub vendor: Vendor,
    pub label: String,
    pub base_url: String,
    pub route: Route,
    /// Non-secret settings: an email, a user id, an API key id, an account group.
    #[serde(default)]
    pub settings: Map<String, Value>,
    /// Shown to whoever uses the connection: where to get its key, whom to ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Connection {
    /// What the fetch layer needs to reach this connection's vendor.
    pub fn target(&self, secrets: Map<String, Value>) -> Target {
        Target {
            vendor: self.vendor,
            base_url: self.base_url.clone(),
            route: self.route.clone(),
            credentials: Credentials {
                settings: self.settings.clone(),
                secrets,
            },
        }
    }

    /// Whether requests would reach the same place: secrets saved for one destination must
    /// never be sent to another (an edited base URL, or an imported file that reuses an id).
    pub fn same_destination(&self, other: &Connection) -> bool {
        self.vendor == other.vendor && self.base_url == other.base_url && self.route == other.route
    }

    /// Where requests go, in words: "via /proxy/confluent" or "direct".
    pub fn route_summary(&self) -> String {
        match &self.route {
            Route::Direct => "direct from the browser".into(),
            Route::Proxy { prefix } => format!("via {prefix}"),
        }
    }
}

/// The version tag of the connections file.
pub const FILE_FORMAT: &str = "patchbay.connections/1";

#[derive(Serialize, Deserialize)]
struct ConnectionsFile {
    format: String,
    connections: Vec<Value>,
}

/// The export file: connections with their settings, and not one secret.
pub fn export_file(connections: &[Connection]) -> String {
    let file = ConnectionsFile {
        format: FILE_FORMAT.into(),
        connections: connections
            .iter()
            .map(|c| serde_json::to_value(c).expect("connections serialise"))
            .collect(),
    };
    serde_json::to_string_pretty(&file).expect("connections serialise")
}

/// What an import found: the connections it can use and a line per entry it could not.
#[derive(Debug, Default, PartialEq)]
pub struct Imported {
    pub connections: Vec<Connection>,
    pub problems: Vec<String>,
}

/// Reads a connections file (or a bare list of connections). Secrets in it are ignored:
/// `secrets` keys are dropped and settings that belong to secret fields are discarded.
pub fn import_file(text: &str) -> Result<Imported, String> {
    let json: Value = serde_json::from_str(text).map_err(|e| format!("Not a JSON file: {e}."))?;
    let entries = match json {
        Value::Array(items) => items,
        Value::Object(mut object) => match object.remove("connections") {
            Some(Value::Array(items)) => items,
            _ => return Err("No \"connections\" list in this file.".into()),
        },
        _ => return Err("A connections file is a JSON object with a \"connections\" list.".into()),
    };
    let mut imported = Imported::default();
    for (index, entry) in entries.into_iter().enumerate() {
        match parse_entry(entry) {
            Ok(connection) => imported.connections.push(connection),
            Err(problem) => imported
                .problems
                .push(format!("Entry {}: {problem}", index + 1)),
        }
    }
    Ok(imported)
}

fn parse_entry(mut entry: Value) -> Result<Connection, String> {
    if let Some(object) = entry.as_object_mut() {
        object.remove("secrets");
    }
    let mut connection: Connection = serde_json::from_value(entry).map_err(|e| e.to_string())?;
    let secret_keys = secret_setting_keys(connection.vendor);
    connection
        .settings
        .retain(|key, _| !secret_keys.contains(key));
    let draft = super::connection_form::draft_from(&connection);
    let errors = crate::domain::validate(
        &super::connection_form::settings_form(connection.vendor),
        &draft,
    );
    if let Some((pointer, messages)) = errors.iter().next() {
        let field = pointer.trim_start_matches('/');
        return Err(format!(
            "“{}”: {field} {}",
            connection.label,
            messages.join(", ")
        ));
    }
    if connection.id.trim().is_empty() {
        return Err("it has no id".into());
    }
    Ok(connection)
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

/// A fresh id: the vendor's slug and a random suffix (ids appear in URLs, so keep them short).
pub fn new_id(vendor: Vendor, random: f64) -> String {
    let n = (random.clamp(0.0, 1.0) * 36f64.powi(6)) as u64;
    let mut suffix = String::new();
    let mut rest = n;
    for _ in 0..6 {
        let digit = (rest % 36) as u32;
        suffix.push(char::from_digit(digit, 36).unwrap_or('0'));
        rest /= 36;
    }
    format!("{}-{suffix}", vendor.slug())
}

#[cfg(test)]
#[path = "connection_tests.rs"]
mod tests;
