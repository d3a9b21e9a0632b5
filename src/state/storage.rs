//! Web Storage, tolerant of browsers that refuse it (private modes, quotas): a refusal reads
//! as "nothing stored" and a failed write is reported to the caller, never a panic.

use web_sys::Storage;

/// Which storage: localStorage outlives the tab (settings only), sessionStorage dies with it
/// (secrets, when the user asks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Local,
    Session,
}

fn area(which: Area) -> Option<Storage> {
    let window = web_sys::window()?;
    match which {
        Area::Local => window.local_storage().ok().flatten(),
        Area::Session => window.session_storage().ok().flatten(),
    }
}

pub fn read(which: Area, key: &str) -> Option<String> {
    area(which)?.get_item(key).ok().flatten()
}

/// Writes `value`; `false` when the browser refused.
pub fn write(which: Area, key: &str, value: &str) -> bool {
    area(which).is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(which: Area, key: &str) {
    if let Some(storage) = area(which) {
        let _ = storage.remove_item(key);
    }
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(which: Area, prefix: &str) -> Vec<String> {
    let Some(storage) = area(which) else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}
