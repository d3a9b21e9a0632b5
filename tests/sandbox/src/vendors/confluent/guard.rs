//! What every Confluent request passes first: HTTP Basic with the demo key, then the rate
//! limit. Every answer carries `X-RateLimit-Limit`, `-Remaining` and `-Reset` (relative
//! seconds, as Confluent documents); past the limit the answer is 429 with `Retry-After`.

use std::sync::Arc;

use super::failure::{self, Problem};
use super::{DEMO_KEY, DEMO_SECRET};
use crate::kit::credentials;
use crate::state::{lock, Sandbox};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

pub async fn check(State(sandbox): State<Arc<Sandbox>>, request: Request, next: Next) -> Response {
    let verdict = lock(&sandbox.vendors.confluent).rate.take();
    let mut response = match verdict {
        // Like every other answer, a 401 carries the rate-limit headers.
        Ok(()) if !authorised(request.headers()) => failure::unauthorized(),
        Ok(()) => next.run(request).await,
        Err(seconds) => {
            let mut limited = failure::one(
                StatusCode::TOO_MANY_REQUESTS,
                Problem::new(
                    "too_many_requests",
                    "Too Many Requests",
                    "Rate limit exceeded",
                ),
            );
            limited
                .headers_mut()
                .insert("retry-after", HeaderValue::from(seconds));
            limited
        }
    };
    lock(&sandbox.vendors.confluent)
        .rate
        .stamp(response.headers_mut());
    response
}

fn authorised(headers: &HeaderMap) -> bool {
    credentials::basic_is(headers, DEMO_KEY, DEMO_SECRET)
}
