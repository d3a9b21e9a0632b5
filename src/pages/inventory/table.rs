//! The inventory's table, windowed: only the rows in view (and a few more)
//! are drawn, so ten thousand rows scroll and search as quickly as fifty. Column headers sort;
//! a row's name opens the integration's own page.

use std::cell::RefCell;
use std::ops::Range;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ask::{chosen_at, narrows, Ask};
use super::reading::Inventory;
use crate::domain::inventory::InventoryRow;
use crate::domain::Cell;
use crate::pages::integrations::cell_view;
use crate::routes::AppRoute;

const COLUMNS: [(&str, &str); 8] = [
    ("name", "Name"),
    ("vendor", "Vendor"),
    ("connection", "Connection"),
    ("kind", "Kind"),
    ("host", "Target"),
    ("enabled", "Enabled"),
    ("created", "Created"),
    ("updated", "Updated"),
];

/// Rows drawn beyond the visible ones on each side, so a quick scroll shows rows, not blanks.
const OVERSCAN: usize = 6;
/// A row's height in pixels until one is measured (the stylesheet fixes it at 2.25rem). Whole
/// pixels throughout: formatting a float would cost the wasm ten kilobytes.
const ROW_GUESS: usize = 36;

/// The first row in view and how many rows the box shows, for a scroll offset and the box's
/// and a row's heights in pixels.
pub fn rows_at(top: i32, visible: i32, row: usize) -> (usize, usize) {
    let row = if row >= 1 { row } else { ROW_GUESS };
    let (top, visible) = (top.max(0) as usize, visible.max(0) as usize);
    (top / row, visible.max(row).div_ceil(row))
}

/// The places (in the rows asked for) of the rows to draw: those in view, and `OVERSCAN` more
/// each side.
pub fn rows_in_view(first: usize, seen: usize, total: usize) -> Range<usize> {
    first.saturating_sub(OVERSCAN).min(total)..(first + seen.max(1) + OVERSCAN).min(total)
}

/// The rows the address asks for, as places in the inventory's rows: remade when rows land or
/// the question changes, and only narrowed when the search just grew.
#[derive(Clone, Debug, PartialEq)]
struct Matching {
    ask: Ask,
    version: u64,
    places: Vec<usize>,
    total: usize,
}

thread_local! {
    /// Where the table was last scrolled to, and for which address: Back from an integration
    /// returns to the same rows.
    static PLACE: RefCell<(String, i32)> = const { RefCell::new((String::new(), 0)) };
}

#[component]
pub fn InventoryTable(inventory: Inventory, ask: Memo<Ask>, go: Callback<Ask>) -> impl IntoView {
    let matching = Memo::new(move |earlier: Option<&Matching>| {
        let asked = ask.get();
        let version = inventory.version();
        inventory.with_rows(|rows| {
            let within = earlier
                .filter(|e| e.version == version && narrows(&e.ask, &asked))
                .map(|e| e.places.as_slice());
            Matching {
                places: chosen_at(&rows, &asked, within),
                total: rows.len(),
                version,
                ask: asked,
            }
        })
    });
    let scroller = NodeRef::<leptos::html::Div>::new();
    // Set only when another row comes into view, so scrolling within a row redraws nothing.
    let (first, seen) = (RwSignal::new(0usize), RwSignal::new(20usize));
    // Measured once, from the first row drawn (0 until then, read as `ROW_GUESS`): not on
    // every scroll event, where reading a height would force a layout.
    let row_height = RwSignal::new(0usize);
    let row_px = move || match row_height.get() {
        0 => ROW_GUESS,
        measured => measured,
    };
    let range = move || rows_in_view(first.get(), seen.get(), matching.with(|m| m.places.len()));
    let measure = move || {
        let Some(element) = scroller.get_untracked() else {
            return;
        };
        if row_height.get_untracked() == 0 {
            let first_row = element
                .query_selector("tbody tr[aria-rowindex]")
                .ok()
                .flatten();
            if let Some(row) = first_row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
                row_height.set(row.offset_height().max(0) as usize);
            }
        }
        // The box grows with its rows up to its cap: until it scrolls, it may be measured
        // while rows are still landing, so the browser window's height bounds it instead.
        let height = element.client_height();
        let full = element.scroll_height() > height;
        let bound = window().inner_height().ok().and_then(|h| h.as_f64());
        let visible = match bound {
            Some(bound) if !full => height.max(bound as i32),
            _ => height,
        };
        let top = element.scroll_top();
        let (now_first, now_seen) = rows_at(top, visible, row_height.get_untracked());
        if first.get_untracked() != now_first {
            first.set(now_first);
        }
        if seen.get_untracked() != now_seen {
            seen.set(now_seen);
        }
        let href = ask.with_untracked(Ask::href);
        PLACE.with(|place| *place.borrow_mut() = (href, top));
    };
    // A new question starts at its first row; the address the table was last scrolled under
    // (Back from an integration) returns to where it was.
    Effect::new(move |_| {
        let href = ask.with(Ask::href);
        if let Some(element) = scroller.get() {
            let to = PLACE.with(|p| {
                let (was, at) = &*p.borrow();
                if *was == href {
                    *at
                } else {
                    0
                }
            });
            if element.scroll_top() != to {
                element.set_scroll_top(to);
            }
            measure();
        }
    });
    let header = move |(column, title): (&'static str, &'static str)| {
        let sorted = move || {
            ask.with(|a| match a.sort.strip_prefix('-') {
                Some(c) if c == column => "descending",
                None if a.sort == column => "ascending",
                _ => "none",
            })
        };
        let sort = move |_| {
            let mut asked = ask.get_untracked();
            asked.sort = if asked.sort == column {
                format!("-{column}")
            } else {
                column.to_string()
            };
            go.run(asked);
        };
        view! {
            <th scope="col" aria-sort=sorted>
                <button type="button" class="sort" on:click=sort>{title}</button>
            </th>
        }
    };
    let counts =
        move || matching.with(|m| format!("{} of {} integrations", m.places.len(), m.total));
    let above = move || format!("{}px", range().start * row_px());
    let below = move || {
        let after = matching.with(|m| m.places.len()) - range().end;
        format!("{}px", after * row_px())
    };
    let shown = move || {
        let range = range();
        matching.with(|m| {
            inventory.with_rows(|rows| {
                range
                    .map(|place| (place, rows[m.places[place]].clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <p class="shown" aria-live="polite">{counts}</p>
        <div class="table-window" node_ref=scroller tabindex="0" role="region"
            aria-label="All integrations, scroll for more" on:scroll=move |_| measure()>
        <table class="inventory" aria-label="All integrations"
            aria-rowcount=move || matching.with(|m| m.places.len()) + 1>
            <colgroup>{COLUMNS.map(|(column, _)| view! { <col class=column/> }).collect_view()}</colgroup>
            <thead><tr aria-rowindex="1">{COLUMNS.map(header).collect_view()}</tr></thead>
            <tbody>
                <tr class="spacer" aria-hidden="true"><td colspan="8" style:height=above></td></tr>
                <For
                    each=shown
                    key=|(place, row)| format!("{place}\u{1f}{}\u{1f}{}\u{1f}{:?}\u{1f}{}\u{1f}{}", row.connection_id, row.id, row.updated, row.name, row.findings.len())
                    children=|(place, row)| row_view(place, row)
                />
                <tr class="spacer" aria-hidden="true"><td colspan="8" style:height=below></td></tr>
            </tbody>
        </table>
        </div>
    }
}

fn row_view(place: usize, row: InventoryRow) -> impl IntoView {
    let href = AppRoute::Detail {
        conn: row.connection_id.clone(),
        id: row.id.clone(),
    }
    .href();
    // Drawn as every list draws its cells: a secret masked with Reveal and Copy, a time on
    // this browser's clock.
    let target = match (row.target.clone(), row.target_secret) {
        (Some(url), true) => Cell::Secret(url),
        (url, _) => Cell::text(url.as_deref()),
    };
    let name = row.name.clone();
    let target = cell_view(target, move || format!("target of {name}"));
    let enabled = match row.enabled {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "—",
    };
    let kind = if row.vendor_kind.is_empty() || row.vendor_kind == row.kind.title() {
        row.kind.title().to_string()
    } else {
        format!("{} ({})", row.kind.title(), row.vendor_kind)
    };
    // Nothing takes its alerts: said beside its name (and filtered under Hygiene).
    let unused = row
        .findings
        .iter()
        .any(|(id, _)| *id == crate::domain::hygiene::UNUSED)
        .then(|| view! { <span class="flag">" unused"</span> });
    // The day in the cell, the minute (as the vendor wrote it) on hover.
    let time = |t: Option<String>| match t {
        Some(t) => {
            let minute = t.chars().take(16).collect::<String>().replace('T', " ");
            let day = minute.chars().take(10).collect::<String>();
            view! { <time datetime=t title=minute>{day}</time> }.into_any()
        }
        None => "—".into_any(),
    };
    view! {
        <tr aria-rowindex=place + 2>
            // Cells cut to one line say the whole of themselves on hover.
            <th scope="row" title=row.name.clone()><a href=href>{row.name.clone()}</a>{unused}</th>
            <td>{row.vendor.title()}</td>
            <td title=row.connection.clone()>{row.connection.clone()}</td>
            <td title=kind.clone()>{kind.clone()}</td>
            <td>{target}</td>
            <td>{enabled}</td>
            <td>{time(row.created)}</td>
            <td>{time(row.updated)}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_holds_the_rows_in_view_and_a_margin_each_side() {
        const M: usize = OVERSCAN;
        // 36 px rows, 720 px of view: 20 rows seen, from the row the offset reaches.
        assert_eq!(rows_at(0, 720, 36), (0, 20));
        assert_eq!(rows_at(36 * 5_000 + 20, 700, 36), (5_000, 20));
        // An unmeasured row or box still counts one row.
        assert_eq!(rows_at(-10, 0, 0), (0, 1));
        assert_eq!(rows_in_view(0, 20, 10_000), 0..20 + M);
        assert_eq!(rows_in_view(5_000, 20, 10_000), 5_000 - M..5_020 + M);
        // At the very end, and past it (a list that just shrank).
        assert_eq!(rows_in_view(9_980, 20, 10_000), 9_980 - M..10_000);
        assert_eq!(rows_in_view(1_000_000, 20, 40), 40..40);
        // Fewer rows than the view holds.
        assert_eq!(rows_in_view(0, 20, 7), 0..7);
        assert_eq!(rows_in_view(0, 0, 100), 0..1 + M);
    }
}
