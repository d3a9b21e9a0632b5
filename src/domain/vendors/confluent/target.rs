//! The kinds of target an integration sends to. Only Webhook, Slack and MsTeams may be
//! written through the API; email targets are managed by Confluent, and a kind Patchbay does not
//! know (a newer one such as InApp) is kept as `Other` and shown read-only.

use serde_json::Value;

use crate::domain::api::Capabilities;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetKind {
    Webhook,
    Slack,
    MsTeams,
    RoleEmail,
    UserEmail,
    Other(String),
}

impl TargetKind {
    pub fn parse(kind: &str) -> TargetKind {
        match kind {
            "Webhook" => TargetKind::Webhook,
            "Slack" => TargetKind::Slack,
            "MsTeams" => TargetKind::MsTeams,
            "RoleEmail" => TargetKind::RoleEmail,
            "UserEmail" => TargetKind::UserEmail,
            other => TargetKind::Other(other.to_string()),
        }
    }

    /// The kind of an integration's `target` (an integration without one reads as `Other("")`).
    pub fn of(integration: &Value) -> TargetKind {
        TargetKind::parse(
            integration
                .pointer("/target/kind")
                .and_then(Value::as_str)
                .unwrap_or(""),
        )
    }

    pub fn title(&self) -> String {
        match self {
            TargetKind::Webhook => "Webhook".into(),
            TargetKind::Slack => "Slack".into(),
            TargetKind::MsTeams => "Microsoft Teams".into(),
            TargetKind::RoleEmail => "Email to a role".into(),
            TargetKind::UserEmail => "Email to a user".into(),
            TargetKind::Other(kind) if kind.is_empty() => "No target".into(),
            TargetKind::Other(kind) => kind.clone(),
        }
    }

    /// Where the target sends, as text: a URL, a role or a user id.
    pub fn destination(&self, integration: &Value) -> Option<String> {
        let text = |pointer: &str| {
            integration
                .pointer(pointer)
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        match self {
            TargetKind::Webhook => text("/target/url"),
            TargetKind::Slack | TargetKind::MsTeams => text("/target/webhook_url"),
            TargetKind::RoleEmail => text("/target/role_name"),
            // The user is an object reference in the list document and an id string in the spec.
            TargetKind::UserEmail => text("/target/user/id").or_else(|| text("/target/user")),
            TargetKind::Other(_) => None,
        }
    }

    /// Webhook URLs carry their own credentials: whoever has one can post to the channel.
    pub fn destination_is_secret(&self) -> bool {
        self.is_writable()
    }

    pub fn is_writable(&self) -> bool {
        matches!(
            self,
            TargetKind::Webhook | TargetKind::Slack | TargetKind::MsTeams
        )
    }

    pub fn capabilities(&self) -> Capabilities {
        if self.is_writable() {
            return Capabilities::full_with_test();
        }
        Capabilities::read_only(match self {
            TargetKind::Other(kind) => format!(
                "Patchbay does not know the “{}” target kind yet, so it is shown read-only.",
                if kind.is_empty() { "(none)" } else { kind }
            ),
            _ => {
                "Email integrations are managed by Confluent; the API cannot change or delete them."
                    .into()
            }
        })
    }
}
