//! Dates that may be a date of birth.
//!
//! Written as 12-03-1985, 12/3/85, 12.03.1985, 1985-03-12, 3 maart 1985, 12 March 1985,
//! March 12, 1985, 3 mrt. '85 or 12th of March 1985.
//!
//! - After a birth cue ("geboren op", "geb.", "geboortedatum:", "born on", "date of birth",
//!   "jarig op") any date counts, also a partial one: "geboren in 1985", "geb. 3 maart",
//!   "born in March 1985".
//! - Without a cue a date counts when it is a full date (day, month and year, and a real day
//!   of that month) with a year in [`PLAIN_DATE_YEARS`] or a two-digit year (which could be
//!   any of them). Such a date in a case is a date of birth or of an event in a client's life
//!   (an admission, an incident), and both can identify; a day-month ("op 3 maart") or a
//!   month-year ("in maart 2019") without a cue is too common to report.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use super::text::{Token, TokenKind, after_space};
use super::words;
use super::{Finding, FindingKind};

/// Years for which a full date is reported without a birth cue.
pub const PLAIN_DATE_YEARS: RangeInclusive<u32> = 1900..=2025;

/// Years taken for a year of birth after a birth cue ("geboren in 1985").
const CUED_YEARS: RangeInclusive<u32> = 1880..=2100;

#[derive(Clone, Copy, Debug)]
struct Year {
    value: u32,
    two_digits: bool,
}

/// A date found at tokens `first..=last`.
#[derive(Clone, Copy, Debug)]
struct Date {
    first: usize,
    last: usize,
    /// Day, month and year.
    full: bool,
    year: Option<Year>,
}

impl Date {
    /// Reported even without a birth cue.
    fn plausible(&self) -> bool {
        self.full
            && self
                .year
                .is_some_and(|y| y.two_digits || PLAIN_DATE_YEARS.contains(&y.value))
    }
}

pub(super) fn find(text: &str, tokens: &[Token<'_>]) -> Vec<Finding> {
    let cued = cued_starts(tokens);
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let is_cued = cued.contains(&i);
        let date = numeric(tokens, i)
            .or_else(|| written(tokens, i))
            .or_else(|| if is_cued { bare_year(tokens, i) } else { None });
        if let Some(d) = date
            && (is_cued || d.plausible())
            && let (Some(first), Some(last)) = (tokens.get(d.first), tokens.get(d.last))
        {
            out.push(Finding::at(
                FindingKind::DateOfBirth,
                text,
                first.start,
                last.end,
            ));
        }
    }
    out
}

/// Token indices where a date would follow a birth cue.
fn cued_starts(tokens: &[Token<'_>]) -> HashSet<usize> {
    let mut starts = HashSet::new();
    for (i, tok) in tokens.iter().enumerate() {
        if !tok.is_word() {
            continue;
        }
        let lower = tok.lower();
        let cue_end = if words::is_birth_cue(&lower) {
            i
        } else if lower == "geb" && tokens.get(i + 1).is_some_and(|t| t.is_punct('.')) {
            i + 1
        } else {
            continue;
        };
        let mut k = cue_end + 1;
        while let Some(t) = tokens.get(k)
            && k <= cue_end + 8
            && (t.is_inline_space()
                || matches!(t.kind, TokenKind::Punct(':' | ',' | '(' | '.'))
                || (t.is_word() && words::is_birth_filler(&t.lower())))
        {
            k += 1;
        }
        starts.insert(k);
    }
    starts
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(month: u32, year: Option<Year>) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(Year {
                value,
                two_digits: false,
            }) if !is_leap(value) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fn is_day_of(day: u32, month: u32, year: Option<Year>) -> bool {
    day >= 1 && day <= days_in_month(month, year)
}

fn date_sep(tok: Option<&Token<'_>>) -> Option<char> {
    match tok?.kind {
        TokenKind::Punct(c @ ('-' | '/' | '.')) => Some(c),
        _ => None,
    }
}

/// 12-03-1985, 12/3/85, 12.03.1985, 1985-03-12; day-month (12-03) for a cued date.
fn numeric(tokens: &[Token<'_>], i: usize) -> Option<Date> {
    let a = tokens.get(i).filter(|t| t.is_number())?;
    let sep = date_sep(tokens.get(i + 1))?;
    let b = tokens.get(i + 2).filter(|t| t.is_number())?;
    // Not the middle of a longer run such as 06-12-34-56-78.
    if let Some(p) = i.checked_sub(1)
        && date_sep(tokens.get(p)).is_some()
        && p.checked_sub(1)
            .and_then(|q| tokens.get(q))
            .is_some_and(|t| t.is_number())
    {
        return None;
    }
    let c = tokens
        .get(i + 4)
        .filter(|t| t.is_number() && tokens.get(i + 3).is_some_and(|s| s.is_punct(sep)));
    let last = if c.is_some() { i + 4 } else { i + 2 };
    if date_sep(tokens.get(last + 1)).is_some()
        && tokens.get(last + 2).is_some_and(|t| t.is_number())
    {
        return None;
    }
    let (la, lb) = (a.text.len(), b.text.len());
    let (va, vb) = (a.value(4)?, b.value(4)?);
    let Some(c) = c else {
        // Day and month only.
        return (la <= 2 && lb <= 2 && (1..=12).contains(&vb) && is_day_of(va, vb, None))
            .then_some(Date {
                first: i,
                last,
                full: false,
                year: None,
            });
    };
    let (lc, vc) = (c.text.len(), c.value(4)?);
    let full = |day: u32, month: u32, year: Year| {
        ((1..=12).contains(&month) && is_day_of(day, month, Some(year))).then_some(Date {
            first: i,
            last,
            full: true,
            year: Some(year),
        })
    };
    if la == 4 && lb <= 2 && lc <= 2 {
        let year = Year {
            value: va,
            two_digits: false,
        };
        return full(vc, vb, year);
    }
    if la <= 2 && lb <= 2 && (lc == 2 || lc == 4) {
        let year = Year {
            value: vc,
            two_digits: lc == 2,
        };
        // Day first; with slashes also the American month first (12/25/1985).
        return full(va, vb, year).or_else(|| if sep == '/' { full(vb, va, year) } else { None });
    }
    None
}

/// A year at token `k`: "1985" or "'85". Returns the year and its last token.
fn year_at(tokens: &[Token<'_>], k: usize) -> Option<(Year, usize)> {
    let t = tokens.get(k)?;
    if t.is_number() && t.text.len() == 4 {
        let value = t.value(4)?;
        return Some((
            Year {
                value,
                two_digits: false,
            },
            k,
        ));
    }
    if matches!(t.kind, TokenKind::Punct('\'' | '\u{2019}'))
        && let Some(n) = tokens.get(k + 1)
        && n.is_number()
        && n.text.len() == 2
    {
        let value = n.value(2)?;
        return Some((
            Year {
                value,
                two_digits: true,
            },
            k + 1,
        ));
    }
    None
}

/// A year after token `last`, after white space and an optional comma ("March 12, 1985").
fn year_after(tokens: &[Token<'_>], last: usize) -> Option<(Year, usize)> {
    let mut k = last;
    if tokens.get(k + 1).is_some_and(|t| t.is_punct(',')) {
        k += 1;
    }
    year_at(tokens, after_space(tokens, k)?)
}

/// The month word at `m`, with the full stop of an abbreviation ("mrt."): month and last token.
fn month_at(tokens: &[Token<'_>], m: usize) -> Option<(u32, usize)> {
    let t = tokens.get(m).filter(|t| t.is_word())?;
    let (month, abbreviated) = words::month_number(&t.lower())?;
    let dotted = abbreviated && tokens.get(m + 1).is_some_and(|t| t.is_punct('.'));
    Some((month, if dotted { m + 1 } else { m }))
}

/// Skips an ordinal ending written against a day number ("12th", "3e").
fn after_ordinal(tokens: &[Token<'_>], day: usize) -> usize {
    if tokens
        .get(day + 1)
        .is_some_and(|t| t.is_word() && words::is_ordinal(&t.lower()))
    {
        day + 1
    } else {
        day
    }
}

fn with_year(
    first: usize,
    last: usize,
    day: u32,
    month: u32,
    tokens: &[Token<'_>],
) -> Option<Date> {
    let year = year_after(tokens, last);
    if !is_day_of(day, month, year.map(|(y, _)| y)) {
        return None;
    }
    Some(match year {
        Some((year, last)) => Date {
            first,
            last,
            full: true,
            year: Some(year),
        },
        None => Date {
            first,
            last,
            full: false,
            year: None,
        },
    })
}

/// 3 maart 1985, 12th of March 1985, March 12, 1985, maart 1985; day-month for a cued date.
fn written(tokens: &[Token<'_>], i: usize) -> Option<Date> {
    let t = tokens.get(i)?;
    if t.is_number() {
        if date_sep(i.checked_sub(1).and_then(|p| tokens.get(p))).is_some() {
            return None;
        }
        let day = t.value(2)?;
        let mut m = after_space(tokens, after_ordinal(tokens, i))?;
        if tokens.get(m).is_some_and(|t| t.is("of")) {
            m = after_space(tokens, m)?;
        }
        let (month, last) = month_at(tokens, m)?;
        return with_year(i, last, day, month, tokens);
    }
    let (month, last) = month_at(tokens, i)?;
    let n = after_space(tokens, last)?;
    if let Some((year, year_last)) = year_at(tokens, n)
        && !year.two_digits
    {
        return Some(Date {
            first: i,
            last: year_last,
            full: false,
            year: Some(year),
        });
    }
    let day = tokens.get(n)?.value(2)?;
    with_year(i, after_ordinal(tokens, n), day, month, tokens)
}

/// A bare year after a birth cue: "geboren in 1985", "geb. '85".
fn bare_year(tokens: &[Token<'_>], i: usize) -> Option<Date> {
    let (year, last) = year_at(tokens, i)?;
    (year.two_digits || CUED_YEARS.contains(&year.value)).then_some(Date {
        first: i,
        last,
        full: false,
        year: Some(year),
    })
}
