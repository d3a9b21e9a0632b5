//! One list cell or detail value: text as text, a credential masked until revealed, a time
//! shortened to the minute (the full value in its title).

use leptos::prelude::*;

use super::list_view::{local_time, short_time};
use crate::components::secret_text::SecretText;
use crate::domain::Cell;

/// `label` names the value for the controls of a credential ("ingest link of Payments"); it is
/// made only for those, since a long list draws many cells and few of them are credentials.
pub fn cell_view(cell: Cell, label: impl FnOnce() -> String) -> AnyView {
    match cell {
        Cell::Text(text) => text.into_any(),
        Cell::Secret(value) => view! { <SecretText value label=label()/> }.into_any(),
        Cell::Time(time) => {
            let (shown, full) = shown_in_local_time(&time);
            view! { <time datetime=time.clone() title=full>{shown}</time> }.into_any()
        }
        Cell::Empty => view! { <span class="muted" aria-label="none">"—"</span> }.into_any(),
    }
}

/// The vendor's timestamp on this browser's clock, or as written when it cannot be read.
fn shown_in_local_time(time: &str) -> (String, String) {
    let utc_ms = js_sys::Date::parse(time);
    if !utc_ms.is_finite() {
        return (short_time(time), time.to_string());
    }
    // getTimezoneOffset is minutes *behind* UTC, for that very moment (summer time included).
    let behind = js_sys::Date::new(&utc_ms.into()).get_timezone_offset();
    local_time(utc_ms as i64, -(behind as i64))
}
