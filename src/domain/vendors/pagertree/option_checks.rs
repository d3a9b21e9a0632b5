//! The checks PagerTree's server applies to option values, done the same way before sending.

/// The server's `url: {no_local: true}` (the validate_url gem) refuses a host without a dot:
/// `localhost`, `intranet`, a bare machine name.
pub(super) fn full_domain_host(text: &str) -> Result<(), String> {
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
pub(super) fn record_emails(text: &str) -> Result<(), String> {
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
