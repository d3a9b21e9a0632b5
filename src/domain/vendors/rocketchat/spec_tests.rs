//! The form: each event's conditional fields, channel prefixes, emoji, URLs.

use serde_json::{json, Value};

use super::*;
use crate::domain::validate::validate;

fn errors(draft: Value) -> Vec<(String, Vec<String>)> {
    validate(&integration_form(None), &draft)
        .iter()
        .map(|(p, m)| (p.clone(), m.clone()))
        .collect()
}

fn incoming(channel: &str) -> Value {
    json!({"type": INCOMING, "name": "In", "enabled": true, "username": "rocket.cat", "scriptEnabled": false, "channel": channel})
}

fn outgoing(event: &str) -> Value {
    json!({"type": OUTGOING, "name": "Out", "enabled": true, "username": "rocket.cat", "scriptEnabled": false, "event": event, "urls": ["https://hooks.example.com/x"], "channel": "#general", "targetRoom": "#welcome"})
}

#[test]
fn an_incoming_channel_is_rooms_and_users_separated_by_commas() {
    assert!(errors(incoming("#general, @alice")).is_empty());
    for bad in ["general", "#general, alice", "#", "all_public_channels"] {
        let found = errors(incoming(bad));
        assert_eq!(found.len(), 1, "{bad}: {found:?}");
        assert_eq!(found[0].0, "/channel");
    }
    assert_eq!(
        errors(incoming(""))[0],
        ("/channel".into(), vec!["required".into()])
    );
}

#[test]
fn an_outgoing_channel_also_takes_the_scoped_names_and_only_where_the_event_uses_it() {
    let mut all = outgoing("sendMessage");
    all["channel"] = json!("all_public_channels,#ops,@bob");
    assert!(errors(all).is_empty());
    let mut bad = outgoing("fileUploaded");
    bad["channel"] = json!("everyone");
    assert_eq!(errors(bad)[0].0, "/channel");
    for (event, _, uses) in EVENTS {
        let mut draft = outgoing(event);
        draft["channel"] = json!("");
        let found = errors(draft);
        assert_eq!(found.iter().any(|(p, _)| p == "/channel"), uses, "{event}");
    }
}

#[test]
fn user_created_needs_a_target_room_and_trigger_words_belong_to_send_message() {
    let mut draft = outgoing("userCreated");
    draft["targetRoom"] = json!("");
    assert_eq!(
        errors(draft.clone()),
        [("/targetRoom".into(), vec!["required".into()])]
    );
    draft["targetRoom"] = json!("welcome");
    assert_eq!(errors(draft)[0].0, "/targetRoom");
    let form = integration_form(None);
    let active = |event: &str| -> Vec<String> {
        form.active_fields(&outgoing(event))
            .into_iter()
            .map(|f| f.pointer.clone())
            .collect()
    };
    assert!(active("sendMessage").contains(&"/triggerWords".to_string()));
    assert!(!active("messageEdited").contains(&"/triggerWords".to_string()));
    assert!(!active("roomCreated").contains(&"/channel".to_string()));
    assert!(active("userCreated").contains(&"/targetRoom".to_string()));
}

#[test]
fn urls_need_one_that_is_not_blank_and_the_emoji_sits_between_colons() {
    let mut draft = outgoing("sendMessage");
    draft["urls"] = json!(["", " "]);
    assert_eq!(
        errors(draft.clone()),
        [("/urls".into(), vec!["at least 1 item".into()])]
    );
    draft["urls"] = json!(["", "https://a.example.com"]);
    assert!(errors(draft.clone()).is_empty());
    for (emoji, ok) in [
        (":ghost:", true),
        ("ghost", false),
        ("::", false),
        (":a b:", false),
    ] {
        draft["emoji"] = json!(emoji);
        assert_eq!(errors(draft.clone()).is_empty(), ok, "{emoji}");
    }
}

#[test]
fn a_new_form_starts_incoming_and_enabled_and_the_edit_form_fixes_the_type() {
    assert_eq!(
        integration_form(None).initial_draft(),
        json!({"type": INCOMING, "enabled": true, "scriptEnabled": false})
    );
    let record = Record {
        id: "x".into(),
        raw: json!({"_id": "x", "type": OUTGOING}),
    };
    let form = integration_form(Some(&record));
    let kind = &form.fields[0];
    assert!(kind.read_only);
    assert_eq!(kind.allowed_values().unwrap(), [OUTGOING]);
}

#[test]
fn skip_transpile_is_offered_from_server_8_4_only() {
    let has = |version: &str| {
        with_server_version(integration_form(None), version_of(version))
            .all_pointers()
            .contains(&"/skipTranspile")
    };
    assert!(has("8.4.0") && has("8.10.1") && has("9.0.0"));
    assert!(!has("8.3.2") && !has("7.9.0") && !has("garbage"));
}
