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
}
