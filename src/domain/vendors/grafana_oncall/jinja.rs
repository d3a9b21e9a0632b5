//! A syntax pre-check for OnCall's Jinja templates, run before anything is sent: every `{{`,
//! `{%` and `{#` is closed, block tags (`if`, `for`, `macro`, …) are closed in order, and
//! `elif`/`else` sit inside a block that takes them. It is not a Jinja parser: expressions are
//! not checked (the engine still has the last word), but the mistakes people actually make are
//! caught with the line they are on. A stray `}}` in plain text is allowed: templates that build
//! JSON end with one legitimately.

/// Tags that open a block closed by `end<tag>`. `set` only opens one without `=`.
const BLOCKS: [&str; 11] = [
    "if",
    "for",
    "macro",
    "call",
    "filter",
    "with",
    "block",
    "autoescape",
    "raw",
    "trans",
    "set",
];

pub fn check(template: &str) -> Result<(), String> {
    let mut scanner = Scanner {
        text: template,
        at: 0,
    };
    let mut open: Vec<(String, usize)> = Vec::new();
    while let Some((kind, start)) = scanner.next_delimiter() {
        let line = scanner.line_of(start);
        match kind {
            Delimiter::StrayClose(closer) => {
                return Err(format!("line {line}: “{closer}” closes no tag"))
            }
            Delimiter::Comment => {
                scanner.skip_past("#}").ok_or_else(|| {
                    format!("line {line}: the comment “{{#” is never closed (expected “#}}”)")
                })?;
            }
            Delimiter::Expression => {
                scanner
                    .tag_body("{{")
                    .map_err(|problem| format!("line {line}: {problem}"))?;
            }
            Delimiter::Statement => {
                let body = scanner
                    .tag_body("{%")
                    .map_err(|problem| format!("line {line}: {problem}"))?;
                statement(&body, line, &mut open, &mut scanner)?;
            }
        }
    }
    match open.pop() {
        Some((tag, line)) => Err(format!(
            "line {line}: {{% {tag} %}} is never closed (expected {{% end{tag} %}})"
        )),
        None => Ok(()),
    }
}

/// Applies one `{% … %}` to the stack of open blocks.
fn statement(
    body: &str,
    line: usize,
    open: &mut Vec<(String, usize)>,
    scanner: &mut Scanner,
) -> Result<(), String> {
    let body = body.trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
    let name: String = body
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if name.is_empty() {
        return Err(format!("line {line}: a {{% %}} tag with no name"));
    }
    if name == "raw" {
        return scanner.skip_raw().ok_or_else(|| {
            format!("line {line}: {{% raw %}} is never closed (expected {{% endraw %}})")
        });
    }
    if let Some(closed) = name.strip_prefix("end") {
        return match open.pop() {
            None => Err(format!("line {line}: {{% {name} %}} closes no block")),
            Some((tag, _)) if tag == closed => Ok(()),
            Some((tag, opened)) => Err(format!(
                "line {line}: {{% {name} %}} found where {{% {tag} %}} from line {opened} needs {{% end{tag} %}}"
            )),
        };
    }
    match name.as_str() {
        "elif" | "else" => {
            let takes = |tag: &str| tag == "if" || (name == "else" && tag == "for");
            if !open.last().is_some_and(|(tag, _)| takes(tag)) {
                let within = if name == "else" {
                    "{% if %} or {% for %}"
                } else {
                    "{% if %}"
                };
                return Err(format!("line {line}: {{% {name} %}} outside any {within}"));
            }
        }
        "set" if has_assignment(body) => {}
        block if BLOCKS.contains(&block) => open.push((name, line)),
        _ => {}
    }
    Ok(())
}

/// `set x = …` assigns; `set x` opens a block.
fn has_assignment(body: &str) -> bool {
    let mut quote = None;
    for c in body.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '=') => return true,
            _ => {}
        }
    }
    false
}

enum Delimiter {
    Expression,
    Statement,
    Comment,
    StrayClose(&'static str),
}

struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl Scanner<'_> {
    fn line_of(&self, at: usize) -> usize {
        self.text[..at].matches('\n').count() + 1
    }

    /// The next opening delimiter in plain text (or a stray `%}` / `#}`), moving past it.
    fn next_delimiter(&mut self) -> Option<(Delimiter, usize)> {
        let rest = &self.text[self.at..];
        let candidates = [("{{", 0), ("{%", 1), ("{#", 2), ("%}", 3), ("#}", 4)];
        let (offset, which) = candidates
            .iter()
            .filter_map(|(needle, which)| rest.find(needle).map(|at| (at, *which)))
            .min()?;
        let start = self.at + offset;
        self.at = start + 2;
        let kind = match which {
            0 => Delimiter::Expression,
            1 => Delimiter::Statement,
            2 => Delimiter::Comment,
            3 => Delimiter::StrayClose("%}"),
            _ => Delimiter::StrayClose("#}"),
        };
        Some((kind, start))
    }

    fn skip_past(&mut self, needle: &str) -> Option<()> {
        let found = self.text[self.at..].find(needle)?;
        self.at += found + needle.len();
        Some(())
    }

    /// Moves past the closer of the tag just `opened` (`}}` for `{{`, `%}` for `{%`) and
    /// returns the tag's body. String literals may hold anything; `{ }` pairs (dict literals)
    /// are skipped; another tag opening first is a mistake.
    fn tag_body(&mut self, opened: &str) -> Result<String, String> {
        let closer = if opened == "{{" { '}' } else { '%' };
        let (mut depth, mut quote) = (0usize, None);
        let rest = &self.text[self.at..];
        let mut chars = rest.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let next = chars.peek().map(|(_, n)| *n);
            match (quote, c) {
                (Some(_), '\\') => {
                    chars.next();
                }
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '{') if next == Some('%') || (closer == '%' && next == Some('{')) => {
                    return Err(format!(
                        "“{opened}” is not closed before another tag starts"
                    ))
                }
                (None, '{') => depth += 1,
                (None, '}') if depth > 0 => depth -= 1,
                (None, c) if c == closer && next == Some('}') => {
                    self.at += offset + 2;
                    return Ok(rest[..offset].to_string());
                }
                _ => {}
            }
        }
        Err(format!(
            "“{opened}” is never closed (expected “{closer}}}”)"
        ))
    }

    /// Skips a raw block's verbatim content up to and past its `{% endraw %}`. Inside it,
    /// nothing is a tag but that closer, so `{% raw %}{% if {% endraw %}` is whole.
    fn skip_raw(&mut self) -> Option<()> {
        loop {
            let open = self.text[self.at..].find("{%")?;
            let after = self.at + open + 2;
            if let Some(length) = endraw_length(&self.text[after..]) {
                self.at = after + length;
                return Some(());
            }
            self.at = after;
        }
    }
}

/// The length of `[-+]? ws endraw ws [-+]? %}` at the start of `text`, if it is there.
fn endraw_length(text: &str) -> Option<usize> {
    let rest = text.strip_prefix(['-', '+']).unwrap_or(text);
    let rest = rest.trim_start().strip_prefix("endraw")?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(['-', '+']).unwrap_or(rest);
    let rest = rest.strip_prefix("%}")?;
    Some(text.len() - rest.len())
}

#[cfg(test)]
#[path = "jinja_tests.rs"]
mod tests;
