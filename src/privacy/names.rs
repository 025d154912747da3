//! Person names, and the places that the age detector pairs with an age.
//!
//! A name is a run of capitalised words that are not ordinary words ("Jan de Vries",
//! "J. de Vries", "mevrouw De Vries", "Jan-Willem"). Read as one run: particles
//! (van, de, der, den, ter, ten, 't ...) between capitalised words, and initials before them.
//!
//! A capital at the start of a sentence says nothing, so a single word there ("Marieke kwam
//! binnen.") is only a name when the same word is also written with a capital in the middle
//! of a sentence somewhere in the text. Two or more name words at a sentence start
//! ("Jan de Vries kwam binnen", "Jan Jansen belde") are a name: ordinary Dutch sentences do
//! not open with two capitalised words. Without a dictionary this is the honest limit: a
//! lone first name at a sentence start that never recurs mid-sentence is not found.
//!
//! A capitalised run right after "in", "uit", "te" (and a few more) is read as a place: it is
//! not reported on its own, only together with an age (see `ages`).

use std::collections::HashSet;

use super::text::{Span, Token, TokenKind, prev_index};
use super::words::{self, Cue};
use super::{Finding, FindingKind};

/// What a capitalised run is taken for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Person,
    Place,
    PlaceOrPerson,
}

/// A run of name words: token indices `first..=last`.
#[derive(Clone, Copy, Debug)]
struct Group {
    first: usize,
    last: usize,
    role: Role,
}

/// Person names as findings, and place spans for the age detector.
pub(super) fn find(text: &str, tokens: &[Token<'_>]) -> (Vec<Finding>, Vec<Span>) {
    let mut groups = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(last) = group_at(tokens, i) {
            groups.push(Group {
                first: i,
                last,
                role: role(tokens, i),
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }

    // Name words written with a capital in the middle of a sentence: these confirm the same
    // word at a sentence start.
    let confirmed: HashSet<&str> = groups
        .iter()
        .filter(|g| g.role != Role::Place)
        .flat_map(|g| tokens.get(g.first..=g.last).unwrap_or_default())
        .filter(|t| !t.sentence_start && is_name_word(t))
        .map(|t| t.text)
        .collect();

    let mut names = Vec::new();
    let mut places = Vec::new();
    for g in &groups {
        let (Some(first), Some(last)) = (tokens.get(g.first), tokens.get(g.last)) else {
            continue;
        };
        if g.role != Role::Person {
            places.push(Span {
                start: first.start,
                end: last.end,
                sentence: first.sentence,
            });
        }
        if g.role == Role::Place {
            continue;
        }
        let lone = g.first == g.last;
        if first.sentence_start && lone && !confirmed.contains(first.text) {
            continue;
        }
        names.push(Finding::at(
            FindingKind::PersonName,
            text,
            first.start,
            last.end,
        ));
    }
    (names, places)
}

/// Whether a token is a capitalised word that may be a name: every hyphenated part starts
/// with a capital and has a lowercase letter (so "GGZ" and "GGZ-instelling" are not), it has
/// at least two letters, and no part is on the list of ordinary words.
pub(super) fn is_name_word(tok: &Token<'_>) -> bool {
    if !tok.is_word() {
        return false;
    }
    // "'s-Hertogenbosch"
    let body = ["'s-", "\u{2019}s-"]
        .iter()
        .find_map(|p| tok.text.strip_prefix(p))
        .unwrap_or(tok.text);
    if !body.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lower = body.to_lowercase();
    if words::is_not_name(&lower) {
        return false;
    }
    body.split(['-', '\u{2010}', '\u{2011}']).all(|part| {
        part.chars().next().is_some_and(char::is_uppercase)
            && part.chars().count() >= 2
            && part.chars().any(char::is_lowercase)
            && !words::is_not_name(&part.to_lowercase())
    })
}

/// An initial: one capital letter with its full stop ("J.").
fn is_initial(tokens: &[Token<'_>], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.is_word() && t.text.chars().count() == 1 && t.starts_upper())
        && tokens.get(i + 1).is_some_and(|t| t.is_punct('.'))
}

fn is_particle(tok: &Token<'_>) -> bool {
    tok.is_word() && words::is_particle(&tok.lower())
}

/// The run of name words starting at token `first`, as the index of its last name word.
fn group_at(tokens: &[Token<'_>], first: usize) -> Option<usize> {
    let mut j = first;
    let mut last_name = None;
    let mut particles = 0;
    while let Some(tok) = tokens.get(j) {
        let initial = is_initial(tokens, j);
        let element_end = if is_name_word(tok) {
            last_name = Some(j);
            particles = 0;
            j
        } else if initial {
            particles = 0;
            j + 1
        } else if is_particle(tok)
            // A run may open with a capitalised particle in mid-sentence ("mevrouw De Vries");
            // at a sentence start "De" or "Van" is just the first word.
            && (j != first || (tok.starts_upper() && !tok.sentence_start))
            && particles < 3
        {
            particles += 1;
            j
        } else {
            break;
        };
        match tokens.get(element_end + 1) {
            Some(next) if next.is_inline_space() => j = element_end + 2,
            // "J.P. Jansen", "J.Jansen"
            Some(next) if initial && next.is_word() => j = element_end + 1,
            _ => break,
        }
    }
    last_name
}

/// Whether the word before the run makes it a place.
fn role(tokens: &[Token<'_>], first: usize) -> Role {
    let mut p = prev_index(tokens, first);
    if let Some(colon) = p
        && tokens.get(colon).is_some_and(|t| t.is_punct(':'))
    {
        p = prev_index(tokens, colon);
    }
    let cue = p
        .and_then(|p| tokens.get(p))
        .filter(|t| t.kind == TokenKind::Word)
        .and_then(|t| words::place_cue(&t.lower()));
    match cue {
        Some(Cue::Place) => Role::Place,
        Some(Cue::PlaceOrPerson) => Role::PlaceOrPerson,
        None => Role::Person,
    }
}
