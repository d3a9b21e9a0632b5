//! CORS for browser tests whose page is served from another origin. Real vendors mostly send
//! no CORS headers, so this is off unless the sandbox is started with `--cors`.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;

/// Headers a browser script may read from a cross-origin answer.
const EXPOSED: &str = "X-Request-Id, Retry-After, Location, WWW-Authenticate, RateLimit-Reset, \
    X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, \
    X-Organization-Rate-Limit-Limit, X-Organization-Rate-Limit-Remaining, X-Organization-Rate-Limit-Reset";

pub async fn allow_any_origin(request: Request, next: Next) -> Response {
    let origin = request.headers().get("origin").cloned();
    if request.method() == Method::OPTIONS && origin.is_some() {
        let asked = request
            .headers()
            .get("access-control-request-headers")
            .cloned()
            .unwrap_or_else(|| HeaderValue::from_static("*"));
        let mut response = Response::builder()
            .status(204)
            .body(Body::empty())
            .expect("static response");
        let headers = response.headers_mut();
        allow(headers, origin);
        headers.insert(
            "access-control-allow-methods",
            HeaderValue::from_static("GET, POST, PUT, PATCH, DELETE, OPTIONS"),
        );
        headers.insert("access-control-allow-headers", asked);
        headers.insert("access-control-max-age", HeaderValue::from_static("600"));
        return response;
    }
    let mut response = next.run(request).await;
    allow(response.headers_mut(), origin);
    response.headers_mut().insert(
        "access-control-expose-headers",
        HeaderValue::from_static(EXPOSED),
    );
    response
}

fn allow(headers: &mut HeaderMap, origin: Option<HeaderValue>) {
    headers.insert(
        "access-control-allow-origin",
        origin.unwrap_or_else(|| HeaderValue::from_static("*")),
    );
    headers.insert("vary", HeaderValue::from_static("Origin"));
}
