//! The options each PagerTree adapter declares (in PagerTree's open-source
//! `pager_tree-integrations`), as data: keys, kinds, defaults, and what the server insists on.
//! `options` turns a row into form fields; each type costs bytes of wasm, not a function.

/// How an option is entered, and what the server checks.
#[derive(Clone, Copy, Debug)]
pub(super) enum Kind {
    Text,
    Multiline,
    /// A credential (a token, a password): masked like the connection's own secrets.
    Secret,
    /// An absolute http(s) URL whose host is a full domain name (`url: {no_local: true}`).
    Url,
    /// A URL that carries its own credential (a chat webhook): checked as `Url`, and masked.
    SecretUrl,
    /// A switch and its declared default.
    Bool(bool),
    /// A whole number, within these bounds when the adapter sets any.
    Int(Option<i64>, Option<i64>),
    /// One of these values, and the default.
    Enum(&'static [&'static str], &'static str),
    /// Comma-separated e-mail addresses, or `team`, `team-admin`, `on-call`.
    Emails,
    /// A zone name Rails finds (`time_zones`), starting as `UTC`.
    TimeZone,
}

/// Whether the server insists on a value.
#[derive(Clone, Copy, Debug)]
pub(super) enum Rule {
    Optional,
    Required,
    /// Required while the switch `option_<key>` is on.
    RequiredWhenOn(&'static str),
}

#[derive(Debug)]
pub(super) struct Opt {
    pub(super) key: &'static str,
    pub(super) kind: Kind,
    pub(super) rule: Rule,
}

const fn opt(key: &'static str, kind: Kind) -> Opt {
    Opt {
        key,
        kind,
        rule: Rule::Optional,
    }
}

const fn required(key: &'static str, kind: Kind) -> Opt {
    Opt {
        key,
        kind,
        rule: Rule::Required,
    }
}

const fn required_when_on(key: &'static str, kind: Kind, switch: &'static str) -> Opt {
    Opt {
        key,
        kind,
        rule: Rule::RequiredWhenOn(switch),
    }
}

/// One adapter: its class under `PagerTree::Integrations` and its own options, in parts (so
/// adapters that extend another's options share them).
#[derive(Debug)]
pub struct Adapter {
    pub class: &'static str,
    parts: &'static [&'static [Opt]],
}

impl Adapter {
    /// The adapter's own options, in the order it declares them.
    pub(super) fn options(&self) -> impl Iterator<Item = &'static Opt> {
        self.parts.iter().flat_map(|part| part.iter())
    }
}

/// The options every type has: the alert title and description templates, each with a switch.
pub(super) const GENERIC: &[Opt] = &[
    opt("title_template", Kind::Multiline),
    opt("title_template_enabled", Kind::Bool(false)),
    opt("description_template", Kind::Multiline),
    opt("description_template_enabled", Kind::Bool(false)),
];

const OFF: Kind = Kind::Bool(false);
const ON: Kind = Kind::Bool(true);

const CHAT: &[Opt] = &[
    required("incoming_webhook_url", Kind::SecretUrl),
    opt("alert_open", OFF),
    opt("alert_acknowledged", OFF),
    opt("alert_resolved", OFF),
    opt("alert_dropped", OFF),
    opt("outgoing_rules", Kind::Multiline),
];

/// What Microsoft Teams adds to the chat options.
const TEAMS_EXTRA: &[Opt] = &[
    required("time_zone", Kind::TimeZone),
    opt("compact_message", OFF),
];

const SANITIZE_LEVELS: &[&str] = &["basic", "default", "relaxed", "relaxed_2", "restricted"];
const TWILIO_REGIONS: &[&str] = &["ashburn.us1", "dublin.ie1", "sydney.au1"];

/// Every adapter with options of its own; any other type has only the generic four.
pub static ADAPTERS: &[Adapter] = &[
    Adapter {
        class: "Channel::Slack::V3",
        parts: &[CHAT],
    },
    Adapter {
        class: "Channel::Mattermost::V3",
        parts: &[CHAT],
    },
    Adapter {
        class: "Channel::MicrosoftTeams::V3",
        parts: &[CHAT, TEAMS_EXTRA],
    },
    Adapter {
        class: "Channel::MicrosoftTeams::V4",
        parts: &[CHAT, TEAMS_EXTRA],
    },
    Adapter {
        class: "Channel::Hangouts::V3",
        parts: &[&[
            required("incoming_webhook_url", Kind::SecretUrl),
            opt("alert_open", OFF),
            opt("alert_assigned", OFF),
            opt("alert_acknowledged", OFF),
            opt("alert_resolved", OFF),
            opt("alert_dropped", OFF),
            opt("thread_same_alert", OFF),
            opt("outgoing_rules", Kind::Multiline),
        ]],
    },
    Adapter {
        class: "OutgoingWebhook::V3",
        parts: &[&[
            required("webhook_url", Kind::SecretUrl),
            opt("username", Kind::Text),
            opt("password", Kind::Secret),
            opt("proxy_url", Kind::Url),
            opt("alert_created", OFF),
            opt("alert_open", OFF),
            opt("alert_acknowledged", OFF),
            opt("alert_rejected", OFF),
            opt("alert_timeout", OFF),
            opt("alert_resolved", OFF),
            opt("alert_dropped", OFF),
            opt("alert_handoff", OFF),
            opt("event_reminder_going_on_call", OFF),
            opt("event_reminder_going_off_call", OFF),
            opt("comment_created", OFF),
            opt("comment_updated", OFF),
            opt("comment_destroyed", OFF),
            opt("send_linked", OFF),
            opt("template", Kind::Multiline),
            opt("outgoing_rules", Kind::Multiline),
        ]],
    },
    Adapter {
        class: "Webhook::V3",
        parts: &[&[
            opt("token", Kind::Secret),
            opt("capture_additional_data", OFF),
            opt("wrapper_key", Kind::Text),
        ]],
    },
    Adapter {
        class: "CustomWebhook::V3",
        parts: &[&[required("custom_definition", Kind::Multiline)]],
    },
    Adapter {
        class: "Email::V3",
        parts: &[&[
            opt("allow_spam", OFF),
            opt("dedup_threads", ON),
            opt("sanitize_level", Kind::Enum(SANITIZE_LEVELS, "relaxed")),
            opt("custom_definition_enabled", OFF),
            required_when_on(
                "custom_definition",
                Kind::Multiline,
                "custom_definition_enabled",
            ),
        ]],
    },
    Adapter {
        class: "Form::V3",
        parts: &[&[
            opt("form_title", Kind::Text),
            opt("form_header", Kind::Multiline),
            opt("form_instructions", Kind::Multiline),
            opt("form_footer_text", Kind::Text),
            opt("form_footer_link", Kind::Url),
            opt("form_email_required", OFF),
            opt("form_phone_required", OFF),
            opt("form_description_required", OFF),
            opt("form_urgency_required", OFF),
        ]],
    },
    Adapter {
        class: "LiveCallRouting::Twilio::V3",
        parts: &[&[
            required("account_sid", Kind::Text),
            required("api_key", Kind::Secret),
            required("api_secret", Kind::Secret),
            opt("api_region", Kind::Enum(TWILIO_REGIONS, "ashburn.us1")),
            opt("force_input", OFF),
            opt("record", OFF),
            opt("send_straight_to_voicemail", OFF),
            opt("skip_resolve_on_hangup", OFF),
            opt("record_email", Kind::Emails),
            opt("banned_phone", Kind::Text),
            opt("dial_pause", Kind::Int(Some(0), None)),
            opt("max_wait_time", Kind::Int(Some(30), Some(3600))),
        ]],
    },
    Adapter {
        class: "LogicMonitor::V3",
        parts: &[&[
            opt("alert_acknowledged", OFF),
            required_when_on(
                "logic_monitor_account_name",
                Kind::Text,
                "alert_acknowledged",
            ),
            required_when_on("access_id", Kind::Text, "alert_acknowledged"),
            required_when_on("access_key", Kind::Secret, "alert_acknowledged"),
            required_when_on("bearer_token", Kind::Secret, "alert_acknowledged"),
        ]],
    },
    Adapter {
        class: "SolarWinds::V3",
        parts: &[&[
            opt("alert_acknowledged", OFF),
            required_when_on("server_url", Kind::Url, "alert_acknowledged"),
            required_when_on("server_username", Kind::Text, "alert_acknowledged"),
            required_when_on("server_password", Kind::Secret, "alert_acknowledged"),
            opt("proxy_url", Kind::Url),
        ]],
    },
    Adapter {
        class: "Meta::Workplace::V3",
        parts: &[&[
            opt("incoming_enabled", OFF),
            opt("outgoing_enabled", ON),
            required("access_token", Kind::Secret),
            required("group_id", Kind::Text),
            opt("app_secret", Kind::Secret),
            opt("outgoing_rules", Kind::Multiline),
        ]],
    },
    Adapter {
        class: "EchoesHq::V3",
        parts: &[&[required("api_key", Kind::Secret)]],
    },
    Adapter {
        class: "Cloudflare::V3",
        parts: &[&[opt("webhook_secret", Kind::Secret)]],
    },
    Adapter {
        class: "Datadog::V3",
        parts: &[&[opt("support_retriggered_event", OFF)]],
    },
    Adapter {
        class: "HetrixTools::V3",
        parts: &[&[opt("authentication_token", Kind::Secret)]],
    },
    Adapter {
        class: "Honeybadger::V3",
        parts: &[&[opt("token", Kind::Secret)]],
    },
    Adapter {
        class: "JiraServer::V3",
        parts: &[&[opt("issue_updated", OFF)]],
    },
    Adapter {
        class: "Mattermost::OutgoingWebhook::V3",
        parts: &[&[opt("token", Kind::Secret)]],
    },
    Adapter {
        class: "Slack::Webhook::V3",
        parts: &[&[opt("token", Kind::Secret)]],
    },
    Adapter {
        class: "Sentry::V3",
        parts: &[&[
            opt("client_secret", Kind::Secret),
            opt("authorization_token", Kind::Secret),
            opt("authorization_token_expires_at", Kind::Text),
            opt("authorization_refresh_token", Kind::Secret),
            opt("code", Kind::Secret),
        ]],
    },
    Adapter {
        class: "ServerGuard24::V3",
        parts: &[&[opt("resolve_warn", OFF)]],
    },
    Adapter {
        class: "StatusGator::V3",
        parts: &[&[opt("create_on_warn", ON), opt("create_on_maintenance", ON)]],
    },
    Adapter {
        class: "Zabbix::V3",
        parts: &[&[opt("map_urgency", OFF)]],
    },
];
