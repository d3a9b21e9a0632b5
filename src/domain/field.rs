//! FieldSpec: a vendor form is data. One table per form draws the form, validates it as the
//! user types and on submit, decides what is sent, and is what the boundary tests read.

use serde_json::Value;

use super::send_rule::SendRule;

/// A whole form: its fields in display order.
#[derive(Clone, Debug, PartialEq)]
pub struct FormSpec {
    pub fields: Vec<FieldSpec>,
}

/// One field: where its value lives (`pointer`), how it is shown, and its documented rules.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldSpec {
    pub pointer: String,
    pub label: String,
    pub help: Option<String>,
    pub placeholder: Option<String>,
    pub kind: FieldKind,
    pub constraints: Vec<Constraint>,
    /// Secrets: masked once saved, never put back into an input, never exported or logged.
    pub sensitive: bool,
    /// Shown, not editable (e.g. a type the vendor fixes after creation).
    pub read_only: bool,
    /// The value a new draft starts with.
    pub default: Option<Value>,
    /// The enum's choices come from the vendor at run time (its teams): any text passes the
    /// check here, since the vendor has the last word on what exists.
    pub open_choices: bool,
    /// How the value travels to the vendor (see `draft::body`).
    pub send: SendRule,
}

/// The widget and value shape of a field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldKind {
    Text,
    Multiline,
    Url,
    Secret,
    Enum(Vec<Choice>),
    Bool,
    Integer,
    /// A list of strings; item constraints (length, URL, pattern) apply to each item.
    StringList,
    /// An object of string keys to string values (headers, labels).
    KeyValue,
    /// Any number of these choices, as a list of their values (PagerTree's destinations).
    MultiChoice(Vec<Choice>),
    /// A titled set of fields stored under their own pointers (the group's pointer names the
    /// object they share, for group-level rules like at-least-one-of).
    Group(Vec<FieldSpec>),
    /// A discriminated union: the value at `pointer` picks the variant whose fields apply.
    OneOf(Vec<Variant>),
}

/// One allowed value of an enum, with the title a person reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Choice {
            value: value.into(),
            label: label.into(),
        }
    }

    /// A vendor's `{id, name}` object as a choice, named by its id where it has no name;
    /// `None` without a text id.
    pub fn named(item: &serde_json::Value) -> Option<Choice> {
        let id = item.get("id")?.as_str()?;
        let name = item.get("name").and_then(|n| n.as_str()).unwrap_or(id);
        Some(Choice::new(id, name))
    }
}

/// One branch of a one-of: its discriminant value, title and the fields it adds.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub value: String,
    pub label: String,
    pub fields: Vec<FieldSpec>,
}

impl Variant {
    pub fn new(value: impl Into<String>, label: impl Into<String>, fields: Vec<FieldSpec>) -> Self {
        Variant {
            value: value.into(),
            label: label.into(),
            fields,
        }
    }
}

/// A documented rule. Enum membership is implied by `FieldKind::Enum` / `OneOf`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constraint {
    Required,
    MinLength(usize),
    MaxLength(usize),
    MinItems(usize),
    MaxItems(usize),
    IntRange {
        min: Option<i64>,
        max: Option<i64>,
    },
    /// An absolute URL with a host, whose scheme is one of these (lower-case).
    Url {
        schemes: Vec<&'static str>,
    },
    Pattern(Pattern),
    /// A syntax check whose own message says what is wrong (a template's unclosed tag).
    Check(Check),
    /// At least one of these pointers holds a non-blank value; reported on this field.
    AtLeastOneOf {
        pointers: Vec<String>,
        message: String,
    },
    /// Required while the value at `pointer` equals `equals`.
    RequiredWhen {
        pointer: String,
        equals: Value,
    },
}

/// A named text rule. A predicate instead of a regex keeps the regex engine out of the wasm;
/// `message` is what the user reads when the text does not match.
#[derive(Clone, Copy, Debug)]
pub struct Pattern {
    pub message: &'static str,
    pub matches: fn(&str) -> bool,
}

/// A text check that explains itself: `Err` carries the message to show.
#[derive(Clone, Copy, Debug)]
pub struct Check(pub fn(&str) -> Result<(), String>);

impl PartialEq for Check {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.message == other.message && std::ptr::fn_addr_eq(self.matches, other.matches)
    }
}

impl FieldSpec {
    pub fn new(pointer: impl Into<String>, label: impl Into<String>, kind: FieldKind) -> Self {
        FieldSpec {
            pointer: pointer.into(),
            label: label.into(),
            help: None,
            placeholder: None,
            kind,
            constraints: Vec::new(),
            sensitive: false,
            read_only: false,
            default: None,
            open_choices: false,
            send: SendRule::default(),
        }
    }

    pub fn text(pointer: &str, label: &str) -> Self {
        Self::new(pointer, label, FieldKind::Text)
    }
    pub fn multiline(pointer: &str, label: &str) -> Self {
        Self::new(pointer, label, FieldKind::Multiline)
    }
    /// A URL field; by default only absolute http(s) URLs pass.
    pub fn url(pointer: &str, label: &str) -> Self {
        Self::new(pointer, label, FieldKind::Url).http_only()
    }
    pub fn secret(pointer: &str, label: &str) -> Self {
        let mut field = Self::new(pointer, label, FieldKind::Secret);
        field.sensitive = true;
        field
    }
    pub fn choice(pointer: &str, label: &str, choices: Vec<Choice>) -> Self {
        Self::new(pointer, label, FieldKind::Enum(choices))
    }
    pub fn boolean(pointer: &str, label: &str) -> Self {
        Self::new(pointer, label, FieldKind::Bool)
    }
    pub fn integer(pointer: &str, label: &str) -> Self {
        Self::new(pointer, label, FieldKind::Integer)
    }
    pub fn string_list(pointer: &str, label: &str) -> Self {
        Self::new(pointer, label, FieldKind::StringList)
    }
    /// Several of `choices`; the value is the list of the chosen values.
    pub fn multi_choice(pointer: &str, label: &str, choices: Vec<Choice>) -> Self {
        Self::new(pointer, label, FieldKind::MultiChoice(choices))
    }
    pub fn key_value(pointer: &str, label: &str) -> Self {
        Self::new(pointer, label, FieldKind::KeyValue)
    }
    pub fn group(pointer: &str, label: &str, fields: Vec<FieldSpec>) -> Self {
        Self::new(pointer, label, FieldKind::Group(fields))
    }
    pub fn one_of(pointer: &str, label: &str, variants: Vec<Variant>) -> Self {
        Self::new(pointer, label, FieldKind::OneOf(variants))
    }

    pub fn required(self) -> Self {
        self.with(Constraint::Required)
    }
    pub fn min_len(self, n: usize) -> Self {
        self.with(Constraint::MinLength(n))
    }
    pub fn max_len(self, n: usize) -> Self {
        self.with(Constraint::MaxLength(n))
    }
    pub fn min_items(self, n: usize) -> Self {
        self.with(Constraint::MinItems(n))
    }
    pub fn max_items(self, n: usize) -> Self {
        self.with(Constraint::MaxItems(n))
    }
    pub fn range(self, min: Option<i64>, max: Option<i64>) -> Self {
        self.with(Constraint::IntRange { min, max })
    }
    /// Replaces the URL rule so only absolute http:// and https:// URLs pass.
    pub fn http_only(self) -> Self {
        self.url_schemes(vec!["http", "https"])
    }
    pub fn https_only(self) -> Self {
        self.url_schemes(vec!["https"])
    }
    pub fn url_schemes(mut self, schemes: Vec<&'static str>) -> Self {
        self.constraints
            .retain(|c| !matches!(c, Constraint::Url { .. }));
        self.with(Constraint::Url { schemes })
    }
    pub fn pattern(self, message: &'static str, matches: fn(&str) -> bool) -> Self {
        self.with(Constraint::Pattern(Pattern { message, matches }))
    }
    pub fn check(self, check: fn(&str) -> Result<(), String>) -> Self {
        self.with(Constraint::Check(Check(check)))
    }
    pub fn at_least_one_of(self, pointers: &[&str], message: &str) -> Self {
        self.with(Constraint::AtLeastOneOf {
            pointers: pointers.iter().map(|p| p.to_string()).collect(),
            message: message.into(),
        })
    }
    pub fn required_when(self, pointer: &str, equals: Value) -> Self {
        self.with(Constraint::RequiredWhen {
            pointer: pointer.into(),
            equals,
        })
    }
    pub fn help(mut self, text: &str) -> Self {
        self.help = Some(text.into());
        self
    }
    pub fn placeholder(mut self, text: &str) -> Self {
        self.placeholder = Some(text.into());
        self
    }
    pub fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }
    pub fn read_only(mut self) -> Self {
        self.read_only = true;
        self
    }
    /// Marks an enum whose choices the vendor serves (see `FormSpec::with_choices`).
    pub fn choices_from_vendor(mut self) -> Self {
        self.open_choices = true;
        self
    }
    pub fn default_value(mut self, value: Value) -> Self {
        self.default = Some(value);
        self
    }

    fn with(mut self, constraint: Constraint) -> Self {
        self.constraints.push(constraint);
        self
    }

    pub fn is_required(&self) -> bool {
        self.constraints.contains(&Constraint::Required)
    }

    /// The variant of a one-of that `draft` selects, if its discriminant is a known value.
    pub fn selected_variant(&self, draft: &Value) -> Option<&Variant> {
        let FieldKind::OneOf(variants) = &self.kind else {
            return None;
        };
        let chosen = draft.pointer(&self.pointer)?.as_str()?;
        variants.iter().find(|v| v.value == chosen)
    }

    /// The allowed values of an enum or one-of discriminant.
    pub fn allowed_values(&self) -> Option<Vec<&str>> {
        match &self.kind {
            FieldKind::Enum(choices) | FieldKind::MultiChoice(choices) => {
                Some(choices.iter().map(|c| c.value.as_str()).collect())
            }
            FieldKind::OneOf(variants) => Some(variants.iter().map(|v| v.value.as_str()).collect()),
            _ => None,
        }
    }
}

#[cfg(test)]
#[path = "field_tests.rs"]
mod tests;
