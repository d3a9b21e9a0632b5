//! Lookups (teams, escalation chains) per connection, read once and shared by its list,
//! forms and pages. Keyed like the list cache, by where the connection points.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::{ApiError, Lookups};

#[derive(Clone, Copy)]
pub struct LookupCache {
    loaded: RwSignal<HashMap<String, Result<Lookups, ApiError>>>,
    /// Why a lookup read is waiting (a 429, a retry), for the connection's pages to say.
    pub waiting: RwSignal<Option<crate::http::WaitNotice>>,
}

impl LookupCache {
    pub fn provide() -> Self {
        let cache = LookupCache {
            loaded: RwSignal::new(HashMap::new()),
            waiting: RwSignal::new(None),
        };
        provide_context(cache);
        cache
    }

    pub fn use_context() -> Self {
        expect_context::<LookupCache>()
    }

    /// What was read for `key`; `None` while nothing was.
    pub fn get(&self, key: &str) -> Option<Result<Lookups, ApiError>> {
        self.loaded.with(|all| all.get(key).cloned())
    }

    pub fn set(&self, key: &str, result: Result<Lookups, ApiError>) {
        self.loaded.update(|all| {
            all.insert(key.to_string(), result);
        });
    }
}
