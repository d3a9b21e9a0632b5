//! What part of a loaded list the table shows: the rows matching the search, one view page at
//! a time. Each record's summary and search text are computed once, when it arrives, so a page
//! that lands late in a long list costs what the first one did. Pure, so it is tested natively;
//! the list page keeps `q` and `page` in the URL.

use crate::domain::IntegrationSummary;

/// Rows per view page.
pub const ROWS_PER_PAGE: usize = 50;

/// One record as the list shows and searches it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub summary: IntegrationSummary,
    /// Name, kind, description, id and the other shown cells, lower-cased once.
    haystack: String,
}

impl Row {
    pub fn new(summary: IntegrationSummary) -> Row {
        let haystack = haystack(&summary);
        Row { summary, haystack }
    }
}

/// What a list's rows were built from: which load, how many edits since, which names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    pub load: u64,
    pub edits: u64,
    pub names: u64,
}

/// The rows of one loaded list, kept in step with the cache: records that only add to the
/// end cost only themselves; anything else (a new load, an edit, names that landed) rebuilds.
#[derive(Debug, Default)]
pub struct ListIndex {
    rows: Vec<Row>,
    stamp: Option<Stamp>,
}

impl ListIndex {
    /// Brings the rows up to `records` and says how many rows it computed.
    pub fn sync<R>(&mut self, stamp: Stamp, records: &[R], row: impl Fn(&R) -> Row) -> usize {
        let only_grew = self.stamp == Some(stamp) && records.len() >= self.rows.len();
        if !only_grew {
            self.rows.clear();
            self.stamp = Some(stamp);
        }
        let start = self.rows.len();
        self.rows.extend(records[start..].iter().map(row));
        records.len() - start
    }

    /// Forgets every row (the list is gone).
    pub fn clear(&mut self) {
        self.rows.clear();
        self.stamp = None;
    }

    /// Filters by `query` (name, kind, description, id or another shown cell, any case) and
    /// cuts page `page`.
    pub fn view(&self, query: &str, page: usize) -> View {
        let needle = query.trim().to_lowercase();
        let matching: Vec<usize> = (0..self.rows.len())
            .filter(|&at| needle.is_empty() || self.rows[at].haystack.contains(&needle))
            .collect();
        let pages = matching.len().div_ceil(ROWS_PER_PAGE).max(1);
        let page = page.clamp(1, pages);
        let start = (page - 1) * ROWS_PER_PAGE;
        let rows: Vec<Shown> = matching
            .iter()
            .skip(start)
            .take(ROWS_PER_PAGE)
            .map(|&at| Shown {
                at,
                summary: self.rows[at].summary.clone(),
            })
            .collect();
        View {
            first: if rows.is_empty() { 0 } else { start + 1 },
            rows,
            page,
            pages,
            matching: matching.len(),
        }
    }
}

/// A row on the view page, and where its record sits in the loaded list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub at: usize,
    pub summary: IntegrationSummary,
}

/// The slice of rows to draw and where it sits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub rows: Vec<Shown>,
    /// 1-based, clamped to the pages that exist.
    pub page: usize,
    pub pages: usize,
    /// Rows matching the search, over all pages.
    pub matching: usize,
    /// 1-based position of the first row shown (0 when none).
    pub first: usize,
}

/// `2026-11-23 15:04` from an RFC 3339 time; anything else as it came.
pub fn short_time(text: &str) -> String {
    match (text.get(..10), text.get(11..16)) {
        (Some(date), Some(time)) if text.as_bytes().get(10) == Some(&b'T') => {
            format!("{date} {time}")
        }
        _ => text.to_string(),
    }
}

/// The most characters a search or filter value keeps in the address: a pasted 10 kB search
/// would make every reload exceed what servers accept in a request line (HTTP 414).
pub const MAX_ADDRESS_VALUE: usize = 200;

/// `text` cut to `MAX_ADDRESS_VALUE` characters.
pub fn capped(text: &str) -> String {
    text.chars().take(MAX_ADDRESS_VALUE).collect()
}

/// A moment as the user's clock shows it: `(short, full)`, e.g. `("2026-11-30 11:58",
/// "2026-11-30 11:58:03 UTC+01:00")`. `utc_ms` is Unix milliseconds; `offset_minutes` is how
/// far local time is ahead of UTC (east positive).
pub fn local_time(utc_ms: i64, offset_minutes: i64) -> (String, String) {
    let local_s = utc_ms.div_euclid(1000) + offset_minutes * 60;
    let (days, seconds) = (local_s.div_euclid(86_400), local_s.rem_euclid(86_400));
    let (year, month, day) = crate::domain::clock::civil_from_days(days);
    let (hour, minute, second) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let offset = offset_minutes.abs();
    let date = format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}");
    let full = format!(
        "{date}:{second:02} UTC{sign}{:02}:{:02}",
        offset / 60,
        offset % 60
    );
    (date, full)
}

fn haystack(row: &IntegrationSummary) -> String {
    format!(
        "{} {} {} {} {}",
        row.name,
        row.kind,
        row.description.as_deref().unwrap_or(""),
        row.id,
        row.searchable
    )
    .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_values_are_capped_at_a_character_boundary() {
        assert_eq!(capped("short"), "short");
        let long = "é".repeat(10_000);
        assert_eq!(capped(&long).chars().count(), MAX_ADDRESS_VALUE);
        assert_eq!(
            capped(&"x".repeat(MAX_ADDRESS_VALUE)).len(),
            MAX_ADDRESS_VALUE
        );
    }

    #[test]
    fn times_show_in_local_time_with_the_offset_in_full() {
        // 2026-11-30T10:58:03Z
        let at = 1_796_036_283_000;
        assert_eq!(
            local_time(at, 60),
            (
                "2026-11-30 11:58".into(),
                "2026-11-30 11:58:03 UTC+01:00".into()
            )
        );
        assert_eq!(local_time(at, -330).1, "2026-11-30 05:28:03 UTC-05:30");
        assert_eq!(local_time(0, 0).1, "1970-01-01 00:00:00 UTC+00:00");
        assert_eq!(local_time(at, 14 * 60).0, "2026-12-01 00:58");
    }

    fn summaries(n: usize) -> Vec<IntegrationSummary> {
        (1..=n)
            .map(|i| IntegrationSummary {
                id: format!("i-{i}"),
                name: format!("Integration {i}"),
                kind: if i % 2 == 0 {
                    "Slack".into()
                } else {
                    "Webhook".into()
                },
                ..Default::default()
            })
            .collect()
    }

    fn indexed(all: &[IntegrationSummary]) -> ListIndex {
        let mut index = ListIndex::default();
        index.sync(Stamp::default(), all, |s| Row::new(s.clone()));
        index
    }

    fn view(all: &[IntegrationSummary], query: &str, page: usize) -> View {
        indexed(all).view(query, page)
    }

    #[test]
    fn pages_that_only_add_rows_cost_only_those_rows() {
        let all = summaries(300);
        let stamp = Stamp::default();
        let mut index = ListIndex::default();
        assert_eq!(index.sync(stamp, &all[..100], |s| Row::new(s.clone())), 100);
        assert_eq!(index.sync(stamp, &all[..200], |s| Row::new(s.clone())), 100);
        assert_eq!(index.sync(stamp, &all[..200], |s| Row::new(s.clone())), 0);
        assert_eq!(index.sync(stamp, &all, |s| Row::new(s.clone())), 100);
        assert_eq!(index.view("", 6).rows[0].summary.id, "i-251");
        // An edit, a new load or names that landed rebuild every row.
        let edited = Stamp { edits: 1, ..stamp };
        assert_eq!(index.sync(edited, &all, |s| Row::new(s.clone())), 300);
        let named = Stamp { names: 1, ..edited };
        assert_eq!(index.sync(named, &all, |s| Row::new(s.clone())), 300);
        // A list that shrank (a delete) is rebuilt, never read past its end.
        assert_eq!(index.sync(named, &all[..10], |s| Row::new(s.clone())), 10);
        assert_eq!(index.view("", 1).matching, 10);
    }

    #[test]
    fn shown_rows_say_where_their_record_sits() {
        let all = summaries(120);
        let page = view(&all, "integration 11", 1);
        let at: Vec<usize> = page.rows.iter().map(|r| r.at).collect();
        assert_eq!(at, [10, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118]);
    }

    #[test]
    fn pages_cut_fifty_rows_and_the_last_holds_the_rest() {
        let all = summaries(606);
        let first = view(&all, "", 1);
        assert_eq!((first.pages, first.first, first.rows.len()), (13, 1, 50));
        let last = view(&all, "", 13);
        assert_eq!((last.first, last.rows.len()), (601, 6));
        assert_eq!(last.rows.last().unwrap().summary.id, "i-606");
    }

    #[test]
    fn out_of_range_pages_are_clamped() {
        let all = summaries(10);
        assert_eq!(view(&all, "", 0).page, 1);
        assert_eq!(view(&all, "", 99).page, 1);
        assert_eq!(
            view(&[], "", 3),
            View {
                rows: vec![],
                page: 1,
                pages: 1,
                matching: 0,
                first: 0
            }
        );
    }

    #[test]
    fn search_matches_name_kind_description_or_id_in_any_case() {
        let all = summaries(20);
        assert_eq!(view(&all, "integration 1", 1).matching, 11);
        assert_eq!(view(&all, "SLACK", 1).matching, 10);
        assert_eq!(view(&all, "i-20", 1).rows[0].summary.name, "Integration 20");
        assert_eq!(view(&all, "nothing like it", 1).matching, 0);
        let mut teamed = summaries(3);
        teamed[1].searchable = "Platform Primary on-call".into();
        assert_eq!(view(&teamed, "platform", 1).rows[0].summary.id, "i-2");
    }

    #[test]
    fn times_are_shortened_to_the_minute_and_odd_ones_shown_as_they_came() {
        assert_eq!(short_time("2026-11-23T15:04:05Z"), "2026-11-23 15:04");
        assert_eq!(short_time("2006-01-02T15:04:05-07:00"), "2006-01-02 15:04");
        assert_eq!(short_time("yesterday"), "yesterday");
        assert_eq!(short_time(""), "");
    }
}
