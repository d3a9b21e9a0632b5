//! The accept loop. Unlike `axum::serve`, each connection carries a `ConnectionDrop` handle in
//! its requests' extensions, so a fault can close the socket without sending a response.

use std::sync::Arc;

use axum::body::Body;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower::ServiceExt;

/// Closes the connection a request came on, without an answer.
#[derive(Clone)]
pub struct ConnectionDrop(Arc<Notify>);

impl ConnectionDrop {
    pub fn now(&self) {
        self.0.notify_one();
    }
}

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: TcpListener, app: Router) -> std::io::Result<()> {
    loop {
        let (stream, _) = listener.accept().await?;
        let app = app.clone();
        tokio::spawn(async move {
            let dropper = Arc::new(Notify::new());
            let handle = ConnectionDrop(dropper.clone());
            let service = tower::service_fn(move |mut request: hyper::Request<Incoming>| {
                request.extensions_mut().insert(handle.clone());
                app.clone().oneshot(request.map(Body::new))
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
            tokio::select! {
                _ = connection => {}
                _ = dropper.notified() => {}
            }
        });
    }
}
