//! Where a request goes. `Direct`: the browser calls the vendor's base URL (only where the
//! vendor sends CORS headers). `Proxy`: the browser calls a same-origin prefix and the host's
//! reverse proxy forwards to the vendor. Either way, credentials only go to the connection's
//! own base: links the vendor returns are mapped onto the route or refused.

use serde::{Deserialize, Serialize};
use url::Url;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum Route {
    Direct,
    Proxy { prefix: String },
}

/// Why no URL could be built; every case means nothing was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteError {
    /// The connection's base URL is not an absolute http(s) URL.
    InvalidBase(String),
    /// A vendor link that could not be parsed.
    InvalidLink(String),
    /// A vendor link outside the connection's base: following it would send credentials away.
    ForeignLink { link: String, base: String },
}

impl RouteError {
    pub fn message(&self) -> String {
        match self {
            RouteError::InvalidBase(base) => {
                format!("The connection's base URL “{base}” is not an absolute http(s) URL.")
            }
            RouteError::InvalidLink(link) => {
                format!("The vendor returned a link that is not a URL: “{link}”.")
            }
            RouteError::ForeignLink { link, base } => format!(
                "The vendor returned a link outside this connection ({link} is not under {base}); \
                 Patchbay did not follow it, so no credentials left for another site."
            ),
        }
    }
}

impl Route {
    /// The proxy route for a vendor slug's default prefix.
    pub fn proxy(prefix: impl Into<String>) -> Self {
        Route::Proxy {
            prefix: prefix.into(),
        }
    }

    /// The URL the browser calls. `path` is relative to the base (`/api/v1/x`) or an absolute
    /// link from the vendor, which is rewritten or refused.
    pub fn url(
        &self,
        base_url: &str,
        path: &str,
        query: &[(String, String)],
    ) -> Result<String, RouteError> {
        let mut url = if is_absolute(path) {
            self.rewrite(base_url, path)?
        } else {
            let root = match self {
                Route::Direct => {
                    parse_base(base_url)?;
                    base_url.trim_end_matches('/')
                }
                Route::Proxy { prefix } => prefix.trim_end_matches('/'),
            };
            let path = if path.starts_with('/') || path.is_empty() {
                path.to_string()
            } else {
                format!("/{path}")
            };
            format!("{root}{path}")
        };
        if !query.is_empty() {
            let encoded = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(query)
                .finish();
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(&encoded);
        }
        Ok(url)
    }

    /// Maps a link the vendor returned onto this route. The link must be under the base URL
    /// (same scheme, host and port, and inside the base path); anything else is refused.
    pub fn rewrite(&self, base_url: &str, link: &str) -> Result<String, RouteError> {
        let base = parse_base(base_url)?;
        let target = base
            .join(link)
            .map_err(|_| RouteError::InvalidLink(link.to_string()))?;
        let foreign = || RouteError::ForeignLink {
            link: origin_and_path(&target),
            base: origin_and_path(&base),
        };
        if target.origin() != base.origin() {
            return Err(foreign());
        }
        let base_path = base.path().trim_end_matches('/');
        let rest = target.path().strip_prefix(base_path).ok_or_else(foreign)?;
        if !(rest.is_empty() || rest.starts_with('/')) {
            return Err(foreign());
        }
        let query = target.query().map(|q| format!("?{q}")).unwrap_or_default();
        Ok(match self {
            Route::Direct => format!(
                "{}{}{rest}{query}",
                base.origin().ascii_serialization(),
                base_path
            ),
            Route::Proxy { prefix } => format!("{}{rest}{query}", prefix.trim_end_matches('/')),
        })
    }
}

fn is_absolute(path: &str) -> bool {
    path.starts_with("//") || Url::parse(path).is_ok()
}

fn parse_base(base_url: &str) -> Result<Url, RouteError> {
    crate::domain::safety::check_url(base_url, &["http", "https"])
        .map_err(|_| RouteError::InvalidBase(base_url.to_string()))
}

fn origin_and_path(url: &Url) -> String {
    format!("{}{}", url.origin().ascii_serialization(), url.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://127.0.0.1:9870/confluent";

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn direct_joins_base_path_and_encoded_query() {
        let url = Route::Direct
            .url(
                BASE,
                "/notifications/v1/integrations",
                &q(&[("page_size", "10"), ("name", "a b&c")]),
            )
            .unwrap();
        assert_eq!(
            url,
            "http://127.0.0.1:9870/confluent/notifications/v1/integrations?page_size=10&name=a+b%26c"
        );
        assert_eq!(
            Route::Direct.url("https://h.test/", "x", &[]).unwrap(),
            "https://h.test/x"
        );
    }

    #[test]
    fn proxy_puts_the_path_under_the_prefix_on_the_same_origin() {
        let route = Route::proxy("/proxy/confluent/");
        assert_eq!(
            route
                .url(
                    BASE,
                    "/notifications/v1/integrations",
                    &q(&[("page_size", "1")])
                )
                .unwrap(),
            "/proxy/confluent/notifications/v1/integrations?page_size=1"
        );
    }

    #[test]
    fn links_under_the_base_are_mapped_onto_the_proxy() {
        let route = Route::proxy("/proxy/confluent");
        let link = "http://127.0.0.1:9870/confluent/notifications/v1/integrations?page_size=10&page_token=abc";
        assert_eq!(
            route.rewrite(BASE, link).unwrap(),
            "/proxy/confluent/notifications/v1/integrations?page_size=10&page_token=abc"
        );
        assert_eq!(
            route.url(BASE, link, &[]).unwrap(),
            "/proxy/confluent/notifications/v1/integrations?page_size=10&page_token=abc"
        );
    }

    #[test]
    fn links_keep_their_base_when_direct() {
        let link = "https://oncall.test/oncall/api/v1/integrations/?page=2";
        assert_eq!(
            Route::Direct
                .rewrite("https://oncall.test/oncall", link)
                .unwrap(),
            "https://oncall.test/oncall/api/v1/integrations/?page=2"
        );
    }

    #[test]
    fn links_to_any_other_origin_are_refused() {
        let route = Route::proxy("/proxy/confluent");
        for link in [
            "https://evil.test/confluent/notifications/v1/integrations",
            "https://127.0.0.1:9870/confluent/x",
            "http://127.0.0.1:9871/confluent/x",
            "http://127.0.0.1:9870/confluentx/x",
            "http://127.0.0.1:9870/other/x",
            "http://127.0.0.1:9870/confluent/../admin",
            "//evil.test/confluent/x",
        ] {
            assert!(
                matches!(
                    route.rewrite(BASE, link),
                    Err(RouteError::ForeignLink { .. })
                ),
                "{link}"
            );
            assert!(route.url(BASE, link, &[]).is_err(), "{link}");
        }
    }

    #[test]
    fn the_refusal_message_says_nothing_was_sent_away() {
        let error = Route::Direct
            .rewrite(BASE, "https://evil.test/x")
            .unwrap_err();
        assert!(error
            .message()
            .contains("https://evil.test/x is not under http://127.0.0.1:9870/confluent"));
    }

    #[test]
    fn an_invalid_base_is_reported_not_guessed() {
        assert_eq!(
            Route::Direct.url("api.confluent.cloud", "/x", &[]),
            Err(RouteError::InvalidBase("api.confluent.cloud".into()))
        );
    }

    #[test]
    fn routes_serialise_with_a_mode_tag() {
        let json = serde_json::to_value(Route::proxy("/proxy/x")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"mode": "proxy", "prefix": "/proxy/x"})
        );
        let direct: Route = serde_json::from_value(serde_json::json!({"mode": "direct"})).unwrap();
        assert_eq!(direct, Route::Direct);
    }
}
