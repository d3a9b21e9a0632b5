//! Read-only: a connection, or the whole console, that only looks. The fetch layer asks
//! `refusal` before every request, so nothing but a read ever leaves a locked connection,
//! whatever a page offers; the pages ask `lock_reason` to disable their write controls and say
//! why.

use serde::{Deserialize, Deserializer, Serialize};

use super::request::Method;

/// A connection's own switch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadOnly {
    /// Writes are allowed (unless the console is read-only).
    #[default]
    Off,
    /// Read-only until someone switches it off in the connection's settings.
    On,
    /// Read-only until the connection's credentials are replaced: for a connection handed
    /// over in a file, whose receiver should look before changing anything.
    UntilNewCredentials,
}

impl ReadOnly {
    /// The forms' and files' word for it.
    pub fn slug(self) -> &'static str {
        match self {
            ReadOnly::Off => "off",
            ReadOnly::On => "on",
            ReadOnly::UntilNewCredentials => "until_new_credentials",
        }
    }

    /// Reads a form's or file's word for it; `true`/`false` are read as on/off too.
    pub fn parse(word: &str) -> Option<ReadOnly> {
        match word {
            "off" | "false" => Some(ReadOnly::Off),
            "on" | "true" => Some(ReadOnly::On),
            "until_new_credentials" => Some(ReadOnly::UntilNewCredentials),
            _ => None,
        }
    }

    pub fn is_off(&self) -> bool {
        *self == ReadOnly::Off
    }

    /// What it becomes once new credentials are saved: a lock that waited for them lifts.
    pub fn after_new_credentials(self) -> ReadOnly {
        match self {
            ReadOnly::UntilNewCredentials => ReadOnly::Off,
            other => other,
        }
    }
}

/// Reads `true`, `false` or one of the words; anything else is refused with the reason, so a
/// file cannot unlock a connection by misspelling its lock.
impl<'de> Deserialize<'de> for ReadOnly {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through a JSON value, which the app reads everywhere: an untagged enum of its own
        // would cost the wasm more.
        let written = serde_json::Value::deserialize(deserializer)?;
        let word = match &written {
            serde_json::Value::Bool(flag) => Some(if *flag { "on" } else { "off" }),
            serde_json::Value::String(word) => Some(word.as_str()),
            _ => None,
        };
        word.and_then(ReadOnly::parse).ok_or_else(|| {
            serde::de::Error::custom(
                "read_only must be true, false, \"on\", \"off\" or \"until_new_credentials\"",
            )
        })
    }
}

/// Why writes are refused for a connection, if they are: the console's switch first, then the
/// connection's own.
pub fn lock_reason(console: bool, connection: ReadOnly) -> Option<&'static str> {
    if console {
        return Some("The console is read-only: switch it off in the header to make changes.");
    }
    match connection {
        ReadOnly::Off => None,
        ReadOnly::On => {
            Some("This connection is read-only: switch it off in its settings to make changes.")
        }
        ReadOnly::UntilNewCredentials => {
            Some("This connection is read-only until its credentials are replaced in its settings.")
        }
    }
}

/// Why the fetch layer refuses to send a request, if it does: under a lock only reads leave.
pub fn refusal(method: Method, lock: Option<&str>) -> Option<String> {
    if method == Method::Get {
        return None;
    }
    lock.map(|why| format!("Not sent ({}): {why}", method.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_a_lock_only_reads_leave() {
        let why = Some("This connection is read-only.");
        assert_eq!(refusal(Method::Get, why), None);
        for method in [Method::Post, Method::Put, Method::Patch, Method::Delete] {
            let refused = refusal(method, why).expect("a write is refused");
            assert!(refused.contains(method.as_str()) && refused.ends_with("read-only."));
            assert_eq!(refusal(method, None), None, "unlocked, it goes");
        }
    }

    #[test]
    fn the_console_switch_wins_and_each_lock_says_how_it_lifts() {
        assert_eq!(lock_reason(false, ReadOnly::Off), None);
        assert!(lock_reason(true, ReadOnly::Off).unwrap().contains("header"));
        assert!(lock_reason(true, ReadOnly::On).unwrap().contains("console"));
        assert!(lock_reason(false, ReadOnly::On)
            .unwrap()
            .contains("settings"));
        assert!(lock_reason(false, ReadOnly::UntilNewCredentials)
            .unwrap()
            .contains("credentials are replaced"));
    }

    #[test]
    fn only_new_credentials_lift_the_lock_that_waits_for_them() {
        assert_eq!(
            ReadOnly::UntilNewCredentials.after_new_credentials(),
            ReadOnly::Off
        );
        assert_eq!(ReadOnly::On.after_new_credentials(), ReadOnly::On);
        assert_eq!(ReadOnly::Off.after_new_credentials(), ReadOnly::Off);
    }

    #[test]
    fn files_say_it_as_a_flag_or_a_word_and_a_misspelt_lock_is_refused() {
        let read = |text: &str| serde_json::from_str::<ReadOnly>(text);
        assert_eq!(read("true").unwrap(), ReadOnly::On);
        assert_eq!(read("false").unwrap(), ReadOnly::Off);
        assert_eq!(
            read("\"until_new_credentials\"").unwrap(),
            ReadOnly::UntilNewCredentials
        );
        assert_eq!(read("\"on\"").unwrap(), ReadOnly::On);
        assert!(read("\"until-new-credentials\"").is_err());
        assert!(read("1").is_err());
        assert_eq!(
            serde_json::to_string(&ReadOnly::UntilNewCredentials).unwrap(),
            "\"until_new_credentials\""
        );
        for lock in [ReadOnly::Off, ReadOnly::On, ReadOnly::UntilNewCredentials] {
            assert_eq!(ReadOnly::parse(lock.slug()), Some(lock));
        }
    }
}
