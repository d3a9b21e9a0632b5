//! What every simulated vendor is built from, so a vendor module is mostly its validation
//! rules and fixtures: a keyed collection of records, the window a page holds, credential
//! checks for the usual auth schemes, and a rate limit. Faults and the request log wrap every vendor already.

pub mod collection;
pub mod credentials;
pub mod paging;
pub mod rate_window;

pub use collection::Collection;
pub use paging::Window;
pub use rate_window::{RateWindow, Reset};
