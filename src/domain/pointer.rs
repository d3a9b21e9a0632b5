//! JSON pointers (RFC 6901) name a field everywhere: in a FormSpec, in a draft value, and in
//! the errors a vendor or the validator reports. These helpers read and write drafts by pointer.

use serde_json::{Map, Value};

/// The pointer of the whole document: errors stored under it are shown once, at form level.
pub const FORM_LEVEL: &str = "";

/// The value at `pointer`, or `None` when any step is missing.
pub fn get<'a>(value: &'a Value, pointer: &str) -> Option<&'a Value> {
    value.pointer(pointer)
}

/// A text view of the value at `pointer`: strings as-is, numbers and booleans printed, else "".
pub fn get_text(value: &Value, pointer: &str) -> String {
    match get(value, pointer) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// Writes `new` at `pointer`, creating the objects on the way. Writing through a non-object
/// (an array index, a string) replaces it with an object: drafts are objects all the way down.
pub fn set(value: &mut Value, pointer: &str, new: Value) {
    let tokens = tokens(pointer);
    if tokens.is_empty() {
        *value = new;
        return;
    }
    let mut current = value;
    for token in &tokens[..tokens.len() - 1] {
        current = ensure_object(current)
            .entry(token.clone())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    ensure_object(current).insert(tokens[tokens.len() - 1].clone(), new);
}

/// Removes the value at `pointer` and returns it, leaving parents in place.
pub fn remove(value: &mut Value, pointer: &str) -> Option<Value> {
    let tokens = tokens(pointer);
    let (last, parents) = tokens.split_last()?;
    let mut current = value;
    for token in parents {
        current = current.as_object_mut()?.get_mut(token)?;
    }
    current.as_object_mut()?.remove(last)
}

/// The unescaped reference tokens of a pointer (`~1` is `/`, `~0` is `~`).
pub fn tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Joins a parent pointer and one child token, escaping the token.
pub fn child(parent: &str, token: &str) -> String {
    format!("{parent}/{}", token.replace('~', "~0").replace('/', "~1"))
}

/// Whether a value counts as "not given": missing, null, blank text, or an empty list/object.
pub fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => is_blank_text(s),
        Some(Value::Array(items)) => items.iter().all(|item| is_blank(Some(item))),
        Some(Value::Object(map)) => map.is_empty(),
        Some(_) => false,
    }
}

/// Text that shows nothing: whitespace and invisible format characters (zero-width space and
/// joiners, word joiner, byte-order mark, soft hyphen). A name made only of them is no name.
pub fn is_blank_text(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
            )
    })
}

fn ensure_object(value: &mut Value) -> &mut Map<String, Value> {
    if !value.is_object() {
        *value = Value::Object(Map::new());
    }
    value.as_object_mut().expect("just made an object")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn set_creates_parents_and_get_reads_them_back() {
        let mut draft = json!({});
        set(&mut draft, "/target/url", json!("https://x.test"));
        assert_eq!(draft, json!({"target": {"url": "https://x.test"}}));
        assert_eq!(get_text(&draft, "/target/url"), "https://x.test");
        assert_eq!(get_text(&draft, "/target/missing"), "");
    }

    #[test]
    fn escaped_tokens_round_trip() {
        let pointer = child("/headers", "a/b~c");
        assert_eq!(pointer, "/headers/a~1b~0c");
        let mut draft = json!({});
        set(&mut draft, &pointer, json!(1));
        assert_eq!(draft, json!({"headers": {"a/b~c": 1}}));
        assert_eq!(get(&draft, &pointer), Some(&json!(1)));
    }

    #[test]
    fn remove_takes_the_leaf_only() {
        let mut draft = json!({"a": {"b": 1, "c": 2}});
        assert_eq!(remove(&mut draft, "/a/b"), Some(json!(1)));
        assert_eq!(draft, json!({"a": {"c": 2}}));
        assert_eq!(remove(&mut draft, "/x/y"), None);
    }

    #[test]
    fn blank_means_nothing_was_given() {
        assert!(is_blank(None));
        assert!(is_blank(Some(&json!(null))));
        assert!(is_blank(Some(&json!("  "))));
        assert!(is_blank(Some(&json!(["", " "]))));
        assert!(is_blank(Some(&json!({}))));
        assert!(!is_blank(Some(&json!(false))));
        assert!(!is_blank(Some(&json!(0))));
        assert!(!is_blank(Some(&json!(["x"]))));
    }

    #[test]
    fn root_pointer_replaces_the_document() {
        let mut draft = json!({"a": 1});
        set(&mut draft, FORM_LEVEL, json!([1]));
        assert_eq!(draft, json!([1]));
    }
}
