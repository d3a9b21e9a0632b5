//! Which paths may carry a connection's credentials. A proxy prefix, a vendor's id or a
//! vendor's `next` link becomes part of a URL that the browser resolves and a reverse proxy
//! decodes; anything either of them could turn into another origin or another vendor's route
//! (`\`, control characters, percent-encoded `.`, `/` or `\`, dot segments) is refused here,
//! before a request is built.

/// Why a proxy prefix is refused, or `None` when it is `/` followed by path segments of RFC 3986
/// unreserved characters (letters, digits, `-`, `.`, `_`, `~`), with an optional trailing `/`.
pub fn prefix_problem(prefix: &str) -> Option<&'static str> {
    let Some(rest) = prefix.strip_prefix('/') else {
        return Some("must be a path on this site, starting with /");
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.is_empty() {
        return Some("must name a path below / (e.g. /proxy/confluent)");
    }
    for segment in rest.split('/') {
        if segment.is_empty() {
            return Some("must not contain an empty segment (//)");
        }
        if segment == "." || segment == ".." {
            return Some("must not contain . or .. segments");
        }
        if !segment.bytes().all(is_unreserved) {
            return Some(
                "may only use letters, digits, -, ., _ and ~ between its slashes \
                 (no \\, %, spaces or other characters)",
            );
        }
    }
    None
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Why a base URL is refused beyond being an absolute http(s) URL: a user name or password
/// would travel to the vendor with every request (and show in exports), and a query or
/// fragment would be glued to every path. `None` when it has none of them.
pub fn base_url_problem(text: &str) -> Option<&'static str> {
    let url = url::Url::parse(text.trim()).ok()?;
    if !url.username().is_empty() || url.password().is_some() {
        return Some("must not hold a user name or password (credentials go in their own fields)");
    }
    if url.query().is_some() {
        return Some("must not hold a query (?…)");
    }
    if url.fragment().is_some() {
        return Some("must not hold a fragment (#…)");
    }
    None
}

/// Why a path (before its query) could leave its place once a browser or proxy reads it:
/// a backslash or control character, a percent-encoded `.`, `/` or `\` in either case, or a
/// `.`/`..` segment. `None` when it is safe to put under a route.
pub fn path_problem(path: &str) -> Option<&'static str> {
    if path.chars().any(|c| c == '\\' || c.is_control()) {
        return Some("holds a backslash or a control character");
    }
    let lower = path.to_ascii_lowercase();
    if ["%2e", "%2f", "%5c"]
        .iter()
        .any(|code| lower.contains(code))
    {
        return Some("holds a percent-encoded ., / or \\");
    }
    if path
        .split('/')
        .any(|segment| segment == "." || segment == "..")
    {
        return Some("holds a . or .. segment");
    }
    None
}

/// Whether a URL the browser resolved (`origin`, `path`) lands where the route allows:
/// exactly `allowed_origin`, and inside `allowed_path` (a proxy prefix, or the base URL's
/// path). `None` when it does.
pub fn destination_problem(
    origin: &str,
    path: &str,
    allowed_origin: &str,
    allowed_path: &str,
) -> Option<String> {
    if origin != allowed_origin {
        return Some(format!("it would go to {origin}, not {allowed_origin}"));
    }
    let root = allowed_path.trim_end_matches('/');
    let inside = path
        .strip_prefix(root)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if !inside {
        return Some(format!("it would leave {root}/ for {path}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The attacks found by trying the console, and the ways a browser or proxy reads them.
    const HOSTILE_PREFIXES: &[&str] = &[
        "/\\evil.test/x",
        "/\tevil.test",
        "/\t/evil.test",
        "/%2F%2Fevil.test",
        "/%2f%2fevil.test",
        "/..//evil.test",
        "//evil.test",
        "/./proxy",
        "/proxy/../grafana-oncall",
        "/proxy//confluent",
        "/proxy/conf luent",
        "/proxy/confluent?x=1",
        "/proxy/confluent#x",
        "/proxy/%2e%2e",
        "/proxy/\u{0}",
        "/proxy/é",
        "proxy/confluent",
        "",
        "/",
        "https://evil.test/proxy",
    ];

    #[test]
    fn prefixes_of_plain_segments_pass() {
        for prefix in [
            "/proxy/confluent",
            "/proxy/confluent/",
            "/proxy/grafana-oncall",
            "/p",
            "/a.b/c_d/e~f",
        ] {
            assert_eq!(prefix_problem(prefix), None, "{prefix}");
        }
    }

    #[test]
    fn every_hostile_prefix_is_refused() {
        for prefix in HOSTILE_PREFIXES {
            assert!(prefix_problem(prefix).is_some(), "{prefix:?}");
        }
    }

    #[test]
    fn vendor_paths_that_could_escape_are_refused() {
        for path in [
            "/proxy/confluent/..%2f..%2fgrafana-oncall/api/v1/integrations/",
            "/proxy/confluent/%2e%2e%2fgrafana-oncall/",
            "/x/%2E%2E/y",
            "/x/%5c/y",
            "/x/%5C/y",
            "/../../grafana-oncall/api/v1/integrations/",
            "../../grafana-oncall/api/v1/integrations/",
            "/api/./x",
            "/api/x/..",
            "/api\\x",
            "/api/\nx",
        ] {
            assert!(path_problem(path).is_some(), "{path:?}");
        }
    }

    #[test]
    fn ordinary_paths_and_encoded_ids_pass() {
        for path in [
            "/notifications/v1/integrations",
            "/api/v1/integrations/CFKWUPVZ6QK7W/",
            "/api/v1/integrations/a.b/",
            "/x/a%20b%3Fc",
            "",
        ] {
            assert_eq!(path_problem(path), None, "{path:?}");
        }
    }

    #[test]
    fn base_urls_with_user_info_query_or_fragment_are_refused() {
        assert_eq!(base_url_problem("https://api.confluent.cloud"), None);
        assert_eq!(base_url_problem("https://oncall.test/oncall/"), None);
        for base in [
            "https://user:pw@api.confluent.cloud",
            "https://user@api.confluent.cloud",
            "https://api.confluent.cloud/?a=1",
            "https://api.confluent.cloud/?",
            "https://api.confluent.cloud/#x",
        ] {
            assert!(base_url_problem(base).is_some(), "{base}");
        }
    }

    #[test]
    fn a_destination_must_keep_origin_and_stay_under_its_root() {
        let page = "http://127.0.0.1:8080";
        assert_eq!(
            destination_problem(page, "/proxy/confluent/x", page, "/proxy/confluent"),
            None
        );
        assert_eq!(
            destination_problem(page, "/proxy/confluent", page, "/proxy/confluent/"),
            None
        );
        assert!(
            destination_problem("http://evil.test", "/x", page, "/proxy/confluent")
                .unwrap()
                .contains("http://evil.test")
        );
        assert!(
            destination_problem(page, "/proxy/grafana-oncall/api", page, "/proxy/confluent")
                .is_some()
        );
        assert!(
            destination_problem(page, "/proxy/confluentx/a", page, "/proxy/confluent").is_some()
        );
    }
}
