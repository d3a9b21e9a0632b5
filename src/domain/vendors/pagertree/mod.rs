//! PagerTree API v4 (`/api/v4/integrations`). So far: the auth scheme, and the options each
//! integration type takes (`options`), checked as the server checks them. The vertical (list,
//! create, edit, delete) is built on these next.

mod auth;
pub mod options;

pub use auth::AUTH;
