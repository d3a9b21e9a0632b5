//! Errors the reverse proxy made itself. When the vendor is unreachable or too slow, the proxy
//! answers 502/504 on its own; the shipped nginx template marks those answers with
//! `X-Patchbay-Proxy-Error`, so the console can say the proxy could not reach the vendor rather
//! than blame the vendor for a server error. A vendor's own 502/504 carries no marker.

use super::error::{ApiError, ErrorKind};
use super::request::Response;

/// The marker header the shipped proxy config puts on its own error answers.
pub const MARKER: &str = "x-patchbay-proxy-error";

/// The error to show for a proxy-made answer, or `None` when the vendor itself answered.
/// `written` says whether the request could have changed something at the vendor.
pub fn proxy_failure(response: &Response, vendor: &str, written: bool) -> Option<ApiError> {
    let marker = response.header(MARKER)?.trim();
    let mut message = if marker == "timeout" {
        format!(
            "The proxy gave up waiting for {vendor}: {vendor} did not answer it in time. \
             Check that {vendor} is up, and the proxy's timeouts."
        )
    } else {
        format!(
            "The proxy could not reach {vendor}. Check the proxy's upstream address for \
             {vendor} (the same URL as this connection's base URL), and that the server running \
             the proxy can reach {vendor}."
        )
    };
    if written {
        message
            .push_str(" The change may or may not have been applied; reload before trying again.");
    }
    let kind = if marker == "timeout" {
        ErrorKind::Timeout
    } else {
        ErrorKind::Network
    };
    Some(ApiError {
        status: Some(response.status),
        ..ApiError::new(kind, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proxys_own_502_says_it_could_not_reach_the_vendor() {
        let response =
            Response::new(502, "{}").with_header("X-Patchbay-Proxy-Error", "unreachable");
        let error = proxy_failure(&response, "Confluent Cloud", false).unwrap();
        assert_eq!(error.kind, ErrorKind::Network);
        assert!(error
            .message
            .starts_with("The proxy could not reach Confluent Cloud."));
        assert!(!error.message.contains("may or may not"));
    }

    #[test]
    fn a_proxy_timeout_on_a_write_says_it_may_have_been_applied() {
        let response = Response::new(504, "").with_header("X-Patchbay-Proxy-Error", "timeout");
        let error = proxy_failure(&response, "Grafana OnCall", true).unwrap();
        assert_eq!(error.kind, ErrorKind::Timeout);
        assert!(error.message.contains("did not answer it in time"));
        assert!(error.message.ends_with("reload before trying again."));
    }

    #[test]
    fn the_vendors_own_502_is_left_to_the_vendor_module() {
        assert_eq!(
            proxy_failure(&Response::new(502, "Bad Gateway"), "PagerTree", false),
            None
        );
    }
}
