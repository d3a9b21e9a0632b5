//! The lookups a vendor page needs, read once per connection and then shared.

use leptos::prelude::*;

use super::calls::load_lookups;
use crate::domain::{ApiError, Lookups, VendorApi};
use crate::state::cache::key_of;
use crate::state::{Connection, LookupCache, Secrets};

/// The connection's lookups: `None` while they load. A vendor without lookups answers at once.
pub fn use_lookups(
    api: &'static dyn VendorApi,
    connection: &Connection,
) -> Signal<Option<Result<Lookups, ApiError>>> {
    if api.lookups().is_empty() {
        return Signal::derive(|| Some(Ok(Lookups::new())));
    }
    let cache = LookupCache::use_context();
    let secrets = Secrets::use_context();
    let key = key_of(connection, &untrack(|| secrets.values(&connection.id)));
    // Nothing is written here, while the page is being built: a write would wake the page
    // being left, whose effects may run after it is gone. A failed earlier read stays shown
    // until this read replaces it.
    let cached = untrack(|| cache.get(&key));
    if !matches!(cached, Some(Ok(_))) {
        let target = secrets.target(connection);
        let key = key.clone();
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let result = load_lookups(api, &target, &|_| {}).await;
            cache.set(&key, result);
        });
    }
    Signal::derive(move || cache.get(&key))
}
