//! The credential checks of the usual auth schemes, as a vendor's guard asks them.

use axum::http::HeaderMap;
use base64::Engine;

/// `Authorization: Basic base64(user:password)` with exactly these.
pub fn basic_is(headers: &HeaderMap, user: &str, password: &str) -> bool {
    let Some(encoded) = header(headers, "authorization").and_then(|v| v.strip_prefix("Basic "))
    else {
        return false;
    };
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .unwrap_or_default();
    decoded == format!("{user}:{password}").as_bytes()
}

/// A header's value as text, when present and readable.
pub fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_credentials_must_match_exactly() {
        let mut headers = HeaderMap::new();
        assert!(!basic_is(&headers, "K", "S"));
        headers.insert("authorization", "Basic Szpz".parse().unwrap()); // K:s
        assert!(!basic_is(&headers, "K", "S"));
        headers.insert("authorization", "Basic SzpT".parse().unwrap()); // K:S
        assert!(basic_is(&headers, "K", "S"));
        headers.insert("authorization", "Bearer SzpT".parse().unwrap());
        assert!(!basic_is(&headers, "K", "S"));
        assert_eq!(header(&headers, "authorization"), Some("Bearer SzpT"));
    }
}
