//! Phone numbers.
//!
//! - Dutch, national: a 0 and nine more digits, grouped as people write them: 0612345678,
//!   06-12345678, 06 1234 5678, 020-1234567, (020) 123 45 67.
//! - International: + or 00, a country code and the number, 8 to 15 digits in all (E.164):
//!   +31 6 12345678, +31 (0)6 12345678, 0031 6 12345678, +44 20 7946 0958. For +31 exactly
//!   nine digits follow the country code.
//!
//! Years (2019), birth dates (12-03-1985) and BSNs (nine digits, no leading 0) never have
//! the shape of a phone number.

use super::text::char_before;
use super::{Finding, FindingKind};

/// Digit groups are joined by one of these, or directly after a bracket.
fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.' | b'/')
}

pub(super) fn find(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if starts_number(text, i)
            && let Some(end) = phone_at(text, i)
        {
            out.push(Finding::at(FindingKind::Phone, text, i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a phone number may start at byte `i`: a +, a digit or an opening bracket, not in
/// the middle of a word or of a longer number.
fn starts_number(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(i) else {
        return false;
    };
    if !(b == b'+' || b == b'(' || b.is_ascii_digit()) {
        return false;
    }
    match char_before(text, i) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '+' => false,
        Some('-' | '.' | '/') => !i
            .checked_sub(2)
            .and_then(|p| bytes.get(p))
            .is_some_and(u8::is_ascii_digit),
        Some(_) => true,
    }
}

/// A group of digits: byte range and whether it stood in brackets.
#[derive(Clone, Copy, Debug)]
struct Group {
    start: usize,
    end: usize,
    bracketed: bool,
}

fn digits_end(bytes: &[u8], from: usize) -> usize {
    let mut e = from;
    while bytes.get(e).is_some_and(u8::is_ascii_digit) {
        e += 1;
    }
    e
}

/// The end of the longest phone number starting at byte `i`.
fn phone_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let plus = bytes.get(i) == Some(&b'+');
    let mut pos = if plus { i + 1 } else { i };
    let mut groups: Vec<Group> = Vec::new();
    let mut best = None;
    let mut digit_count = 0;
    while digit_count <= 17 {
        let bracketed = bytes.get(pos) == Some(&b'(');
        let start = if bracketed { pos + 1 } else { pos };
        let end = digits_end(bytes, start);
        if end == start {
            break;
        }
        if bracketed {
            if bytes.get(end) != Some(&b')') {
                break;
            }
            pos = end + 1;
        } else {
            pos = end;
        }
        digit_count += end - start;
        groups.push(Group {
            start,
            end,
            bracketed,
        });
        if is_phone(text, &groups, plus) {
            best = Some(pos);
        }
        match bytes.get(pos) {
            Some(&s)
                if is_separator(s)
                    && bytes
                        .get(pos + 1)
                        .is_some_and(|&n| n.is_ascii_digit() || n == b'(') =>
            {
                pos += 1;
            }
            Some(&n) if n == b'(' || (bracketed && n.is_ascii_digit()) => {}
            _ => break,
        }
    }
    best
}

fn is_phone(text: &str, groups: &[Group], plus: bool) -> bool {
    let digits_of = |g: &Group| text.get(g.start..g.end).unwrap_or_default();
    let digits: String = groups.iter().map(digits_of).collect();
    let international = plus || digits.starts_with("00");
    if !international {
        return digits.starts_with('0') && digits.len() == 10;
    }
    if plus && groups.first().is_some_and(|g| g.bracketed) {
        return false;
    }
    // The national trunk 0 in "+31 (0)6 ..." is not dialled.
    let dialled: String = groups
        .iter()
        .filter(|g| !(g.bracketed && digits_of(g) == "0"))
        .map(digits_of)
        .collect();
    let number = if plus {
        dialled.as_str()
    } else {
        dialled.strip_prefix("00").unwrap_or_default()
    };
    if number.is_empty() || number.starts_with('0') {
        return false;
    }
    if number.starts_with("31") {
        number.len() == 11
    } else {
        (8..=15).contains(&number.len())
    }
}
