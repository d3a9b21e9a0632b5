//! A small list cache per connection. A list loads page by page into it (so progress shows
//! as it grows); the connection's own create, edit and delete update it in place, so the list
//! reflects them without a reload. Keyed by the connection's destination: a connection that
//! now points elsewhere starts from an empty list.

use std::collections::HashMap;

use leptos::prelude::*;

use serde_json::{Map, Value};

use super::connection::Connection;
use super::kept_record::KeptRecord;
use crate::domain::safety::fingerprint;
use crate::domain::{ApiError, Page, Record};

/// What is known of one connection's integrations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CachedList {
    /// Kept as text (see `KeptRecord`): a long list is most of what the console holds.
    pub records: Vec<KeptRecord>,
    /// The vendor's own count, when it reports one.
    pub total: Option<u64>,
    pub skipped: usize,
    /// Every page has been read (or reading stopped on purpose: see `error`).
    pub complete: bool,
    /// The load stopped on this error (the records read so far stay).
    pub error: Option<ApiError>,
    /// Something the user should know about how this list was read.
    pub note: Option<String>,
    /// Which load wrote this; a newer load makes an older one's pages stale.
    generation: u64,
    /// How many records were replaced or removed in place since the load started.
    edits: u64,
}

impl CachedList {
    pub fn loading(&self) -> bool {
        !self.complete && self.error.is_none()
    }

    /// `(load, edits)`: while both stay the same, records are only ever added at the end, so
    /// whatever is derived from the first n records is still right.
    pub fn stamp(&self) -> (u64, u64) {
        (self.generation, self.edits)
    }

    /// Everything but the records: cheap to copy on every page that lands.
    pub fn status(&self) -> ListStatus {
        ListStatus {
            loaded: self.records.len(),
            total: self.total,
            skipped: self.skipped,
            complete: self.complete,
            loading: self.loading(),
            error: self.error.clone(),
            note: self.note.clone(),
        }
    }
}

/// How far a list's load has come, without its records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListStatus {
    pub loaded: usize,
    pub total: Option<u64>,
    pub skipped: usize,
    pub complete: bool,
    pub loading: bool,
    pub error: Option<ApiError>,
    pub note: Option<String>,
}

#[derive(Clone, Copy)]
pub struct ListCache {
    lists: RwSignal<HashMap<String, CachedList>>,
    generations: StoredValue<u64>,
}

/// The cache key of a connection as it is now: its id, where it points (vendor, base URL,
/// route, settings) and a fingerprint of its secrets (never the secrets themselves), so a
/// replaced key never shows what the old key read. JSON-encoded, so no two differ only in
/// where one part ends.
pub fn key_of(connection: &Connection, secrets: &Map<String, Value>) -> String {
    let secrets_text = serde_json::to_string(secrets).unwrap_or_default();
    serde_json::to_string(&(
        &connection.id,
        connection.vendor.slug(),
        &connection.base_url,
        &connection.route,
        &connection.settings,
        fingerprint(&secrets_text),
    ))
    .unwrap_or_default()
}

/// The key of a connection's list read with vendor filters (none: the connection's own key).
/// The filters are JSON-encoded too: `a=b&c` and `a=b`,`c=` never share an entry.
pub fn filtered_key(base: &str, filters: &[(String, String)]) -> String {
    if filters.is_empty() {
        return base.to_string();
    }
    format!(
        "{base}?{}",
        serde_json::to_string(filters).unwrap_or_default()
    )
}

impl ListCache {
    pub fn provide() -> Self {
        let cache = ListCache {
            lists: RwSignal::new(HashMap::new()),
            generations: StoredValue::new(0),
        };
        provide_context(cache);
        cache
    }

    pub fn use_context() -> Self {
        expect_context::<ListCache>()
    }

    /// Reads one list in place (tracked): what a page derives from a long list, without
    /// copying its records each time a page of them lands.
    pub fn with<T>(&self, key: &str, read: impl FnOnce(Option<&CachedList>) -> T) -> T {
        self.lists.with(|lists| read(lists.get(key)))
    }

    /// Starts a fresh load and returns its generation, which `append`, `finish` and `fail`
    /// must present: pages of an abandoned older load are ignored.
    pub fn start(&self, key: &str) -> u64 {
        let generation = self.generations.get_value() + 1;
        self.generations.set_value(generation);
        self.lists.update(|lists| {
            lists.insert(
                key.to_string(),
                CachedList {
                    generation,
                    ..Default::default()
                },
            );
        });
        generation
    }

    pub fn append(&self, key: &str, generation: u64, page: Page) {
        self.update_current(key, generation, |list| {
            list.records
                .extend(page.records.into_iter().map(KeptRecord::keep));
            list.total = page.total.or(list.total);
            list.skipped += page.skipped;
        });
    }

    pub fn finish(&self, key: &str, generation: u64) {
        self.update_current(key, generation, |list| list.complete = true);
    }

    pub fn note(&self, key: &str, generation: u64, note: String) {
        self.update_current(key, generation, |list| list.note = Some(note));
    }

    pub fn fail(&self, key: &str, generation: u64, error: ApiError) {
        self.update_current(key, generation, |list| list.error = Some(error));
    }

    /// A record the user just created or saved: replaced in place, or added at the end, in the
    /// connection's unfiltered list; its filtered lists are dropped (the record may or may not
    /// match them now) and read again when next shown.
    pub fn put(&self, key: &str, record: Record) {
        self.lists.update(|lists| {
            drop_filtered(lists, key);
            let Some(list) = lists.get_mut(key) else {
                return;
            };
            list.edits += 1;
            match list.records.iter_mut().find(|r| r.id == record.id) {
                Some(existing) => *existing = KeptRecord::keep(record),
                None => {
                    list.records.push(KeptRecord::keep(record));
                    list.total = list.total.map(|t| t + 1);
                }
            }
        });
    }

    /// A record the user just deleted, gone from every list of the connection.
    pub fn remove(&self, key: &str, id: &str) {
        self.lists.update(|lists| {
            drop_filtered(lists, key);
            let Some(list) = lists.get_mut(key) else {
                return;
            };
            let before = list.records.len();
            list.edits += 1;
            list.records.retain(|r| r.id != id);
            if list.records.len() < before {
                list.total = list.total.map(|t| t.saturating_sub(1));
            }
        });
    }

    fn update_current(&self, key: &str, generation: u64, change: impl FnOnce(&mut CachedList)) {
        self.lists.update(|lists| {
            if let Some(list) = lists.get_mut(key).filter(|l| l.generation == generation) {
                change(list);
            }
        });
    }
}

fn drop_filtered(lists: &mut HashMap<String, CachedList>, key: &str) {
    let prefix = format!("{key}?");
    lists.retain(|k, _| !k.starts_with(&prefix));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Vendor;
    use crate::http::Route;
    use serde_json::json;

    fn connection() -> Connection {
        Connection {
            id: "c".into(),
            vendor: Vendor::GrafanaOncall,
            label: "L".into(),
            base_url: "https://oncall.test".into(),
            route: Route::proxy("/proxy/grafana-oncall"),
            settings: Map::new(),
            note: None,
            demo: false,
            read_only: Default::default(),
        }
    }

    fn secrets(key: &str) -> Map<String, Value> {
        json!({"api_key": key}).as_object().unwrap().clone()
    }

    #[test]
    fn a_replaced_secret_gives_a_new_key_without_holding_the_secret() {
        let old = key_of(&connection(), &secrets("old-key-123"));
        let new = key_of(&connection(), &secrets("new-key-456"));
        assert_ne!(old, new);
        assert!(!old.contains("old-key-123") && !new.contains("new-key-456"));
        assert_eq!(old, key_of(&connection(), &secrets("old-key-123")));
    }

    #[test]
    fn a_changed_destination_or_setting_gives_a_new_key() {
        let base = key_of(&connection(), &secrets("k"));
        let mut moved = connection();
        moved.route = Route::Direct;
        assert_ne!(key_of(&moved, &secrets("k")), base);
        let mut other_group = connection();
        other_group.settings.insert("aid".into(), json!("42"));
        assert_ne!(key_of(&other_group, &secrets("k")), base);
    }

    #[test]
    fn two_different_filters_never_share_an_entry() {
        let base = key_of(&connection(), &secrets("k"));
        let pair = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        let one = filtered_key(&base, &pair(&[("name", "a&team_id=b")]));
        let two = filtered_key(&base, &pair(&[("name", "a"), ("team_id", "b")]));
        assert_ne!(one, two);
        assert_eq!(filtered_key(&base, &[]), base);
        assert!(one.starts_with(&format!("{base}?")));
    }
}
