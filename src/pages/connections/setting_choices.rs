//! Settings whose choices the vendor serves (ThousandEyes' account groups), read while the
//! connection is being entered: one button per such setting sends the credentials in the form
//! and fills the setting's select with the answer. The read belongs to the editor, so nothing
//! the user typed or chose is reset when it lands.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::components::feedback::WaitStatus;
use crate::components::form::FormCtx;
use crate::domain::auth::SettingChoices;
use crate::domain::error_body::generic_error;
use crate::domain::{ApiError, Choice, ErrorKind, FormSpec, Vendor};
use crate::http::{Client, WaitNotice};
use crate::state::connection_form::from_draft;

/// Choices read so far in this editor, by vendor and setting pointer.
pub type ReadChoices = RwSignal<BTreeMap<(Vendor, &'static str), Vec<Choice>>>;

/// The connection form with every choice read so far put into its setting's select.
pub fn with_read_choices(mut form: FormSpec, vendor: Vendor, read: &ReadChoices) -> FormSpec {
    for setting in vendor.setting_choices() {
        if let Some(choices) = read.with(|all| all.get(&(vendor, setting.pointer)).cloned()) {
            form = form.with_choices(setting.pointer, &choices);
        }
    }
    form
}

/// The editor's reader of setting choices: one read at a time, its outcome kept by the editor.
#[derive(Clone, Copy)]
pub struct ChoiceReader {
    action: Action<(Vendor, usize), Result<usize, ApiError>>,
    notice: RwSignal<Option<WaitNotice>>,
    ctx: FormCtx,
    /// Which setting was read last, so only its button shows the outcome.
    last: RwSignal<Option<(Vendor, usize)>>,
}

impl ChoiceReader {
    /// `saved` gives the secrets saved for the connection being edited, while the draft still
    /// points where they were saved for; secrets typed in the form win over them.
    pub fn new(
        ctx: FormCtx,
        read: ReadChoices,
        saved: impl Fn() -> Map<String, Value> + 'static,
    ) -> Self {
        let notice = RwSignal::new(None);
        let action = Action::new_local(move |(vendor, index): &(Vendor, usize)| {
            let vendor = *vendor;
            let setting = &vendor.setting_choices()[*index];
            let drafted = ctx
                .draft
                .with_untracked(|d| from_draft(d, "reading-choices"));
            let mut secrets = saved();
            async move {
                let drafted = drafted.map_err(|why| ApiError::new(ErrorKind::Refused, why))?;
                secrets.extend(drafted.secrets);
                let target = drafted.connection.target(secrets);
                let request = (setting.request)(&target.credentials);
                let on_wait = move |n| notice.set(Some(n));
                let response = Client::default()
                    .send_expecting_success(&target, &request, &on_wait, |response, now| {
                        generic_error(response, vendor.rate_limit_signals(), now)
                    })
                    .await;
                notice.set(None);
                let choices = (setting.read)(&response?)?;
                let count = choices.len();
                read.update(|all| {
                    all.insert((vendor, setting.pointer), choices);
                });
                Ok(count)
            }
        });
        ChoiceReader {
            action,
            notice,
            ctx,
            last: RwSignal::new(None),
        }
    }
}

/// A "Read account groups" button for each setting of `vendor` whose choices it serves, with
/// what the last read found or why it failed.
#[component]
pub fn SettingChoiceButtons(vendor: Memo<Vendor>, reader: ChoiceReader) -> impl IntoView {
    move || {
        let vendor = vendor.get();
        vendor
            .setting_choices()
            .iter()
            .enumerate()
            .map(|(index, setting)| view! { <ReadButton vendor index setting reader/> })
            .collect_view()
    }
}

#[component]
fn ReadButton(
    vendor: Vendor,
    index: usize,
    setting: &'static SettingChoices,
    reader: ChoiceReader,
) -> impl IntoView {
    let ChoiceReader {
        action,
        notice,
        ctx,
        last,
    } = reader;
    let label = format!("Read {} from {}", setting.what, vendor.title());
    let on_click = move |_| {
        // Only what the request needs must be right; the label and note can wait.
        let needed = |p: &str| !matches!(p, "/label" | "/note") && p != setting.pointer;
        if ctx.check_fields(needed) {
            last.set(Some((vendor, index)));
            action.dispatch((vendor, index));
        }
    };
    let status = move || {
        if last.get() != Some((vendor, index)) {
            return None;
        }
        if action.pending().get() {
            return Some(format!("Reading {}…", setting.what));
        }
        action.value().with(|value| match value.as_ref()? {
            Ok(0) => Some(format!(
                "{} serves no {} to these credentials.",
                vendor.title(),
                setting.what
            )),
            Ok(count) => Some(format!("Read {count} {}: choose one above.", setting.what)),
            Err(error) => Some(format!(
                "Could not read {}: {}",
                setting.what,
                error.summary()
            )),
        })
    };
    view! {
        <div class="setting-choices">
            <button type="button" class="secondary" on:click=on_click disabled=move || action.pending().get()>
                {label}
            </button>
            <p role="status" aria-live="polite">{status}</p>
            <WaitStatus notice vendor=vendor.title()/>
        </div>
    }
}
