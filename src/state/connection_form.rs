//! The connection form as a FormSpec: the generic renderer draws it and `validate()` checks
//! it, like any vendor form. The credential fields come from the vendor's auth scheme.

use serde_json::{json, Map, Value};

use super::connection::Connection;
use crate::domain::draft::payload;
use crate::domain::field::{Choice, FieldKind, FieldSpec, FormSpec, Variant};
use crate::domain::paths;
use crate::domain::pointer::get;
use crate::domain::read_only::ReadOnly;
use crate::domain::Vendor;
use crate::http::Route;

/// Every field of a connection of `vendor`, secrets and the "remember" choice included.
pub fn connection_form(vendor: Vendor) -> FormSpec {
    let mut fields = common_fields(vendor);
    fields.extend(vendor.credential_fields());
    fields.push(note_field());
    fields.push(read_only_field());
    fields.push(
        FieldSpec::boolean("/remember", "Remember secrets in this tab")
            .help("Keeps them in this tab's session storage until the tab closes. Otherwise they stay in memory and a reload forgets them."),
    );
    FormSpec::new(fields)
}

/// The fields that persist: everything but secrets (used to check imported files).
pub fn settings_form(vendor: Vendor) -> FormSpec {
    let mut fields = common_fields(vendor);
    fields.extend(without_secrets(vendor.credential_fields()));
    fields.push(note_field());
    fields.push(read_only_field());
    FormSpec::new(fields)
}

/// Whether Patchbay may change this connection's integrations; it travels with exports.
fn read_only_field() -> FieldSpec {
    FieldSpec::choice(
        "/read_only",
        "Changes",
        vec![
            Choice::new(ReadOnly::Off.slug(), "Allowed"),
            Choice::new(ReadOnly::On.slug(), "Read-only: look, never change"),
            Choice::new(
                ReadOnly::UntilNewCredentials.slug(),
                "Read-only until its credentials are replaced",
            ),
        ],
    )
    .required()
    .help("Read-only disables every change in the console and the fetch layer sends nothing but reads. The last choice lifts itself when new credentials are saved here.")
}

fn note_field() -> FieldSpec {
    FieldSpec::multiline("/note", "Note")
        .max_len(200)
        .help("Shown with the connection, e.g. where to get its key. Not a place for secrets: it is exported.")
}

fn common_fields(vendor: Vendor) -> Vec<FieldSpec> {
    let base_help = match vendor.default_base_url() {
        Some(url) => format!("The vendor's API address. Usually {url}."),
        None => format!("The address of your {} server's API.", vendor.title()),
    };
    vec![
        FieldSpec::choice(
            "/vendor",
            "Vendor",
            Vendor::ALL.iter().map(|v| Choice::new(v.slug(), v.title())).collect(),
        )
        .required(),
        FieldSpec::text("/label", "Label")
            .required()
            .max_len(60)
            .help("How this connection is named in the console, e.g. “Production”."),
        FieldSpec::url("/base_url", "Base URL")
            .required()
            .check(|text| paths::base_url_problem(text).map_or(Ok(()), |why| Err(why.into())))
            .help(&base_help),
        FieldSpec::one_of(
            "/route/mode",
            "Route",
            vec![
                Variant::new(
                    "proxy",
                    "Through this site's proxy (recommended)",
                    vec![FieldSpec::text("/route/prefix", "Proxy prefix")
                        .required()
                        .check(|p| paths::prefix_problem(p).map_or(Ok(()), |why| Err(why.into())))
                        .help("The path your reverse proxy forwards to the base URL, e.g. /proxy/confluent.")],
                ),
                Variant::new(
                    "direct",
                    "Directly from the browser (the vendor must allow CORS)",
                    vec![],
                ),
            ],
        )
        .required(),
    ]
}

fn without_secrets(fields: Vec<FieldSpec>) -> Vec<FieldSpec> {
    fields
        .into_iter()
        .filter(|f| !f.sensitive)
        .map(|mut field| {
            field.kind = match field.kind {
                FieldKind::Group(children) => FieldKind::Group(without_secrets(children)),
                FieldKind::OneOf(variants) => FieldKind::OneOf(
                    variants
                        .into_iter()
                        .map(|v| Variant {
                            fields: without_secrets(v.fields),
                            ..v
                        })
                        .collect(),
                ),
                other => other,
            };
            field
        })
        .collect()
}

/// A new connection's draft: the vendor's defaults, public base URL and proxy prefix.
pub fn new_draft(vendor: Vendor) -> Value {
    let mut draft = connection_form(vendor).initial_draft();
    let object = draft.as_object_mut().expect("drafts are objects");
    object.insert("vendor".into(), json!(vendor.slug()));
    object.insert("read_only".into(), json!(ReadOnly::Off.slug()));
    object.insert(
        "base_url".into(),
        json!(vendor.default_base_url().unwrap_or("")),
    );
    object.insert(
        "route".into(),
        json!({"mode": "proxy", "prefix": vendor.default_proxy_prefix()}),
    );
    draft
}

/// Switches a draft from one vendor to another: the new vendor's base URL and prefix replace
/// the old vendor's defaults, but a label or base URL the user typed stays.
pub fn switch_vendor(draft: &Value, from: Option<Vendor>, to: Vendor) -> Value {
    let mut next = new_draft(to);
    for key in ["label", "note", "remember", "read_only"] {
        if let Some(value) = draft.get(key) {
            next[key] = value.clone();
        }
    }
    let typed_base = get(draft, "/base_url")
        .and_then(Value::as_str)
        .unwrap_or("");
    let base_was_default =
        typed_base.is_empty() || from.and_then(Vendor::default_base_url) == Some(typed_base);
    if !base_was_default {
        next["base_url"] = json!(typed_base);
    }
    next
}

/// The draft that edits an existing connection (secrets are never put back into a form).
pub fn draft_from(connection: &Connection) -> Value {
    json!({
        "vendor": connection.vendor.slug(),
        "label": connection.label,
        "base_url": connection.base_url,
        "route": serde_json::to_value(&connection.route).expect("routes serialise"),
        "settings": connection.settings,
        "note": connection.note.clone().unwrap_or_default(),
        "read_only": connection.read_only.slug(),
    })
}

/// What a submitted draft saves: the connection, the secrets typed this time, and whether to
/// remember them in the tab. Only fields the form shows are kept.
pub struct Submitted {
    pub connection: Connection,
    pub secrets: Map<String, Value>,
    pub remember: bool,
}

/// Turns a valid draft into what it saves. `Err` if the draft does not name a vendor or route
/// (the form's validation catches both first).
pub fn from_draft(draft: &Value, id: &str) -> Result<Submitted, String> {
    let vendor = get(draft, "/vendor")
        .and_then(Value::as_str)
        .and_then(Vendor::from_slug)
        .ok_or("Choose a vendor.")?;
    let sent = payload(&connection_form(vendor), draft);
    let text = |key: &str| {
        sent.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let route = match get(&sent, "/route/mode").and_then(Value::as_str) {
        Some("direct") => Route::Direct,
        Some("proxy") => Route::Proxy {
            prefix: get(&sent, "/route/prefix")
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_string(),
        },
        _ => return Err("Choose a route.".into()),
    };
    let object = |key: &str| {
        sent.get(key)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    let secrets = object("secrets");
    let read_only = sent
        .get("read_only")
        .and_then(Value::as_str)
        .and_then(ReadOnly::parse)
        .unwrap_or_default();
    Ok(Submitted {
        connection: Connection {
            id: id.to_string(),
            vendor,
            label: text("label"),
            base_url: text("base_url"),
            route,
            settings: object("settings"),
            note: Some(text("note")).filter(|n| !n.is_empty()),
            // Saved by a person, it is theirs: no demo credentials come to it any more.
            demo: false,
            // New credentials typed here lift a lock that waited for them.
            read_only: if secrets.is_empty() {
                read_only
            } else {
                read_only.after_new_credentials()
            },
        },
        secrets,
        remember: sent.get("remember") == Some(&Value::Bool(true)),
    })
}

#[cfg(test)]
#[path = "connection_form_tests.rs"]
mod tests;
