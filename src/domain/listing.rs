//! Reading any vendor's lists: a vendor declares where its records live in an answer, where
//! each record's id lives, and how it pages; the reader and the next-page request are generic,
//! and each paging strategy is tested once, here.

use serde_json::Value;

use super::error::ApiError;
use super::error_body::malformed;
use super::records::{Cursor, Page, Record};
use super::request::{Request, Response};

/// Where a vendor's answers keep their records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordShape {
    /// The array of records in a list answer (`/data`, `/results`; `""`: the answer is the array).
    pub items: &'static str,
    /// The id inside one record (`/id`, `/_id`, `/integrationId`); a string or a number.
    pub id: &'static str,
}

impl RecordShape {
    /// A record of an object whose id is a non-empty string or a number. Takes the value, so
    /// a list answer's records move into the page instead of being copied.
    pub fn record(&self, item: Value) -> Option<Record> {
        let id = match item.pointer(self.id)? {
            Value::String(text) if !text.is_empty() => text.clone(),
            Value::Number(number) => number.to_string(),
            _ => return None,
        };
        item.is_object().then_some(Record { id, raw: item })
    }

    /// The records of `items`, kept whole; entries without an id are counted as skipped.
    pub fn page_of(&self, items: Vec<Value>) -> Page {
        let mut page = Page::default();
        for item in items {
            match self.record(item) {
                Some(record) => page.records.push(record),
                None => page.skipped += 1,
            }
        }
        page
    }
}

/// How a vendor pages its lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    /// The whole list in one answer (ThousandEyes).
    Unpaged,
    /// A next link in the answer, followed as it is (Confluent `/metadata/next`, OnCall's
    /// absolute `/next`); the route maps it onto the connection or refuses it.
    NextLink {
        next: &'static str,
        total: Option<&'static str>,
        /// The query parameter that numbers pages in the links (OnCall's `page`), when they
        /// are page numbers: once the total is known, the remaining pages can be read together.
        /// `None` for opaque tokens (Confluent), which must be followed one by one.
        page_param: Option<&'static str>,
    },
    /// An offset parameter and a page-size parameter (`limit`, `count`); where the list ends
    /// is read as `end` says (Rocket.Chat, PagerTree).
    Offset {
        offset: &'static str,
        limit: &'static str,
        size: u64,
        end: OffsetEnd,
    },
}

/// How an offset-paged answer says whether more pages follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetEnd {
    /// A total at this pointer: more follow while offset + records < total (Rocket.Chat).
    Total(&'static str),
    /// A flag at `has_more`, and a total at `total` (PagerTree).
    HasMore {
        has_more: &'static str,
        total: &'static str,
    },
}

impl Paging {
    /// The request for the page at `cursor`: the vendor's `first` request (its path, filters
    /// and page size), moved on as this strategy moves.
    pub fn request(&self, first: Request, cursor: Option<&Cursor>) -> Request {
        match (*self, cursor) {
            (Paging::NextLink { .. }, Some(Cursor::Link(link))) => Request::get(link.clone()),
            (
                Paging::Offset {
                    offset,
                    limit,
                    size,
                    ..
                },
                cursor,
            ) => first
                .query(offset, cursor_offset(cursor).to_string())
                .query(limit, size.to_string()),
            _ => first,
        }
    }

    /// Where the next page starts, read from this page's answer; `None` at the end.
    fn next(&self, body: &Value, at: Option<&Cursor>, got: u64) -> Option<Cursor> {
        let start = cursor_offset(at);
        match *self {
            Paging::Unpaged => None,
            Paging::NextLink { next, .. } => body
                .pointer(next)
                .and_then(Value::as_str)
                .filter(|link| !link.is_empty())
                .map(|link| Cursor::Link(link.to_string())),
            Paging::Offset { end, .. } => {
                let more = match end {
                    OffsetEnd::Total(total) => {
                        start + got < body.pointer(total).and_then(Value::as_u64)?
                    }
                    OffsetEnd::HasMore { has_more, .. } => {
                        body.pointer(has_more).and_then(Value::as_bool) == Some(true)
                    }
                };
                (more && got > 0).then_some(Cursor::Offset(start + got))
            }
        }
    }

    /// Every page after the first, when this strategy can name them all up front: page-number
    /// links and offsets, given the vendor's `total` and how many records the first page held.
    /// `None` for opaque tokens or when the first page says too little.
    pub fn later_pages(&self, next: &Cursor, total: u64, first_len: usize) -> Option<Vec<Cursor>> {
        let size = u64::try_from(first_len).ok().filter(|&n| n > 0)?;
        let pages = total.div_ceil(size);
        match (*self, next) {
            (
                Paging::NextLink {
                    page_param: Some(param),
                    ..
                },
                Cursor::Link(link),
            ) => {
                // The next link must number page 2, so page n is that link with n in its place.
                let (before, after) = link.split_once(&format!("{param}=2"))?;
                let is_whole = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_digit());
                let boundary = before.is_empty() || before.ends_with(['?', '&']);
                if !boundary || !is_whole(after.chars().next()) {
                    return None;
                }
                Some(
                    (2..=pages)
                        .map(|n| Cursor::Link(format!("{before}{param}={n}{after}")))
                        .collect(),
                )
            }
            (Paging::Offset { .. }, Cursor::Offset(start)) if *start == size => {
                Some((1..pages).map(|n| Cursor::Offset(n * size)).collect())
            }
            _ => None,
        }
    }

    fn total(&self, body: &Value) -> Option<u64> {
        let pointer = match *self {
            Paging::Unpaged => return None,
            Paging::NextLink { total, .. } => total?,
            Paging::Offset {
                end: OffsetEnd::Total(total) | OffsetEnd::HasMore { total, .. },
                ..
            } => total,
        };
        body.pointer(pointer).and_then(Value::as_u64)
    }
}

fn cursor_offset(cursor: Option<&Cursor>) -> u64 {
    match cursor {
        Some(Cursor::Offset(n)) => *n,
        _ => 0,
    }
}

/// One page of a list answer: the records, where the next page starts, the vendor's total.
/// `on_error` reads the vendor's error answers; a malformed answer is an error, never a panic.
pub fn read_list(
    response: &Response,
    shape: &RecordShape,
    paging: &Paging,
    at: Option<&Cursor>,
    on_error: &dyn Fn(&Response) -> ApiError,
) -> Result<Page, ApiError> {
    let mut body = body_of(response, "the list", on_error)?;
    let count = body
        .pointer(shape.items)
        .and_then(Value::as_array)
        .map(Vec::len);
    let Some(count) = count else {
        let name = shape.items.trim_start_matches('/');
        return Err(malformed(
            response,
            &format!("the list has no {name} array"),
        ));
    };
    let (next, total) = (paging.next(&body, at, count as u64), paging.total(&body));
    let items = body
        .pointer_mut(shape.items)
        .map(Value::take)
        .and_then(|items| match items {
            Value::Array(items) => Some(items),
            _ => None,
        })
        .unwrap_or_default();
    Ok(Page {
        next,
        total,
        ..shape.page_of(items)
    })
}

/// One record answer (`what`: "the integration").
pub fn read_one(
    response: &Response,
    shape: &RecordShape,
    what: &str,
    on_error: &dyn Fn(&Response) -> ApiError,
) -> Result<Record, ApiError> {
    let body = body_of(response, what, on_error)?;
    shape
        .record(body)
        .ok_or_else(|| malformed(response, &format!("{what} has no id")))
}

fn body_of(
    response: &Response,
    what: &str,
    on_error: &dyn Fn(&Response) -> ApiError,
) -> Result<Value, ApiError> {
    if !response.is_success() {
        return Err(on_error(response));
    }
    response
        .json()
        .map_err(|_| malformed(response, &format!("{what} is not valid JSON")))
}

#[cfg(test)]
#[path = "listing_tests.rs"]
mod tests;
