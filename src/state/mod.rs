//! Application state shared through context: connections (persisted, no secrets), secrets
//! (memory or this tab only), toasts and preferences.

pub mod budget;
pub mod cache;
pub mod connection;
pub mod connection_file;
pub mod connection_form;
pub mod connections;
pub mod credentials;
pub mod journal;
pub mod kept_record;
pub mod lookups;
pub mod prefs;
pub mod storage;
pub mod toasts;
pub mod uses;

pub use cache::ListCache;
pub use connection::Connection;
pub use connections::Connections;
pub use credentials::Secrets;
pub use journal::Journal;
pub use lookups::LookupCache;
pub use prefs::{Prefs, Theme};
pub use toasts::{ToastKind, Toasts};
pub use uses::UsesCache;
