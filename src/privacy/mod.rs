//! De-identification checks for case (casus) texts: what in a text may identify a client or
//! patient. Pure text in, findings out: no screen, no files.
//!
//! A member calls [`scan`] while typing a case and is shown what may identify someone: a
//! person's name, a date (of birth), an age together with a place, a phone number, an e-mail
//! address, a Dutch postcode or a BSN. [`placeholder`] gives a neutral replacement for each
//! and [`replace`] swaps one finding for it; [`anonymise`] replaces them all.
//!
//! These are warnings from heuristics, not a guarantee: a name at the start of a sentence that
//! never recurs mid-sentence, a name in lowercase, or an address in words is not found. Each
//! detector's module says what it recognises and why. When two findings overlap, the more
//! specific one is kept (see [`scan`]); after replacing it, a new scan shows the rest.

mod ages;
mod bsn;
mod dates;
mod email;
mod names;
mod people;
mod phone;
mod postcode;
mod text;
mod words;

#[cfg(test)]
mod tests;

pub use bsn::bsn_elfproef;
pub use dates::PLAIN_DATE_YEARS;
pub use people::{People, PersonRole, person_placeholder, person_role};

use crate::i18n::{fill, strings};
use crate::model::Lang;

/// What a finding may identify.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingKind {
    /// A person's name: capitalised words that are not ordinary words ("Jan de Vries").
    PersonName,
    /// A date of birth, or a full date that may be one ("geboren op 12-03-1985").
    DateOfBirth,
    /// An age and a place in the same sentence ("een 78-jarige vrouw uit Arnhem").
    AgeWithPlace,
    /// A phone number ("06-12345678", "+31 6 12345678").
    Phone,
    /// An e-mail address.
    Email,
    /// A Dutch postcode ("1234 AB").
    Postcode,
    /// A BSN (burgerservicenummer) that passes the elfproef.
    Bsn,
}

impl FindingKind {
    /// Every kind.
    pub const ALL: [Self; 7] = [
        Self::PersonName,
        Self::DateOfBirth,
        Self::AgeWithPlace,
        Self::Phone,
        Self::Email,
        Self::Postcode,
        Self::Bsn,
    ];

    /// Which finding stays when two overlap: the higher. An e-mail address beats the name
    /// inside it; an age with a place beats the place read as a name. Structured kinds beat
    /// an age with a place that spans them: replacing them and scanning again brings the age
    /// and place back.
    fn specificity(self) -> u8 {
        match self {
            Self::Email => 6,
            Self::Bsn => 5,
            Self::Phone => 4,
            Self::DateOfBirth => 3,
            Self::Postcode => 2,
            Self::AgeWithPlace => 1,
            Self::PersonName => 0,
        }
    }
}

/// One stretch of text that may identify someone.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    pub kind: FindingKind,
    /// Byte offset of the start in the scanned text, on a char boundary.
    pub start: usize,
    /// Byte offset just past the end in the scanned text, on a char boundary.
    pub end: usize,
    /// The text found: `scanned[start..end]`.
    pub text: String,
}

impl Finding {
    /// The finding for `text[start..end]`.
    fn at(kind: FindingKind, text: &str, start: usize, end: usize) -> Self {
        Self {
            kind,
            start,
            end,
            text: text.get(start..end).unwrap_or_default().to_owned(),
        }
    }

    fn overlaps(&self, other: &Self) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Everything in `text` that may identify a client or patient, sorted by start and not
/// overlapping. Where candidates overlap, the more specific kind is kept (e-mail, BSN,
/// phone, date, postcode, age with place, name), then the longer one.
pub fn scan(text: &str) -> Vec<Finding> {
    let tokens = text::tokenize(text);
    let (names, places) = names::find(text, &tokens);

    let mut candidates = names;
    candidates.extend(ages::find(text, &tokens, &places));
    candidates.extend(dates::find(text, &tokens));
    candidates.extend(phone::find(text));
    candidates.extend(email::find(text));
    candidates.extend(postcode::find(text));
    candidates.extend(bsn::find(text));

    candidates.sort_by(|a, b| {
        b.kind
            .specificity()
            .cmp(&a.kind.specificity())
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Finding> = Vec::new();
    for candidate in candidates {
        if !kept.iter().any(|k| k.overlaps(&candidate)) {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|f| f.start);
    kept
}

/// A neutral replacement for a finding of `kind`, in `lang` (the words are in
/// [`crate::i18n`]). Names become "cliënt A", "cliënt B", ... ("client A" in English) for
/// `n` = 0, 1, ... (after "cliënt Z" come "cliënt AA", "cliënt AB"); give each distinct
/// person their own `n`. The other kinds ignore `n`.
pub fn placeholder(lang: Lang, kind: FindingKind, n: usize) -> String {
    let s = strings(lang);
    match kind {
        FindingKind::PersonName => fill(s.placeholder_person, &[("letter", &letters(n))]),
        FindingKind::DateOfBirth => s.placeholder_birth.to_owned(),
        FindingKind::AgeWithPlace => s.placeholder_age_place.to_owned(),
        FindingKind::Phone => s.placeholder_phone.to_owned(),
        FindingKind::Email => s.placeholder_email.to_owned(),
        FindingKind::Postcode => s.placeholder_postcode.to_owned(),
        FindingKind::Bsn => s.placeholder_bsn.to_owned(),
    }
}

/// 0 → "A", 25 → "Z", 26 → "AA", 27 → "AB" (spreadsheet columns).
fn letters(n: usize) -> String {
    let mut out = Vec::new();
    let mut n = n;
    loop {
        out.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.iter().rev().collect()
}

/// `text` with `finding` replaced by `with`.
///
/// The finding comes from an earlier [`scan`]; the text may have been edited since. When
/// `finding.text` no longer stands at its offsets, the occurrence nearest to them is
/// replaced; when it is gone, `text` is returned unchanged.
pub fn replace(text: &str, finding: &Finding, with: &str) -> String {
    let at = if text.get(finding.start..finding.end) == Some(finding.text.as_str()) {
        Some(finding.start)
    } else if finding.text.is_empty() {
        None
    } else {
        text.match_indices(finding.text.as_str())
            .map(|(i, _)| i)
            .min_by_key(|&i| i.abs_diff(finding.start))
    };
    match at {
        Some(start) => {
            let end = start + finding.text.len();
            let mut out = String::with_capacity(text.len() + with.len());
            out.push_str(text.get(..start).unwrap_or_default());
            out.push_str(with);
            out.push_str(text.get(end..).unwrap_or_default());
            out
        }
        None => text.to_owned(),
    }
}

/// `text` with every finding of [`scan`] replaced by its [`placeholder`]. Each distinct person
/// gets their own placeholder, in order of first appearance ("Jan ... Piet ... Jan" becomes
/// "cliënt A ... cliënt B ... cliënt A"; "zijn dochter Els" becomes "zijn dochter naaste A");
/// see [`People`].
pub fn anonymise(lang: Lang, text: &str) -> String {
    let findings = scan(text);
    let mut people = People::default();
    people.note_placeholders(lang, [text]);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for f in &findings {
        let with = if f.kind == FindingKind::PersonName {
            people.placeholder_for(lang, text, f)
        } else {
            placeholder(lang, f.kind, 0)
        };
        out.push_str(text.get(copied..f.start).unwrap_or_default());
        out.push_str(&with);
        copied = f.end;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out
}
