//! The integration types the simulated account offers, and the options each adapter declares
//! in PagerTree's open-source `pager_tree-integrations` (read again here, apart from the
//! console's table, so a slip in either shows as a failing test).

/// How the adapter casts and checks an option.
#[derive(Clone, Copy, Debug)]
pub enum Cast {
    Text,
    /// `url: {no_local: true}`: absolute http(s), and a host with a dot.
    Url,
    Bool(bool),
    /// Rails' integer casting, and the adapter's range check when it has one.
    Int(Option<(i64, i64)>),
    /// One of these, starting as the first.
    Enum(&'static [&'static str]),
    /// A name `ActiveSupport::TimeZone[]` finds; `UTC` by default.
    TimeZone,
    /// Comma-separated addresses or `team`, `team-admin`, `on-call`.
    Emails,
}

/// Whether the adapter validates presence.
#[derive(Clone, Copy, Debug)]
pub enum Need {
    No,
    Yes,
    WhenOn(&'static str),
}

pub type Opt = (&'static str, Cast, Need);

/// Options every adapter has.
pub const GENERIC: &[Opt] = &[
    ("title_template", Cast::Text, Need::No),
    ("title_template_enabled", Cast::Bool(false), Need::No),
    ("description_template", Cast::Text, Need::No),
    ("description_template_enabled", Cast::Bool(false), Need::No),
];

const OFF: Cast = Cast::Bool(false);

const CHAT: &[Opt] = &[
    ("incoming_webhook_url", Cast::Url, Need::Yes),
    ("alert_open", OFF, Need::No),
    ("alert_acknowledged", OFF, Need::No),
    ("alert_resolved", OFF, Need::No),
    ("alert_dropped", OFF, Need::No),
    ("outgoing_rules", Cast::Text, Need::No),
];

/// What Microsoft Teams adds to the chat options.
const TEAMS_EXTRA: &[Opt] = &[
    ("time_zone", Cast::TimeZone, Need::Yes),
    ("compact_message", OFF, Need::No),
];

const OUTGOING: &[Opt] = &[
    ("webhook_url", Cast::Url, Need::Yes),
    ("username", Cast::Text, Need::No),
    ("password", Cast::Text, Need::No),
    ("proxy_url", Cast::Url, Need::No),
    ("alert_created", OFF, Need::No),
    ("alert_open", OFF, Need::No),
    ("alert_acknowledged", OFF, Need::No),
    ("alert_rejected", OFF, Need::No),
    ("alert_timeout", OFF, Need::No),
    ("alert_resolved", OFF, Need::No),
    ("alert_dropped", OFF, Need::No),
    ("alert_handoff", OFF, Need::No),
    ("event_reminder_going_on_call", OFF, Need::No),
    ("event_reminder_going_off_call", OFF, Need::No),
    ("comment_created", OFF, Need::No),
    ("comment_updated", OFF, Need::No),
    ("comment_destroyed", OFF, Need::No),
    ("send_linked", OFF, Need::No),
    ("template", Cast::Text, Need::No),
    ("outgoing_rules", Cast::Text, Need::No),
];

const WEBHOOK: &[Opt] = &[
    ("token", Cast::Text, Need::No),
    ("capture_additional_data", OFF, Need::No),
    ("wrapper_key", Cast::Text, Need::No),
];

const EMAIL: &[Opt] = &[
    ("allow_spam", OFF, Need::No),
    ("dedup_threads", Cast::Bool(true), Need::No),
    (
        "sanitize_level",
        Cast::Enum(&["relaxed", "basic", "default", "relaxed_2", "restricted"]),
        Need::No,
    ),
    ("custom_definition_enabled", OFF, Need::No),
    (
        "custom_definition",
        Cast::Text,
        Need::WhenOn("custom_definition_enabled"),
    ),
];

const LOGIC_MONITOR: &[Opt] = &[
    ("alert_acknowledged", OFF, Need::No),
    (
        "logic_monitor_account_name",
        Cast::Text,
        Need::WhenOn("alert_acknowledged"),
    ),
    ("access_id", Cast::Text, Need::WhenOn("alert_acknowledged")),
    ("access_key", Cast::Text, Need::WhenOn("alert_acknowledged")),
    (
        "bearer_token",
        Cast::Text,
        Need::WhenOn("alert_acknowledged"),
    ),
];

const TWILIO: &[Opt] = &[
    ("account_sid", Cast::Text, Need::Yes),
    ("api_key", Cast::Text, Need::Yes),
    ("api_secret", Cast::Text, Need::Yes),
    (
        "api_region",
        Cast::Enum(&["ashburn.us1", "dublin.ie1", "sydney.au1"]),
        Need::No,
    ),
    ("force_input", OFF, Need::No),
    ("record", OFF, Need::No),
    ("send_straight_to_voicemail", OFF, Need::No),
    ("skip_resolve_on_hangup", OFF, Need::No),
    ("record_email", Cast::Emails, Need::No),
    ("banned_phone", Cast::Text, Need::No),
    ("dial_pause", Cast::Int(None), Need::No),
    ("max_wait_time", Cast::Int(Some((30, 3600))), Need::No),
];

/// One type of the catalogue: its id, its name, and its adapter's own options (in parts, so
/// an adapter that extends another's options shares them).
pub struct Type {
    pub id: &'static str,
    pub name: &'static str,
    pub parts: &'static [&'static [Opt]],
}

/// The catalogue, in the order `/integration_types` lists it. The first two ids are the
/// documented examples' (the fixture's).
pub const TYPES: &[Type] = &[
    Type {
        id: "01GDBEYARHS4W4QM6X370Z5TMB",
        name: "Uptime Robot",
        parts: &[],
    },
    Type {
        id: "01GDBF0SLACKV3CHANNEL00000",
        name: "Slack",
        parts: &[CHAT],
    },
    Type {
        id: "01GDBF1MATTERMOST000000000",
        name: "Mattermost",
        parts: &[CHAT],
    },
    Type {
        id: "01GDBF2MSTEAMS00000000000V",
        name: "Microsoft Teams",
        parts: &[CHAT, TEAMS_EXTRA],
    },
    Type {
        id: "01GDBF3OUTGOINGWEBHOOK000V",
        name: "Outgoing Webhook",
        parts: &[OUTGOING],
    },
    Type {
        id: "01GDBF4WEBHOOK000000000000",
        name: "Webhook",
        parts: &[WEBHOOK],
    },
    Type {
        id: "01GDBF5EMAIL00000000000000",
        name: "Email",
        parts: &[EMAIL],
    },
    Type {
        id: "01GDBF6LOGICMONITOR0000000",
        name: "LogicMonitor",
        parts: &[LOGIC_MONITOR],
    },
    Type {
        id: "01GDBF7TWILIOLCR000000000V",
        name: "Twilio Live Call Routing",
        parts: &[TWILIO],
    },
    Type {
        id: "01GDBF8CUSTOMWEBHOOK00000V",
        name: "Custom Webhook",
        parts: &[&[("custom_definition", Cast::Text, Need::Yes)]],
    },
    Type {
        id: "01GDBF9ZABBIX0000000000000",
        name: "Zabbix",
        parts: &[&[("map_urgency", OFF, Need::No)]],
    },
    Type {
        id: "01GDBFADATADOG000000000000",
        name: "Datadog",
        parts: &[&[("support_retriggered_event", OFF, Need::No)]],
    },
    Type {
        id: "01GDBFBGRAFANA000000000000",
        name: "Grafana",
        parts: &[],
    },
    Type {
        id: "01GDBFCPROMETHEUS000000000",
        name: "Prometheus",
        parts: &[],
    },
];

pub fn type_by_id(id: &str) -> Option<&'static Type> {
    TYPES.iter().find(|t| t.id == id)
}

impl Type {
    /// The adapter's own options.
    pub fn own_options(&self) -> impl Iterator<Item = &'static Opt> {
        self.parts.iter().flat_map(|part| part.iter())
    }

    /// The generic options, then the adapter's own.
    pub fn all_options(&self) -> impl Iterator<Item = &'static Opt> {
        GENERIC.iter().chain(self.own_options())
    }
}
