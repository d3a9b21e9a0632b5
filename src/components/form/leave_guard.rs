//! Warns before a form with unsaved changes is left: when the tab closes or reloads
//! (`beforeunload`) and when an in-app link is clicked (a capture-phase listener asks first,
//! so the router never sees a cancelled click). Leptos' router has no navigation blocker, so
//! this is done at the DOM. The browser's Back button cannot be intercepted this way.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const QUESTION: &str = "You have unsaved changes. Leave without saving them?";

/// Installs the warnings for as long as the calling component lives; they fire only while
/// `dirty` is true.
pub fn warn_before_leaving(dirty: Signal<bool>) {
    let window = window();
    let on_unload = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            if dirty.get_untracked() {
                ev.prevent_default();
                ev.set_return_value(QUESTION);
            }
        },
    );
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if !dirty.get_untracked() || !leaves_the_page(&ev) {
            return;
        }
        let stay = !web_sys::window()
            .and_then(|w| w.confirm_with_message(QUESTION).ok())
            .unwrap_or(true);
        if stay {
            ev.prevent_default();
            ev.stop_propagation();
        }
    });
    let _ =
        window.add_event_listener_with_callback("beforeunload", on_unload.as_ref().unchecked_ref());
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let listeners = SendWrapper::new((on_unload, on_click));
    on_cleanup(move || {
        let (on_unload, on_click) = listeners.take();
        let _ = window.remove_event_listener_with_callback(
            "beforeunload",
            on_unload.as_ref().unchecked_ref(),
        );
        let _ = document().remove_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
    });
}

/// A plain left click on a link to another address of this page's window.
fn leaves_the_page(ev: &web_sys::MouseEvent) -> bool {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return false;
    }
    let Some(anchor) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    let opens_elsewhere = !anchor.target().is_empty() && anchor.target() != "_self";
    let here = window().location().href().unwrap_or_default();
    !opens_elsewhere && !anchor.has_attribute("download") && anchor.href() != here
}
