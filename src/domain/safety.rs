//! Vendor strings are data. URLs from a vendor pass `safe_href` before becoming an `href`,
//! secrets are shown as `mask_secret`, and spreadsheet exports pass `spreadsheet_safe`.

use url::Url;

/// Why a URL was refused, phrased for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    NotAbsolute,
    SchemeNotAllowed {
        allowed: Vec<&'static str>,
    },
    MissingHost,
    /// Unicode hosts are not converted (no IDNA tables in the bundle); their ASCII form works.
    NonAsciiHost,
    Invalid,
}

impl UrlProblem {
    pub fn message(&self) -> String {
        match self {
            UrlProblem::NotAbsolute => "must be an absolute URL, like https://host/path".into(),
            UrlProblem::SchemeNotAllowed { allowed } => {
                let list: Vec<String> = allowed.iter().map(|s| format!("{s}://")).collect();
                format!("must start with {}", list.join(" or "))
            }
            UrlProblem::MissingHost => "must name a host, like https://host/path".into(),
            UrlProblem::NonAsciiHost => {
                "names a host with non-ASCII letters: write the host in its ASCII form (xn--…)"
                    .into()
            }
            UrlProblem::Invalid => "is not a valid URL".into(),
        }
    }
}

/// Parses `text` with a WHATWG URL parser and checks it is absolute, names a host, and uses
/// one of `schemes`. Returns the parsed URL.
pub fn check_url(text: &str, schemes: &[&'static str]) -> Result<Url, UrlProblem> {
    let url = Url::parse(text).map_err(|error| match error {
        url::ParseError::RelativeUrlWithoutBase => UrlProblem::NotAbsolute,
        url::ParseError::EmptyHost => UrlProblem::MissingHost,
        url::ParseError::IdnaError if !text.is_ascii() => UrlProblem::NonAsciiHost,
        _ => UrlProblem::Invalid,
    })?;
    if !schemes.contains(&url.scheme()) {
        return Err(UrlProblem::SchemeNotAllowed {
            allowed: schemes.to_vec(),
        });
    }
    // The parser accepts `https:host` and `https:/host` (browsers do); a URL a vendor will call
    // should be written out in full.
    let written = text.trim_start();
    let after_scheme = &written[url.scheme().len().min(written.len())..];
    if !after_scheme.starts_with("://") {
        return Err(UrlProblem::MissingHost);
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlProblem::MissingHost);
    }
    Ok(url)
}

/// The href to render for a vendor URL, or `None` when it must stay plain text: only absolute
/// http(s) URLs become links, whatever case, whitespace or escapes the scheme is hidden behind.
pub fn safe_href(text: &str) -> Option<String> {
    let url = Url::parse(text).ok()?;
    let is_web = matches!(url.scheme(), "http" | "https");
    let has_host = url.host_str().is_some_and(|host| !host.is_empty());
    (is_web && has_host).then(|| url.to_string())
}

/// `••••1234`: enough to recognise a saved secret, not enough to use it. Short secrets reveal
/// nothing, because four characters of an eight-character secret is half of it.
pub fn mask_secret(secret: &str) -> String {
    const DOTS: &str = "••••";
    // A trailing slash tells nothing apart: the tail is taken before it.
    let chars: Vec<char> = secret.trim_end_matches('/').chars().collect();
    if chars.len() < 12 {
        return DOTS.into();
    }
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{DOTS}{tail}")
}

/// A URL that is itself a credential (a Slack or Teams webhook), shown as its scheme and host
/// and the last four characters: `https://hooks.slack.com/••••a1b2`. Not a URL: `mask_secret`.
pub fn mask_url(text: &str) -> String {
    let Ok(url) = Url::parse(text) else {
        return mask_secret(text);
    };
    let Some(host) = url.host_str() else {
        return mask_secret(text);
    };
    let host = match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    };
    let rest = &text[text.find(&host).map_or(0, |at| at + host.len())..];
    let rest = rest.trim_end_matches('/');
    let tail: String = rest
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if rest.chars().count() < 12 {
        return format!("{}://{host}/••••", url.scheme());
    }
    format!("{}://{host}/••••{tail}", url.scheme())
}

/// A short stand-in for a secret that tells two secrets apart without revealing either
/// (64-bit FNV-1a, hex). For keys and comparisons in memory; never a substitute for a hash
/// that must resist guessing.
pub fn fingerprint(secret: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in secret.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// An email address that is a credential (an inbound-email integration's address): the
/// domain stays, the mailbox shows only its last four characters when it is long enough that
/// they tell two addresses apart without giving one away: `••••x7Qz@inbound.oncall.test`.
pub fn mask_email(text: &str) -> String {
    match text.rsplit_once('@') {
        Some((mailbox, domain)) if !domain.is_empty() => {
            format!("{}@{domain}", mask_secret(mailbox))
        }
        _ => mask_secret(text),
    }
}

/// Any secret value, masked the way its shape calls for: a URL, an email address, or a key.
pub fn mask_value(text: &str) -> String {
    let is_email = text.contains('@') && !text.contains("://") && !text.contains('/');
    if is_email {
        mask_email(text)
    } else {
        mask_url(text)
    }
}

/// A copy of `raw` with the string at each of `pointers` masked: the raw JSON a page shows
/// masks exactly what its fields mask.
/// A `*` segment stands for every item of a list (`/headers/*/value`).
pub fn mask_pointers(raw: &serde_json::Value, pointers: &[&str]) -> serde_json::Value {
    let mut masked = raw.clone();
    for pointer in pointers {
        mask_at(&mut masked, pointer);
    }
    masked
}

fn mask_at(value: &mut serde_json::Value, pointer: &str) {
    if let Some((list, rest)) = pointer.split_once("/*") {
        if let Some(serde_json::Value::Array(items)) = value.pointer_mut(list) {
            items.iter_mut().for_each(|item| mask_at(item, rest));
        }
        return;
    }
    if let Some(value) = value.pointer_mut(pointer) {
        if let Some(text) = value.as_str().filter(|t| !t.is_empty()) {
            *value = serde_json::Value::String(mask_value(text));
        }
    }
}

/// A cell value a spreadsheet shows as text: one it would run as a formula (`=`, `+`, `-`,
/// `@`, tab, CR first) gets a leading `'`; signed numbers stay numbers. Quoting is the CSV
/// writer's.
pub fn spreadsheet_safe(value: &str) -> String {
    if starts_like_formula(value) && !is_signed_number(value) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

fn starts_like_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn is_signed_number(value: &str) -> bool {
    value.len() > 1
        && value.starts_with(['+', '-'])
        && value[1..].parse::<f64>().is_ok_and(f64::is_finite)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEB: &[&str] = &["http", "https"];

    #[test]
    fn absolute_http_urls_pass() {
        assert!(check_url("https://hooks.slack.com/services/T0/B0/x", WEB).is_ok());
        assert!(check_url("http://10.0.0.1:8080/hook?x=1", WEB).is_ok());
    }

    #[test]
    fn relative_scheme_less_and_hostless_urls_are_refused_with_a_reason() {
        assert_eq!(check_url("/hooks/1", WEB), Err(UrlProblem::NotAbsolute));
        assert_eq!(
            check_url("hooks.slack.com/x", WEB),
            Err(UrlProblem::NotAbsolute)
        );
        assert_eq!(check_url("https://", WEB), Err(UrlProblem::MissingHost));
        assert_eq!(
            check_url("https:host.test/x", WEB),
            Err(UrlProblem::MissingHost)
        );
        assert_eq!(
            check_url("https://bad host/", WEB),
            Err(UrlProblem::Invalid)
        );
    }

    #[test]
    fn unicode_hosts_ask_for_their_ascii_form_which_passes() {
        let problem = check_url("https://bücher.example/hook", WEB).unwrap_err();
        assert_eq!(problem, UrlProblem::NonAsciiHost);
        assert!(problem.message().contains("xn--"));
        assert!(check_url("https://xn--bcher-kva.example/hook", WEB).is_ok());
        assert_eq!(safe_href("https://bücher.example/"), None, "shown as text");
    }

    #[test]
    fn other_schemes_are_refused_and_the_message_names_the_allowed_ones() {
        let problem = check_url("javascript:alert(1)", WEB).unwrap_err();
        assert_eq!(problem.message(), "must start with http:// or https://");
        assert!(check_url("ftp://files.test/x", WEB).is_err());
        assert!(check_url("http://plain.test", &["https"]).is_err());
    }

    #[test]
    fn safe_href_keeps_web_links_and_drops_script_links_however_disguised() {
        assert_eq!(
            safe_href("https://x.test/a b").as_deref(),
            Some("https://x.test/a%20b")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "/relative/path",
            "//evil.test/x",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn masked_emails_and_links_of_two_records_can_be_told_apart() {
        let one = mask_value("k3Jd8sQp0aZx7Qz1@inbound.oncall.test");
        let two = mask_value("p9Wm2nBv6cTy4Lr8@inbound.oncall.test");
        assert_eq!(one, "••••7Qz1@inbound.oncall.test");
        assert_ne!(one, two);
        assert_eq!(mask_value("abc@inbound.test"), "••••@inbound.test");
        let link = "https://oncall.test/integrations/v1/grafana/mReAoNwDm0eMwKo1mTeTwYo/";
        assert_eq!(mask_value(link), "https://oncall.test/••••TwYo");
        assert_eq!(
            mask_value("{{API_URL}}/integrations/v1/grafana/mReAoNwDm0eMwKo1mTeTwYo/"),
            "••••TwYo"
        );
    }

    #[test]
    fn raw_json_masks_the_secret_pointers_and_nothing_else() {
        let raw = serde_json::json!({
            "id": "X", "name": "Ops",
            "target": {"kind": "Slack", "webhook_url": "https://hooks.slack.com/services/T/B/abcdefghwxyz"}
        });
        let masked = mask_pointers(&raw, &["/target/webhook_url", "/missing"]);
        assert_eq!(
            masked["target"]["webhook_url"],
            "https://hooks.slack.com/••••wxyz"
        );
        assert_eq!(masked["name"], "Ops");
        assert!(!masked.to_string().contains("abcdefgh"));
    }

    #[test]
    fn a_star_masks_that_field_of_every_item() {
        let raw = serde_json::json!({"headers": [
            {"name": "Authorization", "value": "Bearer abcdefgh1234"},
            {"name": "X-Team", "value": "ops-secret-5678"},
            {"name": "Empty", "value": ""}
        ]});
        let masked = mask_pointers(&raw, &["/headers/*/value", "/absent/*/value"]);
        let text = masked.to_string();
        assert!(
            !text.contains("abcdefgh") && !text.contains("ops-secret"),
            "{text}"
        );
        assert_eq!(masked["headers"][0]["name"], "Authorization");
        assert_eq!(masked["headers"][2]["value"], "");
    }

    #[test]
    fn masks_show_only_the_last_four_of_long_secrets() {
        assert_eq!(mask_secret("sk_live_abcdefgh1234"), "••••1234");
        assert_eq!(mask_secret("short123"), "••••");
        assert_eq!(mask_secret(""), "••••");
        assert_eq!(mask_secret("ééééééééééé5678"), "••••5678");
    }

    #[test]
    fn webhook_urls_show_only_where_they_go() {
        assert_eq!(
            mask_url("https://hooks.slack.com/services/T000/B000/XXXXa1b2"),
            "https://hooks.slack.com/••••a1b2"
        );
        assert_eq!(
            mask_url("https://hooks.test/short"),
            "https://hooks.test/••••"
        );
        assert_eq!(
            mask_url(
                "http://127.0.0.1:9870/oncall/integrations/v1/grafana/mReAoNwDm0eMwKo1mTeTwYo/"
            ),
            "http://127.0.0.1:9870/••••TwYo"
        );
        assert_eq!(mask_url("not a url at all, quite long"), "••••long");
        assert!(!mask_url("https://x.test/path/with/token-secret-123").contains("token-secret"));
    }

    #[test]
    fn cells_that_would_run_as_formulas_are_neutralised() {
        assert_eq!(
            spreadsheet_safe("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(
            spreadsheet_safe("+cmd|' /C calc'!A0"),
            "'+cmd|' /C calc'!A0"
        );
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("-2+3"), "'-2+3");
        assert_eq!(spreadsheet_safe("\tx"), "'\tx");
        assert_eq!(spreadsheet_safe("\rx"), "'\rx");
    }

    #[test]
    fn cells_keep_signed_numbers_and_plain_text() {
        assert_eq!(spreadsheet_safe("-12.5"), "-12.5");
        assert_eq!(spreadsheet_safe("+3"), "+3");
        assert_eq!(
            spreadsheet_safe("plain, with \"quotes\""),
            "plain, with \"quotes\""
        );
    }
}
