//! A sandbox on a free port and a raw HTTP/1.1 client, so tests see exactly what goes over the
//! wire (including answers that never come).
#![allow(dead_code)]

use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use vendor_sandbox::{app, server, Config};

/// A running sandbox on a free port.
pub async fn start(cors: bool) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let config = Config {
        cors,
        public_url: format!("http://127.0.0.1:{port}"),
        seed: 0,
    };
    let (router, _) = app(&config);
    tokio::spawn(server::serve(listener, router));
    port
}

/// Resets the sandbox with a control body (`{"seed": N, "vendors": {...}}`).
pub async fn reset_with(port: u16, body: Value) {
    let answer = call(port, "POST", "/_sandbox/reset", &[], Some(body)).await;
    assert_eq!(answer.status, Some(204), "{}", answer.body);
}

/// What came back on the wire: `None` status when the connection closed before any answer.
pub struct Raw {
    pub status: Option<u16>,
    pub head: String,
    pub body: String,
}

impl Raw {
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

pub async fn call(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> Raw {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    if !body.is_empty() {
        request.push_str("Content-Type: application/json\r\n");
    }
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut bytes = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut bytes)).await;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok());
    Raw {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}
