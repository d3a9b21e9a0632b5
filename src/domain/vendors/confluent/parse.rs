//! Reading Confluent's answers: the list envelope, one integration, the unified row and the
//! edit draft. A malformed answer is an error to show, never a panic; an entry without an id
//! is counted and skipped, never fatal to the page.

use serde_json::{json, Value};

use super::target::TargetKind;
use crate::domain::api::{Cell, IntegrationSummary, Record};
use crate::domain::listing::{Paging, RecordShape};

/// Where Confluent keeps its records: `{data: [...], metadata: {next, total_size}}`.
pub const RECORDS: RecordShape = RecordShape {
    items: "/data",
    id: "/id",
};

/// Confluent pages by an absolute `metadata.next` link holding an opaque token.
pub const PAGING: Paging = Paging::NextLink {
    next: "/metadata/next",
    total: Some("/metadata/total_size"),
};

pub fn summary(record: &Record) -> IntegrationSummary {
    IntegrationSummary {
        id: record.id.clone(),
        name: text(record, "/display_name").unwrap_or_else(|| record.id.clone()),
        kind: TargetKind::of(&record.raw).title(),
        description: text(record, "/description").filter(|d| !d.is_empty()),
    }
}

pub const LIST_COLUMNS: [&str; 5] = ["Kind", "Target", "Description", "Created", "Updated"];

/// Kind, target (a webhook URL is a credential: masked), description, created, updated.
pub fn list_cells(record: &Record) -> Vec<Cell> {
    let kind = TargetKind::of(&record.raw);
    let target = kind.destination(&record.raw);
    vec![
        Cell::Text(kind.title()),
        if kind.destination_is_secret() {
            Cell::secret(target.as_deref())
        } else {
            Cell::text(target.as_deref())
        },
        Cell::text(text(record, "/description").as_deref()),
        Cell::time(text(record, "/metadata/created_at").as_deref()),
        Cell::time(text(record, "/metadata/updated_at").as_deref()),
    ]
}

pub fn detail_fields(record: &Record) -> Vec<(String, Cell)> {
    let mut fields = vec![("ID".to_string(), Cell::Text(record.id.clone()))];
    fields.push((
        "Display name".into(),
        Cell::text(text(record, "/display_name").as_deref()),
    ));
    for (label, cell) in LIST_COLUMNS.iter().zip(list_cells(record)) {
        fields.push((label.to_string(), cell));
    }
    fields.push((
        "Self".into(),
        Cell::text(text(record, "/metadata/self").as_deref()),
    ));
    fields.push((
        "Resource name".into(),
        Cell::text(text(record, "/metadata/resource_name").as_deref()),
    ));
    fields
}

fn text(record: &Record, pointer: &str) -> Option<String> {
    record
        .raw
        .pointer(pointer)
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The editable fields of a record, as the edit form starts from them.
pub fn draft_from(record: &Record) -> Value {
    let raw = &record.raw;
    let mut draft = json!({
        "display_name": raw.get("display_name").cloned().unwrap_or(json!("")),
        "description": raw.get("description").cloned().unwrap_or(json!("")),
    });
    if let Some(target) = raw.get("target").and_then(Value::as_object) {
        let kind = target.get("kind").cloned().unwrap_or(Value::Null);
        let mut kept = json!({ "kind": kind });
        for key in ["url", "webhook_url"] {
            if let Some(value) = target.get(key) {
                kept[key] = value.clone();
            }
        }
        draft["target"] = kept;
    }
    draft
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
