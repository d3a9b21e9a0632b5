//! Token paging: `page_size` (default 100, at most 250) and an opaque `page_token` (at most
//! 255 characters) that encodes an offset. Links are absolute, built from the public URL.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::failure::Problem;
use crate::kit::Window;

pub const DEFAULT_SIZE: usize = 100;
pub const MAX_SIZE: usize = 250;
const MAX_TOKEN: usize = 255;

/// Reads `page_size` and `page_token`; a bad one is a 400 naming the parameter.
pub fn parse(page_size: Option<&str>, page_token: Option<&str>) -> Result<(usize, usize), Problem> {
    let size = match page_size {
        None => DEFAULT_SIZE,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if (1..=MAX_SIZE).contains(&n) => n,
            _ => {
                return Err(Problem::parameter(
                    "page_size",
                    format!("page_size must be an integer from 1 to {MAX_SIZE}, not '{text}'"),
                ))
            }
        },
    };
    let offset = match page_token {
        None | Some("") => 0,
        Some(token) if token.len() > MAX_TOKEN => {
            return Err(Problem::parameter(
                "page_token",
                format!("page_token must be at most {MAX_TOKEN} characters"),
            ))
        }
        Some(token) => decode(token).ok_or_else(|| {
            Problem::parameter("page_token", "page_token is not a valid page token")
        })?,
    };
    Ok((size, offset))
}

/// Opaque to clients; here an offset, disguised so nobody builds one by hand.
pub fn encode(offset: usize) -> String {
    format!("pt{:x}", (offset as u64) ^ 0x5eed_cafe)
}

fn decode(token: &str) -> Option<usize> {
    let hex = token.strip_prefix("pt")?;
    Some((u64::from_str_radix(hex, 16).ok()? ^ 0x5eed_cafe) as usize)
}

/// One page of a collection (`integrations`, `subscriptions`) in Confluent's list envelope:
/// `kind`, `metadata` with absolute `first`, `last`, `prev` and `next` links and `total_size`,
/// and `data`, the page's items as `shown` shows them. A bad `page_size` or `page_token` is a
/// 400 naming it.
pub fn envelope<'a>(
    base: &str,
    (collection, kind): (&str, &str),
    query: &HashMap<String, String>,
    items: impl ExactSizeIterator<Item = &'a Value>,
    shown: impl Fn(&Value) -> Value,
) -> Response {
    let (size, offset) = match parse(
        query.get("page_size").map(String::as_str),
        query.get("page_token").map(String::as_str),
    ) {
        Ok(parsed) => parsed,
        Err(problem) => return super::failure::one(StatusCode::BAD_REQUEST, problem),
    };
    let window = Window::at(offset, size, items.len());
    let link = |at: usize| Value::String(link(base, collection, size, at));
    let metadata = json!({
        "first": link(0),
        "last": link(window.last()),
        "prev": window.prev().map_or(Value::Null, link),
        "next": window.next().map_or(Value::Null, link),
        "total_size": window.total,
    });
    let data: Vec<Value> = window.take(items).into_iter().map(shown).collect();
    Json(json!({"api_version": "notifications/v1", "kind": kind, "metadata": metadata, "data": data}))
        .into_response()
}

/// The absolute link to the page at `offset` of one collection.
pub fn link(base: &str, collection: &str, size: usize, offset: usize) -> String {
    let mut link = format!("{base}/confluent/notifications/v1/{collection}?page_size={size}");
    if offset > 0 {
        link.push_str(&format!("&page_token={}", encode(offset)));
    }
    link
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_garbage_is_refused() {
        for offset in [0, 1, 100, 599, 1_000_000] {
            assert_eq!(decode(&encode(offset)), Some(offset));
        }
        assert_eq!(decode("nope"), None);
        assert_eq!(decode("ptzz"), None);
    }

    #[test]
    fn page_size_and_token_limits() {
        assert_eq!(parse(None, None).unwrap(), (100, 0));
        assert_eq!(parse(Some("1"), None).unwrap().0, 1);
        assert_eq!(parse(Some("250"), None).unwrap().0, 250);
        for bad in ["0", "251", "ten", "-1"] {
            assert_eq!(
                parse(Some(bad), None).unwrap_err().parameter,
                Some("page_size"),
                "{bad}"
            );
        }
        assert_eq!(
            parse(None, Some(&"a".repeat(256))).unwrap_err().parameter,
            Some("page_token")
        );
        assert_eq!(parse(None, Some(&encode(300))).unwrap().1, 300);
    }
}
