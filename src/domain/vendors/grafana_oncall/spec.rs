//! The create/edit form (with the templates editor), the list filters and the maintenance form.

use serde_json::{json, Value};

use super::jinja;
use super::types::CREATABLE;
use crate::domain::field::{Choice, FieldSpec, FormSpec};
use crate::domain::records::Record;
use crate::domain::send_rule::WhenEmpty;

/// Pointers the vendor's lookups fill: teams and escalation chains.
pub const TEAM: &str = "/team_id";
pub const ESCALATION_CHAIN: &str = "/default_route/escalation_chain_id";

const TEMPLATE_HELP: &str =
    "Empty means OnCall's default. Emptying a template resets it to the default when you save.";

/// `editing`: the record being edited, whose type is fixed (OnCall ignores a new one).
pub fn integration_form(editing: Option<&Record>) -> FormSpec {
    let kind = match editing {
        // The engine creates a maintenance-type integration but never lists it, so it is not
        // offered: it would vanish from every list the moment it was made.
        None => FieldSpec::choice(
            "/type",
            "Type",
            CREATABLE
                .iter()
                .filter(|(v, _)| *v != "maintenance")
                .map(|(v, t)| Choice::new(*v, *t))
                .collect(),
        )
        .required()
        .help("Grafana Alerting needs the OnCall engine to reach its Grafana; if it cannot, OnCall refuses and says why here."),
        Some(record) => {
            let current = record
                .raw
                .get("type")
                .and_then(|t| t.as_str())
                .unwrap_or_default()
                .to_string();
            let title = super::types::title(&current)
                .unwrap_or(&current)
                .to_string();
            FieldSpec::choice("/type", "Type", vec![Choice::new(current, title)])
                .read_only()
                .help("OnCall keeps an integration's type once it is created.")
        }
    };
    // Once set, OnCall refuses a blank name or description: say so before anything is sent.
    let name = match editing {
        None => FieldSpec::text("/name", "Name")
            .max_len(150)
            .help("Leave empty and OnCall names it after its type."),
        Some(_) => FieldSpec::text("/name", "Name")
            .max_len(150)
            .required()
            .help("OnCall refuses an empty name for an existing integration."),
    };
    let had_description = editing
        .and_then(|r| r.raw.get("description_short"))
        .and_then(Value::as_str)
        .is_some_and(|d| !d.trim().is_empty());
    let description = if had_description {
        FieldSpec::multiline("/description_short", "Description")
            .max_len(250)
            .required()
            .help("OnCall refuses to empty a description once set: write a new one instead.")
    } else {
        FieldSpec::multiline("/description_short", "Description")
            .max_len(250)
            .when_empty(WhenEmpty::NullOnEdit)
    };
    FormSpec::new(vec![
        kind,
        name,
        description,
        FieldSpec::choice(TEAM, "Team", vec![Choice::new("", "No team")])
            .choices_from_vendor()
            .when_empty(WhenEmpty::Null)
            .help("The teams this API key can see."),
        FieldSpec::group(
            "/default_route",
            "Default route",
            vec![
                FieldSpec::choice(
                    ESCALATION_CHAIN,
                    "Escalation chain",
                    vec![Choice::new("", "None")],
                )
                .choices_from_vendor()
                .when_empty(WhenEmpty::Null),
                FieldSpec::text("/default_route/slack/channel_id", "Slack channel id")
                    .pattern("letters and digits only, like C0123ABCD", |t| {
                        t.chars().all(|c| c.is_ascii_alphanumeric())
                    })
                    .help("OnCall upper-cases it; Slack must be connected to OnCall. Empty it to stop posting to Slack.")
                    .sent_upper_case()
                    .when_empty(WhenEmpty::NullOnEdit),
                FieldSpec::boolean("/default_route/slack/enabled", "Post to Slack")
                    .sent_only_with("/default_route/slack/channel_id"),
                FieldSpec::text("/default_route/telegram/id", "Telegram channel id")
                    .help("Empty it to stop posting to Telegram.")
                    .when_empty(WhenEmpty::NullOnEdit),
                FieldSpec::boolean("/default_route/telegram/enabled", "Post to Telegram")
                    .sent_only_with("/default_route/telegram/id"),
            ],
        ),
        templates(),
    ])
}

/// The templates editor: behaviour templates, then one group per notification channel.
fn templates() -> FieldSpec {
    let template = |pointer: &str, label: &str| {
        FieldSpec::multiline(pointer, label)
            .check(jinja::check)
            .help(TEMPLATE_HELP)
            .when_empty(WhenEmpty::NullOnEdit)
    };
    let channel = |name: &str, label: &str, fields: &[(&str, &str)]| {
        let children = fields
            .iter()
            .map(|(field, title)| {
                template(
                    &format!("/templates/{name}/{field}"),
                    &format!("{label} {title}"),
                )
            })
            .collect();
        FieldSpec::group(&format!("/templates/{name}"), label, children)
    };
    let full = [
        ("title", "title"),
        ("message", "message"),
        ("image_url", "image URL"),
    ];
    let titled = [("title", "title")];
    let written = [("title", "title"), ("message", "message")];
    FieldSpec::group(
        "/templates",
        "Templates",
        vec![
            template("/templates/grouping_key", "Grouping key"),
            template("/templates/resolve_signal", "Resolve condition"),
            template("/templates/acknowledge_signal", "Acknowledge condition"),
            template("/templates/source_link", "Source link"),
            channel("slack", "Slack", &full),
            channel("web", "Web", &full),
            channel("telegram", "Telegram", &full),
            channel("sms", "SMS", &titled),
            channel("phone_call", "Phone call", &titled),
            channel("email", "Email", &written),
            channel("mobile_app", "Mobile app", &written),
            channel("msteams", "Microsoft Teams (Grafana Cloud only)", &full),
        ],
    )
    .help("Jinja templates. Each is checked for unclosed tags before it is sent.")
}

/// The list's filters: an exact name and a team (the API's own filters).
pub fn list_filters() -> FormSpec {
    FormSpec::new(vec![
        FieldSpec::text("/name", "Exact name"),
        FieldSpec::choice(
            TEAM,
            "Team",
            vec![Choice::new("", "Any team"), Choice::new("null", "No team")],
        )
        .choices_from_vendor(),
    ])
}

/// Start maintenance: the mode and one of the engine's durations.
pub fn maintenance_form() -> FormSpec {
    FormSpec::new(vec![
        FieldSpec::choice(
            "/mode",
            "Mode",
            vec![
                Choice::new(
                    "maintenance",
                    "Maintenance: collect alerts into one group, notify no one",
                ),
                Choice::new("debug", "Debug: alerts arrive, escalations are not run"),
            ],
        )
        .required()
        .default_value(json!("maintenance")),
        FieldSpec::choice(
            "/duration",
            "Duration",
            [
                (3600, "1 hour"),
                (10800, "3 hours"),
                (21600, "6 hours"),
                (43200, "12 hours"),
                (86400, "24 hours"),
            ]
            .iter()
            .map(|(s, t)| Choice::new(s.to_string(), *t))
            .collect(),
        )
        .required()
        .default_value(json!("3600")),
    ])
}
