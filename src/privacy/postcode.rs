//! Dutch postcodes: four digits (the first not 0) and two letters, "1234 AB" or "1234AB".
//! The letter pairs SA, SD and SS are never issued. Lowercase letters count only when
//! written against the digits ("1234ab"): with a space, "2019 op" is a year and a word.

use super::text::{char_at, char_before};
use super::{Finding, FindingKind};

/// Letter pairs that are not used in Dutch postcodes.
const NOT_ISSUED: &[&str] = &["SA", "SD", "SS"];

pub(super) fn find(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(end) = postcode_at(text, i) {
            out.push(Finding::at(FindingKind::Postcode, text, i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

fn postcode_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits = bytes.get(i..i + 4)?;
    if !digits.iter().all(u8::is_ascii_digit) || digits.first() == Some(&b'0') {
        return None;
    }
    if char_before(text, i).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let spaced = bytes.get(i + 4) == Some(&b' ');
    let letters_at = if spaced { i + 5 } else { i + 4 };
    let letters = bytes.get(letters_at..letters_at + 2)?;
    let upper = letters.iter().all(u8::is_ascii_uppercase);
    let lower = letters.iter().all(u8::is_ascii_lowercase);
    if !(upper || (lower && !spaced)) {
        return None;
    }
    let end = letters_at + 2;
    if char_at(text, end).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let pair = text.get(letters_at..end)?.to_ascii_uppercase();
    (!NOT_ISSUED.contains(&pair.as_str())).then_some(end)
}
