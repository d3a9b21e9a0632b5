use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::setting_switch::setting_switches;
use crate::components::feedback::WaitStatus;
use crate::domain::VendorApi;
use crate::routes::AppRoute;
use crate::state::connection_file::problem_of;
use crate::state::{budget, Connection, Connections, LookupCache, Prefs, Secrets};

/// What a connection page draws once its connection is known, its vendor is built and its
/// credentials are there.
pub type Body = fn(Connection, &'static dyn VendorApi) -> AnyView;

/// The header every connection page shares, and its three early stops: no such connection,
/// a vendor whose pages are not built yet, credentials still to enter.
#[component]
pub fn ConnectionFrame(page: &'static str, body: Body) -> impl IntoView {
    let params = use_params_map();
    let connections = Connections::use_context();
    let secrets = Secrets::use_context();
    let conn_id = Memo::new(move |_| params.read().get("conn").unwrap_or_default());
    let connection = Memo::new(move |_| connections.find(&conn_id.get()));
    // Whether the saved connection fails today's rules: only its own changes redraw the page.
    let problem = Memo::new(move |_| connection.get().as_ref().and_then(problem_of));
    // Only a change of which credentials are missing rebuilds the page, not every keystroke.
    let missing = Memo::new(move |_| {
        let connection = connection.get()?;
        let target = connection.target(secrets.values(&connection.id));
        connection.vendor.auth_headers(&target.credentials).err()
    });
    move || {
        if !connections.loaded() {
            return view! { <p class="loading">"Loading connections…"</p> }.into_any();
        }
        let Some(connection) = connection.get() else {
            return unknown_connection(conn_id.get()).into_any();
        };
        let head = header(&connection, page);
        if let Some(problem) = problem.get() {
            return view! { {head} {needs_attention(&connection, problem)} }.into_any();
        }
        let rest = match (connection.api(), missing.get()) {
            (None, _) => not_built(&connection).into_any(),
            (Some(_), Some(missing)) => credentials_needed(&connection, missing).into_any(),
            (Some(api), None) => {
                // A lookup waiting on the vendor (a 429) says so here, whichever page asked.
                let waiting = LookupCache::use_context().waiting;
                let vendor = connection.vendor.title();
                view! {
                    {setting_switches(&connection, api)}
                    <WaitStatus notice=waiting vendor/>
                    {body(connection, api)}
                }
                .into_any()
            }
        };
        view! { {head} {rest} }.into_any()
    }
}

fn header(connection: &Connection, page: &'static str) -> impl IntoView {
    let (vendor, label, list) = (
        connection.vendor.title(),
        connection.label.clone(),
        AppRoute::List {
            conn: connection.id.clone(),
        }
        .href(),
    );
    let title = format!("{page} — {label}");
    view! {
        <p class="crumbs">
            {vendor} " / "
            <A href=list>{label}</A>
        </p>
        <h1>{title}</h1>
        <p class="muted"><code>{connection.base_url.clone()}</code>" · "{connection.route_summary()}</p>
        {low_budget(connection)}
        {read_only_notice(connection)}
    }
}

/// Why this connection's changes are refused, while they are: the disabled controls point here.
fn read_only_notice(connection: &Connection) -> impl IntoView {
    let prefs = Prefs::use_context();
    let connection = connection.clone();
    move || {
        prefs.lock_of(&connection).map(|why| {
            view! { <p class="notice read-only" role="status" id="write-lock">{why}</p> }
        })
    }
}

/// The vendor's rate-limit budget, once its answers say it runs low.
fn low_budget(connection: &Connection) -> impl IntoView {
    let (base_url, vendor) = (connection.base_url.clone(), connection.vendor.title());
    move || {
        budget::of(&base_url)
            .filter(|b| b.is_low())
            .map(|b| view! { <p class="notice budget" role="status">{b.message(vendor)}</p> })
    }
}

fn credentials_needed(connection: &Connection, missing: String) -> impl IntoView {
    let note = connection
        .note
        .clone()
        .filter(|n| !n.trim().is_empty())
        .map(|n| view! { <p class="note">{n}</p> });
    view! {
        <section class="notice" aria-labelledby="credentials-needed">
            <h2 id="credentials-needed">"Credentials needed"</h2>
            <p>{format!("{missing}. Secrets are kept only in this browser, so enter them once per session (or let this tab remember them).")}</p>
            {note}
            <p><a href=AppRoute::EditConnection(Some(connection.id.clone())).href() class="button">"Enter credentials"</a></p>
        </section>
    }
}

/// A saved connection that fails today's rules (an unsafe proxy prefix, a base URL with a
/// password in it): nothing is sent for it until it is fixed.
fn needs_attention(connection: &Connection, problem: String) -> impl IntoView {
    view! {
        <section class="notice attention" aria-labelledby="needs-attention">
            <h2 id="needs-attention">"This connection needs attention"</h2>
            <p>{format!("Its saved settings fail a rule: {problem}. Patchbay sends nothing for it until it is fixed.")}</p>
            <p><a href=AppRoute::EditConnection(Some(connection.id.clone())).href() class="button">"Fix the connection"</a></p>
        </section>
    }
}

fn not_built(connection: &Connection) -> impl IntoView {
    let vendor = connection.vendor.title();
    view! {
        <section class="notice" aria-labelledby="not-built">
            <h2 id="not-built">{format!("{vendor} is not built yet")}</h2>
            <p>{format!(
                "Patchbay cannot list, create or edit {vendor} integrations yet: this vendor's pages are still \
                 being built. The connection “{}” is saved and will be used here as soon as they land.",
                connection.label
            )}</p>
            <p><a href=AppRoute::EditConnection(Some(connection.id.clone())).href()>"Edit this connection"</a></p>
        </section>
    }
}

fn unknown_connection(id: String) -> impl IntoView {
    view! {
        <h1>"No such connection"</h1>
        <p>{format!("There is no connection “{id}” in this browser. It may have been removed, or set up in another browser.")}</p>
        <p><A href=AppRoute::Connections.href()>"See all connections"</A></p>
    }
}
