//! One inventory across every connection: each vendor's records mapped onto the same columns
//! (vendor, connection, name, a normalised kind beside the vendor's own, target and its host,
//! enabled, created, updated), read from each vertical's column table by the columns' roles.
//! Exports are `inventory_export`'s.

use super::hygiene::{target_findings, DISABLED_IN_USE, UNUSED};
use super::references::References;
use serde_json::Value;

use super::api::VendorApi;
use super::columns::{Read, Role};
use super::records::{Cell, Lookups, Record};
use super::safety::mask_value;
use super::vendor::Vendor;

/// What kind of destination an integration is, the same words for every vendor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NormalKind {
    Webhook,
    Slack,
    Teams,
    PagerDuty,
    Email,
    Other,
}

impl NormalKind {
    pub const ALL: [NormalKind; 6] = [
        NormalKind::Webhook,
        NormalKind::Slack,
        NormalKind::Teams,
        NormalKind::PagerDuty,
        NormalKind::Email,
        NormalKind::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            NormalKind::Webhook => "webhook",
            NormalKind::Slack => "slack",
            NormalKind::Teams => "teams",
            NormalKind::PagerDuty => "pagerduty",
            NormalKind::Email => "email",
            NormalKind::Other => "other",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            NormalKind::Webhook => "Webhook",
            NormalKind::Slack => "Slack",
            NormalKind::Teams => "Microsoft Teams",
            NormalKind::PagerDuty => "PagerDuty",
            NormalKind::Email => "Email",
            NormalKind::Other => "Other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<NormalKind> {
        NormalKind::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

/// The kind of an integration, from where it sends first (a Slack webhook host is Slack,
/// whatever the vendor calls it), then from the vendor's own type name.
pub fn normal_kind(vendor_kind: &str, target: Option<&str>) -> NormalKind {
    let host = target.and_then(host_of).unwrap_or_default();
    let by_host = [
        ("hooks.slack.com", NormalKind::Slack),
        ("webhook.office.com", NormalKind::Teams),
        ("outlook.office.com", NormalKind::Teams),
        ("pagerduty.com", NormalKind::PagerDuty),
    ];
    if let Some((_, kind)) = by_host
        .iter()
        .find(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
    {
        return *kind;
    }
    if target.is_some_and(|t| t.starts_with("mailto:")) {
        return NormalKind::Email;
    }
    let words = vendor_kind.to_ascii_lowercase().replace(['_', '-'], " ");
    let by_name = [
        ("slack", NormalKind::Slack),
        ("teams", NormalKind::Teams),
        ("pagerduty", NormalKind::PagerDuty),
        ("pager duty", NormalKind::PagerDuty),
        ("email", NormalKind::Email),
        ("e mail", NormalKind::Email),
        ("webhook", NormalKind::Webhook),
        // ThousandEyes v7's generic connectors post to a URL.
        ("connector", NormalKind::Webhook),
    ];
    by_name
        .iter()
        .find(|(word, _)| words.contains(word))
        .map_or(NormalKind::Other, |(_, kind)| *kind)
}

/// The host of an absolute URL, lower-cased, without port or user info.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => host.split(':').next()?,
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// One integration, as the inventory shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct InventoryRow {
    pub vendor: Vendor,
    pub connection_id: String,
    pub connection: String,
    pub id: String,
    pub name: String,
    pub kind: NormalKind,
    /// The vendor's own word for it ("Outgoing webhook", "SLACK").
    pub vendor_kind: String,
    pub target: Option<String>,
    /// The target is a credential (a Slack webhook URL): shown and exported masked.
    pub target_secret: bool,
    pub host: Option<String>,
    pub enabled: Option<bool>,
    pub created: Option<String>,
    pub updated: Option<String>,
    /// What the search reads (name, connection, kinds, vendor, host), lower-cased once.
    pub haystack: String,
    /// The hygiene rules it trips by itself, each with what tripped it (`hygiene::RULES`; a
    /// shared target is found across rows, by `findings::shared_targets`).
    pub findings: Vec<(&'static str, String)>,
}

/// What a connection's vendor says of what uses its integrations, beyond their records.
#[derive(Clone, Copy)]
pub enum Referenced<'a> {
    /// Its API lists nothing that names integrations: the record alone tells.
    NoReader,
    /// Not read (yet, or it failed): nothing is concluded from it.
    NotRead,
    Read(&'a References),
}

/// A record of `api`'s vendor, read through the roles of its column table.
pub fn row_of(
    api: &dyn VendorApi,
    names: (&str, &str),
    record: &Record,
    lookups: &Lookups,
) -> InventoryRow {
    row_with(api, names, record, lookups, Referenced::NotRead)
}

/// A record's row with what its vendor's other objects say of it: *disabled but still
/// wired* when anything uses it, and *nothing uses it* once neither its record nor (where
/// the vendor lists them) the objects that name integrations do.
pub fn row_with(
    api: &dyn VendorApi,
    (connection_id, connection): (&str, &str),
    record: &Record,
    lookups: &Lookups,
    referenced: Referenced,
) -> InventoryRow {
    let summary = api.summary(record);
    let mut target = None;
    let (mut enabled, mut created, mut updated) = (None, None, None);
    for column in api.columns() {
        match column.role {
            Role::Target if target.is_none() => {
                target = match column.cell(record, lookups) {
                    Cell::Secret(url) => Some((first_url(&url), true)),
                    Cell::Text(url) => Some((first_url(&url), false)),
                    _ => None,
                }
            }
            Role::Enabled => {
                if let Read::Flag { pointer, .. } = column.read {
                    enabled = record.raw.pointer(pointer).and_then(Value::as_bool);
                }
            }
            Role::Created => created = time_of(column.cell(record, lookups)),
            Role::Updated => updated = time_of(column.cell(record, lookups)),
            _ => {}
        }
    }
    let (target, target_secret) = target.map_or((None, false), |(t, s)| (Some(t), s));
    let kind = normal_kind(&summary.kind, target.as_deref());
    let host = target.as_deref().and_then(host_of);
    let haystack = [
        summary.name.as_str(),
        connection,
        summary.kind.as_str(),
        kind.title(),
        api.vendor().title(),
        host.as_deref().unwrap_or_default(),
    ]
    .join("\u{1f}")
    .to_lowercase();
    let mut findings = target.as_deref().map(target_findings).unwrap_or_default();
    findings.extend(api.hygiene(record));
    // Once read, the vendor's objects that name it tell all its record does and more.
    let wired = api.uses(record, lookups);
    let can_tell = match referenced {
        Referenced::Read(_) => true,
        Referenced::NoReader => wired.is_some(),
        Referenced::NotRead => false,
    };
    let used = match referenced {
        Referenced::Read(references) => references.names(&record.id),
        _ => wired.as_ref().is_some_and(|w| !w.is_empty()),
    };
    // What uses it is spelt out only where a finding says it (one row in many).
    if used && enabled == Some(false) {
        let what = match referenced {
            Referenced::Read(references) => references.of(&record.id, lookups),
            _ => wired.unwrap_or_default(),
        };
        findings.push((DISABLED_IN_USE, what.join("; ")));
    }
    if !used && can_tell {
        findings.push((UNUSED, String::new()));
    }
    InventoryRow {
        findings,
        vendor: api.vendor(),
        connection_id: connection_id.to_string(),
        connection: connection.to_string(),
        id: record.id.clone(),
        kind,
        vendor_kind: summary.kind,
        name: summary.name,
        host,
        target,
        target_secret,
        enabled,
        created,
        updated,
        haystack,
    }
}

/// The first of a list of URLs ("a, b" as a cell shows several).
fn first_url(text: &str) -> String {
    text.split(", ").next().unwrap_or(text).to_string()
}

fn time_of(cell: Cell) -> Option<String> {
    match cell {
        Cell::Time(time) => Some(time),
        _ => None,
    }
}

impl InventoryRow {
    /// The target as it may be shown or exported: masked when it is a credential.
    pub fn shown_target(&self) -> Option<String> {
        let target = self.target.as_deref()?;
        Some(if self.target_secret {
            mask_value(target)
        } else {
            target.to_string()
        })
    }

    /// Whether the row passes the inventory's filters (`(name, value)` pairs: vendor,
    /// connection, kind, enabled, host) and its search (name, connection, kinds, host).
    pub fn passes(&self, filters: &[(String, String)], search: &str) -> bool {
        self.passes_lowered(filters, &search.trim().to_lowercase())
    }

    /// As `passes`, with the search already trimmed and lower-cased (once for every row).
    pub fn passes_lowered(&self, filters: &[(String, String)], needle: &str) -> bool {
        let filtered = filters_pass(
            filters,
            (self.vendor.slug(), &self.connection_id, self.kind.slug()),
            self.enabled,
            self.host.as_deref(),
        );
        filtered && (needle.is_empty() || self.haystack.contains(needle))
    }
}

/// Whether an integration's shared columns pass the inventory's filters: `(vendor slug,
/// connection id, kind slug)`, enabled and host. The list and drift filter alike through it.
pub fn filters_pass(
    filters: &[(String, String)],
    (vendor, connection, kind): (&str, &str, &str),
    enabled: Option<bool>,
    host: Option<&str>,
) -> bool {
    filters.iter().all(|(name, value)| match name.as_str() {
        "vendor" => vendor == value,
        "connection" => connection == value,
        "kind" => kind == value,
        "enabled" => enabled.is_some_and(|e| value == if e { "true" } else { "false" }),
        "host" => host == Some(value.as_str()),
        _ => true,
    })
}

/// The integrations that send to one host, and which of them send to the very same URL.
#[derive(Clone, Debug, PartialEq)]
pub struct HostGroup<'a> {
    pub host: String,
    pub rows: Vec<&'a InventoryRow>,
    /// How many vendors send there.
    pub vendors: usize,
    /// Sets of two or more rows with the same target URL, as indices into `rows`.
    pub same_url: Vec<Vec<usize>>,
}

/// Rows grouped by target host, the busiest host first (ties by name); rows without a host
/// are left out.
pub fn group_by_host<'a>(rows: &[&'a InventoryRow]) -> Vec<HostGroup<'a>> {
    let mut groups: Vec<HostGroup<'a>> = Vec::new();
    for row in rows {
        let Some(host) = row.host.as_deref() else {
            continue;
        };
        match groups.iter_mut().find(|g| g.host == host) {
            Some(group) => group.rows.push(row),
            None => groups.push(HostGroup {
                host: host.to_string(),
                rows: vec![row],
                vendors: 0,
                same_url: Vec::new(),
            }),
        }
    }
    for group in &mut groups {
        let mut vendors: Vec<Vendor> = group.rows.iter().map(|r| r.vendor).collect();
        vendors.sort_by_key(|v| v.slug());
        vendors.dedup();
        group.vendors = vendors.len();
        let mut seen: Vec<(&str, Vec<usize>)> = Vec::new();
        for (at, row) in group.rows.iter().enumerate() {
            let target = row.target.as_deref().unwrap_or_default();
            match seen.iter_mut().find(|(t, _)| *t == target) {
                Some((_, ats)) => ats.push(at),
                None => seen.push((target, vec![at])),
            }
        }
        group.same_url = seen
            .into_iter()
            .map(|(_, ats)| ats)
            .filter(|ats| ats.len() > 1)
            .collect();
    }
    groups.sort_by(|a, b| b.rows.len().cmp(&a.rows.len()).then(a.host.cmp(&b.host)));
    groups
}

/// How many rows each value of `key` has, the largest first (ties by value).
pub fn counted<K: PartialEq + Ord + Clone>(
    rows: &[&InventoryRow],
    key: impl Fn(&InventoryRow) -> Option<K>,
) -> Vec<(K, usize)> {
    let mut counts: Vec<(K, usize)> = Vec::new();
    for row in rows {
        let Some(value) = key(row) else { continue };
        match counts.iter_mut().find(|(k, _)| *k == value) {
            Some((_, n)) => *n += 1,
            None => counts.push((value, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

#[cfg(test)]
#[path = "inventory_tests.rs"]
mod tests;
