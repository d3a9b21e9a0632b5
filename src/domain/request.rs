//! A request is a value: vendor modules build it, the fetch layer sends it. Keeping it plain data
//! lets every request builder be tested natively, down to the header and body a vendor receives.

use serde_json::Value;

/// The HTTP methods vendors use. Only GET is safe to repeat after a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether sending it twice is harmless: only these are retried after a 5xx or network error.
    pub fn is_idempotent_read(self) -> bool {
        self == Method::Get
    }
}

/// What a vendor module wants sent. `path` is relative to the connection's base URL, or an
/// absolute link the vendor returned (pagination); the fetch layer maps links onto the route
/// and refuses any that leave the connection's base.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Option<Value>,
}

impl Request {
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        Request {
            method,
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn get(path: impl Into<String>) -> Self {
        Self::new(Method::Get, path)
    }
    pub fn post(path: impl Into<String>) -> Self {
        Self::new(Method::Post, path)
    }
    pub fn put(path: impl Into<String>) -> Self {
        Self::new(Method::Put, path)
    }
    pub fn patch(path: impl Into<String>) -> Self {
        Self::new(Method::Patch, path)
    }
    pub fn delete(path: impl Into<String>) -> Self {
        Self::new(Method::Delete, path)
    }

    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn json(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// The value of a header, matched case-insensitively as HTTP does.
    pub fn header_value(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// What came back, with header names lower-cased and the body as text (it may not be JSON).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn new(status: u16, body: impl Into<String>) -> Self {
        Response {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_ascii_lowercase(), value.into()));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body parsed as JSON; an empty body reads as `null` (204 answers).
    pub fn json(&self) -> Result<Value, serde_json::Error> {
        if self.body.trim().is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_str(&self.body)
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Percent-encodes one path segment (an id), so `a/b?c` can never change the path it lands in.
pub fn encode_segment(segment: &str) -> String {
    percent_encoding::utf8_percent_encode(segment, SEGMENT).to_string()
}

/// Everything but RFC 3986 unreserved characters is encoded.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builder_collects_method_path_query_headers_and_body() {
        let request = Request::patch("/things/1")
            .query("page_size", "10")
            .header("Accept", "application/json")
            .json(json!({"a": 1}));
        assert_eq!(request.method.as_str(), "PATCH");
        assert_eq!(request.path, "/things/1");
        assert_eq!(request.query, vec![("page_size".into(), "10".into())]);
        assert_eq!(request.header_value("accept"), Some("application/json"));
        assert_eq!(request.body, Some(json!({"a": 1})));
    }

    #[test]
    fn only_get_counts_as_repeatable() {
        assert!(Method::Get.is_idempotent_read());
        for method in [Method::Post, Method::Put, Method::Patch, Method::Delete] {
            assert!(!method.is_idempotent_read(), "{method:?}");
        }
    }

    #[test]
    fn response_headers_match_case_insensitively() {
        let response = Response::new(200, "").with_header("X-Request-Id", "abc");
        assert_eq!(response.header("x-request-id"), Some("abc"));
        assert_eq!(response.header("X-REQUEST-ID"), Some("abc"));
    }

    #[test]
    fn empty_body_parses_as_null_and_garbage_is_an_error() {
        assert_eq!(Response::new(204, "").json().unwrap(), Value::Null);
        assert!(Response::new(200, "{\"data\": [").json().is_err());
    }

    #[test]
    fn segments_cannot_escape_their_place_in_the_path() {
        assert_eq!(encode_segment("a/b?c#d e"), "a%2Fb%3Fc%23d%20e");
        assert_eq!(encode_segment("dlz-f3a90de"), "dlz-f3a90de");
    }
}
