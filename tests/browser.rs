//! Browser tests, run in headless Chromium by `cargo test --target wasm32-unknown-unknown`:
//! the form renderer as a person uses it, and the fetch layer against the running sandbox.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/confluent.rs"]
mod confluent;
#[path = "browser/dom.rs"]
mod dom;
#[path = "browser/fetch.rs"]
mod fetch;
#[path = "browser/fetch_guard.rs"]
mod fetch_guard;
#[path = "browser/form.rs"]
mod form;
#[path = "browser/grafana_oncall.rs"]
mod grafana_oncall;
#[path = "browser/sandbox.rs"]
mod sandbox;
