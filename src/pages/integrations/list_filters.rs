//! The vendor's own list filters (OnCall: exact name, team), drawn from its FormSpec. Applying
//! them asks the vendor again with those parameters; the values live in the URL.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::components::form::{FormCtx, FormFields};
use crate::domain::pointer;
use crate::domain::{Lookups, VendorApi};

type Go = Callback<(String, usize, Option<Vec<(String, String)>>)>;

#[component]
pub fn FilterBar(
    api: &'static dyn VendorApi,
    lookups: Memo<Lookups>,
    filters: Memo<Vec<(String, String)>>,
    go: Go,
) -> impl IntoView {
    let base = api.list_filters();
    if base.fields.is_empty() {
        return ().into_any();
    }
    let spec = Signal::derive(move || {
        lookups.with(|l| {
            l.iter().fold(base.clone(), |form, (pointer, choices)| {
                form.with_choices(pointer, choices)
            })
        })
    });
    let initial: Map<String, Value> = filters
        .get_untracked()
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    let draft = RwSignal::new(Value::Object(initial));
    let ctx = FormCtx::new(spec, draft, Signal::derive(BTreeMap::new), "filter");
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ctx.check_before_submit() {
            return;
        }
        let chosen = spec.with_untracked(|s| {
            s.all_pointers()
                .iter()
                .filter_map(|p| {
                    let value = draft.with_untracked(|d| pointer::get_text(d, p));
                    let name = pointer::tokens(p).pop()?;
                    Some((name, value))
                })
                .collect::<Vec<_>>()
        });
        go.run((String::new(), 1, Some(chosen)));
    };
    let clear = move |_| {
        draft.set(Value::Object(Map::new()));
        go.run((String::new(), 1, Some(Vec::new())));
    };
    view! {
        <form class="filters" novalidate on:submit=apply aria-label="Filters">
            <FormFields ctx/>
            <div class="actions">
                <button type="submit" class="secondary">"Apply filters"</button>
                <button type="button" class="link" on:click=clear>"Clear"</button>
            </div>
        </form>
    }
    .into_any()
}
