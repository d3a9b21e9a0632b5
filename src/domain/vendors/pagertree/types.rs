//! Which adapter an integration type is, so the form can show that type's options.
//! PagerTree documents no shape for `/integration_types`; its CLI reads each type's `name`.
//! A type is matched by an adapter class named among its values (`Channel::Slack::V3`, with or
//! without `PagerTree::Integrations::`), else by its name. A type matched by neither shows the
//! options every type has, and PagerTree checks the rest.

use serde_json::Value;

use super::adapters::ADAPTERS;

/// Type names as PagerTree's integration directory titles them, normalised (lower case,
/// letters and digits only), and the adapter each is.
const NAMES: &[(&str, &str)] = &[
    ("slack", "Channel::Slack::V3"),
    ("slackchannel", "Channel::Slack::V3"),
    ("mattermost", "Channel::Mattermost::V3"),
    ("mattermostchannel", "Channel::Mattermost::V3"),
    ("microsoftteams", "Channel::MicrosoftTeams::V4"),
    ("googlehangoutschat", "Channel::Hangouts::V3"),
    ("googlechat", "Channel::Hangouts::V3"),
    ("hangouts", "Channel::Hangouts::V3"),
    ("outgoingwebhook", "OutgoingWebhook::V3"),
    ("webhook", "Webhook::V3"),
    ("customwebhook", "CustomWebhook::V3"),
    ("email", "Email::V3"),
    ("form", "Form::V3"),
    ("livecallrouting", "LiveCallRouting::Twilio::V3"),
    ("twiliolivecallrouting", "LiveCallRouting::Twilio::V3"),
    ("logicmonitor", "LogicMonitor::V3"),
    ("solarwinds", "SolarWinds::V3"),
    ("workplace", "Meta::Workplace::V3"),
    ("metaworkplace", "Meta::Workplace::V3"),
    ("echoeshq", "EchoesHq::V3"),
    ("cloudflare", "Cloudflare::V3"),
    ("datadog", "Datadog::V3"),
    ("hetrixtools", "HetrixTools::V3"),
    ("honeybadger", "Honeybadger::V3"),
    ("jiraserver", "JiraServer::V3"),
    (
        "mattermostoutgoingwebhook",
        "Mattermost::OutgoingWebhook::V3",
    ),
    ("slackoutgoingwebhook", "Slack::Webhook::V3"),
    ("slackwebhook", "Slack::Webhook::V3"),
    ("sentry", "Sentry::V3"),
    ("serverguard24", "ServerGuard24::V3"),
    ("statusgator", "StatusGator::V3"),
    ("zabbix", "Zabbix::V3"),
];

/// The adapter class of an integration type object from `/integration_types`.
pub fn class_of(integration_type: &Value) -> Option<&'static str> {
    let named_class = integration_type
        .as_object()
        .into_iter()
        .flat_map(|object| object.values())
        .filter_map(Value::as_str)
        .find_map(known_class);
    named_class.or_else(|| {
        integration_type
            .get("name")
            .and_then(Value::as_str)
            .and_then(class_of_name)
    })
}

/// The adapter class of a type called `name` ("Microsoft Teams").
pub fn class_of_name(name: &str) -> Option<&'static str> {
    let wanted: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    NAMES
        .iter()
        .find(|(known, _)| *known == wanted)
        .map(|(_, class)| *class)
}

fn known_class(text: &str) -> Option<&'static str> {
    let class = text
        .strip_prefix("PagerTree::Integrations::")
        .unwrap_or(text);
    ADAPTERS
        .iter()
        .find(|adapter| adapter.class == class)
        .map(|adapter| adapter.class)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_type_is_known_by_a_class_it_names_or_else_by_its_name() {
        assert_eq!(
            class_of(
                &json!({"id": "t1", "name": "Chat", "adapter": "PagerTree::Integrations::Channel::Hangouts::V3"})
            ),
            Some("Channel::Hangouts::V3")
        );
        assert_eq!(
            class_of(&json!({"id": "t2", "name": "Microsoft Teams"})),
            Some("Channel::MicrosoftTeams::V4")
        );
        assert_eq!(
            class_of_name("Slack Outgoing Webhook"),
            Some("Slack::Webhook::V3")
        );
        assert_eq!(class_of_name("LogicMonitor"), Some("LogicMonitor::V3"));
        assert_eq!(class_of(&json!({"id": "t3", "name": "Uptime Robot"})), None);
        assert_eq!(class_of(&json!("Slack")), None);
    }

    #[test]
    fn every_named_class_is_an_adapter_the_table_declares() {
        for (name, class) in NAMES {
            assert_eq!(known_class(class), Some(*class), "{name}");
        }
    }
}
