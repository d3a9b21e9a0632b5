//! `send()`: the one place that talks to the network. It builds the URL from the route, adds
//! the vendor's auth headers, enforces a timeout, aborts when its page goes away, applies the
//! retry policy, and hands back the vendor's answer as a `domain::Response`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::{on_cleanup, Owner};
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use super::retry::{Attempt, Decision, History, RetryPolicy, WaitReason};
use super::route::{Route, RouteError};
use crate::domain::proxy::proxy_failure;
use crate::domain::rate_limit::wait_seconds;
use crate::domain::read_only::{lock_reason, refusal, ReadOnly};
use crate::domain::{ApiError, Credentials, ErrorKind, Request, Response, Vendor};

/// Everything needed to reach one connection's vendor.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub vendor: Vendor,
    pub base_url: String,
    pub route: Route,
    pub credentials: Credentials,
    /// The connection's own read-only switch; the console's is `set_console_read_only`.
    pub read_only: ReadOnly,
}

thread_local! {
    /// The console-wide read-only switch, as the fetch layer sees it.
    static CONSOLE_READ_ONLY: Cell<bool> = const { Cell::new(false) };
}

/// Sets the console-wide read-only switch: while on, nothing but reads leaves for any
/// connection, whatever a page offers.
pub fn set_console_read_only(on: bool) {
    CONSOLE_READ_ONLY.with(|flag| flag.set(on));
}

/// Told to the user before each wait, so a slow answer is never a silent one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WaitNotice {
    pub reason: WaitReason,
    pub seconds: u64,
    /// The attempt about to be made (2 = first retry).
    pub next_attempt: u32,
}

/// Timeout and retry limits for a `send`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Client {
    pub policy: RetryPolicy,
    pub timeout_ms: u32,
}

impl Default for Client {
    fn default() -> Self {
        Client {
            policy: RetryPolicy::default(),
            timeout_ms: 30_000,
        }
    }
}

impl Client {
    /// `send`, with an error status turned into an `ApiError` by `read_error` (the vendor's
    /// own error reader, or the generic one), which receives the time now to date resets.
    pub async fn send_expecting_success(
        &self,
        target: &Target,
        request: &Request,
        on_wait: &dyn Fn(WaitNotice),
        read_error: impl FnOnce(&Response, u64) -> ApiError,
    ) -> Result<Response, ApiError> {
        let response = self.send(target, request, on_wait).await?;
        if response.is_success() {
            Ok(response)
        } else {
            Err(read_error(&response, now_ms()))
        }
    }

    /// Sends `request` to `target`. `Ok` holds whatever status the vendor answered last (the
    /// vendor module reads its error bodies); `Err` means no usable answer: refused before
    /// sending, lost, or timed out.
    pub async fn send(
        &self,
        target: &Target,
        request: &Request,
        on_wait: &dyn Fn(WaitNotice),
    ) -> Result<Response, ApiError> {
        // Read-only comes first: under a lock only reads leave.
        let lock = lock_reason(CONSOLE_READ_ONLY.with(Cell::get), target.read_only);
        if let Some(why) = refusal(request.method, lock) {
            return Err(ApiError::new(ErrorKind::Refused, why));
        }
        let auth = target
            .vendor
            .auth_headers(&target.credentials)
            .map_err(|missing| ApiError::new(ErrorKind::Refused, missing))?;
        let url = target
            .route
            .url(&target.base_url, &request.path, &request.query)
            .and_then(|url| resolve_for_sending(target, &url))
            .map_err(|e| ApiError::new(ErrorKind::Refused, e.message()))?;
        let signals = target.vendor.rate_limit_signals();
        let cancel = Cancel::new();
        let mut history = History::default();
        let mut attempt_number = 1;
        loop {
            let outcome = self.attempt(&url, request, &auth, &cancel).await;
            if cancel.is_cancelled() {
                return Err(cancelled(request));
            }
            let attempt = match &outcome {
                Ok(response) => Attempt::Answered {
                    status: response.status,
                    wait_hint: (response.status == 429)
                        .then(|| wait_seconds(response, signals, now_ms()))
                        .flatten(),
                },
                Err(kind) if *kind == ErrorKind::Timeout => Attempt::TimedOut,
                Err(_) => Attempt::Lost,
            };
            match self
                .policy
                .decide(request.method, history, attempt, js_sys::Math::random())
            {
                Decision::Finish => {
                    let response = outcome.map_err(|kind| self.no_answer(kind, request, target))?;
                    let written = !request.method.is_idempotent_read();
                    return match proxy_failure(&response, target.vendor.title(), written) {
                        Some(error) => Err(error),
                        None => Ok(response),
                    };
                }
                Decision::Retry { wait_ms, reason } => {
                    attempt_number += 1;
                    on_wait(WaitNotice {
                        reason,
                        seconds: wait_ms.div_ceil(1000),
                        next_attempt: attempt_number,
                    });
                    sleep(wait_ms).await;
                    if cancel.is_cancelled() {
                        return Err(cancelled(request));
                    }
                    history = history.after(reason);
                }
            }
        }
    }

    /// One request on the wire, with its own timeout and abort.
    async fn attempt(
        &self,
        url: &str,
        request: &Request,
        auth: &[(String, String)],
        cancel: &Cancel,
    ) -> Result<Response, ErrorKind> {
        let controller = cancel.next_controller();
        let timed_out = Rc::new(Cell::new(false));
        let _timer = {
            let timed_out = timed_out.clone();
            let controller = controller.clone();
            Timer::start(self.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let lost = |_| {
            if timed_out.get() {
                ErrorKind::Timeout
            } else {
                ErrorKind::Network
            }
        };

        // Built by hand, not with gloo's RequestBuilder: its builder appends a stray `&` to a
        // URL that already has a query, and vendors must receive exactly the URL built here.
        let headers = web_sys::Headers::new().map_err(|_| ErrorKind::Refused)?;
        let _ = headers.set("Accept", "application/json");
        for (name, value) in request.headers.iter().chain(auth) {
            headers.set(name, value).map_err(|_| ErrorKind::Refused)?;
        }
        let init = web_sys::RequestInit::new();
        init.set_method(request.method.as_str());
        init.set_signal(Some(&controller.signal()));
        // No cookies of this console's origin travel to a vendor, and a vendor's 401 with
        // `WWW-Authenticate: Basic` cannot make the browser pop up its own login prompt.
        init.set_credentials(web_sys::RequestCredentials::Omit);
        if let Some(body) = &request.body {
            let _ = headers.set("Content-Type", "application/json");
            init.set_body(&JsValue::from_str(&body.to_string()));
        }
        init.set_headers(&headers);
        let outgoing = web_sys::Request::new_with_str_and_init(url, &init)
            .map(gloo_net::http::Request::from)
            .map_err(|_| ErrorKind::Refused)?;
        let answer = outgoing.send().await.map_err(lost)?;
        let headers = answer
            .headers()
            .entries()
            .map(|(name, value)| (name.to_ascii_lowercase(), value))
            .collect();
        let status = answer.status();
        let body = answer.text().await.map_err(lost)?;
        Ok(Response {
            status,
            headers,
            body,
        })
    }

    fn no_answer(&self, kind: ErrorKind, request: &Request, target: &Target) -> ApiError {
        let vendor = target.vendor.title();
        let what = format!("{} {}", request.method.as_str(), request.path);
        let message = match kind {
            ErrorKind::Timeout => format!(
                "{vendor} did not answer within {} ({what}).",
                duration_text(self.timeout_ms)
            ),
            ErrorKind::Refused => format!("Patchbay could not build the request ({what})."),
            _ => format!(
                "Could not reach {vendor} ({what}): the connection failed or was cut off. \
                 Check the base URL and the proxy."
            ),
        };
        let written = !request.method.is_idempotent_read();
        let message = if written && kind != ErrorKind::Refused {
            format!("{message} It may or may not have been applied; reload before trying again.")
        } else {
            message
        };
        ApiError::new(kind, message)
    }
}

/// The last guard before anything leaves: the URL as this browser resolves it against the
/// page must land on this page's origin under the proxy prefix, or on the base URL's origin
/// under its path. Returns the resolved URL, which is exactly what is sent.
fn resolve_for_sending(target: &Target, url: &str) -> Result<String, RouteError> {
    let location = web_sys::window()
        .map(|w| w.location())
        .ok_or_else(|| RouteError::Escapes("there is no page to resolve it against".into()))?;
    let (page, page_origin) = (
        location.href().unwrap_or_default(),
        location.origin().unwrap_or_default(),
    );
    let resolved = web_sys::Url::new_with_base(url, &page)
        .map_err(|_| RouteError::InvalidLink(url.to_string()))?;
    target.route.check_resolved(
        &target.base_url,
        &page_origin,
        &resolved.origin(),
        &resolved.pathname(),
    )?;
    Ok(resolved.href())
}

/// "30 s", or "300 ms" below a second.
fn duration_text(ms: u32) -> String {
    if ms >= 1000 && ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{ms} ms")
    }
}

/// Stops a `send` once nobody waits for it: when the reactive owner that started it is
/// cleaned up (its page went away) the attempt on the wire is aborted and no retry follows;
/// when the `send` future itself is dropped, the attempt on the wire is aborted.
struct Cancel {
    cancelled: Rc<Cell<bool>>,
    current: Rc<RefCell<Option<AbortController>>>,
}

impl Cancel {
    fn new() -> Self {
        let cancel = Cancel {
            cancelled: Rc::default(),
            current: Rc::default(),
        };
        if Owner::current().is_some() {
            let shared = SendWrapper::new((cancel.cancelled.clone(), cancel.current.clone()));
            on_cleanup(move || {
                let (cancelled, current) = &*shared;
                cancelled.set(true);
                if let Some(controller) = current.borrow().as_ref() {
                    controller.abort();
                }
            });
        }
        cancel
    }

    /// A fresh controller for the next attempt (an aborted one cannot be reused).
    fn next_controller(&self) -> AbortController {
        let controller =
            AbortController::new().expect("AbortController exists in every supported browser");
        *self.current.borrow_mut() = Some(controller.clone());
        controller
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.get()
    }
}

impl Drop for Cancel {
    fn drop(&mut self) {
        if let Some(controller) = self.current.borrow().as_ref() {
            controller.abort();
        }
    }
}

fn cancelled(request: &Request) -> ApiError {
    let mut message = format!(
        "Cancelled: the page that asked for {} {} was left.",
        request.method.as_str(),
        request.path
    );
    if !request.method.is_idempotent_read() {
        message.push_str(" It may or may not have been applied; reload before trying again.");
    }
    ApiError::new(ErrorKind::Network, message)
}

/// A `setTimeout` that is cleared when dropped.
struct Timer {
    handle: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    fn start(ms: u32, fire: impl FnMut() + 'static) -> Self {
        let callback = Closure::<dyn FnMut()>::new(fire);
        let handle = web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms as i32,
            )
            .unwrap_or_default();
        Timer {
            handle,
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The current Unix time in milliseconds.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Now, as RFC 3339 in UTC: the time an export records.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
