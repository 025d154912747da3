//! BSN (burgerservicenummer, the Dutch citizen service number): nine digits that pass the
//! elfproef, written as 123456782, 123.456.782, 123 456 782 or 1234 56 782.
//!
//! Eight-digit numbers are valid BSNs too (the official rule gives them a leading zero), so
//! [`bsn_elfproef`] accepts them; but one in eleven arbitrary eight-digit numbers passes, so
//! the scan only reports an eight-digit number right after "BSN", "burgerservicenummer" or
//! "sofinummer".

use super::text::{char_at, char_before};
use super::{Finding, FindingKind};

/// The elfproef weights for the nine digits.
const WEIGHTS: [i32; 9] = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/// How a BSN is written: group lengths, joined by dots or spaces.
const LAYOUTS: &[&[usize]] = &[&[9], &[3, 3, 3], &[4, 2, 3]];

/// Words that make an eight-digit number a BSN.
const CUES: &[&str] = &["bsn", "burgerservicenummer", "sofinummer", "sofi-nummer"];

/// How far before the number a cue may stand.
const CUE_WINDOW_BYTES: usize = 30;

/// Whether `digits` passes the BSN elfproef: 9 digits d1..d9 (or 8, which get a leading
/// zero, as the official BSN rule prescribes) with 9·d1 + 8·d2 + ... + 2·d8 − d9 divisible
/// by 11, and not all zeros. Anything other than ASCII digits (dots, spaces) fails: strip
/// them first.
///
/// ```
/// use kring::privacy::bsn_elfproef;
/// assert!(bsn_elfproef("123456782"));
/// assert!(!bsn_elfproef("123456789"));
/// ```
pub fn bsn_elfproef(digits: &str) -> bool {
    if !(digits.len() == 8 || digits.len() == 9) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let padded = format!("{digits:0>9}");
    let sum: i32 = padded
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| i32::from(b - b'0') * w)
        .sum();
    sum.rem_euclid(11) == 0 && padded.bytes().any(|b| b != b'0')
}

pub(super) fn find(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i).is_some_and(u8::is_ascii_digit)
            && left_ok(text, i)
            && let Some(end) = bsn_at(text, i)
        {
            out.push(Finding::at(FindingKind::Bsn, text, i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Not inside a word, a phone number (+31...) or a longer number (1.234.567.890, 12,50).
fn left_ok(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '+' => false,
        Some('.' | '-' | '/' | ',') => !i
            .checked_sub(2)
            .and_then(|p| text.as_bytes().get(p))
            .is_some_and(u8::is_ascii_digit),
        Some(_) => true,
    }
}

/// Nothing that continues the number follows at byte `end`.
fn right_ok(text: &str, end: usize, sep: Option<u8>) -> bool {
    let digit_at = |i: usize| text.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
    match char_at(text, end) {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('.' | '-' | '/' | ',') => !digit_at(end + 1),
        Some(' ') if sep == Some(b' ') => !digit_at(end + 1),
        Some(_) => true,
    }
}

fn is_cued(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(CUE_WINDOW_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..start).unwrap_or_default().to_lowercase();
    CUES.iter().any(|cue| before.contains(cue))
}

/// The end of a BSN starting at byte `i`.
fn bsn_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits_end = |from: usize| {
        let mut e = from;
        while bytes.get(e).is_some_and(u8::is_ascii_digit) {
            e += 1;
        }
        e
    };
    let mut groups = vec![(i, digits_end(i))];
    let mut sep = None;
    while groups.len() < 3 {
        let Some(&(_, end)) = groups.last() else {
            break;
        };
        let Some(&s) = bytes.get(end).filter(|&&s| s == b'.' || s == b' ') else {
            break;
        };
        if sep.is_some_and(|sep| sep != s) || !bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            break;
        }
        sep = Some(s);
        groups.push((end + 1, digits_end(end + 1)));
    }
    for k in (1..=groups.len()).rev() {
        let used = groups.get(..k)?;
        let lens: Vec<usize> = used.iter().map(|&(s, e)| e - s).collect();
        let layout_ok = LAYOUTS.contains(&lens.as_slice()) || (lens == [8] && is_cued(text, i));
        let end = used.last()?.1;
        if !layout_ok || !right_ok(text, end, if k > 1 { sep } else { None }) {
            continue;
        }
        let digits: String = used
            .iter()
            .map(|&(s, e)| text.get(s..e).unwrap_or_default())
            .collect();
        if bsn_elfproef(&digits) {
            return Some(end);
        }
    }
    None
}
