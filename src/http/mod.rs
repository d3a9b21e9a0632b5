//! The fetch layer: executes `domain::Request`s over the connection's route and returns
//! `domain::Response`s. `route` and `retry` are pure and tested natively; `client` is the
//! browser part and is tested in headless Chromium against the sandbox.

pub mod client;
pub mod retry;
pub mod route;

pub use client::{now_iso, now_ms, set_console_read_only, Client, Target, WaitNotice};
pub use retry::WaitReason;
pub use route::Route;
