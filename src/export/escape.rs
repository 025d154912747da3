//! The one escaping path of every export: text a person typed (names, agreements, cases,
//! advice, notes) goes through these functions before it reaches Markdown or HTML, so it
//! shows as typed and never becomes markup, a link, a table column or a script.
//!
//! - Markdown (CommonMark + GFM tables): `\ ` `` ` `` `* _ [ ] < > | & ~ { } !` get a
//!   backslash anywhere; `# - + =` and `1.` / `1)` get one at the start of a line (no heading,
//!   list or rule); line breaks inside one line or one table cell become a space or " / ".
//! - HTML (element content and quoted attribute values): `& < > " '` become entities.
//!
//! Labels of our own go through the same functions: a translation with a `*` in it stays
//! as it is too.

/// One line of text with Markdown's special characters escaped, so that text from the
/// record is shown as typed and never becomes markup (or raw HTML).
pub fn md_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '{' | '}' | '!'
        ) {
            out.push('\\');
        }
        if c == '\r' || c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    // At the start of a line these would make a heading, a list or a rule.
    let starts_block = out.starts_with(['#', '-', '+', '='])
        || out
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if starts_block && let Some(first_non_digit) = out.find(|c: char| !c.is_ascii_digit()) {
        out.insert(first_non_digit, '\\');
    }
    out
}

/// Text that may have several lines: each escaped, blank lines dropped, joined with hard
/// line breaks and indented by `indent` so they stay inside a list item.
pub fn md_text(text: &str, indent: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(|l| md_line(l.trim_start()))
        .collect();
    lines.join(&format!("  \n{indent}"))
}

/// A table cell: one line.
pub fn md_cell(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| md_line(l.trim()))
        .collect();
    lines.join(" / ")
}

/// Text for HTML element content and quoted attribute values: `& < > " '` become entities.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
