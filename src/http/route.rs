//! Where a request goes. `Direct`: the browser calls the vendor's base URL (only where the
//! vendor sends CORS headers). `Proxy`: the browser calls a same-origin prefix and the host's
//! reverse proxy forwards to the vendor. Either way, credentials only go to the connection's
//! own base: links the vendor returns are mapped onto the route or refused.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::domain::paths;

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
    /// A path a browser or proxy could read as another place (`%2f`, `..`, `\`).
    UnsafePath { path: String, why: &'static str },
    /// The URL the browser resolved is not where this route may send credentials.
    Escapes(String),
    /// The proxy prefix is not a plain path on this site.
    UnsafePrefix { prefix: String, why: &'static str },
}

impl RouteError {
    pub fn message(&self) -> String {
        match self {
            RouteError::InvalidBase(base) => {
                format!(
                    "The connection's base URL “{base}” is not an absolute http(s) URL \
                     without user name, query or fragment."
                )
            }
            RouteError::InvalidLink(link) => {
                format!("The vendor returned a link that is not a URL: “{link}”.")
            }
            RouteError::ForeignLink { link, base } => format!(
                "The vendor returned a link outside this connection ({link} is not under {base}); \
                 Patchbay did not follow it, so no credentials left for another site."
            ),
            RouteError::UnsafePath { path, why } => format!(
                "Patchbay refused to send a request to “{path}”: the path {why}, which a browser \
                 or proxy could read as another place. No credentials were sent."
            ),
            RouteError::Escapes(why) => {
                format!("Patchbay refused to send this request: {why}. No credentials were sent.")
            }
            RouteError::UnsafePrefix { prefix, why } => format!(
                "The connection's proxy prefix “{prefix}” {why}; edit the connection. \
                 No credentials were sent."
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
        if let Route::Proxy { prefix } = self {
            if let Some(why) = paths::prefix_problem(prefix) {
                return Err(RouteError::UnsafePrefix {
                    prefix: prefix.clone(),
                    why,
                });
            }
        }
        let mut url = if is_absolute(path) {
            self.rewrite(base_url, path)?
        } else {
            refuse_unsafe_path(path)?;
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
        refuse_unsafe_path(link_path(link))?;
        refuse_unsafe_path(rest)?;
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

    /// Checks the URL as the browser resolved it (`origin`, `path`) against where this route
    /// may send credentials: this page's origin under the prefix (proxy), or the base URL's
    /// origin under its path (direct). The last guard before anything leaves.
    pub fn check_resolved(
        &self,
        base_url: &str,
        page_origin: &str,
        origin: &str,
        path: &str,
    ) -> Result<(), RouteError> {
        let problem = match self {
            Route::Proxy { prefix } => {
                paths::destination_problem(origin, path, page_origin, prefix)
            }
            Route::Direct => {
                let base = parse_base(base_url)?;
                paths::destination_problem(
                    origin,
                    path,
                    &base.origin().ascii_serialization(),
                    base.path(),
                )
            }
        };
        problem.map_or(Ok(()), |why| Err(RouteError::Escapes(why)))
    }
}

/// The path part of a link as written (no scheme, host, query or fragment).
fn link_path(link: &str) -> &str {
    let without_query = link.split(['?', '#']).next().unwrap_or("");
    match without_query.find("://") {
        Some(at) => {
            let after = &without_query[at + 3..];
            after.find('/').map_or("", |slash| &after[slash..])
        }
        None => without_query,
    }
}

fn refuse_unsafe_path(path: &str) -> Result<(), RouteError> {
    let before_query = path.split(['?', '#']).next().unwrap_or("");
    match paths::path_problem(before_query) {
        Some(why) => Err(RouteError::UnsafePath {
            path: before_query.to_string(),
            why,
        }),
        None => Ok(()),
    }
}

fn is_absolute(path: &str) -> bool {
    path.starts_with("//") || Url::parse(path).is_ok()
}

fn parse_base(base_url: &str) -> Result<Url, RouteError> {
    if paths::base_url_problem(base_url).is_some() {
        return Err(RouteError::InvalidBase(base_url.to_string()));
    }
    crate::domain::safety::check_url(base_url, &["http", "https"])
        .map_err(|_| RouteError::InvalidBase(base_url.to_string()))
}

fn origin_and_path(url: &Url) -> String {
    format!("{}{}", url.origin().ascii_serialization(), url.path())
}

#[cfg(test)]
#[path = "route_tests.rs"]
mod tests;
