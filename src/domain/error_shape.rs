//! Where a vendor's error bodies keep their messages, and which form field each belongs to.
//! A vendor declares its shape and its field aliases; this generic reader puts every message on
//! its field (or at form level), so vendor modules only word what a status means.

use serde_json::Value;

use super::error::FieldErrors;
use super::pointer::{child, FORM_LEVEL};
use super::request::Response;

/// The layout of a vendor's error bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorShape {
    /// `{"errors": [{"detail"|"title"|"message": "…", "source": {"pointer"|"parameter": "…"}}]}`
    /// (JSON:API style; Confluent). A `pointer` names the field; a `parameter` a query
    /// parameter, reported at form level.
    ErrorList,
    /// `{"field": ["…"], "nested": {"field": ["…"]}, "non_field_errors": ["…"]}`, a bare list,
    /// or `{"detail": "…"}` (Django REST framework; Grafana OnCall).
    FieldMap,
}

/// A vendor's error mapping: its shape, and server field names that are not the form's
/// pointers (the engine reports `escalation_chain_id` for `default_route.escalation_chain_id`).
#[derive(Clone, Copy, Debug)]
pub struct ErrorMapping {
    pub shape: ErrorShape,
    pub aliases: &'static [(&'static str, &'static str)],
}

/// What an error body said, placed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadErrors {
    pub fields: FieldErrors,
    /// The first message of the body, in its order (for a one-line summary).
    pub first: Option<String>,
    /// A top-level `detail` sentence (FieldMap), which the vendor may place itself.
    pub detail: Option<String>,
}

impl ErrorMapping {
    /// Reads `response`'s body; a body of another shape, or none, reads as nothing.
    pub fn read(&self, response: &Response) -> ReadErrors {
        let mut read = ReadErrors::default();
        let Ok(json) = response.json() else {
            return read;
        };
        match self.shape {
            ErrorShape::ErrorList => self.read_list(&json, &mut read),
            ErrorShape::FieldMap => self.read_map(&json, &mut read),
        }
        read
    }

    fn read_list(&self, json: &Value, read: &mut ReadErrors) {
        for entry in json
            .get("errors")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(text) = ["detail", "title", "message"]
                .iter()
                .find_map(|k| entry.get(*k).and_then(Value::as_str))
            else {
                continue;
            };
            read.first.get_or_insert_with(|| text.to_string());
            let source = |key: &str| {
                entry
                    .pointer(&format!("/source/{key}"))
                    .and_then(Value::as_str)
            };
            match (source("pointer"), source("parameter")) {
                (Some(pointer), _) => read.fields.add(self.alias_of_pointer(pointer), text),
                (None, Some(parameter)) => {
                    read.fields.add(FORM_LEVEL, format!("{parameter}: {text}"))
                }
                (None, None) => {}
            }
        }
    }

    fn read_map(&self, json: &Value, read: &mut ReadErrors) {
        match json {
            Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("detail", Value::String(text)) => read.detail = Some(text.clone()),
                        ("detail", nested) => collect(nested, "", read),
                        ("non_field_errors", messages) => collect(messages, FORM_LEVEL, read),
                        (field, messages) => {
                            let at = self
                                .alias(field)
                                .map_or_else(|| child("", field), String::from);
                            collect(messages, &at, read)
                        }
                    }
                }
            }
            Value::Array(_) => collect(json, FORM_LEVEL, read),
            _ => {}
        }
        if read.first.is_none() {
            read.first = read.detail.clone();
        }
    }

    fn alias(&self, field: &str) -> Option<&'static str> {
        self.aliases
            .iter()
            .find(|(reported, _)| *reported == field)
            .map(|(_, pointer)| *pointer)
    }

    /// A JSON pointer whose first token is an alias is moved onto the form's field.
    fn alias_of_pointer(&self, pointer: &str) -> String {
        let field = pointer.trim_start_matches('/');
        self.alias(field)
            .map_or_else(|| pointer.to_string(), String::from)
    }
}

/// Messages under `at`: a string, a list of them, or an object of nested fields.
fn collect(value: &Value, at: &str, read: &mut ReadErrors) {
    match value {
        Value::String(text) => {
            read.first.get_or_insert_with(|| text.clone());
            read.fields.add(at, text.clone());
        }
        Value::Array(items) => items.iter().for_each(|item| collect(item, at, read)),
        Value::Object(fields) => {
            for (field, nested) in fields {
                let pointer = if field == "non_field_errors" {
                    at.to_string()
                } else {
                    child(at, field)
                };
                collect(nested, &pointer, read);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const LIST: ErrorMapping = ErrorMapping {
        shape: ErrorShape::ErrorList,
        aliases: &[("name", "/display_name")],
    };
    const MAP: ErrorMapping = ErrorMapping {
        shape: ErrorShape::FieldMap,
        aliases: &[("escalation_chain_id", "/default_route/escalation_chain_id")],
    };

    fn body(value: Value) -> Response {
        Response::new(400, value.to_string())
    }

    #[test]
    fn an_error_list_puts_pointers_on_fields_and_parameters_at_form_level() {
        let read = LIST.read(&body(json!({"errors": [
            {"detail": "too long", "source": {"pointer": "/description"}},
            {"title": "taken", "source": {"pointer": "/name"}},
            {"message": "bad size", "source": {"parameter": "page_size"}},
            {"code": "no text at all"}
        ]})));
        assert_eq!(read.fields["/description"], ["too long"]);
        assert_eq!(read.fields["/display_name"], ["taken"], "an alias");
        assert_eq!(read.fields.form_level(), ["page_size: bad size"]);
        assert_eq!(read.first.as_deref(), Some("too long"));
    }

    #[test]
    fn a_field_map_nests_aliases_and_keeps_the_detail_apart() {
        let read = MAP.read(&body(json!({
            "escalation_chain_id": ["Object does not exist"],
            "default_route": {"slack": {"channel_id": ["Invalid"]}, "non_field_errors": ["route"]},
            "non_field_errors": ["whole form"],
            "detail": "Something about the form"
        })));
        assert_eq!(
            read.fields["/default_route/escalation_chain_id"],
            ["Object does not exist"]
        );
        assert_eq!(read.fields["/default_route/slack/channel_id"], ["Invalid"]);
        assert_eq!(read.fields["/default_route"], ["route"]);
        assert_eq!(read.fields.form_level(), ["whole form"]);
        assert_eq!(read.detail.as_deref(), Some("Something about the form"));
        let bare = MAP.read(&body(json!(["one", "two"])));
        assert_eq!(bare.fields.form_level(), ["one", "two"]);
        let detail_only = MAP.read(&body(json!({"detail": "Invalid token."})));
        assert_eq!(detail_only.first.as_deref(), Some("Invalid token."));
        assert!(detail_only.fields.is_empty());
    }

    #[test]
    fn bodies_of_another_shape_read_as_nothing() {
        for text in ["<html>oops</html>", "", "{\"errors\": 3}", "42"] {
            let read = LIST.read(&Response::new(500, text));
            assert!(read.fields.is_empty() && read.first.is_none(), "{text}");
            let read = MAP.read(&Response::new(500, text));
            assert!(read.fields.is_empty(), "{text}");
        }
    }
}
