//! PagerTree API v4 (`/api/v4/integrations`). So far: the auth scheme, the options each
//! integration type takes (`options`), checked as the server checks them, and its errors. The vertical (list,
//! create, edit, delete) is built on these next.

mod auth;
pub mod errors;
pub mod options;
pub mod parse;

pub use auth::AUTH;
