//! Reading Confluent's answers: the list envelope, one integration, the unified row and the
//! edit draft. A malformed answer is an error to show, never a panic; an entry without an id
//! is counted and skipped, never fatal to the page.

use serde_json::{json, Value};

use super::target::TargetKind;
use crate::domain::api::{Cell, IntegrationSummary, Lookups, Record};
use crate::domain::columns::{Column, Read, Role};
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
    page_param: None,
};

pub fn summary(record: &Record) -> IntegrationSummary {
    IntegrationSummary {
        id: record.id.clone(),
        name: text(record, "/display_name").unwrap_or_else(|| record.id.clone()),
        kind: TargetKind::of(&record.raw).title(),
        description: text(record, "/description").filter(|d| !d.is_empty()),
        ..Default::default()
    }
}

/// Confluent's columns: the list shows kind, target (a webhook URL is a credential: masked),
/// description and times; the detail page adds the id, name and metadata.
pub const COLUMNS: [Column; 9] = [
    Column::detail("ID", Read::Id),
    Column::detail("Display name", Read::Text("/display_name")),
    Column::both("Kind", Read::computed(kind_cell)),
    Column::both(
        "Target",
        Read::With {
            cell: target_cell,
            secrets: &["/target/url", "/target/webhook_url"],
        },
    )
    .as_(Role::Target),
    Column::both("Description", Read::Text("/description")),
    Column::both("Created", Read::Time("/metadata/created_at")).as_(Role::Created),
    Column::both("Updated", Read::Time("/metadata/updated_at")).as_(Role::Updated),
    Column::detail("Self", Read::Text("/metadata/self")),
    Column::detail("Resource name", Read::Text("/metadata/resource_name")),
];

fn kind_cell(record: &Record, _: &Lookups) -> Cell {
    Cell::Text(TargetKind::of(&record.raw).title())
}

/// Where the integration sends: a webhook URL is a credential (masked); an email role or
/// user is not.
fn target_cell(record: &Record, _: &Lookups) -> Cell {
    let kind = TargetKind::of(&record.raw);
    let target = kind.destination(&record.raw);
    if kind.destination_is_secret() {
        Cell::secret(target.as_deref())
    } else {
        Cell::text(target.as_deref())
    }
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
