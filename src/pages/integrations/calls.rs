//! The round trips vendor pages make: a request built by the vendor module, sent by the fetch
//! layer, its answer read back by the vendor module. Pages call these; nothing here renders.

use std::collections::HashSet;

use futures_util::future::try_join_all;
use futures_util::stream::{FuturesOrdered, StreamExt};

use crate::domain::auth::scoped;
use crate::domain::budget::Budget;
use crate::domain::paging::{self, Onward};
use crate::domain::records::Lookup;
use crate::domain::{
    ApiError, Choice, Cursor, ErrorKind, ListQuery, Lookups, Page, Record, Request, Response,
    VendorApi,
};
use crate::http::{Client, Target, WaitNotice};
use crate::state::{budget, ListCache};

/// Sends `request` and turns any error status into the vendor's `ApiError`.
pub async fn send(
    api: &'static dyn VendorApi,
    target: &Target,
    request: &Request,
    on_wait: &dyn Fn(WaitNotice),
) -> Result<Response, ApiError> {
    // Settings the vendor wants on every call (an account group) join here, once.
    let request = scoped(request.clone(), api.connection_query(), &target.credentials);
    let answer = Client::default()
        .send_expecting_success(target, &request, on_wait, |response, now| {
            api.parse_error(response, now)
        })
        .await;
    if let Ok(response) = &answer {
        let signals = target.vendor.rate_limit_signals();
        if let Some(budget) = Budget::of(response, signals, crate::http::now_ms()) {
            budget::note(&target.base_url, budget);
        }
    }
    answer
}

pub async fn fetch_one(
    api: &'static dyn VendorApi,
    target: &Target,
    id: &str,
    on_wait: &dyn Fn(WaitNotice),
) -> Result<Record, ApiError> {
    let response = send(api, target, &api.get_request(id), on_wait).await?;
    api.parse_one_of(&response, id)
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
    // How a row passes the filters in the browser: the vendor's own reading of them where it
    // declares one, else equality, as most vendors filter.
    let filtered = !query.filters.is_empty();
    let passes = api.keeps();
    let keep = |record: &Record| match passes {
        Some(passes) => passes(record, &query.filters),
        None => record.matches(&query.filters),
    };
    let keep: &dyn Fn(&Record) -> bool = &keep;
    // A vendor that may ignore its filters (older Rocket.Chat) has them applied here too.
    let mut outcome = read_pages(
        api,
        target,
        query,
        cache,
        key,
        generation,
        (filtered && passes.is_some()).then_some(keep),
        on_wait,
    )
    .await;
    // Failed on the very first filtered page with a server error: read unfiltered instead.
    if let Err((0, error)) = &outcome {
        if error.status.is_some_and(|s| s >= 500) && filtered {
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

/// Reads pages into the cache until the vendor has no next page. Once the first page gives
/// a total and the paging can name every later page (page numbers, offsets), those are read
/// a few at a time (`paging::IN_FLIGHT`, one at a time while the vendor's rate-limit headers
/// say few requests are left) and appended in order; opaque tokens are followed one by one.
/// A rate-limited request waits as the vendor says before it is sent again. `keep` filters
/// records here (the vendor's total then counts what it sent, not what is kept). An error
/// comes with the number of pages read.
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
    // A page, and how many requests the vendor said it will still take.
    let read_one = |cursor: Option<Cursor>| async move {
        let request = api.list_request(query, cursor.as_ref())?;
        match send(api, target, &request, on_wait).await {
            Ok(response) => Ok((
                api.parse_list(&response, cursor.as_ref())?,
                paging::requests_left(&response.headers),
            )),
            Err(error) => Err(list_not_found(error, &request)),
        }
    };
    let mut tally = Tally::default();
    let store = |mut page: Page, tally: &mut Tally| {
        tally.pages += 1;
        tally.read += (page.records.len() + page.skipped) as u64;
        tally.total = page.total.or(tally.total);
        if let Some(keep) = keep {
            page.records.retain(|r| keep(r));
            page.total = None;
        }
        cache.append(key, generation, page);
    };

    let (first, mut left) = read_one(None).await.map_err(|e| (0, e))?;
    let first_len = first.records.len() + first.skipped;
    let mut next = first.next.clone();
    store(first, &mut tally);
    let together = next.as_ref().zip(tally.total).and_then(|(next, total)| {
        api.paging()
            .later_pages(next, total, first_len)
            .filter(|later| later.len() < paging::MAX_PAGES)
    });
    if let Some(later) = together {
        let mut unasked = later.into_iter();
        let mut in_flight = FuturesOrdered::new();
        loop {
            while in_flight.len() < paging::pages_in_flight(left) {
                let Some(cursor) = unasked.next() else { break };
                in_flight.push_back(read_one(Some(cursor)));
            }
            let Some(answer) = in_flight.next().await else {
                break;
            };
            let (page, said) = answer.map_err(|e| (tally.pages, e))?;
            left = said;
            next = page.next.clone();
            store(page, &mut tally);
        }
    }
    let mut followed = HashSet::new();
    while let Some(cursor) = next {
        if let Onward::Stop(why) = paging::after_page(tally.pages, tally.read, tally.total) {
            return Err((tally.pages, ApiError::new(ErrorKind::Malformed, why)));
        }
        // A cursor seen before would loop forever: stop and say why.
        if !followed.insert(cursor.clone()) {
            let why =
                "The vendor's next page points back to a page already read; the list stops here.";
            return Err((tally.pages, ApiError::new(ErrorKind::Malformed, why)));
        }
        let (page, _) = read_one(Some(cursor)).await.map_err(|e| (tally.pages, e))?;
        next = page.next.clone();
        store(page, &mut tally);
    }
    Ok(())
}

/// Pages and entries read so far, and the vendor's total.
#[derive(Default)]
struct Tally {
    pages: usize,
    read: u64,
    total: Option<u64>,
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

/// The vendor's quota on integrations, where it reports one; `counted` is how many the
/// connection's list holds. A quota that cannot be read (no permission) is no quota.
pub async fn read_quota(
    api: &'static dyn VendorApi,
    target: &Target,
    counted: u64,
) -> Option<crate::domain::quota::Quota> {
    let read = api.quota()?;
    let response = send(api, target, &read.request, &|_| {}).await.ok()?;
    (read.read)(&response.json().ok()?, counted)
}

/// Reads every lookup the vendor declares, each through all its pages. The lookups go out
/// together: the names a list shows land after the slowest of them, not after their sum.
pub async fn load_lookups(
    api: &'static dyn VendorApi,
    target: &Target,
    on_wait: &dyn Fn(WaitNotice),
) -> Result<Lookups, ApiError> {
    let reads = api
        .lookups()
        .into_iter()
        .map(|lookup| read_lookup(api, target, lookup, on_wait));
    Ok(try_join_all(reads).await?.into_iter().collect())
}

/// One lookup's choices, through all its pages, under the field they are for.
async fn read_lookup(
    api: &'static dyn VendorApi,
    target: &Target,
    lookup: Lookup,
    on_wait: &dyn Fn(WaitNotice),
) -> Result<(String, Vec<Choice>), ApiError> {
    let mut choices = Vec::new();
    let mut request = lookup.first.clone();
    let mut followed = HashSet::new();
    for _ in 0..paging::MAX_PAGES {
        let response = match send(api, target, &request, on_wait).await {
            Ok(response) => response,
            Err(_) if lookup.optional => break,
            Err(mut error) => {
                error.message = format!("Could not read the {}: {}", lookup.what, error.message);
                return Err(error);
            }
        };
        let page = match api.parse_lookup(&response) {
            Ok(page) => page,
            Err(_) if lookup.optional => break,
            Err(error) => return Err(error),
        };
        let page_was_empty = page.choices.is_empty();
        choices.extend(page.choices);
        match page.next {
            Some(Cursor::Link(link)) if followed.insert(link.clone()) => {
                request = Request::get(link)
            }
            // "There is more" (PagerTree's `has_more`): the next page starts after the
            // choices read so far.
            Some(Cursor::Offset(_)) if !page_was_empty => {
                request = lookup
                    .first
                    .clone()
                    .query("offset", choices.len().to_string())
            }
            _ => break,
        }
    }
    Ok((lookup.pointer, choices))
}
