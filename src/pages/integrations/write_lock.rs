//! The write controls' side of read-only: why a connection's changes are refused, for pages to
//! disable each control with the reason (the fetch layer refuses anything but reads anyway).

use leptos::prelude::*;

use crate::state::{Connection, Prefs};

/// Why changes to `connection`'s integrations are refused, if they are (the console's switch
/// or the connection's own), as it changes.
pub fn write_lock(connection: &Connection) -> Signal<Option<&'static str>> {
    let prefs = Prefs::use_context();
    let connection = connection.clone();
    Signal::derive(move || prefs.lock_of(&connection))
}

/// A link to a page that writes (New integration, Edit): a disabled button saying why while
/// the connection is locked.
pub fn write_link(
    lock: Signal<Option<&'static str>>,
    href: String,
    text: &'static str,
) -> impl IntoView {
    move || {
        match lock.get() {
        Some(why) => view! { <button type="button" disabled title=why aria-describedby="write-lock">{text}</button> }.into_any(),
        None => view! { <a class="button" href=href.clone()>{text}</a> }.into_any(),
    }
    }
}
