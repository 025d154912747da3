//! One placeholder per person in a case: [`People`] remembers which person got which
//! placeholder, so the same person keeps theirs in every field and after every replacement,
//! and two people never share one.
//!
//! A name is a client's ("cliënt A") unless a word for someone close stands just before it in
//! the same sentence ("haar dochter Marieke de Vries", "his wife Els"): then it is a relative's
//! ("naaste A"), lettered on its own. Two names are one person when they are the same
//! whatever their case, or when every word of the shorter is a word of the longer
//! ("de Vries" and "Marieke de Vries").

use super::{Finding, FindingKind, letters, placeholder};
use crate::i18n::{fill, strings};
use crate::model::Lang;

/// Whom a name in a case stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonRole {
    /// The client or patient the case is about, or anyone not said to be close to them.
    Client,
    /// Someone close to the client: family, partner, a friend.
    Relative,
}

/// Words that, just before a name, make it a relative's. Dutch and English, lowercase.
#[rustfmt::skip]
const RELATIVE_WORDS: &[&str] = &[
    "dochter", "zoon", "moeder", "vader", "partner", "broer", "zus", "zuster", "man", "vrouw",
    "echtgenoot", "echtgenote", "vriend", "vriendin", "oma", "opa", "grootmoeder",
    "grootvader", "kleinzoon", "kleindochter", "tante", "oom", "neef", "nicht", "schoonmoeder",
    "schoonvader", "schoonzoon", "schoondochter", "stiefvader", "stiefmoeder", "mantelzorger",
    "kind", "ouder", "daughter", "son", "mother", "father", "brother", "sister", "husband",
    "wife", "friend", "grandmother", "grandfather", "aunt", "uncle", "carer", "child", "parent",
];

/// How many words before a name are looked at: "haar oudste dochter Marieke".
const WORDS_BEFORE: usize = 3;

/// Whom the name `finding` found in `text` stands for: a relative when a word for someone
/// close stands in the few words before it, in the same sentence.
pub fn person_role(text: &str, finding: &Finding) -> PersonRole {
    let before = text.get(..finding.start).unwrap_or_default();
    let sentence = before
        .rfind(['.', '!', '?', '\n', ';'])
        .map_or(before, |at| before.get(at + 1..).unwrap_or_default());
    let close = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(WORDS_BEFORE)
        .any(|w| RELATIVE_WORDS.contains(&w.to_lowercase().as_str()));
    if close {
        PersonRole::Relative
    } else {
        PersonRole::Client
    }
}

/// The placeholder for person `n` (0: A, 1: B, ...) of a role: "cliënt A", "naaste B".
pub fn person_placeholder(lang: Lang, role: PersonRole, n: usize) -> String {
    match role {
        PersonRole::Client => placeholder(lang, FindingKind::PersonName, n),
        PersonRole::Relative => fill(
            strings(lang).placeholder_relative,
            &[("letter", &letters(n))],
        ),
    }
}

/// The people of one case and their placeholders. Keep one per case while it is edited:
/// it remembers who got which placeholder across scans and replacements.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    /// `(the name's words in lowercase, role, letter number)`, in order of first appearance.
    known: Vec<(Vec<String>, PersonRole, usize)>,
    /// Placeholders already standing in the case's text: their letters are not given again.
    taken: Vec<(PersonRole, usize)>,
}

/// The most placeholders of a role looked for in a text (A to AZ).
const LETTERS_LOOKED_FOR: usize = 52;

impl People {
    /// Notes the placeholders of `lang` that already stand in `texts` (from an earlier
    /// replacement), so no other person gets them.
    pub fn note_placeholders<'a>(&mut self, lang: Lang, texts: impl IntoIterator<Item = &'a str>) {
        for text in texts {
            for role in [PersonRole::Client, PersonRole::Relative] {
                for n in 0..LETTERS_LOOKED_FOR {
                    let word = person_placeholder(lang, role, n);
                    let stands = text.match_indices(&word).any(|(at, _)| {
                        !text
                            .get(at + word.len()..)
                            .and_then(|rest| rest.chars().next())
                            .is_some_and(char::is_alphanumeric)
                    });
                    if stands && !self.taken.contains(&(role, n)) {
                        self.taken.push((role, n));
                    }
                }
            }
        }
    }

    /// The placeholder for the name `finding` found in `text`: the one this person got
    /// before, or the first free letter of their role.
    pub fn placeholder_for(&mut self, lang: Lang, text: &str, finding: &Finding) -> String {
        let words = name_words(&finding.text);
        if let Some((_, role, n)) = self
            .known
            .iter()
            .find(|(known, _, _)| same_person(known, &words))
        {
            return person_placeholder(lang, *role, *n);
        }
        let role = person_role(text, finding);
        let n = (0..)
            .find(|n| {
                !self.taken.contains(&(role, *n))
                    && !self.known.iter().any(|(_, r, k)| *r == role && k == n)
            })
            .unwrap_or(0);
        self.known.push((words, role, n));
        person_placeholder(lang, role, n)
    }
}

fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// One person: the same words, or every word of the shorter name in the longer.
fn same_person(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}
