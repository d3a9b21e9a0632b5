//! When to stop following a vendor's `next` links. A vendor that keeps offering new pages is
//! followed no further than its own total says, and never past a hard page limit, so a broken
//! or hostile server cannot keep the console reading forever.

/// The most pages one list read follows (100 000 records at 200 a page).
pub const MAX_PAGES: usize = 500;

/// What to do after a page that offered a next link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Onward {
    Follow,
    /// Stop here and tell the user this, keeping what was read.
    Stop(String),
}

/// Decides whether to follow a next link after `pages` pages holding `read` entries (records
/// and skipped entries), when the vendor reported `total`.
pub fn after_page(pages: usize, read: u64, total: Option<u64>) -> Onward {
    if let Some(total) = total.filter(|&total| read >= total) {
        return Onward::Stop(format!(
            "The vendor reported {total} integrations, sent {read}, and still offered another \
             page; Patchbay stopped at the vendor's own total."
        ));
    }
    if pages >= MAX_PAGES {
        return Onward::Stop(format!(
            "Patchbay stopped after {MAX_PAGES} pages ({read} entries): the vendor kept offering \
             more. Narrow the list with a filter, or check the vendor."
        ));
    }
    Onward::Follow
}

/// How many later pages are asked for at once while the vendor has room for more requests.
pub const IN_FLIGHT: usize = 3;

/// The headers vendors use to say how many requests the current window still allows:
/// Rocket.Chat and Confluent (`X-RateLimit-Remaining`), the IETF draft (`RateLimit-Remaining`),
/// ThousandEyes (`X-Organization-Rate-Limit-Remaining`).
const REQUESTS_LEFT: [&str; 3] = [
    "x-ratelimit-remaining",
    "ratelimit-remaining",
    "x-organization-rate-limit-remaining",
];

/// Requests the vendor says it will still take in this window, when an answer says so (the
/// smallest, should it send more than one of these headers).
pub fn requests_left(headers: &[(String, String)]) -> Option<u64> {
    headers
        .iter()
        .filter(|(name, _)| REQUESTS_LEFT.iter().any(|h| name.eq_ignore_ascii_case(h)))
        .filter_map(|(_, value)| value.trim().parse().ok())
        .min()
}

/// How many pages to keep in flight after an answer that left `left` requests: a few while
/// the vendor has room, one at a time once fewer than two rounds' worth are left, so a read
/// slows down before the vendor has to refuse it (a 429 then costs a whole wait).
pub fn pages_in_flight(left: Option<u64>) -> usize {
    match left {
        Some(left) if left < 2 * IN_FLIGHT as u64 => 1,
        _ => IN_FLIGHT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_while_below_the_total_and_the_limit() {
        assert_eq!(after_page(1, 100, Some(606)), Onward::Follow);
        assert_eq!(after_page(6, 600, Some(606)), Onward::Follow);
        assert_eq!(after_page(3, 300, None), Onward::Follow);
    }

    #[test]
    fn stops_at_the_vendors_own_total() {
        let Onward::Stop(why) = after_page(5, 50, Some(50)) else {
            panic!("kept following past the total");
        };
        assert!(why.contains("reported 50 integrations"), "{why}");
        assert!(matches!(after_page(6, 60, Some(50)), Onward::Stop(_)));
    }

    #[test]
    fn stops_at_the_page_limit_without_a_total() {
        assert_eq!(after_page(MAX_PAGES - 1, 1, None), Onward::Follow);
        let Onward::Stop(why) = after_page(MAX_PAGES, 1, None) else {
            panic!("followed past the page limit");
        };
        assert!(why.contains("500 pages"), "{why}");
    }

    #[test]
    fn a_vendor_nearly_out_of_requests_is_read_one_page_at_a_time() {
        let said = |name: &str, value: &str| vec![(name.to_string(), value.to_string())];
        assert_eq!(requests_left(&said("X-RateLimit-Remaining", "4")), Some(4));
        assert_eq!(
            requests_left(&said("ratelimit-remaining", " 12 ")),
            Some(12)
        );
        assert_eq!(
            requests_left(&said("x-organization-rate-limit-remaining", "0")),
            Some(0)
        );
        assert_eq!(requests_left(&said("x-ratelimit-limit", "240")), None);
        assert_eq!(requests_left(&said("x-ratelimit-remaining", "many")), None);
        let both = [
            said("x-ratelimit-remaining", "50"),
            said("ratelimit-remaining", "3"),
        ]
        .concat();
        assert_eq!(requests_left(&both), Some(3));

        assert_eq!(pages_in_flight(None), IN_FLIGHT);
        assert_eq!(pages_in_flight(Some(100)), IN_FLIGHT);
        assert_eq!(pages_in_flight(Some(2 * IN_FLIGHT as u64)), IN_FLIGHT);
        assert_eq!(pages_in_flight(Some(2 * IN_FLIGHT as u64 - 1)), 1);
        assert_eq!(pages_in_flight(Some(0)), 1);
    }
}
