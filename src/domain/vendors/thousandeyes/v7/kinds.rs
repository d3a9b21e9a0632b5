//! ThousandEyes v7 keeps connectors and webhook operations apart, each under its own path and
//! each with ids of its own. One list shows both, so a record's id in Patchbay carries its
//! kind: `connector-<id>` or `operation-<id>`. The vendor's own id is never changed.

use serde_json::Value;

use crate::domain::api::Record;

pub const CONNECTORS: &str = "/v7/connectors/generic";
pub const OPERATIONS: &str = "/v7/operations/webhooks";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Where to send: a target URL, its authentication and headers.
    Connector,
    /// What to send: a payload template, a path and headers, sent through a connector.
    Operation,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Connector, Kind::Operation];

    /// The value of the form's and the filter's kind choice, and the prefix of its ids.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Connector => "connector",
            Kind::Operation => "operation",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Kind::Connector => "Connector",
            Kind::Operation => "Webhook operation",
        }
    }

    /// The collection this kind lives in.
    pub fn path(self) -> &'static str {
        match self {
            Kind::Connector => CONNECTORS,
            Kind::Operation => OPERATIONS,
        }
    }

    pub fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// Patchbay's id of one of this kind's records.
    pub fn id(self, vendor_id: &str) -> String {
        format!("{}-{vendor_id}", self.slug())
    }

    /// The address of one record of this kind.
    pub fn item_path(self, vendor_id: &str) -> String {
        format!(
            "{}/{}",
            self.path(),
            crate::domain::request::encode_segment(vendor_id)
        )
    }
}

/// The kind and the vendor's id inside one of Patchbay's ids.
pub fn split(id: &str) -> Option<(Kind, &str)> {
    Kind::ALL.into_iter().find_map(|kind| {
        id.strip_prefix(kind.slug())
            .and_then(|rest| rest.strip_prefix('-'))
            .filter(|rest| !rest.is_empty())
            .map(|rest| (kind, rest))
    })
}

/// The kind of a record: from its id, else from its shape (a connector has a target; an
/// operation a category).
pub fn kind_of(record: &Record) -> Kind {
    split(&record.id).map_or_else(|| kind_of_raw(&record.raw), |(kind, _)| kind)
}

pub fn kind_of_raw(raw: &Value) -> Kind {
    let connector = raw.get("type").and_then(Value::as_str) == Some("generic")
        || (raw.get("target").is_some() && raw.get("category").is_none());
    if connector {
        Kind::Connector
    } else {
        Kind::Operation
    }
}

/// The vendor's own id of a record.
pub fn vendor_id(record: &Record) -> &str {
    split(&record.id).map_or(record.id.as_str(), |(_, id)| id)
}
