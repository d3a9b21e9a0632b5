//! One list cell or detail value: text as text, a credential masked until revealed, a time
//! shortened to the minute (the full value in its title).

use leptos::prelude::*;

use super::list_view::short_time;
use crate::components::secret_text::SecretText;
use crate::domain::Cell;

#[component]
pub fn CellView(cell: Cell, #[prop(into)] label: String) -> impl IntoView {
    match cell {
        Cell::Text(text) => view! { <span>{text}</span> }.into_any(),
        Cell::Secret(value) => view! { <SecretText value label/> }.into_any(),
        Cell::Time(time) => {
            view! { <time datetime=time.clone() title=time.clone()>{short_time(&time)}</time> }
                .into_any()
        }
        Cell::Empty => view! { <span class="muted" aria-label="none">"—"</span> }.into_any(),
    }
}
