//! The one interface every vendor module implements, and the values it speaks in. Pages only
//! use `VendorApi`; what a vendor means (paths, bodies, errors, rules) stays in its module.

use serde_json::Value;

use super::error::{ApiError, ErrorKind};
use super::field::FormSpec;
use super::request::{Request, Response};
use super::vendor::Vendor;

/// What may be done to one record: some are managed by the vendor and only viewable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capabilities {
    pub can_edit: bool,
    pub can_delete: bool,
    pub can_test: bool,
    /// Why editing is not offered, in a short sentence, when it is not.
    pub read_only_reason: Option<String>,
}

impl Capabilities {
    pub fn full() -> Self {
        Capabilities {
            can_edit: true,
            can_delete: true,
            can_test: false,
            read_only_reason: None,
        }
    }

    /// Editable and deletable, and the vendor can send a test notification.
    pub fn full_with_test() -> Self {
        Capabilities {
            can_test: true,
            ..Self::full()
        }
    }

    pub fn read_only(reason: impl Into<String>) -> Self {
        Capabilities {
            can_edit: false,
            can_delete: false,
            can_test: false,
            read_only_reason: Some(reason.into()),
        }
    }
}

/// One integration as the vendor sent it: every field kept, so a full-replace update never
/// drops what Patchbay does not know.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: String,
    pub raw: Value,
}

/// Where the next page starts, in the vendor's own terms.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cursor {
    /// An absolute link the vendor returned (followed through the route, never elsewhere).
    Link(String),
    PageNumber(u32),
    Offset(u64),
    Token(String),
}

/// One page of a list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub records: Vec<Record>,
    pub next: Option<Cursor>,
    pub total: Option<u64>,
    /// Entries that could not be read (no id, not an object): counted, never fatal.
    pub skipped: usize,
}

/// What the user asked the list for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub page_size: Option<u32>,
    pub filters: Vec<(String, String)>,
}

/// The unified row every vendor's record becomes in lists and the overview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IntegrationSummary {
    pub id: String,
    pub name: String,
    pub kind: String,
    /// Where it sends (a URL or channel); a secret-bearing URL is flagged so lists mask it.
    pub target: Option<String>,
    pub target_is_secret: bool,
    pub description: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

/// The integration API of one vendor, as pure functions over values. `http` sends what these
/// build; pages render what these parse. Builders check their input first: an `Err` means
/// nothing may be sent.
pub trait VendorApi: Sync {
    fn vendor(&self) -> Vendor;

    /// The request for one page; `cursor` is where the previous page said to continue.
    fn list_request(&self, query: &ListQuery, cursor: Option<&Cursor>)
        -> Result<Request, ApiError>;
    fn parse_list(&self, response: &Response) -> Result<Page, ApiError>;
    /// The list's own parameters as a form (page size), with their documented limits.
    fn list_query_form(&self) -> FormSpec;

    fn get_request(&self, id: &str) -> Request;
    fn parse_one(&self, response: &Response) -> Result<Record, ApiError>;

    /// Whether the API can create integrations at all (ThousandEyes v6 cannot).
    fn can_create(&self) -> bool;
    fn create_request(&self, draft: &Value) -> Result<Request, ApiError>;
    fn update_request(&self, before: &Record, draft: &Value) -> Result<Request, ApiError>;
    fn delete_request(&self, record: &Record) -> Result<Request, ApiError>;
    /// Whether the vendor can send a test notification for an unsaved draft.
    fn offers_test(&self) -> bool {
        false
    }
    /// A test notification for a draft, without saving it, where the vendor offers one.
    fn test_request(&self, _draft: &Value) -> Result<Request, ApiError> {
        Err(refused("This vendor has no test notification."))
    }

    /// The vendor's error answer as an `ApiError`; `now_ms` dates epoch rate-limit resets.
    fn parse_error(&self, response: &Response, now_ms: u64) -> ApiError;
    fn summary(&self, record: &Record) -> IntegrationSummary;
    /// The create/edit form; `kind` picks a variant where forms differ per kind or type.
    fn form_spec(&self, kind: Option<&str>) -> FormSpec;
    /// The edit form's starting draft for a record: its editable fields only.
    fn draft_from(&self, record: &Record) -> Value;
    fn capabilities(&self, record: &Record) -> Capabilities;
}

/// An error for something Patchbay will not send.
pub fn refused(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorKind::Refused, message)
}

/// Refuses a draft that does not pass its form, with the field errors to show.
pub fn check_draft(form: &FormSpec, draft: &Value) -> Result<(), ApiError> {
    let errors = super::validate(form, draft);
    if errors.is_empty() {
        return Ok(());
    }
    Err(ApiError {
        field_errors: errors,
        ..refused("Some values need fixing before they can be sent.")
    })
}
