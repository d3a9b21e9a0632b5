//! Picks the widget for a field's kind.

use leptos::prelude::*;

use super::{choice, chrome, inputs, list, one_of, secret, FormCtx};
use crate::domain::{FieldKind, FieldSpec};

pub fn field_view(ctx: FormCtx, field: FieldSpec) -> AnyView {
    match &field.kind {
        // A URL that is a credential (a Slack webhook URL): shown while typed, like any URL,
        // but once saved never put back into an input.
        FieldKind::Text | FieldKind::Url if field.sensitive => chrome::wrap(
            ctx,
            &field,
            secret::secret_input(ctx, &field, "text"),
            false,
        ),
        FieldKind::Text | FieldKind::Url | FieldKind::Integer => {
            chrome::wrap(ctx, &field, inputs::line_input(ctx, &field), false)
        }
        FieldKind::Multiline => {
            chrome::wrap(ctx, &field, inputs::multiline_input(ctx, &field), false)
        }
        FieldKind::Secret => chrome::wrap(
            ctx,
            &field,
            secret::secret_input(ctx, &field, "password"),
            false,
        ),
        FieldKind::Enum(_) => chrome::wrap(ctx, &field, choice::select(ctx, &field), false),
        FieldKind::Bool => chrome::wrap(ctx, &field, choice::checkbox(ctx, &field), true),
        FieldKind::StringList => list::string_list(ctx, field),
        FieldKind::KeyValue => list::key_value(ctx, field),
        FieldKind::MultiChoice(_) => choice::checkboxes(ctx, field),
        FieldKind::Group(_) => group(ctx, field),
        FieldKind::OneOf(_) => one_of::one_of(ctx, field, field_view),
    }
}

/// A titled set of fields; rules of the whole group (at-least-one-of) show under its title.
fn group(ctx: FormCtx, field: FieldSpec) -> AnyView {
    let FieldKind::Group(children) = field.kind.clone() else {
        unreachable!("group() is only called for groups")
    };
    let errors_id = format!("{}-errors", ctx.dom_id(&field.pointer));
    let help = field
        .help
        .clone()
        .map(|text| view! { <p class="help">{text}</p> });
    view! {
        <fieldset class="group" aria-describedby=errors_id.clone()>
            <legend>{field.label.clone()}</legend>
            {help}
            {chrome::errors_view(ctx, &field.pointer, &errors_id)}
            {children.into_iter().map(|child| field_view(ctx, child)).collect_view()}
        </fieldset>
    }
    .into_any()
}
