//! One column table per vendor: each column says what it shows and where (the list, the
//! detail page, or both), and whether its value is a secret. The list's columns and cells, the
//! detail page's rows and the fields every view masks are all read from that one table.

use serde_json::Value;

use super::records::{title_in, Cell, Lookups, Record};

/// Where a column appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// The list and the detail page.
    Both,
    /// Only the detail page.
    Detail,
}

/// What a column stands for in the inventory across vendors, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    None,
    /// Where the integration sends (a URL); the first non-empty one counts.
    Target,
    /// Whether it is on (a `Read::Flag`).
    Enabled,
    Created,
    Updated,
    /// What it hands its alerts to (an escalation chain, a channel, destinations): one whose
    /// every such column is empty sends nowhere. A vertical without one cannot tell.
    Uses,
}

/// How a column reads its value from a record.
#[derive(Clone, Copy)]
pub enum Read {
    /// The record's id.
    Id,
    /// Text at a JSON pointer.
    Text(&'static str),
    /// A credential at a JSON pointer (a webhook URL, an ingest link): masked in every view.
    Secret(&'static str),
    /// An RFC 3339 time at a JSON pointer.
    Time(&'static str),
    /// An id at `pointer` shown by the name the vendor's lookup at `lookup` gives it.
    Named {
        pointer: &'static str,
        lookup: &'static str,
    },
    /// A switch at a JSON pointer, shown as one of two words ("Enabled" / "Disabled").
    Flag {
        pointer: &'static str,
        on: &'static str,
        off: &'static str,
    },
    /// Computed by the vendor (a target whose field depends on its kind). Secrets it may show
    /// are named in `secrets` so every view masks them.
    With {
        cell: fn(&Record, &Lookups) -> Cell,
        secrets: &'static [&'static str],
    },
}

impl Read {
    /// Computed by the vendor, showing no secret.
    pub const fn computed(cell: fn(&Record, &Lookups) -> Cell) -> Read {
        Read::With { cell, secrets: &[] }
    }

    /// Whether the integration is on, as "Enabled" or "Disabled".
    pub const fn enabled(pointer: &'static str) -> Read {
        Read::Flag {
            pointer,
            on: "Enabled",
            off: "Disabled",
        }
    }
}

/// One column of a vendor's integrations.
#[derive(Clone, Copy)]
pub struct Column {
    pub label: &'static str,
    pub read: Read,
    pub shown: Shown,
    pub role: Role,
}

impl Column {
    pub const fn both(label: &'static str, read: Read) -> Self {
        Column {
            label,
            read,
            shown: Shown::Both,
            role: Role::None,
        }
    }

    pub const fn detail(label: &'static str, read: Read) -> Self {
        Column {
            label,
            read,
            shown: Shown::Detail,
            role: Role::None,
        }
    }

    /// The same column, standing for `role` in the inventory.
    pub const fn as_(self, role: Role) -> Self {
        Column { role, ..self }
    }

    /// This column's value for `record`.
    pub fn cell(&self, record: &Record, lookups: &Lookups) -> Cell {
        let text = |pointer: &str| record.text(pointer);
        match self.read {
            Read::Id => Cell::Text(record.id.clone()),
            Read::Text(pointer) => Cell::text(text(pointer)),
            Read::Secret(pointer) => Cell::secret(text(pointer)),
            Read::Time(pointer) => Cell::time(text(pointer)),
            Read::Named { pointer, lookup } => match text(pointer) {
                Some(id) => Cell::Text(title_in(lookups, lookup, id)),
                None => Cell::Empty,
            },
            Read::Flag { pointer, on, off } => {
                match record.raw.pointer(pointer).and_then(Value::as_bool) {
                    Some(true) => Cell::Text(on.into()),
                    Some(false) => Cell::Text(off.into()),
                    None => Cell::Empty,
                }
            }
            Read::With { cell, .. } => cell(record, lookups),
        }
    }
}

/// The list's column labels, in table order.
pub fn list_labels(columns: &[Column]) -> Vec<&'static str> {
    listed(columns).map(|c| c.label).collect()
}

/// A record's list cells, in the order of `list_labels`.
pub fn list_cells(columns: &[Column], record: &Record, lookups: &Lookups) -> Vec<Cell> {
    listed(columns).map(|c| c.cell(record, lookups)).collect()
}

/// A record's detail rows: every column, in table order.
pub fn detail_rows(columns: &[Column], record: &Record, lookups: &Lookups) -> Vec<(String, Cell)> {
    columns
        .iter()
        .map(|c| (c.label.to_string(), c.cell(record, lookups)))
        .collect()
}

/// The text of a record's list cells that the list's search may read: shown text only, never
/// a secret (searching by a masked value would reveal it a character at a time).
pub fn search_text(columns: &[Column], record: &Record, lookups: &Lookups) -> String {
    listed(columns)
        .filter_map(|c| match c.cell(record, lookups) {
            Cell::Text(text) => Some(text),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every pointer a column may show a secret from: what every view masks.
pub fn secret_pointers(columns: &[Column]) -> Vec<&'static str> {
    let mut pointers = Vec::new();
    for column in columns {
        match column.read {
            Read::Secret(pointer) => pointers.push(pointer),
            Read::With { secrets, .. } => pointers.extend_from_slice(secrets),
            _ => {}
        }
    }
    pointers
}

fn listed(columns: &[Column]) -> impl Iterator<Item = &Column> {
    columns.iter().filter(|c| c.shown == Shown::Both)
}

/// What a record hands its alerts to, as its `Role::Uses` columns show it ("Escalation chain:
/// Primary"); `None` when the columns have none and cannot tell.
pub fn uses(columns: &[Column], record: &Record, lookups: &Lookups) -> Option<Vec<String>> {
    let columns: Vec<&Column> = columns.iter().filter(|c| c.role == Role::Uses).collect();
    if columns.is_empty() {
        return None;
    }
    Some(
        columns
            .into_iter()
            .filter_map(|column| match column.cell(record, lookups) {
                Cell::Text(text) if !text.trim().is_empty() => {
                    Some(format!("{}: {text}", column.label))
                }
                _ => None,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn kind_upper(record: &Record, _: &Lookups) -> Cell {
        Cell::text(
            record.raw["kind"]
                .as_str()
                .map(str::to_uppercase)
                .as_deref(),
        )
    }

    const TABLE: [Column; 5] = [
        Column::detail("ID", Read::Id),
        Column::both(
            "Kind",
            Read::With {
                cell: kind_upper,
                secrets: &["/hook"],
            },
        ),
        Column::both(
            "Team",
            Read::Named {
                pointer: "/team_id",
                lookup: "/team_id",
            },
        ),
        Column::both("Link", Read::Secret("/link")),
        Column::detail("Created", Read::Time("/created")),
    ];

    #[test]
    fn one_table_feeds_the_list_the_detail_and_the_masks() {
        let record = Record {
            id: "R1".into(),
            raw: json!({"kind": "slack", "team_id": "T1", "link": "https://x.test/secret", "created": "2026-01-01T00:00:00Z"}),
        };
        let mut lookups = Lookups::new();
        lookups.insert(
            "/team_id".into(),
            vec![crate::domain::Choice::new("T1", "Platform")],
        );
        assert_eq!(list_labels(&TABLE), ["Kind", "Team", "Link"]);
        assert_eq!(
            list_cells(&TABLE, &record, &lookups),
            [
                Cell::Text("SLACK".into()),
                Cell::Text("Platform".into()),
                Cell::Secret("https://x.test/secret".into()),
            ]
        );
        let rows = detail_rows(&TABLE, &record, &lookups);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[0], ("ID".to_string(), Cell::Text("R1".into())));
        assert_eq!(
            rows[4],
            (
                "Created".to_string(),
                Cell::Time("2026-01-01T00:00:00Z".into())
            )
        );
        assert_eq!(secret_pointers(&TABLE), ["/hook", "/link"]);
        assert_eq!(search_text(&TABLE, &record, &lookups), "SLACK Platform");
    }
}
