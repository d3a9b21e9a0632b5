//! The create/edit form, as the server's AJV schemas and its methods check it: incoming and
//! outgoing webhooks as a one-of on `type`, and within outgoing, the fields each event uses.

use serde_json::json;

use crate::domain::field::{Choice, FieldSpec, FormSpec, Variant};
use crate::domain::records::Record;

pub const INCOMING: &str = "webhook-incoming";
pub const OUTGOING: &str = "webhook-outgoing";

/// The nine events an outgoing webhook can listen to, with their titles, and whether each
/// uses `channel` (the server's `outgoingEvents[event].use.channel`).
pub const EVENTS: [(&str, &str, bool); 9] = [
    ("sendMessage", "Message sent", true),
    ("messageEdited", "Message edited", true),
    ("messageDeleted", "Message deleted", true),
    ("fileUploaded", "File uploaded", true),
    ("roomArchived", "Room archived", false),
    ("roomCreated", "Room created", false),
    ("roomJoined", "User joined room", true),
    ("roomLeft", "User left room", true),
    ("userCreated", "User created", false),
];

/// Channels an outgoing webhook may name besides `#room` and `@user`.
const SCOPED: [&str; 3] = [
    "all_public_channels",
    "all_private_groups",
    "all_direct_messages",
];

/// Where the lookups keep the server's version (from `/api/info`).
pub const SERVER_VERSION: &str = "@server_version";
pub const SKIP_TRANSPILE: &str = "skipTranspile";

/// `"8.4.0"` → `(8, 4)`; anything unreadable → `(0, 0)`.
pub fn version_of(text: &str) -> (u32, u32) {
    let mut parts = text
        .split('.')
        .map(|p| p.trim().parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// The form on a server of `version`: from 8.4 a script may skip Babel (`skipTranspile`).
pub fn with_server_version(mut form: FormSpec, version: (u32, u32)) -> FormSpec {
    if version >= (8, 4) {
        form.fields.push(
            FieldSpec::boolean(
                &format!("/{SKIP_TRANSPILE}"),
                "Run the script as written (skip transpiling)",
            )
            .help("Rocket.Chat 8.4 and later; the option is going away in 9.0."),
        );
    }
    form
}

pub fn kind_title(kind: &str) -> Option<&'static str> {
    match kind {
        INCOMING => Some("Incoming webhook"),
        OUTGOING => Some("Outgoing webhook"),
        _ => None,
    }
}

pub fn event_title(event: &str) -> Option<&'static str> {
    EVENTS
        .iter()
        .find(|(e, ..)| *e == event)
        .map(|(_, t, _)| *t)
}

pub fn event_uses_channel(event: &str) -> bool {
    EVENTS.iter().any(|(e, _, uses)| *e == event && *uses)
}

/// The form; `editing`'s type is fixed (the update locates the record by type and id).
pub fn integration_form(editing: Option<&Record>) -> FormSpec {
    let incoming = Variant::new(INCOMING, "Incoming webhook", vec![incoming_channel()]);
    let outgoing = Variant::new(OUTGOING, "Outgoing webhook", outgoing_fields());
    let kind = match editing.and_then(|r| r.text("/type")) {
        None => FieldSpec::one_of("/type", "Type", vec![incoming, outgoing])
            .required()
            .default_value(json!(INCOMING)),
        Some(kind) => {
            let fixed = if kind == OUTGOING { outgoing } else { incoming };
            FieldSpec::one_of("/type", "Type", vec![fixed])
                .read_only()
                .help("Rocket.Chat keeps an integration's type once it is created.")
        }
    };
    FormSpec::new(vec![
        kind,
        FieldSpec::text("/name", "Name").required(),
        FieldSpec::boolean("/enabled", "Enabled").default_value(json!(true)),
        FieldSpec::text("/username", "Post as")
            .required()
            .help("An existing user's username; Rocket.Chat gives that user the bot role."),
        FieldSpec::text("/alias", "Alias").help("The name shown on its messages instead of the user's."),
        FieldSpec::url("/avatar", "Avatar URL").help("An image URL shown on its messages."),
        FieldSpec::text("/emoji", "Emoji")
            .pattern("an emoji name between colons, like :ghost:", is_emoji)
            .help("Shown instead of the avatar, like :ghost:."),
        FieldSpec::boolean("/scriptEnabled", "Script enabled").default_value(json!(false)),
        FieldSpec::multiline("/script", "Script").help(
            "JavaScript run on each message. A script that does not compile is still saved; Rocket.Chat's error then shows on the integration's page.",
        ),
    ])
}

fn incoming_channel() -> FieldSpec {
    FieldSpec::text("/channel", "Post to channel")
        .required()
        .check(incoming_channels)
        .help("#room or @user; several separated by commas.")
}

fn outgoing_fields() -> Vec<FieldSpec> {
    let events = EVENTS
        .iter()
        .map(|(event, title, uses_channel)| {
            let mut fields = Vec::new();
            if *uses_channel {
                fields.push(
                    FieldSpec::text("/channel", "Channel")
                        .required()
                        .check(outgoing_channels)
                        .help("#room or @user, or all_public_channels, all_private_groups, all_direct_messages; several separated by commas."),
                );
            }
            if *event == "sendMessage" {
                fields.push(
                    FieldSpec::string_list("/triggerWords", "Trigger words")
                        .help("Only messages starting with one of these words are sent; none: every message."),
                );
                fields.push(FieldSpec::boolean(
                    "/triggerWordAnywhere",
                    "Trigger words anywhere in the message",
                ));
                fields.push(FieldSpec::boolean("/runOnEdits", "Also when a message is edited"));
            }
            if *event == "userCreated" {
                fields.push(
                    FieldSpec::text("/targetRoom", "Post responses to")
                        .required()
                        .check(target_room)
                        .help("#room or @user where the target's responses are posted."),
                );
            }
            Variant::new(*event, *title, fields)
        })
        .collect();
    vec![
        FieldSpec::one_of("/event", "Event", events)
            .required()
            .default_value(json!("sendMessage")),
        FieldSpec::string_list("/urls", "URLs")
            .http_only()
            .min_items(1)
            .help("Where each event is posted; blank lines are dropped."),
        FieldSpec::secret("/token", "Token")
            .help("Sent to the URLs so they can check the call came from Rocket.Chat."),
        FieldSpec::boolean("/impersonateUser", "Impersonate the user who posted"),
        FieldSpec::boolean("/retryFailedCalls", "Retry failed calls"),
        FieldSpec::integer("/retryCount", "Retries")
            .help("Empty or 0 means Rocket.Chat's default, 4."),
        FieldSpec::choice(
            "/retryDelay",
            "Retry delay",
            vec![
                Choice::new("powers-of-ten", "Powers of ten (0.1 s, 1 s, 10 s, …)"),
                Choice::new("powers-of-two", "Powers of two (2 s, 4 s, 8 s, …)"),
                Choice::new("increments-of-two", "Increments of two (2 s, 4 s, 6 s, …)"),
            ],
        )
        .default_value(json!("powers-of-ten")),
    ]
}

/// The list's filters: the server's `type` and `name` (7.0+; the browser filters too).
pub fn list_filters() -> FormSpec {
    FormSpec::new(vec![
        FieldSpec::choice(
            "/type",
            "Type",
            vec![
                Choice::new("", "Incoming and outgoing"),
                Choice::new(INCOMING, "Incoming webhooks"),
                Choice::new(OUTGOING, "Outgoing webhooks"),
            ],
        ),
        FieldSpec::text("/name", "Name contains"),
    ])
}

/// The comma-separated entries of a channel field, trimmed.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split(',').map(str::trim)
}

fn starts_as_room_or_user(entry: &str) -> bool {
    entry.len() > 1 && (entry.starts_with('#') || entry.starts_with('@'))
}

fn incoming_channels(text: &str) -> Result<(), String> {
    match entries(text).find(|e| !starts_as_room_or_user(e)) {
        None => Ok(()),
        Some(bad) => Err(format!(
            "“{bad}”: each entry starts with # (a room) or @ (a user)"
        )),
    }
}

fn outgoing_channels(text: &str) -> Result<(), String> {
    let scoped = |e: &str| SCOPED.contains(&e.to_ascii_lowercase().as_str());
    match entries(text).find(|e| !starts_as_room_or_user(e) && !scoped(e)) {
        None => Ok(()),
        Some(bad) => Err(format!(
            "“{bad}”: each entry starts with # (a room) or @ (a user), or is all_public_channels, all_private_groups or all_direct_messages"
        )),
    }
}

fn target_room(text: &str) -> Result<(), String> {
    if starts_as_room_or_user(text.trim()) {
        Ok(())
    } else {
        Err("starts with # (a room) or @ (a user)".into())
    }
}

fn is_emoji(text: &str) -> bool {
    text.len() > 2
        && text.starts_with(':')
        && text.ends_with(':')
        && !text[1..text.len() - 1].contains([':', ' '])
}

#[cfg(test)]
#[path = "spec_tests.rs"]
mod tests;
