//! What the address asks the inventory to show (search, filters, sort, page, grouping), and
//! the rows that answers: one place the page, its table and its charts read.

use crate::domain::inventory::InventoryRow;
use crate::pages::integrations::list_view::capped;

/// The URL parameters that filter the inventory, in the order they are written.
pub const FILTERS: [&str; 5] = ["vendor", "connection", "kind", "enabled", "host"];
/// Rows on one view page.
pub const PAGE_SIZE: usize = 50;

/// What the URL asks the inventory to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ask {
    pub search: String,
    pub filters: Vec<(String, String)>,
    /// A column name; `-name` sorts the other way.
    pub sort: String,
    pub page: usize,
    /// Grouped by target host instead of a table.
    pub by_host: bool,
}

impl Ask {
    /// The address that asks for this.
    pub fn href(&self) -> String {
        let mut params = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.filters {
            if !value.is_empty() {
                params.append_pair(name, &capped(value));
            }
        }
        if !self.search.is_empty() {
            params.append_pair("q", &capped(&self.search));
        }
        if !self.sort.is_empty() {
            params.append_pair("sort", &self.sort);
        }
        if self.page > 1 {
            params.append_pair("page", &self.page.to_string());
        }
        if self.by_host {
            params.append_pair("group", "host");
        }
        let params = params.finish();
        if params.is_empty() {
            "/".into()
        } else {
            format!("/?{params}")
        }
    }
}

/// The rows the URL asks for, filtered, searched and sorted (all pages).
pub fn chosen<'a>(rows: Vec<&'a InventoryRow>, ask: &Ask) -> Vec<&'a InventoryRow> {
    let mut rows: Vec<&InventoryRow> = rows
        .into_iter()
        .filter(|row| row.passes(&ask.filters, &ask.search))
        .collect();
    let (descending, column) = match ask.sort.strip_prefix('-') {
        Some(column) => (true, column),
        None => (false, ask.sort.as_str()),
    };
    let key = |row: &InventoryRow| -> String {
        match column {
            "vendor" => row.vendor.title().to_lowercase(),
            "connection" => row.connection.to_lowercase(),
            "kind" => row.kind.title().to_lowercase(),
            "host" => row.host.clone().unwrap_or_default(),
            "enabled" => row.enabled.map(|e| e.to_string()).unwrap_or_default(),
            "created" => row.created.clone().unwrap_or_default(),
            "updated" => row.updated.clone().unwrap_or_default(),
            _ => row.name.to_lowercase(),
        }
    };
    if !column.is_empty() {
        rows.sort_by_cached_key(|row| key(row));
        if descending {
            rows.reverse();
        }
    }
    rows
}
