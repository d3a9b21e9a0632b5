//! PagerTree API v4 (`/api/v4/integrations`). So far: the auth scheme, the options each
//! integration type takes (`options`), checked as the server checks them, its errors and the
//! reading of its answers. The vertical (list, create, edit, delete) is built on these next.

mod adapters;
mod auth;
pub mod errors;
mod option_checks;
pub mod options;
pub mod parse;

pub use auth::AUTH;
