//! The running sandbox's control API, as seen from the browser (it runs with `--cors`).

use gloo_net::http::Request;
use serde_json::Value;

/// Where the test script started the sandbox.
pub fn url() -> &'static str {
    option_env!("PATCHBAY_SANDBOX_URL").unwrap_or("http://127.0.0.1:9871")
}

pub async fn fault(spec: Value) {
    let response = Request::post(&format!("{}/_sandbox/faults", url()))
        .json(&spec)
        .unwrap()
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        201,
        "{}",
        response.text().await.unwrap_or_default()
    );
}

/// What the simulated vendors received under `path`.
pub async fn requests(path: &str) -> Vec<Value> {
    let response = Request::get(&format!("{}/_sandbox/requests?path={path}", url()))
        .send()
        .await
        .unwrap();
    response.json::<Vec<Value>>().await.unwrap()
}
