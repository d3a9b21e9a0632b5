//! The values vendor modules and pages exchange: records, pages and cursors, the row and
//! detail cells a record shows as, lookups (lists of choices a vendor serves), and actions.

use std::collections::BTreeMap;

use serde_json::Value;

use super::field::{Choice, FormSpec};
use super::request::Request;

/// One integration as the vendor sent it: every field kept, so a full-replace update never
/// drops what Patchbay does not know.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: String,
    pub raw: Value,
}

/// Where the next page starts, in the vendor's own terms.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cursor {
    /// An absolute link the vendor returned (followed through the route, never elsewhere).
    Link(String),
    PageNumber(u32),
    Offset(u64),
    Token(String),
}

/// One page of a list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub records: Vec<Record>,
    pub next: Option<Cursor>,
    pub total: Option<u64>,
    /// Entries that could not be read (no id, not an object): counted, never fatal.
    pub skipped: usize,
}

impl Record {
    /// The non-empty text at `pointer`, if the record holds one there.
    pub fn text(&self, pointer: &str) -> Option<&str> {
        self.raw
            .pointer(pointer)
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
    }

    /// Whether the record's top-level fields equal every filter value, as the vendor's own
    /// equality filters would (`null` matches an empty field): for filtering in the browser.
    pub fn matches(&self, filters: &[(String, String)]) -> bool {
        filters.iter().all(|(key, wanted)| match self.raw.get(key) {
            Some(Value::String(text)) => text == wanted,
            Some(Value::Null) | None => wanted == "null",
            Some(Value::Number(n)) => n.to_string() == *wanted,
            Some(Value::Bool(b)) => b.to_string() == *wanted,
            Some(_) => false,
        })
    }
}

/// What the user asked the list for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub page_size: Option<u32>,
    /// Vendor filters, by the last token of their field's pointer (`name`, `team_id`).
    pub filters: Vec<(String, String)>,
}

/// What identifies a record to a person, and what the list's search looks in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IntegrationSummary {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub description: Option<String>,
    /// More text the list's search reads: the record's other visible list cells (team and
    /// chain names, targets that are not secret). The list page fills it from the column
    /// table (`VendorApi::search_text`); a vendor's `summary` leaves it empty.
    pub searchable: String,
}

/// One value shown in a list cell or a detail row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A credential (an ingest link, a webhook URL): masked until revealed.
    Secret(String),
    /// An RFC 3339 time.
    Time(String),
    Empty,
}

impl Cell {
    /// Text, or `Empty` when there is none.
    pub fn text(value: Option<&str>) -> Cell {
        match value {
            Some(text) if !text.is_empty() => Cell::Text(text.to_string()),
            _ => Cell::Empty,
        }
    }

    pub fn secret(value: Option<&str>) -> Cell {
        match value {
            Some(text) if !text.is_empty() => Cell::Secret(text.to_string()),
            _ => Cell::Empty,
        }
    }

    pub fn time(value: Option<&str>) -> Cell {
        match value {
            Some(text) if !text.is_empty() => Cell::Time(text.to_string()),
            _ => Cell::Empty,
        }
    }
}

/// What may be done to one record: some are managed by the vendor and only viewable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capabilities {
    pub can_edit: bool,
    pub can_delete: bool,
    pub can_test: bool,
    /// Why editing or deleting is not offered, in a short sentence, when it is not.
    pub read_only_reason: Option<String>,
}

impl Capabilities {
    pub fn full() -> Self {
        Capabilities {
            can_edit: true,
            can_delete: true,
            can_test: false,
            read_only_reason: None,
        }
    }

    /// Editable and deletable, and the vendor can send a test notification.
    pub fn full_with_test() -> Self {
        Capabilities {
            can_test: true,
            ..Self::full()
        }
    }

    pub fn read_only(reason: impl Into<String>) -> Self {
        Capabilities {
            can_edit: false,
            can_delete: false,
            can_test: false,
            read_only_reason: Some(reason.into()),
        }
    }
}

/// A list of choices the vendor serves for a field (teams, escalation chains), read page by
/// page like a list and put into the field's enum before the form is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Lookup {
    /// The field the choices are for, e.g. `/team_id`.
    pub pointer: String,
    /// What the choices are, for messages: "teams".
    pub what: String,
    pub first: Request,
    /// A probe whose failure only means its answer is unknown (Rocket.Chat's server version):
    /// it then yields no choices instead of failing every lookup.
    pub optional: bool,
}

/// One page of a lookup.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LookupPage {
    pub choices: Vec<Choice>,
    pub next: Option<Cursor>,
}

/// Loaded lookups, by field pointer.
pub type Lookups = BTreeMap<String, Vec<Choice>>;

/// Where the pages put the connection's base URL among the lookups, for cells that show a URL
/// the vendor builds from it (Rocket.Chat's incoming webhook URL, `<workspace>/hooks/…`).
pub const BASE_URL: &str = "@base_url";

/// The connection's base URL, as the pages put it among the lookups.
pub fn base_url_in(lookups: &Lookups) -> Option<&str> {
    lookups
        .get(BASE_URL)
        .and_then(|choices| choices.first())
        .map(|choice| choice.value.as_str())
}

/// The title of `value` in a lookup, or the value itself when it is not (yet) known.
pub fn title_in(lookups: &Lookups, pointer: &str, value: &str) -> String {
    lookups
        .get(pointer)
        .and_then(|choices| choices.iter().find(|c| c.value == value))
        .map_or_else(|| value.to_string(), |c| c.label.clone())
}

/// A list that belongs to one record and is shown on its page (Rocket.Chat's delivery
/// history of an outgoing webhook), read a page at a time.
#[derive(Clone, Debug, PartialEq)]
pub struct SubList {
    pub title: &'static str,
    /// The titles of its rows' cells.
    pub columns: &'static [&'static str],
    /// The first page; later pages add `offset` (the rows read so far).
    pub first: Request,
    /// Empties the list, where the vendor offers it; confirmed first.
    pub clear: Option<Request>,
    /// Whether later pages are asked for by `offset`; an unpaged list is read whole.
    pub paged: bool,
}

/// One row of a `SubList`, with the request that replays it where the vendor offers one.
#[derive(Clone, Debug, PartialEq)]
pub struct SubRow {
    pub id: String,
    pub cells: Vec<Cell>,
    pub replay: Option<Request>,
}

/// One page of a `SubList`, and how many rows the whole list has.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SubPage {
    pub rows: Vec<SubRow>,
    pub total: Option<u64>,
}

/// Something a vendor lets you do to a record besides editing it (start maintenance), with
/// the small form it needs, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordAction {
    pub id: &'static str,
    pub label: String,
    pub form: Option<FormSpec>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record_of(raw: Value) -> Record {
        let id = raw["id"].as_str().unwrap().to_string();
        Record { id, raw }
    }

    #[test]
    fn records_match_equality_filters_like_the_vendor() {
        let record =
            record_of(serde_json::json!({"id": "A", "name": "Ops", "team_id": "T1", "n": 3}));
        let pairs = |p: &[(&str, &str)]| -> Vec<(String, String)> {
            p.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert!(record.matches(&pairs(&[("team_id", "T1"), ("name", "Ops")])));
        assert!(!record.matches(&pairs(&[("team_id", "T2")])));
        assert!(record.matches(&pairs(&[("n", "3"), ("missing", "null")])));
        let teamless = record_of(serde_json::json!({"id": "B", "team_id": null}));
        assert!(teamless.matches(&pairs(&[("team_id", "null")])));
        assert!(!teamless.matches(&pairs(&[("team_id", "T1")])));
    }

    #[test]
    fn empty_values_become_empty_cells() {
        assert_eq!(Cell::text(Some("")), Cell::Empty);
        assert_eq!(Cell::secret(None), Cell::Empty);
        assert_eq!(
            Cell::time(Some("2026-01-01T00:00:00Z")),
            Cell::Time("2026-01-01T00:00:00Z".into())
        );
    }

    #[test]
    fn lookups_turn_ids_into_titles_and_leave_unknown_ids_as_they_are() {
        let lookups =
            Lookups::from([("/team_id".to_string(), vec![Choice::new("T1", "Platform")])]);
        assert_eq!(title_in(&lookups, "/team_id", "T1"), "Platform");
        assert_eq!(title_in(&lookups, "/team_id", "T9"), "T9");
        assert_eq!(title_in(&lookups, "/other", "T1"), "T1");
    }
}
