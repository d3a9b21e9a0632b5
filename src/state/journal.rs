//! The change journal of this browser: every write made through Patchbay, recorded as it
//! ends, kept in localStorage (the newest `journal::KEPT`), cleared only on request.

use leptos::prelude::*;

use super::storage::{self, Area};
use super::Connection;
use crate::domain::change::FieldChange;
use crate::domain::journal::{self, Entry};
use crate::domain::ApiError;

const STORAGE_KEY: &str = "patchbay.journal";

#[derive(Clone, Copy)]
pub struct Journal {
    entries: RwSignal<Vec<Entry>>,
}

/// A write about to be recorded: where, to what, which operation and what it changes.
pub struct Write<'a> {
    pub connection: &'a Connection,
    pub integration: &'a str,
    pub name: &'a str,
    pub operation: &'a str,
    pub changes: Vec<FieldChange>,
}

impl Journal {
    pub fn provide() -> Self {
        let saved = storage::read(Area::Local, STORAGE_KEY)
            .and_then(|text| journal::read(&text).ok())
            .unwrap_or_default();
        let journal = Journal {
            entries: RwSignal::new(saved),
        };
        provide_context(journal);
        journal
    }

    pub fn use_context() -> Self {
        expect_context::<Journal>()
    }

    /// Reads the entries, newest first (tracked).
    pub fn with<T>(&self, read: impl FnOnce(&[Entry]) -> T) -> T {
        self.entries.with(|entries| read(entries))
    }

    /// Records how a write ended.
    pub fn record(&self, write: Write, outcome: Result<(), &ApiError>) {
        let entry = Entry {
            at: crate::http::now_iso(),
            connection: write.connection.id.clone(),
            connection_label: write.connection.label.clone(),
            vendor: write.connection.vendor.slug().into(),
            integration: write.integration.into(),
            name: write.name.into(),
            operation: write.operation.into(),
            changes: write.changes,
            ok: outcome.is_ok(),
            error: outcome.err().map(|e| e.message.clone()),
        };
        self.add(vec![entry]);
    }

    /// Adds a loaded journal's entries; the same write is kept once.
    pub fn load(&self, entries: Vec<Entry>) {
        self.add(entries);
    }

    /// Forgets every entry, in this browser.
    pub fn clear(&self) {
        self.entries.set(Vec::new());
        storage::remove(Area::Local, STORAGE_KEY);
    }

    fn add(&self, more: Vec<Entry>) {
        self.entries.update(|entries| journal::merge(entries, more));
        let text = self
            .entries
            .with_untracked(|entries| journal::to_json(entries, &crate::http::now_iso()));
        storage::write(Area::Local, STORAGE_KEY, &text);
    }
}
