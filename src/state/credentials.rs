//! Secrets, kept apart from connections. In memory by default (a reload forgets them); in this
//! tab's sessionStorage when the user ticks "remember"; never in localStorage, a URL, a log or
//! an export. The UI only ever gets them masked.

use std::collections::{BTreeMap, HashMap, HashSet};

use leptos::prelude::*;
use serde_json::{Map, Value};

use super::storage::{self, Area};
use crate::domain::safety::mask_secret;

const SESSION_PREFIX: &str = "patchbay.secrets.";

/// The secrets of one connection. Its Debug output never shows a value.
#[derive(Clone, Default, PartialEq)]
pub struct SecretValues(Map<String, Value>);

impl std::fmt::Debug for SecretValues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()
    }
}

#[derive(Clone, Copy)]
pub struct Secrets {
    values: RwSignal<HashMap<String, SecretValues>>,
    remembered: RwSignal<HashSet<String>>,
}

impl Secrets {
    /// Shares the store, with whatever this tab remembered.
    pub fn provide() -> Self {
        let mut values = HashMap::new();
        let mut remembered = HashSet::new();
        for key in storage::keys_with_prefix(Area::Session, SESSION_PREFIX) {
            let id = key[SESSION_PREFIX.len()..].to_string();
            let stored = storage::read(Area::Session, &key)
                .and_then(|text| serde_json::from_str::<Map<String, Value>>(&text).ok());
            if let Some(map) = stored {
                values.insert(id.clone(), SecretValues(map));
                remembered.insert(id);
            }
        }
        let store = Secrets {
            values: RwSignal::new(values),
            remembered: RwSignal::new(remembered),
        };
        provide_context(store);
        store
    }

    pub fn use_context() -> Self {
        expect_context::<Secrets>()
    }

    /// Stores the secrets typed for a connection. Blank values keep what was saved (the user
    /// did not replace it); `remember` decides whether this tab's session storage holds them.
    pub fn save(&self, id: &str, typed: Map<String, Value>, remember: bool) {
        self.values.update(|all| {
            let entry = all.entry(id.to_string()).or_default();
            for (key, value) in typed {
                if value.as_str().is_some_and(|s| !s.is_empty()) {
                    entry.0.insert(key, value);
                }
            }
        });
        let key = format!("{SESSION_PREFIX}{id}");
        let current = self
            .values
            .with_untracked(|all| all.get(id).cloned().unwrap_or_default());
        if remember && storage::write(Area::Session, &key, &Value::Object(current.0).to_string()) {
            self.remembered.update(|r| {
                r.insert(id.to_string());
            });
        } else {
            storage::remove(Area::Session, &key);
            self.remembered.update(|r| {
                r.remove(id);
            });
        }
    }

    /// Forgets every secret of a connection, in memory and in the tab.
    pub fn forget(&self, id: &str) {
        self.values.update(|all| {
            all.remove(id);
        });
        self.remembered.update(|r| {
            r.remove(id);
        });
        storage::remove(Area::Session, &format!("{SESSION_PREFIX}{id}"));
    }

    /// Where and how to reach a connection's vendor, with the secrets held now (read without
    /// tracking: a request in flight does not restart when a secret is replaced).
    pub fn target(&self, connection: &super::Connection) -> crate::http::Target {
        connection.target(untrack(|| self.values(&connection.id)))
    }

    /// The secrets to authenticate a request with.
    pub fn values(&self, id: &str) -> Map<String, Value> {
        self.values
            .with(|all| all.get(id).map(|s| s.0.clone()).unwrap_or_default())
    }

    /// Masked secrets keyed by their form pointer (`/secrets/<key>`), for display only.
    pub fn masked(&self, id: &str) -> BTreeMap<String, String> {
        self.values.with(|all| {
            all.get(id)
                .map(|s| {
                    s.0.iter()
                        .filter_map(|(key, value)| {
                            Some((format!("/secrets/{key}"), mask_secret(value.as_str()?)))
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    pub fn has_any(&self, id: &str) -> bool {
        self.values
            .with(|all| all.get(id).is_some_and(|s| !s.0.is_empty()))
    }

    pub fn is_remembered(&self, id: &str) -> bool {
        self.remembered.with(|r| r.contains(id))
    }
}
