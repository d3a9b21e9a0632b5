//! ThousandEyes: its auth (HTTP Basic or an OAuth bearer token) and the account groups a
//! connection chooses from. The integration pages come with the v6/v7 vertical.

mod account_groups;
mod auth;

pub use auth::AUTH;
