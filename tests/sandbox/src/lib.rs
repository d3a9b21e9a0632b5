//! `vendor-sandbox`: the vendors' integration APIs simulated on 127.0.0.1, so the console can
//! be used and tested with no vendor account. One router per vendor under `/<vendor>/`, an
//! `/echo/` endpoint that answers with the request it saw, and a control API under
//! `/_sandbox/` to reset state, inject faults and read the request log.

pub mod clock;
pub mod control;
pub mod cors;
pub mod echo;
pub mod faults;
pub mod kit;
pub mod request_log;
pub mod server;
pub mod state;
pub mod vendors;

use std::sync::Arc;

use axum::Router;

pub use state::Sandbox;

/// How the sandbox is started.
#[derive(Clone, Debug)]
pub struct Config {
    /// Answer CORS preflights and allow any origin. Off by default, like the real vendors;
    /// browser tests served from another origin turn it on.
    pub cors: bool,
    /// The address the simulated vendors put in absolute links (`next`, `Location`): the one
    /// a console connection names as its base URL.
    pub public_url: String,
    /// Generated integrations per vendor on start and on a reset without a count.
    pub seed: usize,
}

/// The whole sandbox as one router.
pub fn app(config: &Config) -> (Router, Arc<Sandbox>) {
    let sandbox = Arc::new(Sandbox::new(config.public_url.clone(), config.seed));
    let simulated = vendors::routes(sandbox.clone())
        .merge(echo::routes())
        .layer(axum::middleware::from_fn_with_state(
            sandbox.clone(),
            faults::apply,
        ))
        .layer(axum::middleware::from_fn_with_state(
            sandbox.clone(),
            request_log::record,
        ));
    let mut router = Router::new()
        .merge(control::routes())
        .merge(simulated)
        .layer(axum::middleware::from_fn_with_state(
            sandbox.clone(),
            state::stamp_request_id,
        ))
        .with_state(sandbox.clone());
    if config.cors {
        router = router.layer(axum::middleware::from_fn(cors::allow_any_origin));
    }
    (router, sandbox)
}
