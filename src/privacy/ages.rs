//! Ages, reported only together with a place in the same sentence: "een 78-jarige vrouw uit
//! Arnhem", "een man van 45 uit Zwolle", "45 jaar, woont in Ede", "Jan (45) uit Zwolle",
//! "a 52-year-old from Leeds". An age alone or a place alone identifies no one; together
//! they narrow a person down a lot.
//!
//! Ages recognised: "78-jarige" / "78 jarige", "45 jaar (oud)", "45 jr", "man van 45",
//! "leeftijd: 45", "(45)" after a name or a person noun, "52-year-old", "52 years old",
//! "aged 52". "N jaar" is read as a duration, not an age, after words such as "al", "sinds",
//! "na" ("al 10 jaar in Utrecht") and before words such as "geleden" or "getrouwd".

use super::text::{Span, Token, after_space, prev_index};
use super::words;
use super::{Finding, FindingKind};

/// The oldest age taken for an age.
const MAX_AGE_YEARS: u32 = 120;

/// Ages paired with the nearest place in the same sentence, as findings spanning both.
pub(super) fn find(text: &str, tokens: &[Token<'_>], places: &[Span]) -> Vec<Finding> {
    let mut spans: Vec<(usize, usize)> = ages(tokens)
        .iter()
        .filter_map(|age| {
            places
                .iter()
                .filter(|p| p.sentence == age.sentence)
                .min_by_key(|p| gap(age, p))
                .map(|p| (age.start.min(p.start), age.end.max(p.end)))
        })
        .collect();
    spans.sort_unstable();

    // Two ages that share a place give one finding.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
        .into_iter()
        .map(|(start, end)| Finding::at(FindingKind::AgeWithPlace, text, start, end))
        .collect()
}

/// Bytes between two spans (0 when they touch or overlap).
fn gap(a: &Span, b: &Span) -> usize {
    if b.start >= a.end {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Every age in the text.
fn ages(tokens: &[Token<'_>]) -> Vec<Span> {
    (0..tokens.len())
        .filter_map(|i| {
            let (first, last) = age_at(tokens, i)?;
            let (first, last) = (tokens.get(first)?, tokens.get(last)?);
            Some(Span {
                start: first.start,
                end: last.end,
                sentence: first.sentence,
            })
        })
        .collect()
}

fn word_is(tokens: &[Token<'_>], i: Option<usize>, words: &[&str]) -> bool {
    i.and_then(|i| tokens.get(i))
        .is_some_and(|t| t.is_word() && words.contains(&t.lower().as_str()))
}

fn word_where(tokens: &[Token<'_>], i: Option<usize>, test: impl Fn(&str) -> bool) -> bool {
    i.and_then(|i| tokens.get(i))
        .is_some_and(|t| t.is_word() && test(&t.lower()))
}

/// The word after `i`: after white space, a hyphen, or directly ("78jarige").
fn next_word(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let n = i + 1;
    let t = tokens.get(n)?;
    let w = if t.is_inline_space() || t.is_punct('-') {
        n + 1
    } else {
        n
    };
    tokens.get(w).filter(|t| t.is_word()).map(|_| w)
}

/// The age whose number is token `i`, as the indices of its first and last token.
fn age_at(tokens: &[Token<'_>], i: usize) -> Option<(usize, usize)> {
    let years = tokens.get(i)?.value(3)?;
    if !(1..=MAX_AGE_YEARS).contains(&years) {
        return None;
    }

    // "Jan (45)", "vrouw (45)"
    if let Some(open) = i.checked_sub(1)
        && tokens.get(open).is_some_and(|t| t.is_punct('('))
        && tokens.get(i + 1).is_some_and(|t| t.is_punct(')'))
    {
        let before = prev_index(tokens, open).and_then(|p| tokens.get(p));
        if before
            .is_some_and(|t| t.is_word() && (t.starts_upper() || words::is_person_noun(&t.lower())))
        {
            return Some((open, i + 1));
        }
    }

    // "aged 52", "leeftijd: 45", "leeftijd van 45", "man van 45": the age starts at the cue.
    let prev = prev_index(tokens, i);
    let prev_tok = prev.and_then(|p| tokens.get(p));
    let cue = if word_is(tokens, prev, &["aged", "age", "leeftijd"]) {
        prev
    } else if prev_tok.is_some_and(|t| t.is_punct(':') || t.is("van")) {
        let before = prev.and_then(|p| prev_index(tokens, p));
        if word_is(tokens, before, &["leeftijd", "age"]) {
            before
        } else if prev_tok.is_some_and(|t| t.is("van"))
            && word_where(tokens, before, words::is_person_noun)
        {
            prev
        } else {
            None
        }
    } else {
        None
    };
    let first = cue.unwrap_or(i);

    let word = next_word(tokens, i);
    // "78-jarige"
    if word_is(tokens, word, &["jarige", "jarig"]) {
        return Some((first, word?));
    }
    // "52-year-old" (one hyphenated word), "52 years old"
    if word_is(tokens, word, &["year-old", "years-old"]) {
        return Some((first, word?));
    }
    if word_is(tokens, word, &["year", "years"]) {
        let old = next_word(tokens, word?);
        if word_is(tokens, old, &["old"]) {
            return Some((first, old?));
        }
    }
    // "45 jaar", "45 jaar oud", "45 jr."
    if word_is(tokens, word, &["jaar", "jr"]) {
        let mut last = word?;
        if tokens.get(last + 1).is_some_and(|t| t.is_punct('.')) {
            last += 1;
        }
        let after = after_space(tokens, last);
        if word_is(tokens, after, &["oud"]) {
            return Some((first, after?));
        }
        let duration = cue.is_none()
            && (word_where(tokens, prev, words::is_duration_before)
                || word_where(tokens, after, words::is_duration_after));
        return if duration { None } else { Some((first, last)) };
    }
    cue.map(|c| (c, i))
}
