//! What the address asks the inventory to show (search, filters, sort, grouping), and the rows
//! that answers: one place the page, its table and its charts read.

use crate::domain::findings::{shared_targets, trips};
use crate::domain::hygiene::SHARED_TARGET;
use crate::domain::inventory::InventoryRow;
use crate::pages::integrations::list_view::capped;

/// The URL parameters that filter the inventory, in the order they are written.
pub const FILTERS: [&str; 6] = ["vendor", "connection", "kind", "enabled", "host", "finding"];

/// What the URL asks the inventory to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ask {
    pub search: String,
    pub filters: Vec<(String, String)>,
    /// A column name; `-name` sorts the other way.
    pub sort: String,
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

/// The rows the URL asks for, filtered, searched and sorted.
pub fn chosen<'a>(rows: Vec<&'a InventoryRow>, ask: &Ask) -> Vec<&'a InventoryRow> {
    chosen_at(&rows, ask, None)
        .into_iter()
        .map(|at| rows[at])
        .collect()
}

/// Where in `rows` the rows the URL asks for sit, in the order asked. `within`, when given,
/// holds the only places that can match (an earlier answer to a narrower question), so a
/// search typed one letter further reads only what matched before.
pub fn chosen_at(rows: &[&InventoryRow], ask: &Ask, within: Option<&[usize]>) -> Vec<usize> {
    let needle = ask.search.trim().to_lowercase();
    // A hygiene rule: what a row trips by itself, or a target it shares with another row.
    let finding = ask
        .filters
        .iter()
        .find(|(n, _)| n == "finding")
        .map(|(_, v)| v.as_str());
    let shared = match finding {
        Some(SHARED_TARGET) => shared_targets(rows),
        _ => Vec::new(),
    };
    let passes = |at: &usize| {
        rows[*at].passes_lowered(&ask.filters, &needle)
            && finding.is_none_or(|rule| trips(rows[*at], rule, &shared))
    };
    let mut chosen: Vec<usize> = match within {
        Some(places) => places.iter().copied().filter(passes).collect(),
        None => (0..rows.len()).filter(passes).collect(),
    };
    if within.is_some() {
        // Already in the order asked.
        return chosen;
    }
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
        chosen.sort_by_cached_key(|at| key(rows[*at]));
        if descending {
            chosen.reverse();
        }
    }
    chosen
}

/// Whether the answer to `earlier` holds every row `now` can match: the same filters and sort,
/// and a search that only grew.
pub fn narrows(earlier: &Ask, now: &Ask) -> bool {
    earlier.filters == now.filters
        && earlier.sort == now.sort
        && now
            .search
            .trim()
            .to_lowercase()
            .contains(&earlier.search.trim().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::inventory::NormalKind;
    use crate::domain::Vendor;

    fn row(name: &str, vendor: Vendor, enabled: Option<bool>) -> InventoryRow {
        InventoryRow {
            vendor,
            connection_id: "c1".into(),
            connection: "Prod".into(),
            id: name.into(),
            name: name.into(),
            kind: NormalKind::Webhook,
            vendor_kind: "Webhook".into(),
            target: None,
            target_secret: false,
            host: None,
            enabled,
            created: None,
            updated: None,
            haystack: name.to_lowercase(),
            findings: Vec::new(),
        }
    }

    fn ask(search: &str, filters: &[(&str, &str)], sort: &str) -> Ask {
        Ask {
            search: search.into(),
            filters: filters
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            sort: sort.into(),
            by_host: false,
        }
    }

    #[test]
    fn the_rows_asked_for_are_searched_filtered_and_sorted_by_place() {
        let rows = [
            row("Billing hook", Vendor::Confluent, Some(true)),
            row("alerts", Vendor::PagerTree, Some(false)),
            row("Billing pager", Vendor::PagerTree, Some(true)),
            row("Audit", Vendor::Confluent, None),
        ];
        let rows: Vec<&InventoryRow> = rows.iter().collect();
        assert_eq!(chosen_at(&rows, &ask("  BILLING ", &[], ""), None), [0, 2]);
        assert_eq!(
            chosen_at(&rows, &ask("", &[("vendor", "pagertree")], ""), None),
            [1, 2]
        );
        assert_eq!(
            chosen_at(&rows, &ask("", &[("enabled", "false")], ""), None),
            [1]
        );
        assert_eq!(
            chosen_at(&rows, &ask("", &[("enabled", "true")], "-name"), None),
            [2, 0]
        );
        assert_eq!(chosen_at(&rows, &ask("", &[], "name"), None), [1, 3, 0, 2]);
        // Within an earlier answer, only its places are read, in its order.
        assert_eq!(
            chosen_at(&rows, &ask("billing p", &[], "name"), Some(&[0, 2])),
            [2]
        );
        assert_eq!(
            chosen(rows.clone(), &ask("audit", &[], ""))[0].name,
            "Audit"
        );
    }

    #[test]
    fn only_a_grown_search_under_the_same_filters_and_sort_narrows_an_earlier_answer() {
        let earlier = ask("bill", &[("vendor", "confluent")], "name");
        assert!(narrows(
            &earlier,
            &ask("Billing", &[("vendor", "confluent")], "name")
        ));
        assert!(narrows(&earlier, &earlier));
        assert!(!narrows(
            &earlier,
            &ask("bil", &[("vendor", "confluent")], "name")
        ));
        assert!(!narrows(&earlier, &ask("billing", &[], "name")));
        assert!(!narrows(
            &earlier,
            &ask("billing", &[("vendor", "confluent")], "-name")
        ));
    }

    #[test]
    fn the_address_holds_what_is_asked_and_nothing_when_nothing_is() {
        assert_eq!(Ask::default().href(), "/");
        let mut asked = ask("a&b", &[("kind", "slack")], "-updated");
        asked.by_host = true;
        assert_eq!(
            asked.href(),
            "/?kind=slack&q=a%26b&sort=-updated&group=host"
        );
    }
}
