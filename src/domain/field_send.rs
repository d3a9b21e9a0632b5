//! The send rules, declared where a field is declared:
//! `FieldSpec::text("/team_id", "Team").when_empty(WhenEmpty::Null)`. Kept apart from both
//! `field` and `send_rule` so neither imports the other.

use super::field::FieldSpec;
use super::send_rule::WhenEmpty;

impl FieldSpec {
    /// What an empty value is sent as (left out by default).
    pub fn when_empty(mut self, rule: WhenEmpty) -> Self {
        self.send.when_empty = rule;
        self
    }
    /// Sent in upper case.
    pub fn sent_upper_case(mut self) -> Self {
        self.send.upper = true;
        self
    }
    /// Sent at another pointer than the form's.
    pub fn sent_as(mut self, wire: &'static str) -> Self {
        self.send.wire = Some(wire);
        self
    }
    /// Sent only while the field at `pointer` has a value.
    pub fn sent_only_with(mut self, pointer: &'static str) -> Self {
        self.send.only_with = Some(pointer);
        self
    }
}
