//! Pieces every table and filter bar shares.

use leptos::prelude::*;

/// A table's column header cells, one per title.
pub fn column_heads(titles: &[&'static str]) -> impl IntoView {
    titles
        .iter()
        .map(|title| view! { <th scope="col">{*title}</th> })
        .collect_view()
}

/// A labelled filter select whose first choice, "Any", filters nothing; `children` are the
/// other choices. Choosing runs `on_pick` with the chosen value at once.
#[component]
pub fn AnySelect(
    title: &'static str,
    #[prop(into)] value: Signal<String>,
    on_pick: Callback<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <label>
            {title} " "
            <select aria-label=title prop:value=move || value.get()
                on:change=move |ev| on_pick.run(event_target_value(&ev))>
                <option value="">"Any"</option>
                {children()}
            </select>
        </label>
    }
}
