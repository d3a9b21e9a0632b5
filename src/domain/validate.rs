//! The validation engine: `validate(form, draft)` checks every documented rule of the fields the
//! draft makes active and returns messages keyed by JSON pointer. Nothing is sent while it
//! returns any.

use serde_json::Value;

use super::error::FieldErrors;
use super::field::{Constraint, FieldKind, FieldSpec, FormSpec};
use super::pointer::{child, is_blank};
use super::safety::check_url;

/// Checks `draft` against `form`. Empty optional fields are fine; each rule reports once.
pub fn validate(form: &FormSpec, draft: &Value) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for field in form.active_fields(draft) {
        check_field(form, field, draft, &mut errors);
    }
    errors
}

fn check_field(form: &FormSpec, field: &FieldSpec, draft: &Value, errors: &mut FieldErrors) {
    let value = draft.pointer(&field.pointer);
    let blank = is_blank(value);
    for constraint in &field.constraints {
        match constraint {
            Constraint::Required if blank => errors.add(&field.pointer, "required"),
            Constraint::RequiredWhen { pointer, equals }
                if blank && draft.pointer(pointer) == Some(equals) =>
            {
                errors.add(&field.pointer, required_when_message(form, pointer, equals));
            }
            Constraint::MinItems(min) => {
                let given = value.and_then(Value::as_array).map_or(0, |items| {
                    items.iter().filter(|item| !is_blank(Some(item))).count()
                });
                if given < *min && value.is_none_or(Value::is_array) {
                    errors.add(
                        &field.pointer,
                        format!("at least {min} {}", plural(*min, "item")),
                    );
                }
            }
            Constraint::AtLeastOneOf { pointers, message }
                if pointers.iter().all(|p| is_blank(draft.pointer(p))) =>
            {
                errors.add(&field.pointer, message.clone());
            }
            _ => {}
        }
    }
    if let (false, Some(value)) = (blank, value) {
        check_value(field, value, errors);
    }
}

fn check_value(field: &FieldSpec, value: &Value, errors: &mut FieldErrors) {
    let at = field.pointer.as_str();
    match &field.kind {
        FieldKind::Text | FieldKind::Multiline | FieldKind::Url | FieldKind::Secret => {
            match value.as_str() {
                Some(text) => check_text(field, at, text, errors),
                None => errors.add(at, "must be text"),
            }
        }
        // The vendor's list decides; its own rules (an id's digits) still apply.
        FieldKind::Enum(_) if field.open_choices => match value.as_str() {
            Some(text) => check_text(field, at, text, errors),
            None => errors.add(at, "must be text"),
        },
        FieldKind::Enum(_) | FieldKind::OneOf(_) => {
            let allowed = field.allowed_values().unwrap_or_default();
            if !value.as_str().is_some_and(|v| allowed.contains(&v)) {
                errors.add(
                    at,
                    format!("must be one of: {}", choice_labels(field).join(", ")),
                );
            }
        }
        FieldKind::Bool => {
            if !value.is_boolean() {
                errors.add(at, "must be yes or no");
            }
        }
        FieldKind::Integer => check_integer(field, value, errors),
        FieldKind::StringList => check_list(field, value, errors),
        FieldKind::KeyValue => check_map(at, value, errors),
        FieldKind::MultiChoice(_) => check_chosen(field, value, errors),
        FieldKind::Group(_) => {}
    }
}

fn check_text(field: &FieldSpec, at: &str, text: &str, errors: &mut FieldErrors) {
    let length = text.chars().count();
    for constraint in &field.constraints {
        match constraint {
            Constraint::MinLength(min) if length < *min => {
                errors.add(at, format!("at least {min} {}", plural(*min, "character")))
            }
            Constraint::MaxLength(max) if length > *max => {
                errors.add(at, format!("at most {max} {}", plural(*max, "character")))
            }
            Constraint::Url { schemes } => {
                if let Err(problem) = check_url(text, schemes) {
                    errors.add(at, problem.message());
                }
            }
            Constraint::Pattern(pattern) if !(pattern.matches)(text) => {
                errors.add(at, pattern.message)
            }
            Constraint::Check(check) => {
                if let Err(message) = (check.0)(text) {
                    errors.add(at, message);
                }
            }
            _ => {}
        }
    }
}

fn check_integer(field: &FieldSpec, value: &Value, errors: &mut FieldErrors) {
    let at = field.pointer.as_str();
    let Some(number) = value.as_i64() else {
        errors.add(at, "must be a whole number");
        return;
    };
    for constraint in &field.constraints {
        if let Constraint::IntRange { min, max } = constraint {
            let too_low = min.is_some_and(|m| number < m);
            let too_high = max.is_some_and(|m| number > m);
            if too_low || too_high {
                errors.add(at, range_message(*min, *max));
            }
        }
    }
}

fn check_list(field: &FieldSpec, value: &Value, errors: &mut FieldErrors) {
    let at = field.pointer.as_str();
    let Some(items) = value.as_array() else {
        errors.add(at, "must be a list");
        return;
    };
    let given = items.iter().filter(|item| !is_blank(Some(item))).count();
    for constraint in &field.constraints {
        match constraint {
            Constraint::MaxItems(max) if given > *max => {
                errors.add(at, format!("at most {max} {}", plural(*max, "item")))
            }
            _ => {}
        }
    }
    for (index, item) in items.iter().enumerate() {
        if is_blank(Some(item)) {
            continue;
        }
        let item_at = child(at, &index.to_string());
        match item.as_str() {
            Some(text) => check_text(field, &item_at, text, errors),
            None => errors.add(item_at, "must be text"),
        }
    }
}

/// A list of chosen values: each must be text, and one of the choices unless the vendor
/// serves them (its list may not have landed yet).
fn check_chosen(field: &FieldSpec, value: &Value, errors: &mut FieldErrors) {
    let at = field.pointer.as_str();
    let Some(items) = value.as_array() else {
        errors.add(at, "must be a list");
        return;
    };
    let allowed = field.allowed_values().unwrap_or_default();
    for item in items {
        match item.as_str() {
            Some(chosen) if field.open_choices || allowed.contains(&chosen) => {}
            Some(chosen) => errors.add(at, format!("“{chosen}” is not one of the choices")),
            None => errors.add(at, "must be a list of choices"),
        }
    }
}

fn check_map(at: &str, value: &Value, errors: &mut FieldErrors) {
    let Some(map) = value.as_object() else {
        errors.add(at, "must be a set of names and values");
        return;
    };
    for (key, entry) in map {
        if key.trim().is_empty() {
            errors.add(at, "every value needs a name");
        }
        if !entry.is_string() {
            errors.add(child(at, key), "must be text");
        }
    }
}

fn required_when_message(form: &FormSpec, pointer: &str, equals: &Value) -> String {
    let other = find_field(&form.fields, pointer);
    let label = other.map_or_else(
        || pointer.trim_start_matches('/').to_string(),
        |f| f.label.clone(),
    );
    let shown = match (equals, other.map(|f| &f.kind)) {
        (Value::Bool(true), _) => return format!("required when {label} is on"),
        (Value::String(v), Some(FieldKind::Enum(choices))) => choices
            .iter()
            .find(|c| &c.value == v)
            .map_or_else(|| v.clone(), |c| c.label.clone()),
        (Value::String(v), _) => v.clone(),
        (other, _) => other.to_string(),
    };
    format!("required when {label} is “{shown}”")
}

/// Finds a field by pointer anywhere in the form, including every variant of every one-of.
pub fn find_field<'a>(fields: &'a [FieldSpec], pointer: &str) -> Option<&'a FieldSpec> {
    for field in fields {
        if field.pointer == pointer {
            return Some(field);
        }
        let found = match &field.kind {
            FieldKind::Group(children) => find_field(children, pointer),
            FieldKind::OneOf(variants) => {
                variants.iter().find_map(|v| find_field(&v.fields, pointer))
            }
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn choice_labels(field: &FieldSpec) -> Vec<String> {
    match &field.kind {
        FieldKind::Enum(choices) => choices.iter().map(|c| c.label.clone()).collect(),
        FieldKind::OneOf(variants) => variants.iter().map(|v| v.label.clone()).collect(),
        _ => Vec::new(),
    }
}

fn range_message(min: Option<i64>, max: Option<i64>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("must be between {lo} and {hi}"),
        (Some(lo), None) => format!("must be {lo} or more"),
        (None, Some(hi)) => format!("must be {hi} or less"),
        (None, None) => String::new(),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
