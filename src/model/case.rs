//! A case (casus) a member prepares at home and brings to a meeting.
//!
//! The case belongs to the member, not to a group: it is kept in the member's own data folder
//! and only reaches a meeting as a [`Problem`] (its title, a one-line summary and its
//! question). Everything else in it stays with the member.

use rand::Rng;
use serde::{Deserialize, Serialize};

use super::Problem;

/// The case file format this build writes. Older formats are migrated when read; a newer one
/// is refused with a message that asks to update Kring.
pub const CASE_FORMAT_VERSION: u32 = 1;

/// The longest a case id may be; ids are used as file names.
const MAX_ID_LEN: usize = 64;

/// The longest the one-line summary made by [`PreparedCase::to_problem`] gets, in characters.
const SUMMARY_MAX_CHARS: usize = 140;

/// A case as the member writes it down, field by field, before the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreparedCase {
    /// The case file format; see [`CASE_FORMAT_VERSION`].
    pub format_version: u32,
    /// Stable and unique: the UTC creation time and a random part, e.g.
    /// `20261123-193012-7f3a9c2e`. Also the file name, so only `a-z`, `0-9` and `-`.
    pub id: String,
    /// A short title, as the problem will be listed in phase 1.
    pub title: String,
    /// What happened: the situation, anonymised.
    pub situation: String,
    /// What touched me: feelings and thoughts it raised.
    pub what_touched_me: String,
    /// The question the member wants the group to work on.
    pub question: String,
    /// What the member has tried so far.
    pub what_i_tried: String,
    /// The member's own part in the situation.
    pub my_part: String,
    /// What the member hopes to get from the group.
    pub hope_from_group: String,
    /// When the case was first written, milliseconds since the Unix epoch (UTC).
    pub created_at_ms: i64,
    /// When the case was last changed, milliseconds since the Unix epoch (UTC).
    pub updated_at_ms: i64,
}

impl Default for PreparedCase {
    fn default() -> Self {
        Self {
            format_version: CASE_FORMAT_VERSION,
            id: String::new(),
            title: String::new(),
            situation: String::new(),
            what_touched_me: String::new(),
            question: String::new(),
            what_i_tried: String::new(),
            my_part: String::new(),
            hope_from_group: String::new(),
            created_at_ms: 0,
            updated_at_ms: 0,
        }
    }
}

/// The keys of the text fields of a case, in the order a form shows them.
pub const CASE_FIELD_KEYS: [&str; 7] = [
    "title",
    "situation",
    "what_touched_me",
    "question",
    "what_i_tried",
    "my_part",
    "hope_from_group",
];

impl PreparedCase {
    /// An empty case made at `now_ms`, with a fresh id.
    pub fn new(now_ms: i64, rng: &mut impl Rng) -> Self {
        Self {
            id: Self::new_id(now_ms, rng),
            created_at_ms: now_ms,
            updated_at_ms: now_ms,
            ..Self::default()
        }
    }

    /// A fresh id: the UTC time `now_ms` as `YYYYMMDD-HHMMSS` and 32 random bits in hex.
    /// Two ids made in the same second differ in the random part.
    pub fn new_id(now_ms: i64, rng: &mut impl Rng) -> String {
        let random: u32 = rng.random();
        let stamp = jiff::Timestamp::from_millisecond(now_ms)
            .map(|t| t.strftime("%Y%m%d-%H%M%S").to_string())
            .unwrap_or_else(|_| format!("{now_ms}"));
        format!("{stamp}-{random:08x}")
    }

    /// Whether `id` can be a case id (and so a file name on every platform): 1 to 64
    /// characters out of `a-z`, `0-9` and `-`, not starting with `-`.
    pub fn is_valid_id(id: &str) -> bool {
        !id.is_empty()
            && id.len() <= MAX_ID_LEN
            && !id.starts_with('-')
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    /// Every text field with its key (see [`CASE_FIELD_KEYS`]), in form order, so that the
    /// privacy check (`crate::privacy::scan`) can run over each one.
    pub fn text_fields(&self) -> [(&'static str, &str); 7] {
        [
            (CASE_FIELD_KEYS[0], self.title.as_str()),
            (CASE_FIELD_KEYS[1], self.situation.as_str()),
            (CASE_FIELD_KEYS[2], self.what_touched_me.as_str()),
            (CASE_FIELD_KEYS[3], self.question.as_str()),
            (CASE_FIELD_KEYS[4], self.what_i_tried.as_str()),
            (CASE_FIELD_KEYS[5], self.my_part.as_str()),
            (CASE_FIELD_KEYS[6], self.hope_from_group.as_str()),
        ]
    }

    /// The text field with this key, to change it (for example to replace a privacy finding).
    /// `None` for a key not in [`CASE_FIELD_KEYS`].
    pub fn text_field_mut(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "title" => &mut self.title,
            "situation" => &mut self.situation,
            "what_touched_me" => &mut self.what_touched_me,
            "question" => &mut self.question,
            "what_i_tried" => &mut self.what_i_tried,
            "my_part" => &mut self.my_part,
            "hope_from_group" => &mut self.hope_from_group,
            _ => return None,
        })
    }

    /// Whether every text field is blank.
    pub fn is_blank(&self) -> bool {
        self.text_fields()
            .iter()
            .all(|(_, text)| text.trim().is_empty())
    }

    /// Whether the texts of the two cases are the same (ids, times and format ignored).
    pub fn same_content(&self, other: &Self) -> bool {
        self.text_fields() == other.text_fields()
    }

    /// The case as a problem for phase 1: its title (or, when that is blank, the summary),
    /// a one-line summary of the situation, and its question (`None` when blank).
    ///
    /// The problem's `id` is 0 and it has no owner and no votes: the meeting gives it an id
    /// and, when the leader notes it, the name of who brings it.
    pub fn to_problem(&self) -> Problem {
        let line = one_line(&self.situation, SUMMARY_MAX_CHARS);
        let title = match self.title.trim() {
            "" => one_line(&self.situation, 60),
            title => title.to_owned(),
        };
        let question = self
            .question
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Problem {
            id: 0,
            title,
            line,
            owner: None,
            votes: 0,
            question: (!question.is_empty()).then_some(question),
        }
    }
}

/// The first sentence (or line) of `text`, on one line, at most `max_chars` characters; a
/// longer one is cut at a word and ends in `…`.
fn one_line(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    let first_line = text.lines().next().unwrap_or_default();
    // The first sentence: up to a '.', '!' or '?' followed by a space (so "3.5" stays whole).
    let mut end = first_line.len();
    let mut chars = first_line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
            end = i + c.len_utf8();
            break;
        }
    }
    let sentence: String = first_line
        .get(..end)
        .unwrap_or(first_line)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if sentence.chars().count() <= max_chars {
        return sentence;
    }
    let cut: String = sentence.chars().take(max_chars.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => cut.get(..space).unwrap_or(&cut),
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> PreparedCase {
        PreparedCase {
            id: "20261123-193012-7f3a9c2e".into(),
            title: "  Grenzen stellen ".into(),
            situation: "Een cliënt belt mij  elke avond na tienen. Ik neem steeds op.\nMeer."
                .into(),
            question: " Hoe stel ik\n een grens? ".into(),
            ..PreparedCase::default()
        }
    }

    #[test]
    fn ids_are_time_based_unique_and_file_safe() {
        let mut rng = rand::rng();
        let ms = 1_795_462_212_000; // 2026-11-23 19:30:12 UTC
        let a = PreparedCase::new_id(ms, &mut rng);
        let b = PreparedCase::new_id(ms, &mut rng);
        assert!(a.starts_with("20261123-193012-"), "{a}");
        assert_ne!(a, b);
        assert!(PreparedCase::is_valid_id(&a));
        for bad in ["", "-a", "A", "a/b", "..", "a b", &"a".repeat(65)] {
            assert!(!PreparedCase::is_valid_id(bad), "{bad:?}");
        }
        let new = PreparedCase::new(ms, &mut rng);
        assert_eq!((new.created_at_ms, new.updated_at_ms), (ms, ms));
        assert_eq!(new.format_version, CASE_FORMAT_VERSION);
        assert!(new.is_blank());
    }

    #[test]
    fn the_problem_carries_title_summary_and_question() {
        let problem = case().to_problem();
        assert_eq!(problem.title, "Grenzen stellen");
        assert_eq!(problem.line, "Een cliënt belt mij elke avond na tienen.");
        assert_eq!(problem.question.as_deref(), Some("Hoe stel ik een grens?"));
        assert_eq!((problem.id, problem.votes, problem.owner), (0, 0, None));

        let untitled = PreparedCase {
            title: " ".into(),
            question: "  ".into(),
            situation: "woord ".repeat(100),
            ..case()
        };
        let problem = untitled.to_problem();
        assert_eq!(problem.question, None);
        assert!(problem.line.ends_with("woord…"), "{}", problem.line);
        assert!(problem.line.chars().count() <= SUMMARY_MAX_CHARS);
        assert!(problem.title.chars().count() <= 60);
        assert!(problem.title.starts_with("woord woord"));
    }

    #[test]
    fn text_fields_name_every_field_and_can_be_changed_by_key() {
        let mut case = case();
        let keys: Vec<&str> = case.text_fields().iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, CASE_FIELD_KEYS);
        for key in CASE_FIELD_KEYS {
            let field = case.text_field_mut(key).expect("known key");
            *field = format!("<{key}>");
        }
        for (key, text) in case.text_fields() {
            assert_eq!(text, format!("<{key}>"));
        }
        assert!(case.text_field_mut("scratchpad").is_none());
        let other = PreparedCase {
            id: "other".into(),
            updated_at_ms: 5,
            ..case.clone()
        };
        assert!(case.same_content(&other));
        assert!(!case.same_content(&PreparedCase::default()));
    }
}
