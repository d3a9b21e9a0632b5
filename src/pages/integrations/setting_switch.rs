//! Switching a connection setting whose choices the vendor serves (ThousandEyes' account
//! group) from a connection's pages: a button reads the choices, a select saves the chosen one
//! on the connection, and the pages read their lists again for it.

use leptos::prelude::*;
use serde_json::Value;

use super::calls::send;
use crate::domain::auth::SettingChoices;
use crate::domain::{Choice, VendorApi};
use crate::state::{Connection, Connections, LookupCache, Secrets, Toasts};

/// One switch per setting the vendor serves choices for.
pub fn setting_switches(connection: &Connection, api: &'static dyn VendorApi) -> impl IntoView {
    connection
        .vendor
        .setting_choices()
        .iter()
        .map(|setting| view! { <SettingSwitch connection=connection.clone() api setting/> })
        .collect_view()
}

#[component]
fn SettingSwitch(
    connection: Connection,
    api: &'static dyn VendorApi,
    setting: &'static SettingChoices,
) -> impl IntoView {
    let key = setting.pointer.trim_start_matches("/settings/");
    let current = connection
        .settings
        .get(key)
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
        .unwrap_or_default();
    let what = setting.what;
    let title = capitalised(what.strip_suffix('s').unwrap_or(what));
    // The choices once read; a failure is said in a toast and the button stays.
    let choices = RwSignal::new(None::<Vec<Choice>>);
    let busy = RwSignal::new(false);
    let (secrets, toasts) = (Secrets::use_context(), Toasts::use_context());
    let connections = Connections::use_context();
    // A wait (a 429) shows where the lookups' waits show.
    let waiting = LookupCache::use_context().waiting;
    let read = {
        let connection = connection.clone();
        move |_| {
            let target = secrets.target(&connection);
            busy.set(true);
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let request = (setting.request)(&target.credentials);
                let read = send(api, &target, &request, &move |n| waiting.set(Some(n))).await;
                waiting.set(None);
                busy.set(false);
                match read.and_then(|response| (setting.read)(&response)) {
                    Ok(found) => choices.set(Some(found)),
                    Err(error) => {
                        toasts.error(format!("Could not read {what}: {}", error.summary()))
                    }
                }
            });
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        let mut changed = connection.clone();
        changed
            .settings
            .insert(key.to_string(), Value::String(event_target_value(&ev)));
        connections.save(changed);
    };
    let shown = match current.as_str() {
        "" => "the token's default".to_string(),
        id => format!("id {id}"),
    };
    let label = title.clone();
    let body = move || {
        match choices.get() {
        None => view! {
            <span>{format!("{title}: {shown} ")}</span>
            <button type="button" class="secondary" disabled=move || busy.get() on:click=read.clone()>
                {format!("Switch {}", title.to_lowercase())}
            </button>
        }
        .into_any(),
        Some(found) => {
            let options = found
                .into_iter()
                .map(|c| {
                    let selected = c.value == current;
                    view! { <option value=c.value selected=selected>{c.label}</option> }
                })
                .collect_view();
            view! {
                <label>
                    {label.clone()}
                    <select aria-label=label.clone() on:change=choose.clone()>
                        <option value="" selected=current.is_empty()>"The token's default"</option>
                        {options}
                    </select>
                </label>
            }
            .into_any()
        }
    }
    };
    view! { <div class="setting-switch">{body}</div> }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
