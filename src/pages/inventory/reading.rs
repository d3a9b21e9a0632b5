//! Reading every connection at once for the inventory: each connection's list loads into the
//! shared list cache (so its own page opens on what was read here), all of them together, and
//! each record becomes an inventory row once, when it lands.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::hygiene::NEAR_QUOTA;
use crate::domain::inventory::{row_with, InventoryRow, Referenced};
use crate::domain::quota::Quota;
use crate::domain::references::References;
use crate::domain::{ListQuery, Lookups};
use crate::http::WaitNotice;
use crate::pages::integrations::load_all;
use crate::state::cache::{key_of, CachedList, ListStatus};
use crate::state::connection_file::problem_of;
use crate::state::uses::Uses;
use crate::state::{Connection, ListCache, Secrets, UsesCache};

/// Where one connection's reading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// Its list is read (or being read, or failed): how far.
    Read(ListStatus),
    /// A credential is missing; the message names it.
    NeedsCredentials(String),
    /// Its saved settings fail today's rules: nothing is sent.
    NeedsAttention(String),
}

/// One connection as the inventory shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub connection: Connection,
    pub key: String,
    pub reading: Reading,
}

/// The rows made so far for one connection's cached list, and the list state they were made
/// from: while its (load, edits) stamp stays, records are only added at the end.
#[derive(Default)]
struct Made {
    stamp: Option<(u64, u64)>,
    /// The read of what uses them the rows were made with (held, so a later read is never
    /// mistaken for it).
    uses: Option<Arc<References>>,
    /// The vendor's quota the rows were made with, when it is nearly used up.
    quota: Option<Quota>,
    rows: Vec<InventoryRow>,
}

impl Made {
    /// Brings the rows up to `list`: only the records added since are made, unless the list
    /// was read again or edited (another stamp), or what uses them was read, when all are
    /// made anew.
    fn sync(
        &mut self,
        connection: &Connection,
        list: Option<&CachedList>,
        uses: Option<&Uses>,
        quota: Option<&Quota>,
    ) {
        let Some(list) = list else {
            *self = Made::default();
            return;
        };
        let Some(api) = connection.api() else { return };
        let read = match uses {
            Some(Uses::Read(references)) => Some(Arc::clone(references)),
            _ => None,
        };
        let same_read = match (&self.uses, &read) {
            (Some(made), Some(now)) => Arc::ptr_eq(made, now),
            (made, now) => made.is_none() && now.is_none(),
        };
        let stamp = Some(list.stamp());
        let quota = quota.filter(|q| q.near()).cloned();
        if self.stamp != stamp
            || !same_read
            || self.quota != quota
            || self.rows.len() > list.records.len()
        {
            *self = Made {
                stamp,
                uses: read,
                quota,
                rows: Vec::new(),
            };
        }
        let names = (connection.id.as_str(), connection.label.as_str());
        let lookups = Lookups::new();
        let start = self.rows.len();
        let referenced = match &self.uses {
            Some(references) => Referenced::Read(references),
            None if api.referrers().is_none() => Referenced::NoReader,
            None => Referenced::NotRead,
        };
        let near = self.quota.as_ref().map(Quota::said);
        self.rows.extend(list.records[start..].iter().map(|kept| {
            let mut row = row_with(api, names, &kept.record(), &lookups, referenced);
            if let Some(said) = &near {
                row.findings.push((NEAR_QUOTA, said.clone()));
            }
            row
        }));
    }
}

/// What the page reads: every connection's reading, and the rows of all of them.
#[derive(Clone, Copy)]
pub struct Inventory {
    pub sources: Memo<Vec<Source>>,
    /// By connection id; a handful of connections, so a list.
    made: StoredValue<Vec<(String, Made)>>,
    /// Bumped whenever rows were added or remade: what derives from the rows tracks it.
    version: Memo<u64>,
    /// Each connection's quota on integrations, where its vendor reports one, by cache key.
    quotas: RwSignal<Vec<(String, Quota)>>,
    /// Each connection's wait notice (a 429 counting down), by connection id.
    waits: StoredValue<Vec<(String, RwSignal<Option<WaitNotice>>)>>,
    /// The lists this page has started reading, so each is read once per visit.
    started: StoredValue<Vec<String>>,
    /// The page's owner: reads and their notices belong to the page, not to the effect that
    /// starts them (an effect's next run would cancel them).
    owner: StoredValue<Owner>,
    cache: ListCache,
    secrets: Secrets,
}

impl Inventory {
    /// Starts reading every usable connection that has nothing cached yet.
    pub fn new(connections: Signal<Vec<Connection>>) -> Self {
        let cache = ListCache::use_context();
        let secrets = Secrets::use_context();
        let uses = UsesCache::use_context();
        let sources = Memo::new(move |_| {
            connections
                .get()
                .into_iter()
                .filter_map(|connection| source_of(connection, cache, secrets))
                .collect::<Vec<_>>()
        });
        let made = StoredValue::new(Vec::<(String, Made)>::new());
        let quotas = RwSignal::new(Vec::<(String, Quota)>::new());
        let version = Memo::new(move |previous: Option<&u64>| {
            let connections: Vec<(String, Connection)> = sources.with(|all| {
                all.iter()
                    .map(|s| (s.key.clone(), s.connection.clone()))
                    .collect()
            });
            made.update_value(|made| {
                made.retain(|(id, _)| connections.iter().any(|(_, c)| c.id == *id));
                for (key, connection) in &connections {
                    let at = match made.iter().position(|(id, _)| *id == connection.id) {
                        Some(at) => at,
                        None => {
                            made.push((connection.id.clone(), Made::default()));
                            made.len() - 1
                        }
                    };
                    let found = uses.get(key);
                    let quota = quotas
                        .with(|all| all.iter().find(|(k, _)| k == key).map(|(_, q)| q.clone()));
                    cache.with(key, |list| {
                        made[at]
                            .1
                            .sync(connection, list, found.as_ref(), quota.as_ref())
                    });
                }
            });
            previous.map_or(0, |v| v + 1)
        });
        let inventory = Inventory {
            sources,
            made,
            quotas,
            version,
            waits: StoredValue::new(Vec::new()),
            started: StoredValue::new(Default::default()),
            owner: StoredValue::new(Owner::current().expect("a page has an owner")),
            cache,
            secrets,
        };
        // Every usable connection not read completely yet starts reading, all at once (a read
        // left behind by an earlier visit is started again; the newer one wins).
        Effect::new(move |_| {
            for source in sources.get() {
                let Reading::Read(status) = &source.reading else {
                    continue;
                };
                let fresh = inventory
                    .started
                    .try_update_value(|started| {
                        let fresh = !started.contains(&source.key);
                        if fresh {
                            started.push(source.key.clone());
                        }
                        fresh
                    })
                    .unwrap_or(false);
                if fresh && !status.complete {
                    inventory.read(&source);
                }
                // Once its list is whole, what uses its integrations.
                if status.complete {
                    inventory.read_uses(&source);
                    inventory.read_quota(&source, status.loaded as u64);
                }
            }
        });
        inventory
    }

    /// Reads (again) one connection's whole list.
    pub fn read(&self, source: &Source) {
        let Some(api) = source.connection.api() else {
            return;
        };
        let owner = self.owner.get_value();
        let id = &source.connection.id;
        let notice = self.waits.try_update_value(|waits| {
            if let Some((_, notice)) = waits.iter().find(|(w, _)| w == id) {
                return *notice;
            }
            let notice = owner.with(|| RwSignal::new(None));
            waits.push((id.clone(), notice));
            notice
        });
        let Some(notice) = notice else { return };
        let (cache, target, key) = (
            self.cache,
            self.secrets.target(&source.connection),
            source.key.clone(),
        );
        owner.with(|| {
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let query = ListQuery::default();
                load_all(api, &target, &query, cache, &key, &move |n| {
                    notice.set(Some(n))
                })
                .await;
                notice.set(None);
            })
        });
    }

    /// Reads what uses one connection's integrations, where its vendor lists that and nothing
    /// has read it yet.
    fn read_uses(&self, source: &Source) {
        self.read_uses_with(source, false);
    }

    /// Reads what uses one connection's integrations again (its read failed).
    pub fn read_uses_again(&self, source: &Source) {
        self.read_uses_with(source, true);
    }

    fn read_uses_with(&self, source: &Source, fresh: bool) {
        if let Some(api) = source.connection.api() {
            let owner = self.owner.get_value();
            crate::pages::integrations::uses::read_uses(
                api,
                &source.connection,
                None,
                (&owner, None),
                fresh,
            );
        }
    }

    /// Reads the vendor's quota on integrations once a visit, where it reports one.
    fn read_quota(&self, source: &Source, counted: u64) {
        let Some(api) = source.connection.api().filter(|api| api.quota().is_some()) else {
            return;
        };
        let mark = format!("quota\u{1f}{}", source.key);
        let fresh = self
            .started
            .try_update_value(|started| {
                let fresh = !started.contains(&mark);
                if fresh {
                    started.push(mark);
                }
                fresh
            })
            .unwrap_or(false);
        if !fresh {
            return;
        }
        let (quotas, key) = (self.quotas, source.key.clone());
        let target = self.secrets.target(&source.connection);
        self.owner.get_value().with(|| {
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let read = crate::pages::integrations::read_quota(api, &target, counted).await;
                if let Some(quota) = read {
                    quotas.update(|all| all.push((key, quota)));
                }
            })
        });
    }

    /// The wait notice of one connection, if it has waited.
    pub fn wait_of(&self, id: &str) -> Option<RwSignal<Option<WaitNotice>>> {
        self.waits
            .with_value(|waits| waits.iter().find(|(w, _)| w == id).map(|(_, n)| *n))
    }

    /// How many times the rows were added to or remade (tracked).
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Reads every row made so far (tracked through `version`).
    pub fn with_rows<T>(&self, read: impl FnOnce(Vec<&InventoryRow>) -> T) -> T {
        // Read, not only tracked: a memo brings the rows up to date only when it is read.
        let _made_up_to = self.version.get();
        self.made.with_value(|made| {
            // In the order of the connections, so the inventory reads like the side navigation.
            let order = self.sources.with_untracked(|all| {
                all.iter()
                    .map(|s| s.connection.id.clone())
                    .collect::<Vec<_>>()
            });
            read(
                order
                    .iter()
                    .filter_map(|id| made.iter().find(|(m, _)| m == id))
                    .flat_map(|(_, m)| m.rows.iter())
                    .collect(),
            )
        })
    }
}

/// A connection's reading, or `None` for a vendor whose pages are not built.
fn source_of(connection: Connection, cache: ListCache, secrets: Secrets) -> Option<Source> {
    connection.api()?;
    let values = secrets.values(&connection.id);
    let key = key_of(&connection, &values);
    let reading = if let Some(problem) = problem_of(&connection) {
        Reading::NeedsAttention(problem)
    } else if let Err(missing) = connection
        .vendor
        .auth_headers(&connection.target(values).credentials)
    {
        Reading::NeedsCredentials(missing)
    } else {
        Reading::Read(cache.with(&key, |l| l.map(|l| l.status()).unwrap_or_default()))
    };
    Some(Source {
        connection,
        key,
        reading,
    })
}
