//! One folder per route. Pages read route parameters, fetch, and own their page state.

pub mod connections;
pub mod integrations;
pub mod inventory;
pub mod journal;
pub mod not_found;
pub mod overview;
pub mod typed_search;
