//! The one interface every vendor module implements, and the values it speaks in. Pages only
//! use `VendorApi`; what a vendor means (paths, bodies, errors, rules) stays in its module.

use serde_json::Value;

use super::columns::{self, Column};
use super::error::{ApiError, ErrorKind};
use super::field::FormSpec;
use super::listing::{read_list, read_one, Paging, RecordShape};
pub use super::records::*;
use super::request::{Request, Response};
use super::vendor::Vendor;

/// Whether a loaded record passes the list's filters (`(name, value)` pairs).
pub type RowFilter = fn(&Record, &[(String, String)]) -> bool;

/// A request built from a vendor's values, or why nothing may be sent.
pub type Built = Result<Request, ApiError>;

/// What a vertical declares as data and plain functions. `VendorApi`'s defaults read it, so a
/// vertical's impl writes only what is its own: its form, its capabilities, its actions.
pub struct Vertical {
    pub vendor: Vendor,
    /// Where answers keep their records and ids.
    pub records: RecordShape,
    /// How lists are paged.
    pub paging: Paging,
    /// The one column table: what the list, the detail page and every mask read.
    pub columns: &'static [Column],
    pub list: fn(&ListQuery, Option<&Cursor>) -> Built,
    pub get: fn(&str) -> Request,
    /// `None` where the API cannot (ThousandEyes v6 writes nothing).
    pub create: Option<fn(&Value) -> Built>,
    pub update: Option<fn(&Record, &Value) -> Built>,
    pub delete: Option<fn(&Record) -> Built>,
    /// A test notification for an unsaved draft, where the vendor offers one.
    pub test: Option<fn(&Value) -> Built>,
    /// The vendor's error answer; the number is now in ms, to date epoch rate-limit resets.
    pub parse_error: fn(&Response, u64) -> ApiError,
    pub summary: fn(&Record) -> IntegrationSummary,
    /// The form draft that edits a record.
    pub draft_from: fn(&Record) -> Value,
}

/// The integration API of one vendor, as pure functions over values. `http` sends what these
/// build; pages render what these parse. Builders check their input first: an `Err` means
/// nothing may be sent. Most of it is read from the vendor's `Vertical`.
pub trait VendorApi: Sync {
    /// The vendor's declarations, which the defaults below read.
    fn vertical(&self) -> &'static Vertical;

    fn vendor(&self) -> Vendor {
        self.vertical().vendor
    }

    /// The request for one page; `cursor` is where the previous page said to continue.
    fn list_request(&self, query: &ListQuery, cursor: Option<&Cursor>) -> Built {
        (self.vertical().list)(query, cursor)
    }
    /// Where this vendor's answers keep their records and ids.
    fn records(&self) -> RecordShape {
        self.vertical().records
    }
    /// How this vendor pages its lists.
    fn paging(&self) -> Paging {
        self.vertical().paging
    }
    /// One page of the list; `at` is the cursor that page was asked for (offset strategies
    /// count on from it). Generic: read where `records` and `paging` say.
    fn parse_list(&self, response: &Response, at: Option<&Cursor>) -> Result<Page, ApiError> {
        read_list(response, &self.records(), &self.paging(), at, &|r| {
            self.parse_error(r, 0)
        })
    }

    fn get_request(&self, id: &str) -> Request {
        (self.vertical().get)(id)
    }
    /// The record `id` from the answer to `get_request(id)`; a vendor without a single read
    /// (ThousandEyes v6 answers its whole list) picks it out.
    fn parse_one_of(&self, response: &Response, _id: &str) -> Result<Record, ApiError> {
        self.parse_one(response)
    }
    /// One integration, read where `records` says.
    fn parse_one(&self, response: &Response) -> Result<Record, ApiError> {
        read_one(response, &self.records(), "the integration", &|r| {
            self.parse_error(r, 0)
        })
    }

    /// Whether the API can create integrations at all (ThousandEyes v6 cannot).
    fn can_create(&self) -> bool {
        self.vertical().create.is_some()
    }
    fn create_request(&self, draft: &Value) -> Built {
        let create = self
            .vertical()
            .create
            .ok_or_else(|| cannot(self, "create"))?;
        create(draft)
    }
    fn update_request(&self, before: &Record, draft: &Value) -> Built {
        let update = self
            .vertical()
            .update
            .ok_or_else(|| cannot(self, "change"))?;
        update(before, draft)
    }
    fn delete_request(&self, record: &Record) -> Built {
        let delete = self
            .vertical()
            .delete
            .ok_or_else(|| cannot(self, "delete"))?;
        delete(record)
    }
    /// Whether the vendor can send a test notification for an unsaved draft.
    fn offers_test(&self) -> bool {
        self.vertical().test.is_some()
    }
    /// A test notification for a draft, without saving it, where the vendor offers one.
    fn test_request(&self, draft: &Value) -> Built {
        let test = self.vertical().test.ok_or_else(|| {
            refused(format!(
                "{} has no test notification.",
                self.vendor().title()
            ))
        })?;
        test(draft)
    }

    /// The vendor's error answer as an `ApiError`; `now_ms` dates epoch rate-limit resets.
    fn parse_error(&self, response: &Response, now_ms: u64) -> ApiError {
        (self.vertical().parse_error)(response, now_ms)
    }
    fn summary(&self, record: &Record) -> IntegrationSummary {
        (self.vertical().summary)(record)
    }

    /// Connection settings every request carries as query parameters, as
    /// `(parameter, setting key)` (ThousandEyes: `("aid", "aid")`). Applied by the fetch path.
    fn connection_query(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }
    /// The vendor's one column table: what the list, the detail page and every mask read.
    fn columns(&self) -> &'static [Column] {
        self.vertical().columns
    }
    /// The list's columns after the name.
    fn list_columns(&self) -> Vec<&'static str> {
        columns::list_labels(self.columns())
    }
    /// A record's list cells, in the order of `list_columns`.
    fn list_cells(&self, record: &Record, lookups: &Lookups) -> Vec<Cell> {
        columns::list_cells(self.columns(), record, lookups)
    }
    /// The fields of a record that are credentials (webhook URLs, ingest links, inbound
    /// emails, tokens), from the column table: every view — cells, rows, raw JSON — masks them.
    fn secret_pointers(&self) -> Vec<&'static str> {
        columns::secret_pointers(self.columns())
    }
    /// What a record hands its alerts to (an escalation chain, destinations), from the column
    /// table's `Role::Uses` columns; `None` when the vertical cannot tell.
    fn uses(&self, record: &Record, lookups: &Lookups) -> Option<Vec<String>> {
        columns::uses(self.columns(), record, lookups)
    }
    /// The vendor's other objects that name integrations (alert rules, routes, subscriptions),
    /// where its API lists them; `None` where only the record tells what uses it.
    fn referrers(&self) -> Option<super::references::Referrers> {
        None
    }
    /// Where the vendor reports its quota on integrations, if it does.
    fn quota(&self) -> Option<super::quota::QuotaRead> {
        None
    }
    /// What the list's search reads of a record beyond its summary, from the column table.
    fn search_text(&self, record: &Record, lookups: &Lookups) -> String {
        columns::search_text(self.columns(), record, lookups)
    }
    /// Every field of a record worth a row on its page, beyond the raw JSON.
    fn detail_fields(&self, record: &Record, lookups: &Lookups) -> Vec<(String, Cell)> {
        columns::detail_rows(self.columns(), record, lookups)
    }

    /// Choices the vendor serves for fields of its forms and filters.
    fn lookups(&self) -> Vec<Lookup> {
        Vec::new()
    }
    fn parse_lookup(&self, response: &Response) -> Result<LookupPage, ApiError> {
        Err(super::error_body::malformed(
            response,
            "this vendor has no lookups",
        ))
    }
    /// How to apply the list's filters to loaded rows as well, where the vendor may ignore
    /// them (older Rocket.Chat servers); `None`: the vendor's filtering is trusted.
    fn keeps(&self) -> Option<RowFilter> {
        None
    }
    /// Filters the vendor's list accepts, as a form (values become `ListQuery::filters`).
    fn list_filters(&self) -> FormSpec {
        FormSpec::new(Vec::new())
    }

    /// A list that belongs to `record` (a delivery history), where the vendor keeps one;
    /// `lookups` say what the server offers (its version).
    fn sub_list(&self, _record: &Record, _lookups: &Lookups) -> Option<SubList> {
        None
    }
    /// One page of `record`'s sub-list.
    fn parse_sub_list(
        &self,
        _record: &Record,
        response: &Response,
        _lookups: &Lookups,
    ) -> Result<SubPage, ApiError> {
        Err(super::error_body::malformed(
            response,
            "this vendor keeps no list under an integration",
        ))
    }

    /// The hygiene rules (`hygiene::RULES`) a record trips by its vendor's own fields, each
    /// with what tripped it: OnCall's maintenance left on, Rocket.Chat's script that does not
    /// compile. Rules about where it sends are the inventory's, for every vendor.
    fn hygiene(&self, _record: &Record) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// Actions on a record besides edit and delete, and the request each sends.
    fn record_actions(&self, _record: &Record) -> Vec<RecordAction> {
        Vec::new()
    }
    fn action_request(
        &self,
        action: &str,
        _record: &Record,
        _draft: &Value,
    ) -> Result<Request, ApiError> {
        Err(refused(format!("Unknown action {action}.")))
    }
    /// The record as an action leaves it, from the action's answer. Most vendors answer with
    /// the record; one that answers with something else (ThousandEyes' link) says so here.
    fn parse_action(
        &self,
        _action: &str,
        _record: &Record,
        response: &Response,
    ) -> Result<Record, ApiError> {
        self.parse_one(response)
    }
    /// The create form, or the edit form of `editing` (where some fields are fixed once set).
    fn form_spec(&self, editing: Option<&Record>) -> FormSpec;
    /// The form once the vendor's lookups have landed. Most vendors add the choices to their
    /// fields; a vendor may build more from them (PagerTree: each type's options).
    fn form_with_lookups(&self, editing: Option<&Record>, lookups: &Lookups) -> FormSpec {
        lookups
            .iter()
            .fold(self.form_spec(editing), |form, (pointer, choices)| {
                form.with_choices(pointer, choices)
            })
    }
    /// The edit form's starting draft for a record: its editable fields only.
    fn draft_from(&self, record: &Record) -> Value {
        (self.vertical().draft_from)(record)
    }
    fn capabilities(&self, record: &Record) -> Capabilities;
}

/// The refusal of a write this vendor's API does not offer.
fn cannot(api: &(impl VendorApi + ?Sized), what: &str) -> ApiError {
    refused(format!(
        "The {} API cannot {what} integrations.",
        api.vendor().title()
    ))
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

/// The field errors of a builder's refusal, for tests: fails unless nothing was sent.
#[cfg(test)]
pub fn refused_fields(result: Result<Request, ApiError>) -> Vec<(String, Vec<String>)> {
    let error = result.expect_err("the builder refuses");
    assert_eq!(error.kind, ErrorKind::Refused);
    error
        .field_errors
        .iter()
        .map(|(p, m)| (p.clone(), m.clone()))
        .collect()
}

/// For tests: every view of `record` masks exactly the vendor's `secret_pointers`. No secret
/// value shows as plain text in a list cell or detail row, and every masked cell is one of them.
#[cfg(test)]
pub fn assert_secrets_masked_alike(api: &dyn VendorApi, record: &Record) {
    use super::Cell;
    let lookups = Lookups::new();
    let secrets: Vec<String> = api
        .secret_pointers()
        .iter()
        .filter_map(|p| record.raw.pointer(p).and_then(Value::as_str))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let cells = api.list_cells(record, &lookups).into_iter().chain(
        api.detail_fields(record, &lookups)
            .into_iter()
            .map(|(_, c)| c),
    );
    for cell in cells {
        match cell {
            Cell::Text(text) => assert!(
                !secrets.iter().any(|s| text.contains(s.as_str())),
                "a secret shows in clear: {text}"
            ),
            Cell::Secret(value) => assert!(
                secrets.contains(&value),
                "{value} is masked but not among the vendor's secret pointers"
            ),
            _ => {}
        }
    }
    let raw = super::safety::mask_pointers(&record.raw, &api.secret_pointers()).to_string();
    for secret in &secrets {
        assert!(
            !raw.contains(secret.as_str()),
            "the raw JSON shows {secret}"
        );
    }
}

#[cfg(test)]
#[path = "api_tests.rs"]
mod tests;
