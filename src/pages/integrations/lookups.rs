//! The lookups a vendor page needs, read once per connection and then shared.

use leptos::prelude::*;

use super::calls::load_lookups;
use crate::domain::records::BASE_URL;
use crate::domain::{ApiError, Choice, Lookups, VendorApi};
use crate::state::cache::key_of;
use crate::state::{Connection, LookupCache, Secrets};

/// The connection's lookups: `None` while they load. A vendor without lookups answers at once.
pub fn use_lookups(
    api: &'static dyn VendorApi,
    connection: &Connection,
) -> Signal<Option<Result<Lookups, ApiError>>> {
    // The connection's base URL rides along, for cells that build a URL from it.
    let base = connection.base_url.clone();
    let with_base = move |mut lookups: Lookups| {
        lookups.insert(
            BASE_URL.to_string(),
            vec![Choice::new(base.clone(), base.clone())],
        );
        lookups
    };
    if api.lookups().is_empty() {
        let fixed = with_base(Lookups::new());
        return Signal::derive(move || Some(Ok(fixed.clone())));
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
            let on_wait = move |notice| cache.waiting.set(Some(notice));
            let result = load_lookups(api, &target, &on_wait).await;
            cache.waiting.set(None);
            cache.set(&key, result.map(with_base));
        });
    }
    Signal::derive(move || cache.get(&key))
}
