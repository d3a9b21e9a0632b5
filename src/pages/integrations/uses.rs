//! What uses an integration, read from the vendor: the round trip that reads a connection's
//! referrers (every page, then each one's detail where the list leaves out what it names),
//! and the section of an integration's page that lists them beside what its record says.

use std::sync::Arc;

use futures_util::stream::{self, StreamExt};
use leptos::prelude::*;

use super::calls::send;
use crate::components::feedback::WaitStatus;
use crate::domain::listing::read_list;
use crate::domain::paging::{IN_FLIGHT, MAX_PAGES};
use crate::domain::references::{References, Referrer, Referrers};
use crate::domain::{ApiError, Lookups, Record, VendorApi};
use crate::http::{Target, WaitNotice};
use crate::state::cache::key_of;
use crate::state::uses::Uses;
use crate::state::{Connection, Secrets, UsesCache};

/// Reads the referrers `spec` declares, from its first page on, and each one's detail where
/// the vendor needs it.
pub async fn read_references(
    api: &'static dyn VendorApi,
    target: &Target,
    spec: Referrers,
    on_wait: &dyn Fn(WaitNotice),
) -> Result<References, ApiError> {
    let mut records: Vec<Record> = Vec::new();
    let mut cursor = None;
    for _ in 0..MAX_PAGES {
        let asked = spec.paging.request(spec.first.clone(), cursor.as_ref());
        let response = send(api, target, &asked, on_wait).await?;
        let page = read_list(
            &response,
            &spec.records,
            &spec.paging,
            cursor.as_ref(),
            &|r| api.parse_error(r, 0),
        )?;
        records.extend(page.records);
        // A next page that is this page again would never end.
        match page.next {
            Some(next) if Some(&next) != cursor.as_ref() => cursor = Some(next),
            _ => break,
        }
    }
    let referrers = match spec.detail {
        None => records
            .into_iter()
            .map(|record| Referrer {
                record,
                detail: None,
            })
            .collect(),
        // One read per referrer, a few at a time, in the vendor's order.
        Some(detail) => {
            let reads = records.into_iter().map(|record| async move {
                let response = send(api, target, &detail(&record), on_wait).await?;
                let body = response.json().map_err(|_| {
                    crate::domain::error_body::malformed(&response, "the answer is not JSON")
                })?;
                Ok::<_, ApiError>(Referrer {
                    record,
                    detail: Some(body),
                })
            });
            let read: Vec<Result<Referrer, ApiError>> =
                stream::iter(reads).buffered(IN_FLIGHT).collect().await;
            read.into_iter().collect::<Result<Vec<_>, _>>()?
        }
    };
    Ok(References::new(&spec, referrers))
}

/// What a read covers: the whole connection, or (`about`) the one integration, where the
/// vendor filters by it. Its cache key, and the referrers to read from their first page.
fn scope(
    api: &'static dyn VendorApi,
    connection: &Connection,
    about: Option<&str>,
) -> Option<(String, Referrers)> {
    let spec = api.referrers()?;
    let target = Secrets::use_context().target(connection);
    let key = key_of(connection, &target.credentials.secrets);
    Some(match (about, spec.about) {
        (Some(id), Some(only)) => (
            format!("{key}\u{1f}{id}"),
            Referrers {
                first: only(id),
                ..spec
            },
        ),
        _ => (key, spec),
    })
}

/// Whether an integration's page reads only what names it (its vendor filters by integration).
pub fn reads_one(api: &'static dyn VendorApi) -> bool {
    api.referrers().is_some_and(|r| r.about.is_some())
}

/// Starts reading what uses the connection's integrations (or only `about`, where the vendor
/// filters by integration), unless a read is under way or, without `fresh`, one has been
/// made. The read belongs to `owner` (the page), not to the effect that asks for it; a rate
/// limit it waits for is told to `notice`, where the page shows one.
pub fn read_uses(
    api: &'static dyn VendorApi,
    connection: &Connection,
    about: Option<&str>,
    (owner, notice): (&Owner, Option<RwSignal<Option<WaitNotice>>>),
    fresh: bool,
) {
    let Some((key, spec)) = scope(api, connection, about) else {
        return;
    };
    let cache = UsesCache::use_context();
    let target = Secrets::use_context().target(connection);
    let known = cache.known(&key);
    if (!fresh && known) || !cache.start(&key) {
        return;
    }
    let noun = spec.noun;
    owner.with(|| {
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            // Dropped unfinished when its page closes: the read is forgotten, not left pending.
            let mut unfinished = Unfinished {
                cache,
                key: key.clone(),
                ended: false,
            };
            let on_wait = move |n| {
                if let Some(notice) = notice {
                    notice.set(Some(n));
                }
            };
            let found = match read_references(api, &target, spec, &on_wait).await {
                Ok(references) => Uses::Read(Arc::new(references)),
                Err(error) => Uses::Failed(format!("Could not read its {noun}: {}", error.message)),
            };
            unfinished.ended = true;
            if let Some(notice) = notice {
                notice.set(None);
            }
            cache.set(&key, found);
        })
    });
}

/// A read under way; dropped before it ends, it tells the cache to forget it.
struct Unfinished {
    cache: UsesCache,
    key: String,
    ended: bool,
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        if !self.ended {
            self.cache.abandon(&self.key);
        }
    }
}

/// What the read found (the connection's, or only `about`'s where the vendor filters by
/// integration), as a tracked getter; `None` before any read.
pub fn uses_of(
    api: &'static dyn VendorApi,
    connection: &Connection,
    about: Option<&str>,
) -> impl Fn() -> Option<Uses> + Clone + Send + Sync {
    let key = scope(api, connection, about).map(|(key, _)| key);
    let cache = UsesCache::use_context();
    move || cache.get(key.as_deref()?)
}

/// Everything that uses the record: what the vendor's other objects that name it say, once
/// read (they see all its record says: OnCall's routes include its default route), else what
/// its own fields say.
pub fn used_by(
    api: &'static dyn VendorApi,
    record: &Record,
    uses: Option<&Uses>,
    lookups: &Lookups,
) -> Vec<String> {
    match uses {
        Some(Uses::Read(references)) => references.of(&record.id, lookups),
        _ => api.uses(record, lookups).unwrap_or_default(),
    }
}

/// "What uses it" on an integration's page: the record's own ties, then the vendor's objects
/// that name it, with how far reading them has come and a retry when it failed.
#[component]
pub fn UsesSection(
    api: &'static dyn VendorApi,
    connection: Connection,
    record: Signal<Record>,
    lookups: Signal<Option<Result<Lookups, ApiError>>>,
) -> impl IntoView {
    let noun = api.referrers().map(|r| r.noun);
    let from_record = api.uses(&record.get_untracked(), &Lookups::new()).is_some();
    if noun.is_none() && !from_record {
        return None;
    }
    let owner = Owner::current().expect("a page has an owner");
    let id = record.with_untracked(|r| r.id.clone());
    // A rate limit the read waits for, counting down.
    let notice = RwSignal::new(None);
    // Read on arrival (a whole connection's read another page made is reused; one integration's
    // is cheap, so read again), and again when an action changed the record (a v7 link).
    let one = reads_one(api);
    Effect::new({
        let (connection, owner, id) = (connection.clone(), owner.clone(), id.clone());
        move |ran: Option<()>| {
            record.track();
            let fresh = one || ran.is_some();
            read_uses(api, &connection, Some(&id), (&owner, Some(notice)), fresh);
        }
    });
    let uses = uses_of(api, &connection, Some(&id));
    // A read another page started and left unfinished is forgotten: this page reads instead.
    Effect::new({
        let (connection, owner, uses, id) =
            (connection.clone(), owner.clone(), uses.clone(), id.clone());
        move |_| {
            if uses().is_none() {
                read_uses(api, &connection, Some(&id), (&owner, Some(notice)), false);
            }
        }
    });
    let list = {
        let uses = uses.clone();
        move || {
            let found = lookups.get().and_then(Result::ok).unwrap_or_default();
            let used = used_by(api, &record.get(), uses().as_ref(), &found);
            let items = used
                .into_iter()
                .map(|u| view! { <li>{u}</li> })
                .collect_view();
            view! { <ul class="uses">{items}</ul> }
        }
    };
    let status = move || {
        let empty = used_by(api, &record.get(), uses().as_ref(), &Lookups::new()).is_empty();
        let Some(noun) = noun else {
            return empty.then(|| {
                view! { <p class="notice" role="status">"Nothing uses it."</p> }.into_any()
            });
        };
        Some(match uses() {
            None | Some(Uses::Reading) => {
                view! { <p role="status">{format!("Reading its {noun}…")}</p> }.into_any()
            }
            Some(Uses::Failed(why)) => {
                let (connection, owner, id) = (connection.clone(), owner.clone(), id.clone());
                view! {
                    <p class="error" role="alert">{why}" "
                        <button type="button" on:click=move |_| read_uses(api, &connection, Some(&id), (&owner, Some(notice)), true)>"Retry"</button>
                    </p>
                }
                .into_any()
            }
            Some(Uses::Read(read)) if empty => {
                let text = format!(
                    "Nothing uses it: none of the {} read takes its alerts.",
                    counted(read.len(), noun)
                );
                view! { <p class="notice" role="status">{text}</p> }.into_any()
            }
            Some(Uses::Read(read)) => {
                let text = format!("Read from {}.", counted(read.len(), noun));
                view! { <p class="muted">{text}</p> }.into_any()
            }
        })
    };
    Some(view! {
        <section class="uses" aria-labelledby="uses-title">
            <h3 id="uses-title">"What uses it"</h3>
            {list}
            {status}
            <WaitStatus notice vendor=api.vendor().title()/>
        </section>
    })
}

/// "1 route", "153 routes" (the nouns are plain English plurals).
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {}", noun.strip_suffix('s').unwrap_or(noun))
    } else {
        format!("{n} {noun}")
    }
}
