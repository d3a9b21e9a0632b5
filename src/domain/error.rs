//! Errors are values with a place to land: field errors keyed by JSON pointer (the form shows
//! them under that field), everything else once at form level, and the vendor's request id.

use std::collections::BTreeMap;
use std::ops::Index;

use super::pointer::FORM_LEVEL;

/// Messages per JSON pointer; the empty pointer holds form-level messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, Vec<String>>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        let messages = self.0.entry(pointer.into()).or_default();
        let message = message.into();
        if !messages.contains(&message) {
            messages.push(message);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Messages for one field (empty when it has none).
    pub fn get(&self, pointer: &str) -> &[String] {
        self.0.get(pointer).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn form_level(&self) -> &[String] {
        self.get(FORM_LEVEL)
    }

    /// Drops a field's messages and those of everything under it: a server error clears when
    /// the user changes the field it was about.
    /// Forgets the messages about exactly this field.
    pub fn clear_at(&mut self, pointer: &str) {
        self.0.remove(pointer);
    }

    pub fn clear_under(&mut self, pointer: &str) {
        let prefix = format!("{pointer}/");
        self.0
            .retain(|p, _| p != pointer && !p.starts_with(&prefix));
    }

    /// Moves messages whose pointer is not one of `known` to form level, so no message is lost
    /// because the form has no field for it.
    pub fn settle_onto(mut self, known: &[&str]) -> Self {
        let unknown: Vec<String> = self
            .0
            .keys()
            .filter(|p| !p.is_empty() && !known.contains(&p.as_str()))
            .cloned()
            .collect();
        for pointer in unknown {
            let messages = self.0.remove(&pointer).unwrap_or_default();
            let name = pointer.trim_start_matches('/').to_string();
            for message in messages {
                self.add(FORM_LEVEL, format!("{name}: {message}"));
            }
        }
        self
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<String>)> {
        self.0.iter()
    }
}

impl Index<&str> for FieldErrors {
    type Output = [String];
    fn index(&self, pointer: &str) -> &[String] {
        self.get(pointer)
    }
}

/// Why a call failed, in the terms a person needs: what happened, where it belongs, whom to
/// quote (the vendor's request id) and how long to wait.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// The HTTP status, when the vendor answered.
    pub status: Option<u16>,
    pub message: String,
    pub request_id: Option<String>,
    pub field_errors: FieldErrors,
    /// Seconds the vendor asked us to wait (429).
    pub retry_after: Option<u64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorKind {
    /// The vendor answered with an error status.
    #[default]
    Http,
    /// No answer: connection refused or dropped, DNS, CORS.
    Network,
    /// No answer in time; the request was abandoned.
    Timeout,
    /// The vendor answered something Patchbay could not read.
    Malformed,
    /// Patchbay refused to send (a link to another origin, an invalid connection).
    Refused,
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ApiError {
            kind,
            message: message.into(),
            ..Default::default()
        }
    }

    pub fn http(status: u16, message: impl Into<String>) -> Self {
        ApiError {
            status: Some(status),
            ..Self::new(ErrorKind::Http, message)
        }
    }

    pub fn with_request_id(mut self, id: Option<String>) -> Self {
        self.request_id = id;
        self
    }

    /// One line for a toast or a log: the message, the status and the request id to quote.
    pub fn summary(&self) -> String {
        let mut line = self.message.clone();
        if let Some(status) = self.status {
            line.push_str(&format!(" (HTTP {status})"));
        }
        if let Some(id) = &self.request_id {
            line.push_str(&format!(" · request id {id}"));
        }
        line
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.summary())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_kept_once_per_pointer() {
        let mut errors = FieldErrors::new();
        errors.add("/name", "required");
        errors.add("/name", "required");
        errors.add("/name", "too long");
        assert_eq!(errors["/name"], ["required", "too long"]);
        assert!(errors["/other"].is_empty());
    }

    #[test]
    fn clearing_a_field_clears_its_children_only() {
        let mut errors = FieldErrors::new();
        errors.add("/target", "a");
        errors.add("/target/url", "b");
        errors.add("/targets", "c");
        errors.clear_under("/target");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors["/targets"], ["c"]);
    }

    #[test]
    fn messages_for_fields_the_form_lacks_move_to_form_level() {
        let mut errors = FieldErrors::new();
        errors.add("/name", "taken");
        errors.add("/secret_sauce", "bad");
        let settled = errors.settle_onto(&["/name"]);
        assert_eq!(settled["/name"], ["taken"]);
        assert_eq!(settled.form_level(), ["secret_sauce: bad"]);
    }

    #[test]
    fn summary_names_status_and_request_id() {
        let error =
            ApiError::http(402, "Integration quota reached").with_request_id(Some("req-7".into()));
        assert_eq!(
            error.summary(),
            "Integration quota reached (HTTP 402) · request id req-7"
        );
        assert_eq!(
            ApiError::new(ErrorKind::Network, "offline").summary(),
            "offline"
        );
    }
}
