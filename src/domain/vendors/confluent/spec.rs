//! The create/edit form and the list's parameters, with every documented constraint.

use serde_json::json;

use crate::domain::field::{FieldSpec, FormSpec, Variant};

/// `display_name` ≤ 64 (required), `description` ≤ 128, and a target whose fields follow its
/// kind: `url` for Webhook, `webhook_url` for Slack and MsTeams, each an absolute http(s) URL.
pub fn integration_form() -> FormSpec {
    FormSpec::new(vec![
        FieldSpec::text("/display_name", "Display name")
            .required()
            .max_len(64)
            .placeholder("Ops alerts"),
        FieldSpec::multiline("/description", "Description").max_len(128),
        FieldSpec::one_of(
            "/target/kind",
            "Target",
            vec![
                Variant::new(
                    "Webhook",
                    "Webhook",
                    vec![FieldSpec::url("/target/url", "Webhook URL")
                        .sensitive()
                        .required()
                        .placeholder("https://my.webhook.url/…")],
                ),
                Variant::new(
                    "Slack",
                    "Slack",
                    vec![FieldSpec::url("/target/webhook_url", "Slack webhook URL")
                        .sensitive()
                        .required()
                        .placeholder("https://hooks.slack.com/services/…")],
                ),
                Variant::new(
                    "MsTeams",
                    "Microsoft Teams",
                    vec![FieldSpec::url("/target/webhook_url", "Teams webhook URL")
                        .sensitive()
                        .required()
                        .placeholder("https://….webhook.office.com/…")],
                ),
            ],
        )
        .required()
        .default_value(json!("Webhook")),
    ])
}

/// `page_size`: 1 to 250, default 100.
pub fn list_query_form() -> FormSpec {
    FormSpec::new(vec![FieldSpec::integer("/page_size", "Page size")
        .range(Some(1), Some(250))
        .default_value(json!(100))
        .help("Integrations fetched per request, 1 to 250.")])
}

/// `page_token`: opaque, at most 255 characters. Checked on the token of every next link
/// before it is followed.
pub fn page_token_rule() -> FormSpec {
    FormSpec::new(vec![
        FieldSpec::text("/page_token", "Page token").max_len(255)
    ])
}
