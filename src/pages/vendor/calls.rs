//! The round trips vendor pages make: a request built by the vendor module, sent by the fetch
//! layer, its answer read back by the vendor module. Pages call these; nothing here renders.

use std::collections::HashSet;

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
    let response = Client::default().send(target, request, on_wait).await?;
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
pub async fn load_all(
    api: &'static dyn VendorApi,
    target: &Target,
    query: &ListQuery,
    cache: ListCache,
    key: &str,
    on_wait: &dyn Fn(WaitNotice),
) {
    let generation = cache.start(key);
    let mut cursor = None;
    let mut followed = HashSet::new();
    let (mut pages, mut read, mut total) = (0usize, 0u64, None);
    loop {
        let page = match api.list_request(query, cursor.as_ref()) {
            Ok(request) => match send(api, target, &request, on_wait).await {
                Ok(response) => api.parse_list(&response),
                Err(error) => Err(error),
            },
            Err(error) => Err(error),
        };
        match page {
            Ok(page) => {
                let next = page.next.clone();
                pages += 1;
                read += (page.records.len() + page.skipped) as u64;
                total = page.total.or(total);
                cache.append(key, generation, page);
                if next.is_some() {
                    if let Onward::Stop(why) = paging::after_page(pages, read, total) {
                        return cache.fail(
                            key,
                            generation,
                            ApiError::new(ErrorKind::Malformed, why),
                        );
                    }
                }
                match next {
                    // A cursor seen before would loop forever: stop and say why.
                    Some(next) if !followed.insert(next.clone()) => {
                        let error = ApiError::new(ErrorKind::Malformed, "The vendor's next page points back to a page already read; the list stops here.");
                        return cache.fail(key, generation, error);
                    }
                    Some(next) => cursor = Some(next),
                    None => return cache.finish(key, generation),
                }
            }
            Err(error) => return cache.fail(key, generation, error),
        }
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
