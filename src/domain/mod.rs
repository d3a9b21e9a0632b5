//! The domain layer: what each vendor means, as plain data and plain functions. No leptos,
//! web-sys or gloo here, so all of it runs and is tested natively with `cargo test`.

pub mod api;
pub mod auth;
mod base64;
pub mod budget;
pub mod change;
pub mod clock;
pub mod columns;
pub mod draft;
pub mod drift;
pub mod error;
pub mod error_body;
pub mod error_shape;
pub mod field;
mod field_send;
pub mod findings;
mod form_spec;
pub mod hygiene;
pub mod inventory;
pub mod inventory_export;
pub mod journal;
pub mod list_query;
pub mod listing;
pub mod paging;
pub mod paths;
pub mod pointer;
pub mod proxy;
pub mod quota;
pub mod rate_limit;
pub mod read_only;
pub mod records;
pub mod references;
pub mod registry;
pub mod request;
pub mod safety;
pub mod send_rule;
pub mod validate;
pub mod vendor;
pub mod vendors;

pub use api::VendorApi;
pub use auth::Credentials;
pub use error::{ApiError, ErrorKind, FieldErrors};
pub use field::{Choice, Constraint, FieldKind, FieldSpec, FormSpec, Variant};
pub use records::{
    Capabilities, Cell, Cursor, IntegrationSummary, ListQuery, Lookups, Page, Record,
};
pub use request::{Method, Request, Response};
pub use validate::validate;
pub use vendor::Vendor;
