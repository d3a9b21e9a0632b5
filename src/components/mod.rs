//! Pure view pieces: they draw what they are given and never fetch.

pub mod download;
pub mod feedback;
pub mod form;
pub mod layout;
pub mod safe_link;
pub mod secret_text;
pub mod table;
