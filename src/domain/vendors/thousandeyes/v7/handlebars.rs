//! A syntax pre-check for ThousandEyes' Handlebars templates (a webhook operation's payload and
//! query parameters), run before anything is sent: every `{{` is closed, and block helpers
//! (`{{#each}}`, `{{#if}}`, `{{^unless}}`, partial blocks) are closed in order by their own
//! name. It never refuses what Handlebars accepts: expressions are not checked, a stray `}}`
//! in plain text is allowed (payloads that build JSON end with one), `\{{` is literal text, and
//! a template with raw blocks (`{{{{`) is left to the server.

pub fn check(template: &str) -> Result<(), String> {
    if template.contains("{{{{") {
        return Ok(());
    }
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut rest = template;
    let mut consumed = 0;
    while let Some(found) = rest.find("{{") {
        let start = consumed + found;
        let line = line_of(template, start);
        let escaped = template[..start].ends_with('\\');
        let after = &rest[found + 2..];
        if escaped {
            consumed = start + 2;
            rest = after;
            continue;
        }
        let (closer, body_from) = opener(after);
        let body_text = &after[body_from..];
        let Some(end) = body_text.find(closer) else {
            return Err(never_closed(line, closer));
        };
        let tag = body_text[..end].trim_matches('~').trim();
        if closer == "}}" {
            block(tag, line, &mut open)?;
        }
        let taken = found + 2 + body_from + end + closer.len();
        consumed += taken;
        rest = &rest[taken..];
    }
    match open.pop() {
        Some((name, line)) => Err(format!(
            "line {line}: the block {{{{#{name}}}}} is never closed (expected {{{{/{name}}}}})"
        )),
        None => Ok(()),
    }
}

/// What closes the tag that starts here, and where its body starts.
fn opener(after: &str) -> (&'static str, usize) {
    let tilde = usize::from(after.starts_with('~'));
    let inner = &after[tilde..];
    if inner.starts_with("!--") {
        ("--}}", tilde + 3)
    } else if inner.starts_with('!') {
        ("}}", tilde + 1)
    } else if inner.starts_with('{') {
        ("}}}", tilde + 1)
    } else {
        ("}}", tilde)
    }
}

/// Opens or closes a block; anything else is an expression, left to the server.
fn block(tag: &str, line: usize, open: &mut Vec<(String, usize)>) -> Result<(), String> {
    if let Some(opened) = tag.strip_prefix('#').or_else(|| tag.strip_prefix('^')) {
        let name = name_of(opened.trim_start_matches(['>', '*']));
        // `{{^}}` alone is an `else`.
        if !name.is_empty() {
            open.push((name.to_string(), line));
        }
        return Ok(());
    }
    let Some(closed) = tag.strip_prefix('/') else {
        return Ok(());
    };
    let name = name_of(closed);
    match open.pop() {
        Some((opened, _)) if opened == name => Ok(()),
        Some((opened, at)) => Err(format!(
            "line {line}: {{{{/{name}}}}} closes {{{{#{opened}}}}} from line {at} (expected {{{{/{opened}}}}})"
        )),
        None => Err(format!("line {line}: {{{{/{name}}}}} closes no block")),
    }
}

fn name_of(tag: &str) -> &str {
    let tag = tag.trim_start();
    let end = tag
        .find(|c: char| c.is_whitespace() || c == '}' || c == '~')
        .unwrap_or(tag.len());
    tag[..end].trim_matches('"')
}

fn never_closed(line: usize, closer: &str) -> String {
    format!("line {line}: “{{{{” is never closed (expected “{closer}”)")
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_what_handlebars_accepts() {
        for template in [
            "",
            "plain text }} with a stray closer",
            r#"{"property1": {{numericVar}}, "property2": "{{stringVar}}"}"#,
            "{{#each alerts}}{{name}}{{#if @last}}{{else}},{{/if}}{{/each}}",
            "{{~#if a~}} x {{~^~}} y {{~/if~}}",
            "{{^unless x}}no{{/unless}}",
            "{{{raw}}} and {{! a comment }} and {{!-- a }} comment --}}",
            r"\{{literal}} stays text",
            "{{#> layout}}body{{/layout}}",
            r#"{{#*inline "row"}}x{{/inline}}"#,
            "{{{{raw}}}} {{#unclosed {{{{/raw}}}}",
            r#"{"queryParam1":"{{stringVar}}"}"#,
        ] {
            assert_eq!(check(template), Ok(()), "{template}");
        }
    }

    #[test]
    fn names_the_line_of_what_is_never_closed() {
        assert_eq!(
            check("{\n  \"a\": \"{{alert.name\"\n}").unwrap_err(),
            "line 2: “{{” is never closed (expected “}}”)"
        );
        assert_eq!(
            check("{{#each alerts}}\n{{name}}").unwrap_err(),
            "line 1: the block {{#each}} is never closed (expected {{/each}})"
        );
        assert_eq!(
            check("{{!-- note }}").unwrap_err(),
            "line 1: “{{” is never closed (expected “--}}”)"
        );
    }

    #[test]
    fn blocks_close_in_order_by_their_own_name() {
        assert_eq!(
            check("{{#if a}}\n{{#each b}}{{/if}}{{/each}}").unwrap_err(),
            "line 2: {{/if}} closes {{#each}} from line 2 (expected {{/each}})"
        );
        assert_eq!(
            check("x {{/if}}").unwrap_err(),
            "line 1: {{/if}} closes no block"
        );
    }
}
