//! The round trips vendor pages make: a request built by the vendor module, sent by the fetch
//! layer, its answer read back by the vendor module. Pages call these; nothing here renders.

use std::collections::HashSet;

use crate::domain::auth::scoped;
use crate::domain::paging::{self, Onward};
use crate::domain::{
    ApiError, Cursor, ErrorKind, ListQuery, Lookups, Record, Request, Response, VendorApi,
};
use crate::http::client::now_ms;
use crate::http::{Client, Target, WaitNotice};
use crate::state::ListCache;

/// Sends `request` and turns any error status into the vendor's `ApiError`.
pub async fn send(
    api: &'static dyn VendorApi,
    target: &Target,
    request: &Request,
    on_wait: &dyn Fn(WaitNotice),
) -> Result<Response, ApiError> {
    // Settings the vendor wants on every call (an account group) join here, once.
    let request = scoped(request.clone(), api.connection_query(), &target.credentials);
    let response = Client::default().send(target, &request, on_wait).await?;
    if response.is_success() {
        Ok(response)
    } else {
        Err(api.parse_error(&response, now_ms()))
    }
}

pub async fn fetch_one(
    api: &'static dyn VendorApi,
    target: &Target,
    id: &str,
    on_wait: &dyn Fn(WaitNotice),
) -> Result<Record, ApiError> {
    let response = send(api, target, &api.get_request(id), on_wait).await?;
    api.parse_one(&response)
}

/// Reads every page into the cache under `key`, following the vendor's cursor, so the list
/// grows (and its progress shows) page by page. Stops at the first error, keeping what was read.
/// When the vendor fails a filtered read with a server error (OnCall's team filter does), the
/// list is read unfiltered and filtered here instead, and the list says so.
pub async fn load_all(
    api: &'static dyn VendorApi,
    target: &Target,
    query: &ListQuery,
    cache: ListCache,
    key: &str,
    on_wait: &dyn Fn(WaitNotice),
) {
    let mut generation = cache.start(key);
    let mut outcome = read_pages(api, target, query, cache, key, generation, None, on_wait).await;
    // Failed on the very first filtered page with a server error: read unfiltered instead.
    if let Err((0, error)) = &outcome {
        if error.status.is_some_and(|s| s >= 500) && !query.filters.is_empty() {
            let status = error.status.unwrap_or(500);
            generation = cache.start(key);
            cache.note(
                key,
                generation,
                format!(
                    "{} failed to filter this list (HTTP {status}), so Patchbay read every \
                     integration and filtered them here.",
                    api.vendor().title()
                ),
            );
            let unfiltered = ListQuery {
                filters: Vec::new(),
                ..query.clone()
            };
            let keep = |record: &Record| record.matches(&query.filters);
            let keep: &dyn Fn(&Record) -> bool = &keep;
            outcome = read_pages(
                api,
                target,
                &unfiltered,
                cache,
                key,
                generation,
                Some(keep),
                on_wait,
            )
            .await;
        }
    }
    match outcome {
        Ok(()) => cache.finish(key, generation),
        Err((_, error)) => cache.fail(key, generation, error),
    }
}

/// Reads pages into the cache until the vendor has no next page. `keep` filters records here
/// (the vendor's total then counts what it sent, not what is kept). An error comes with the
/// number of pages read before it.
#[allow(clippy::too_many_arguments)]
async fn read_pages(
    api: &'static dyn VendorApi,
    target: &Target,
    query: &ListQuery,
    cache: ListCache,
    key: &str,
    generation: u64,
    keep: Option<&dyn Fn(&Record) -> bool>,
    on_wait: &dyn Fn(WaitNotice),
) -> Result<(), (usize, ApiError)> {
    let mut cursor = None;
    let mut followed = HashSet::new();
    let (mut pages, mut read, mut total) = (0usize, 0u64, None);
    loop {
        let request = api
            .list_request(query, cursor.as_ref())
            .map_err(|e| (pages, e))?;
        let mut page = match send(api, target, &request, on_wait).await {
            Ok(response) => api.parse_list(&response, cursor.as_ref()),
            Err(error) => Err(list_not_found(error, &request)),
        }
        .map_err(|e| (pages, e))?;
        let next = page.next.clone();
        pages += 1;
        read += (page.records.len() + page.skipped) as u64;
        total = page.total.or(total);
        if let Some(keep) = keep {
            page.records.retain(|r| keep(r));
            page.total = None;
        }
        cache.append(key, generation, page);
        let Some(next) = next else {
            return Ok(());
        };
        if let Onward::Stop(why) = paging::after_page(pages, read, total) {
            return Err((pages, ApiError::new(ErrorKind::Malformed, why)));
        }
        // A cursor seen before would loop forever: stop and say why.
        if !followed.insert(next.clone()) {
            let why =
                "The vendor's next page points back to a page already read; the list stops here.";
            return Err((pages, ApiError::new(ErrorKind::Malformed, why)));
        }
        cursor = Some(next);
    }
}

/// A 404 on a list read means the address is wrong, not that an integration is gone.
fn list_not_found(error: ApiError, request: &Request) -> ApiError {
    if error.status != Some(404) {
        return error;
    }
    ApiError {
        message: format!(
            "The vendor has no list at {} (HTTP 404): check the connection's base URL and, \
             for a proxy route, where the proxy forwards it.",
            request.path
        ),
        ..error
    }
}

/// Reads every lookup the vendor declares, each through all its pages.
pub async fn load_lookups(
    api: &'static dyn VendorApi,
    target: &Target,
    on_wait: &dyn Fn(WaitNotice),
) -> Result<Lookups, ApiError> {
    let mut lookups = Lookups::new();
    for lookup in api.lookups() {
        let mut choices = Vec::new();
        let mut request = lookup.first.clone();
        let mut followed = HashSet::new();
        for _ in 0..paging::MAX_PAGES {
            let response = send(api, target, &request, on_wait)
                .await
                .map_err(|mut error| {
                    error.message =
                        format!("Could not read the {}: {}", lookup.what, error.message);
                    error
                })?;
            let page = api.parse_lookup(&response)?;
            choices.extend(page.choices);
            match page.next {
                Some(Cursor::Link(link)) if followed.insert(link.clone()) => {
                    request = Request::get(link)
                }
                _ => break,
            }
        }
        lookups.insert(lookup.pointer, choices);
    }
    Ok(lookups)
}
