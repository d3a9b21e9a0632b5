//! The connections the console knows, shared by every page. They persist in localStorage as
//! a connections file (no secrets). Until the user changes anything, the deployment's preset
//! (`connections.json`) is used, so an updated preset reaches users who never customised.

use leptos::prelude::*;

use serde_json::{Map, Value};

use super::connection::Connection;
use super::connection_file::{demo_secrets, export_file, import_file, problem_of, read_saved};
use super::credentials::Secrets;
use super::storage::{self, Area};
use crate::domain::Vendor;

const STORAGE_KEY: &str = "patchbay.connections";
/// From the site's root, so a first visit to a deep link (`/c/x/i/y`) finds it too.
const PRESET_URL: &str = "/connections.json";

#[derive(Clone, Copy)]
pub struct Connections {
    list: RwSignal<Vec<Connection>>,
    /// Saved entries this version cannot read: kept and written back as they were.
    unreadable: RwSignal<Vec<Value>>,
    loaded: RwSignal<bool>,
    secrets: Secrets,
}

impl Connections {
    /// Loads the saved connections, or the preset when nothing (readable) is saved, and
    /// shares them. `secrets` loses a connection's secrets when its destination changes.
    pub fn provide(secrets: Secrets) -> Self {
        let store = Connections {
            list: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            loaded: RwSignal::new(false),
            secrets,
        };
        let saved = storage::read(Area::Local, STORAGE_KEY).and_then(|text| read_saved(&text).ok());
        let has_demo = match saved {
            Some(saved) => {
                let has_demo = saved.connections.iter().any(|c| c.demo);
                store.list.set(saved.connections);
                store.unreadable.set(saved.unreadable);
                store.loaded.set(true);
                has_demo
            }
            None => true,
        };
        // The preset is read when nothing is saved, and for the demo credentials of demo
        // connections (kept in memory only, like typed secrets that are not remembered).
        if has_demo {
            let use_list = !store.loaded.get_untracked();
            leptos::task::spawn_local(async move {
                let text = fetch_preset().await;
                let preset = import_file(&text)
                    .map(|i| i.connections)
                    .unwrap_or_default();
                if use_list {
                    store.list.set(preset.clone());
                }
                store.give_demo_secrets(&preset, &demo_secrets(&text));
                // Set once: pages redraw when it changes, and a redraw restarts their reads.
                if use_list {
                    store.loaded.set(true);
                }
            });
        }
        provide_context(store);
        store
    }

    pub fn use_context() -> Self {
        expect_context::<Connections>()
    }

    /// Gives each demo connection that has no secrets yet the preset's demo credentials, when
    /// it still points where the preset's entry does.
    fn give_demo_secrets(&self, preset: &[Connection], demo: &[(String, Map<String, Value>)]) {
        let list = self.list.get_untracked();
        for connection in list.iter().filter(|c| c.demo) {
            let same_place = preset.iter().any(|p| {
                p.id == connection.id
                    && p.demo
                    && p.vendor == connection.vendor
                    && p.base_url == connection.base_url
                    && p.route == connection.route
            });
            let given = demo.iter().find(|(id, _)| *id == connection.id);
            if let (true, Some((_, secrets))) = (same_place, given) {
                if !self.secrets.has_any(&connection.id) {
                    self.secrets.save(&connection.id, secrets.clone(), false);
                }
            }
        }
    }

    /// False until the saved list or the preset has been read.
    pub fn loaded(&self) -> bool {
        self.loaded.get()
    }

    pub fn all(&self) -> Vec<Connection> {
        self.list.get()
    }

    /// How many saved entries could not be read at all (kept, exported, never sent to).
    pub fn unreadable_count(&self) -> usize {
        self.unreadable.with(Vec::len)
    }

    /// Why a saved connection cannot be used as it is (see `problem_of`).
    pub fn problem(&self, id: &str) -> Option<String> {
        self.list
            .with(|list| list.iter().find(|c| c.id == id).and_then(problem_of))
    }

    pub fn find(&self, id: &str) -> Option<Connection> {
        self.list
            .with(|list| list.iter().find(|c| c.id == id).cloned())
    }

    /// The connections of each vendor that has any, in the vendors' fixed order.
    pub fn by_vendor(&self) -> Vec<(Vendor, Vec<Connection>)> {
        self.list.with(|list| {
            Vendor::ALL
                .into_iter()
                .map(|vendor| {
                    (
                        vendor,
                        list.iter()
                            .filter(|c| c.vendor == vendor)
                            .cloned()
                            .collect::<Vec<_>>(),
                    )
                })
                .filter(|(_, connections)| !connections.is_empty())
                .collect()
        })
    }

    /// Adds or replaces (same id) a connection and saves. `false` if the browser refused.
    pub fn save(&self, connection: Connection) -> bool {
        self.put(vec![connection])
    }

    /// Saves `connection` in place of the one saved as `old_id` (a connection whose id broke
    /// today's rules gets a new one when it is fixed); the old id's secrets are forgotten.
    pub fn save_replacing(&self, old_id: &str, connection: Connection) -> bool {
        if old_id != connection.id {
            self.list.update(|list| {
                if let Some(existing) = list.iter_mut().find(|c| c.id == old_id) {
                    *existing = connection.clone();
                }
            });
            self.secrets.forget(old_id);
        }
        self.put(vec![connection])
    }

    pub fn remove(&self, id: &str) -> bool {
        self.list.update(|list| list.retain(|c| c.id != id));
        self.secrets.forget(id);
        self.persist()
    }

    /// Merges imported connections: an id already present is replaced.
    pub fn import(&self, connections: Vec<Connection>) -> bool {
        self.put(connections)
    }

    /// Adds or replaces by id. A replaced connection that now points elsewhere loses its
    /// secrets, so a changed base URL (or a file reusing an id) never receives them.
    fn put(&self, connections: Vec<Connection>) -> bool {
        let mut moved = Vec::new();
        self.list.update(|list| {
            for connection in connections {
                match list.iter_mut().find(|c| c.id == connection.id) {
                    Some(existing) => {
                        if !existing.same_destination(&connection) {
                            moved.push(connection.id.clone());
                        }
                        *existing = connection;
                    }
                    None => list.push(connection),
                }
            }
        });
        for id in moved {
            self.secrets.forget(&id);
        }
        self.persist()
    }

    /// The export file of every connection.
    pub fn export(&self) -> String {
        self.list
            .with(|list| self.unreadable.with(|kept| export_file(list, kept)))
    }

    fn persist(&self) -> bool {
        let text = self.list.with_untracked(|list| {
            self.unreadable
                .with_untracked(|kept| export_file(list, kept))
        });
        storage::write(Area::Local, STORAGE_KEY, &text)
    }
}

/// The deployment's preset; a missing or broken preset means starting with none.
async fn fetch_preset() -> String {
    let Ok(response) = gloo_net::http::Request::get(PRESET_URL).send().await else {
        return String::new();
    };
    if !response.ok() {
        return String::new();
    }
    response.text().await.unwrap_or_default()
}
