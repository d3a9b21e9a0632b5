//! The options a PagerTree integration takes, per integration type. The API takes them flat as
//! `option_<key>` and answers them under `options`; each type's adapter (in PagerTree's
//! open-source `pager_tree-integrations`) declares its keys, types and defaults, and validates
//! some of them. The table below is that declaration as data, so each type costs a few bytes of
//! wasm rather than a function, and every rule the server applies is checked before sending.

use serde_json::{json, Value};

use crate::domain::field::{Choice, FieldSpec};

/// How an option is entered, and what the server checks.
#[derive(Clone, Copy, Debug)]
enum Kind {
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
}

/// Whether the server insists on a value.
#[derive(Clone, Copy, Debug)]
enum Rule {
    Optional,
    Required,
    /// Required while the switch `option_<key>` is on.
    RequiredWhenOn(&'static str),
}

#[derive(Debug)]
struct Opt {
    key: &'static str,
    kind: Kind,
    rule: Rule,
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

/// One adapter: its class under `PagerTree::Integrations` and its own options.
#[derive(Debug)]
pub struct Adapter {
    pub class: &'static str,
    options: &'static [Opt],
}

impl Adapter {
    /// The adapter's own option keys (without `option_`).
    pub fn option_keys(&self) -> impl Iterator<Item = &'static str> {
        self.options.iter().map(|option| option.key)
    }
}

/// The keys of the options every type has.
pub const GENERIC_KEYS: &[&str] = &[
    "title_template",
    "title_template_enabled",
    "description_template",
    "description_template_enabled",
];

/// The options every type has: the alert title and description templates, each with a switch.
const GENERIC: &[Opt] = &[
    opt(GENERIC_KEYS[0], Kind::Multiline),
    opt(GENERIC_KEYS[1], Kind::Bool(false)),
    opt(GENERIC_KEYS[2], Kind::Multiline),
    opt(GENERIC_KEYS[3], Kind::Bool(false)),
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

const TEAMS: &[Opt] = &[
    required("incoming_webhook_url", Kind::SecretUrl),
    opt("alert_open", OFF),
    opt("alert_acknowledged", OFF),
    opt("alert_resolved", OFF),
    opt("alert_dropped", OFF),
    opt("outgoing_rules", Kind::Multiline),
    required("time_zone", Kind::Text),
    opt("compact_message", OFF),
];

const SANITIZE_LEVELS: &[&str] = &["basic", "default", "relaxed", "relaxed_2", "restricted"];
const TWILIO_REGIONS: &[&str] = &["ashburn.us1", "dublin.ie1", "sydney.au1"];

/// Every adapter with options of its own; any other type has only the generic four.
pub static ADAPTERS: &[Adapter] = &[
    Adapter {
        class: "Channel::Slack::V3",
        options: CHAT,
    },
    Adapter {
        class: "Channel::Mattermost::V3",
        options: CHAT,
    },
    Adapter {
        class: "Channel::MicrosoftTeams::V3",
        options: TEAMS,
    },
    Adapter {
        class: "Channel::MicrosoftTeams::V4",
        options: TEAMS,
    },
    Adapter {
        class: "Channel::Hangouts::V3",
        options: &[
            required("incoming_webhook_url", Kind::SecretUrl),
            opt("alert_open", OFF),
            opt("alert_assigned", OFF),
            opt("alert_acknowledged", OFF),
            opt("alert_resolved", OFF),
            opt("alert_dropped", OFF),
            opt("thread_same_alert", OFF),
            opt("outgoing_rules", Kind::Multiline),
        ],
    },
    Adapter {
        class: "OutgoingWebhook::V3",
        options: &[
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
        ],
    },
    Adapter {
        class: "Webhook::V3",
        options: &[
            opt("token", Kind::Secret),
            opt("capture_additional_data", OFF),
            opt("wrapper_key", Kind::Text),
        ],
    },
    Adapter {
        class: "CustomWebhook::V3",
        options: &[required("custom_definition", Kind::Multiline)],
    },
    Adapter {
        class: "Email::V3",
        options: &[
            opt("allow_spam", OFF),
            opt("dedup_threads", ON),
            opt("sanitize_level", Kind::Enum(SANITIZE_LEVELS, "relaxed")),
            opt("custom_definition_enabled", OFF),
            required_when_on(
                "custom_definition",
                Kind::Multiline,
                "custom_definition_enabled",
            ),
        ],
    },
    Adapter {
        class: "Form::V3",
        options: &[
            opt("form_title", Kind::Text),
            opt("form_header", Kind::Multiline),
            opt("form_instructions", Kind::Multiline),
            opt("form_footer_text", Kind::Text),
            opt("form_footer_link", Kind::Url),
            opt("form_email_required", OFF),
            opt("form_phone_required", OFF),
            opt("form_description_required", OFF),
            opt("form_urgency_required", OFF),
        ],
    },
    Adapter {
        class: "LiveCallRouting::Twilio::V3",
        options: &[
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
        ],
    },
    Adapter {
        class: "LogicMonitor::V3",
        options: &[
            opt("alert_acknowledged", OFF),
            required_when_on(
                "logic_monitor_account_name",
                Kind::Text,
                "alert_acknowledged",
            ),
            required_when_on("access_id", Kind::Text, "alert_acknowledged"),
            required_when_on("access_key", Kind::Secret, "alert_acknowledged"),
            required_when_on("bearer_token", Kind::Secret, "alert_acknowledged"),
        ],
    },
    Adapter {
        class: "SolarWinds::V3",
        options: &[
            opt("alert_acknowledged", OFF),
            required_when_on("server_url", Kind::Url, "alert_acknowledged"),
            required_when_on("server_username", Kind::Text, "alert_acknowledged"),
            required_when_on("server_password", Kind::Secret, "alert_acknowledged"),
            opt("proxy_url", Kind::Url),
        ],
    },
    Adapter {
        class: "Meta::Workplace::V3",
        options: &[
            opt("incoming_enabled", OFF),
            opt("outgoing_enabled", ON),
            required("access_token", Kind::Secret),
            required("group_id", Kind::Text),
            opt("app_secret", Kind::Secret),
            opt("outgoing_rules", Kind::Multiline),
        ],
    },
    Adapter {
        class: "EchoesHq::V3",
        options: &[required("api_key", Kind::Secret)],
    },
    Adapter {
        class: "Cloudflare::V3",
        options: &[opt("webhook_secret", Kind::Secret)],
    },
    Adapter {
        class: "Datadog::V3",
        options: &[opt("support_retriggered_event", OFF)],
    },
    Adapter {
        class: "HetrixTools::V3",
        options: &[opt("authentication_token", Kind::Secret)],
    },
    Adapter {
        class: "Honeybadger::V3",
        options: &[opt("token", Kind::Secret)],
    },
    Adapter {
        class: "JiraServer::V3",
        options: &[opt("issue_updated", OFF)],
    },
    Adapter {
        class: "Mattermost::OutgoingWebhook::V3",
        options: &[opt("token", Kind::Secret)],
    },
    Adapter {
        class: "Slack::Webhook::V3",
        options: &[opt("token", Kind::Secret)],
    },
    Adapter {
        class: "Sentry::V3",
        options: &[
            opt("client_secret", Kind::Secret),
            opt("authorization_token", Kind::Secret),
            opt("authorization_token_expires_at", Kind::Text),
            opt("authorization_refresh_token", Kind::Secret),
            opt("code", Kind::Secret),
        ],
    },
    Adapter {
        class: "ServerGuard24::V3",
        options: &[opt("resolve_warn", OFF)],
    },
    Adapter {
        class: "StatusGator::V3",
        options: &[opt("create_on_warn", ON), opt("create_on_maintenance", ON)],
    },
    Adapter {
        class: "Zabbix::V3",
        options: &[opt("map_urgency", OFF)],
    },
];

/// The fields of a type's options, generic ones first, at `/option_<key>` as the API takes
/// them. A class Patchbay does not know has the generic four only.
pub fn option_fields(class: &str) -> Vec<FieldSpec> {
    let own = ADAPTERS
        .iter()
        .find(|adapter| adapter.class == class)
        .map_or(&[][..], |adapter| adapter.options);
    GENERIC.iter().chain(own).map(field).collect()
}

/// Every option key that holds a credential, in any type: what a record's `options` masks.
pub fn secret_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = ADAPTERS
        .iter()
        .flat_map(|adapter| adapter.options)
        .filter(|option| matches!(option.kind, Kind::Secret | Kind::SecretUrl))
        .map(|option| option.key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn field(option: &Opt) -> FieldSpec {
    let pointer = format!("/option_{}", option.key);
    let label = label_of(option.key);
    let field = match option.kind {
        Kind::Text => FieldSpec::text(&pointer, &label),
        Kind::Multiline => FieldSpec::multiline(&pointer, &label),
        Kind::Secret => FieldSpec::secret(&pointer, &label),
        Kind::Url => FieldSpec::url(&pointer, &label).check(full_domain_host),
        Kind::SecretUrl => FieldSpec::url(&pointer, &label)
            .check(full_domain_host)
            .sensitive(),
        Kind::Bool(default) => FieldSpec::boolean(&pointer, &label).default_value(json!(default)),
        Kind::Int(min, max) => FieldSpec::integer(&pointer, &label).range(min, max),
        Kind::Enum(values, default) => FieldSpec::choice(
            &pointer,
            &label,
            values.iter().map(|v| Choice::new(*v, *v)).collect(),
        )
        .default_value(json!(default)),
        Kind::Emails => FieldSpec::text(&pointer, &label)
            .check(record_emails)
            .help("E-mail addresses separated by commas; team, team-admin and on-call stand for those people."),
    };
    match option.rule {
        Rule::Optional => field,
        Rule::Required => field.required(),
        Rule::RequiredWhenOn(switch) => {
            field.required_when(&format!("/option_{switch}"), Value::Bool(true))
        }
    }
}

/// `incoming_webhook_url` → "Incoming webhook URL": the key as words, acronyms in capitals.
pub fn label_of(key: &str) -> String {
    let words: Vec<String> = key
        .split('_')
        .enumerate()
        .map(|(at, word)| match word {
            "url" | "api" | "sid" | "id" => word.to_uppercase(),
            _ if at == 0 => {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            }
            _ => word.to_string(),
        })
        .collect();
    words.join(" ")
}

/// The server's `url: {no_local: true}` (the validate_url gem) refuses a host without a dot:
/// `localhost`, `intranet`, a bare machine name.
fn full_domain_host(text: &str) -> Result<(), String> {
    let host = url::Url::parse(text)
        .ok()
        .and_then(|url| url.host_str().map(str::to_string));
    match host {
        Some(host) if host.contains('.') => Ok(()),
        _ => Err(
            "PagerTree refuses local hosts: use a full domain name, such as hooks.example.com"
                .into(),
        ),
    }
}

/// The Twilio adapter's check, as strict as the server: the text split at commas (trailing
/// empty entries dropped, as Ruby's `split` does) must hold only e-mail addresses and the groups
/// it expands. A space after a comma is part of the next entry, so the server refuses it too.
fn record_emails(text: &str) -> Result<(), String> {
    let mut entries: Vec<&str> = text.split(',').collect();
    while entries.last() == Some(&"") {
        entries.pop();
    }
    let bad = entries
        .into_iter()
        .find(|entry| !["team", "team-admin", "on-call"].contains(entry) && !is_email(entry));
    match bad {
        None => Ok(()),
        Some(entry) if entry.trim() != entry => Err(format!(
            "“{entry}” has spaces around it: separate the entries with commas only"
        )),
        Some(entry) => Err(format!(
            "“{entry}” is not an e-mail address, team, team-admin or on-call"
        )),
    }
}

/// Ruby's `URI::MailTo::EMAIL_REGEXP`, which the adapter matches against.
fn is_email(text: &str) -> bool {
    const LOCAL_EXTRA: &str = ".!#$%&'*+/=?^_`{|}~-";
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || LOCAL_EXTRA.contains(c));
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    local_ok && domain.split('.').all(label_ok)
}

#[cfg(test)]
#[path = "options_tests.rs"]
mod tests;
