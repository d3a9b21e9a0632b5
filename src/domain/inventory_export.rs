//! What the inventory exports: the rows shown, as CSV and as JSON, secrets masked and
//! spreadsheet formulas neutralised, the JSON recording its filters and time.

use serde_json::{json, Value};

use super::inventory::InventoryRow;
use super::safety::{fingerprint, spreadsheet_safe};

const CSV_HEADER: [&str; 12] = [
    "vendor",
    "connection",
    "name",
    "kind",
    "vendor_kind",
    "target",
    "host",
    "enabled",
    "created",
    "updated",
    "id",
    "findings",
];

/// The rows as CSV (RFC 4180, by the `csv` crate): a header row, secrets masked, every cell a
/// spreadsheet would run as a formula neutralised first.
pub fn to_csv(rows: &[InventoryRow]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(CSV_HEADER);
    for row in rows {
        let cells = [
            row.vendor.title().to_string(),
            row.connection.clone(),
            row.name.clone(),
            row.kind.title().to_string(),
            row.vendor_kind.clone(),
            row.shown_target().unwrap_or_default(),
            row.host.clone().unwrap_or_default(),
            row.enabled.map(|e| e.to_string()).unwrap_or_default(),
            row.created.clone().unwrap_or_default(),
            row.updated.clone().unwrap_or_default(),
            row.id.clone(),
            row.findings
                .iter()
                .map(|(rule, _)| *rule)
                .collect::<Vec<_>>()
                .join(" "),
        ];
        let _ = writer.write_record(cells.iter().map(|c| spreadsheet_safe(c)));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The rows as JSON, with the filters and the time of the export: a secret target travels
/// masked, with a fingerprint that tells whether it changed and nothing else.
pub fn to_json(rows: &[InventoryRow], filters: &[(String, String)], exported_at: &str) -> String {
    let rows: Vec<Value> = rows
        .iter()
        .map(|row| {
            let mut entry = json!({
                "vendor": row.vendor.slug(),
                "connection": row.connection_id,
                "connection_label": row.connection,
                "id": row.id,
                "name": row.name,
                "kind": row.kind.slug(),
                "vendor_kind": row.vendor_kind,
                "target": row.shown_target(),
                "host": row.host,
                "enabled": row.enabled,
                "created": row.created,
                "updated": row.updated,
                "findings": row.findings.iter().map(|(rule, detail)| json!({"rule": rule, "detail": detail})).collect::<Vec<_>>(),
            });
            if let (true, Some(target)) = (row.target_secret, &row.target) {
                entry["target_fingerprint"] = json!(fingerprint(target));
            }
            entry
        })
        .collect();
    let filters: serde_json::Map<String, Value> = filters
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    let document = json!({
        "format": "patchbay.inventory/1",
        "exported_at": exported_at,
        "filters": filters,
        "integrations": rows,
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
