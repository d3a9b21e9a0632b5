//! Patchbay: one browser console for the alert-notification integrations of five vendors.
//!
//! Layers, top to bottom (each only uses the one below): `pages` fetch and own page state,
//! `components` draw, `state` holds what pages share, `http` sends, `domain` means.

pub mod app;
pub mod components;
pub mod domain;
pub mod http;
pub mod pages;
pub mod routes;
pub mod state;
