//! What uses each connection's integrations, as last read from the vendor (its alert rules,
//! routes, subscriptions): an integration's page, its delete and the inventory's "unused"
//! check read the same answer. Keyed like the list cache, so a connection that now points
//! elsewhere starts from nothing.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::references::References;

/// Where one connection's read of what uses its integrations stands.
#[derive(Clone, Debug)]
pub enum Uses {
    Reading,
    Read(Arc<References>),
    /// Why it could not be read; the message names the vendor's objects.
    Failed(String),
}

/// By cache key; a handful of connections, so a list.
#[derive(Clone, Copy)]
pub struct UsesCache {
    found: RwSignal<Vec<(String, Uses)>>,
}

impl UsesCache {
    pub fn provide() -> Self {
        let cache = UsesCache {
            found: RwSignal::new(Vec::new()),
        };
        provide_context(cache);
        cache
    }

    pub fn use_context() -> Self {
        expect_context::<UsesCache>()
    }

    /// One connection's (tracked).
    pub fn get(&self, key: &str) -> Option<Uses> {
        self.found.with(|found| Self::of(found, key).cloned())
    }

    fn of<'a>(found: &'a [(String, Uses)], key: &str) -> Option<&'a Uses> {
        found.iter().find(|(k, _)| k == key).map(|(_, uses)| uses)
    }

    /// Whether a read was started or made (untracked).
    pub fn known(&self, key: &str) -> bool {
        self.found
            .with_untracked(|found| Self::of(found, key).is_some())
    }

    /// Marks a read started; `false` when one is already under way (nothing is started twice).
    pub fn start(&self, key: &str) -> bool {
        let reading = self
            .found
            .with_untracked(|found| matches!(Self::of(found, key), Some(Uses::Reading)));
        if !reading {
            self.set(key, Uses::Reading);
        }
        !reading
    }

    /// Forgets a read that was dropped before it ended (its page closed), so the next page
    /// that asks reads again instead of waiting for it.
    pub fn abandon(&self, key: &str) {
        let reading = self
            .found
            .with_untracked(|found| matches!(Self::of(found, key), Some(Uses::Reading)));
        if reading {
            self.found.update(|found| found.retain(|(k, _)| k != key));
        }
    }

    /// Forgets what was read of the connection `key` (whole, and of each of its integrations)
    /// once a write through Patchbay may have changed it: the next page that asks reads again.
    pub fn forget(&self, key: &str) {
        let one = format!("{key}\u{1f}");
        self.found
            .update(|found| found.retain(|(k, _)| k != key && !k.starts_with(&one)));
    }

    pub fn set(&self, key: &str, uses: Uses) {
        self.found.update(|found| {
            found.retain(|(k, _)| k != key);
            found.push((key.to_string(), uses));
        });
    }
}
