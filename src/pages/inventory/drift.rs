//! Drift: an earlier inventory export loaded from a file and compared with the integrations
//! as they are now (with the export's own filters), each difference field by field, secrets
//! by fingerprint only. The list's filters apply to it too; it narrows further by kind of
//! change and its own search, and what is shown exports.

use leptos::prelude::*;

use crate::components::table::column_heads;
use leptos_router::components::A;

use super::ask::Ask;
use super::reading::{Inventory, Reading};
use crate::components::download::{download, with_chosen_file};
use crate::domain::drift::{compare, entry_of, read_export, to_json, Change, Difference, Earlier};
use crate::domain::journal::made_here;
use crate::domain::Vendor;
use crate::routes::AppRoute;
use crate::state::{Journal, Toasts};

#[component]
pub fn DriftSection(inventory: Inventory, ask: Memo<Ask>) -> impl IntoView {
    let toasts = Toasts::use_context();
    let journal = Journal::use_context();
    let earlier = RwSignal::new(None::<Result<Earlier, String>>);
    let only = RwSignal::new(None::<Change>);
    // Narrows the differences like the list's search: name, vendor, connection, what changed.
    let search = RwSignal::new(String::new());
    let load = move |ev: leptos::ev::Event| {
        with_chosen_file(&ev, move |text| earlier.set(Some(read_export(&text))));
    };
    let differences = Memo::new(move |_| {
        let Some(Ok(earlier)) = earlier.get() else {
            return Vec::new();
        };
        let now: Vec<_> = inventory.with_rows(|rows| {
            rows.into_iter()
                .filter(|row| row.passes(&earlier.filters, ""))
                .map(entry_of)
                .collect()
        });
        compare(&earlier.entries, &now)
    });
    // The list's filters apply (not its search: the drift has its own).
    let filters = move || ask.with(|a| a.filters.clone());
    let shown = Memo::new(move |_| {
        let needle = search.get().trim().to_lowercase();
        let only = only.get();
        let filters = filters();
        differences.with(|all| {
            all.iter()
                .filter(|d| d.entry.passes(&filters))
                .filter(|d| only.is_none_or(|c| c == d.change))
                .filter(|d| needle.is_empty() || mentions(d, &needle))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Until every connection is read, what is not read yet would look removed.
    let unfinished = Memo::new(move |_| {
        inventory.sources.with(|all| {
            all.iter()
                .any(|s| matches!(&s.reading, Reading::Read(status) if !status.complete))
        })
    });
    let export = move |_| {
        let Some(Ok(was)) = earlier.get_untracked() else {
            return;
        };
        let now = crate::http::now_iso();
        let text = to_json(&shown.get_untracked(), &was.exported_at, &now);
        if download("patchbay-drift.json", "application/json", &text).is_err() {
            toasts.error("The browser refused the download.");
        }
    };
    let body = move || {
        earlier.get().map(|loaded| match loaded {
            Err(problem) => view! { <p class="notice" role="alert">{problem}</p> }.into_any(),
            Ok(was) => {
                let count = move |change: Option<Change>| {
                    let filters = filters();
                    differences.with(|all| {
                        all.iter()
                            .filter(|d| d.entry.passes(&filters))
                            .filter(|d| change.is_none_or(|c| c == d.change))
                            .count()
                    })
                };
                let choice = move |change: Option<Change>| {
                    let label = move || match change {
                        None => format!("All ({})", count(None)),
                        Some(c) => format!("{} ({})", c.title(), count(change)),
                    };
                    view! {
                        <button type="button" class="secondary" aria-pressed=move || (only.get() == change).to_string()
                            on:click=move |_| only.set(change)>{label}</button>
                    }
                };
                // A change the journal holds was made here; one it does not, elsewhere.
                let since = was.exported_at.clone();
                let rows = move || {
                    journal.with(|entries| {
                        shown
                            .get()
                            .into_iter()
                            .map(|d| {
                                let here = made_here(entries, &d.entry.connection, &d.entry.id, &since);
                                difference_row(d, here)
                            })
                            .collect_view()
                    })
                };
                let filtered = move || {
                    let f = filters();
                    (!f.is_empty()).then(|| {
                        let named: Vec<String> = f.iter().map(|(n, v)| format!("{n} {v}")).collect();
                        view! { <p class="muted">{format!("As the list above: only {}.", named.join(", "))}</p> }
                    })
                };
                view! {
                    <p>{format!("Since the export of {}{}.", was.exported_at,
                        if was.filters.is_empty() { String::new() } else { " (with its filters)".into() })}</p>
                    {move || unfinished.get().then(|| view! {
                        <p class="notice" role="status">"Some connections are still being read: integrations not read yet show as removed until they are."</p>
                    })}
                    {filtered}
                    <div class="actions" role="group" aria-label="Show">
                        {choice(None)} {choice(Some(Change::Added))} {choice(Some(Change::Removed))} {choice(Some(Change::Changed))}
                        <button type="button" class="secondary" on:click=export>"Export drift"</button>
                    </div>
                    <label class="search">
                        <span class="visually-hidden">"Search the drift"</span>
                        <input type="search" placeholder="Search by name, vendor, connection or change"
                            prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                    </label>
                    <table aria-label="Drift">
                        <thead><tr>{column_heads(&["Change", "Name", "Vendor", "Connection", "What changed", "Made"])}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="drift" aria-labelledby="drift-title">
            <h2 id="drift-title">"Drift"</h2>
            <label class="button secondary" for="drift-file">"Compare with an earlier export…"</label>
            <input type="file" id="drift-file" class="visually-hidden" accept=".json,application/json" on:change=load/>
            {body}
        </section>
    }
}

/// Whether a difference mentions `needle` (lower case) in its name, vendor, connection or
/// changed fields.
fn mentions(d: &Difference, needle: &str) -> bool {
    let fields = d.fields.iter().map(|(f, a, b)| format!("{f} {a} {b}"));
    [
        d.entry.name.clone(),
        d.entry.vendor.clone(),
        d.entry.connection_label.clone(),
        d.change.title().into(),
    ]
    .into_iter()
    .chain(fields)
    .any(|text| text.to_lowercase().contains(needle))
}

fn difference_row(difference: Difference, here: bool) -> impl IntoView {
    let Difference {
        change,
        entry,
        fields,
    } = difference;
    let name = match change {
        Change::Removed => entry.name.clone().into_any(),
        _ => {
            let href = AppRoute::Detail {
                conn: entry.connection.clone(),
                id: entry.id.clone(),
            }
            .href();
            view! { <A href=href>{entry.name.clone()}</A> }.into_any()
        }
    };
    let what = fields
        .iter()
        .map(|(field, before, after)| format!("{field}: {before} → {after}"))
        .collect::<Vec<_>>()
        .join("; ");
    let connection = if entry.connection_label.is_empty() {
        entry.connection.clone()
    } else {
        entry.connection_label.clone()
    };
    let made = if here {
        let href = crate::routes::journal_of(&entry.connection, &entry.id);
        view! { <a href=href>"Here (journal)"</a> }.into_any()
    } else {
        "Elsewhere".into_any()
    };
    view! {
        <tr>
            <td>{change.title()}</td>
            <th scope="row">{name}</th>
            <td>{Vendor::from_slug(&entry.vendor).map_or(entry.vendor.clone(), |v| v.title().to_string())}</td>
            <td>{connection}</td>
            <td>{what}</td>
            <td>{made}</td>
        </tr>
    }
}
