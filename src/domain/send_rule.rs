//! How a field's value travels to the vendor, declared beside the field so request bodies are
//! derived from the form (`draft::body`), not built by hand: what an empty value becomes, the
//! field's name on the wire, and values that only travel with another field.

/// What an empty value is sent as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WhenEmpty {
    /// Left out: the vendor keeps (or defaults) it.
    #[default]
    Omit,
    /// Sent as `null`, on create and on edit (an unset team).
    Null,
    /// Left out on create, sent as `null` on edit, which clears it (a description, a template).
    NullOnEdit,
}

/// A field's sending rule. The default sends a non-empty value at the field's own pointer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SendRule {
    pub when_empty: WhenEmpty,
    /// Sent in upper case (a Slack channel id the vendor stores upper-cased).
    pub upper: bool,
    /// The pointer on the wire, when it is not the form's (PagerTree's flat `/option_x` for a
    /// form's `/options/x`).
    pub wire: Option<&'static str>,
    /// Sent only while the field at this pointer has a value (a channel's "enabled" flag); on
    /// edit, once that field is emptied, a flag is sent as `false` with it.
    pub only_with: Option<&'static str>,
}

/// Why a body is built: a create leaves empties out where an edit clears them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Create,
    Edit,
}
