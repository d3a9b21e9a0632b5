//! The v7 forms: a new record is a connector (where to send) or a webhook operation (what to
//! send); an existing one keeps its kind. Fields and their rules are the Integrations API's
//! (v7.0.100): a connector's name, target and `type: generic`, its authentication by type
//! with each type's required fields, and headers; an operation's name, category, enabled
//! switch, path, Handlebars payload and query parameters, and headers.

use serde_json::json;

use super::handlebars;
use super::kinds::{kind_of, Kind};
use crate::domain::field::{Choice, FieldSpec, FormSpec, Variant};
use crate::domain::records::Record;

/// Where the create form keeps its kind choice; never sent.
pub const KIND: &str = "/kind";
/// The connector lookup's key: its choices fill the link form's connector field.
pub const CONNECTOR: &str = "/connector";
/// The operation lookup's key, for the names on a connector's page.
pub const OPERATION_NAMES: &str = "@operations";
/// "No authentication": the connector is sent without `authentication`.
pub const NO_AUTH: &str = "none";

pub const CATEGORIES: [(&str, &str); 3] = [
    ("alerts", "Alerts"),
    ("recommendations", "Recommendations"),
    ("traffic-monitoring", "Traffic monitoring"),
];

pub const AUTH_TYPES: [(&str, &str); 6] = [
    (NO_AUTH, "No authentication"),
    ("basic", "Basic (username and password)"),
    ("bearer-token", "Bearer token"),
    ("other-token", "Other token"),
    ("oauth-client-credentials", "OAuth client credentials"),
    ("oauth-auth-code", "OAuth authorisation code"),
];

/// The create form (a kind to choose) or the edit form of `editing` (its kind's fields).
pub fn integration_form(editing: Option<&Record>) -> FormSpec {
    match editing {
        Some(record) => FormSpec::new(fields_of(kind_of(record))),
        None => FormSpec::new(vec![FieldSpec::one_of(
            KIND,
            "Kind",
            Kind::ALL
                .into_iter()
                .map(|kind| Variant::new(kind.slug(), kind_title(kind), fields_of(kind)))
                .collect(),
        )
        .required()
        .default_value(json!(Kind::Connector.slug()))
        .help("A connector says where to send; a webhook operation says what to send, through the connector it is linked to.")]),
    }
}

fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Connector => "Connector: where to send",
        Kind::Operation => "Webhook operation: what to send",
    }
}

pub fn fields_of(kind: Kind) -> Vec<FieldSpec> {
    match kind {
        Kind::Connector => connector_fields(),
        Kind::Operation => operation_fields(),
    }
}

fn connector_fields() -> Vec<FieldSpec> {
    vec![
        FieldSpec::text("/name", "Name").required(),
        FieldSpec::url("/target", "Target URL")
            .sensitive()
            .required()
            .http_only()
            .help("Where ThousandEyes sends; a Slack or Teams webhook URL is a credential and is masked once saved."),
        FieldSpec::one_of("/authentication/type", "Authentication", auth_variants())
            .required()
            .default_value(json!(NO_AUTH)),
        headers(),
    ]
}

fn auth_variants() -> Vec<Variant> {
    AUTH_TYPES
        .iter()
        .map(|(value, label)| Variant::new(*value, *label, auth_fields(value)))
        .collect()
}

/// Each authentication type's fields; required as the spec's schema says.
fn auth_fields(kind: &str) -> Vec<FieldSpec> {
    let text = |p: &str, l: &str| FieldSpec::text(&format!("/authentication/{p}"), l);
    let secret = |p: &str, l: &str| FieldSpec::secret(&format!("/authentication/{p}"), l);
    let url = |p: &str, l: &str| {
        FieldSpec::url(&format!("/authentication/{p}"), l)
            .required()
            .http_only()
    };
    match kind {
        "basic" => vec![
            text("username", "Username").required(),
            secret("password", "Password").required(),
        ],
        "bearer-token" | "other-token" => vec![secret("token", "Token").required()],
        "oauth-client-credentials" => vec![
            text("oauthClientId", "Client id").required(),
            url("oauthTokenUrl", "Token URL"),
            secret("oauthClientSecret", "Client secret").required(),
            text("scope", "Scope").help("Space-separated, as the authorisation server names them."),
        ],
        "oauth-auth-code" => vec![
            text("oauthClientId", "Client id").required(),
            url("oauthAuthUrl", "Authorisation URL"),
            url("oauthTokenUrl", "Token URL"),
            secret("oauthClientSecret", "Client secret").required(),
            secret("code", "Authorisation code").required(),
            url("redirectUri", "Redirect URI"),
        ],
        _ => Vec::new(),
    }
}

fn operation_fields() -> Vec<FieldSpec> {
    let categories = CATEGORIES
        .iter()
        .map(|(value, label)| Choice::new(*value, *label))
        .collect();
    vec![
        FieldSpec::text("/name", "Name").required(),
        FieldSpec::choice("/category", "Category", categories)
            .required()
            .default_value(json!("alerts")),
        FieldSpec::boolean("/enabled", "Enabled").default_value(json!(true)),
        FieldSpec::text("/path", "Path")
            .placeholder("/custom/path")
            .help("Added to the connector's target URL."),
        FieldSpec::multiline("/payload", "Payload")
            .check(handlebars::check)
            .placeholder(r#"{"alert": "{{alert.ruleName}}", "severity": "{{alert.severity}}"}"#)
            .help("A Handlebars template for the request body."),
        FieldSpec::multiline("/queryParams", "Query parameters")
            .check(handlebars::check)
            .placeholder(r#"{"source": "thousandeyes"}"#)
            .help("A Handlebars template that renders to a JSON object of parameter names and values."),
        headers(),
    ]
}

fn headers() -> FieldSpec {
    FieldSpec::key_value("/headers", "Headers")
        .sensitive()
        .help("Sent with every request; a value can be a credential, so saved values are never shown: leave one empty to keep it.")
}

/// The filters, applied to the loaded rows: v7 lists take no filters but the account group.
pub fn list_filters() -> FormSpec {
    let mut kinds = vec![Choice::new("", "Connectors and operations")];
    kinds.extend(Kind::ALL.map(|k| Choice::new(k.slug(), k.title())));
    let mut categories = vec![Choice::new("", "Any category")];
    categories.extend(CATEGORIES.iter().map(|(v, l)| Choice::new(*v, *l)));
    FormSpec::new(vec![
        FieldSpec::choice("/kind", "Kind", kinds),
        FieldSpec::text("/name", "Name contains"),
        FieldSpec::choice("/category", "Category", categories),
    ])
}

/// The link form on an operation's page: at most one connector (the API's `maxItems: 1`).
pub fn link_form() -> FormSpec {
    FormSpec::new(vec![FieldSpec::choice(
        CONNECTOR,
        "Send through",
        vec![Choice::new(NO_LINK, "No connector (unlink)")],
    )
    .required()
    .choices_from_vendor()
    .help(
        "Replaces the connector shown above; an operation sends through one connector at most.",
    )])
}

/// The link form's "no connector" choice.
pub const NO_LINK: &str = "-";
