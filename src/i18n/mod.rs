//! Every sentence the app shows, once per language: on screen, in exports, on the command
//! line, and the words for errors.
//!
//! - [`Strings`] (in `strings.rs`) has one field per text; [`NL`] (`nl.rs`), [`EN`]
//!   (`en.rs`) and [`DE`] (`de.rs`) are constants of that type, so a text missing in any
//!   language does not compile. [`strings`] picks one.
//! - Texts with `{name}` placeholders are filled by [`fill`], in one pass.
//! - A text that counts something is a [`Plural`]: `fill(s.history_count.get(n), ..)`, or
//!   [`Plural::n`] when the count is its only placeholder.
//! - A text that names the protocol's parts (phases or steps) is a [`ByParts`]:
//!   `s.room_phase_of.get(protocol.parts)`.
//! - Numbers and dates as a person in that language writes them: [`format_decimal`],
//!   [`format_hours`], [`format_date`], [`format_date_text`], [`format_date_time_text`]
//!   (file names keep ISO dates; those are not sentences).
//! - Typed store and lock errors ([`crate::store::StoreError`]) are put into words by
//!   [`store_error`] (`errors.rs`), the operating system's own detail after the sentence;
//!   files that could not be loaded ([`crate::store::LoadProblem`]) by [`load_problem`] and
//!   [`load_reason`], sync conflict copies by [`conflict_file`]; cases, groups and the data
//!   folder by [`case_error`], [`group_error`] and [`data_dir_error`].
//! - German (`de.rs`) is written for German Balint groups and groups for *kollegiale
//!   Beratung*, with the same words throughout: the member who brings the case is the
//!   *Fallgeber/in* (the word of kollegiale Beratung; Balint groups also say *Referent/in*),
//!   as a label; in a sentence both forms written out, *die Fallgeberin oder der
//!   Fallgeber*. The user is addressed with *Sie*, as in professional software and in Balint
//!   groups of physicians; the leader is *die Leitung*, the members *die Gruppenmitglieder*,
//!   a meeting a *Sitzung*, a phase *Phase*, a step *Schritt*, advice *Ratschlag*. Numbers
//!   and dates: "0,8 Stunden", "2. Dezember 2026", "19:30 Uhr".
//! - Typed protocol-check problems ([`crate::model::ProtocolProblem`]) are put into words by
//!   [`protocol_problem`] and [`protocol_issue`] (`problems.rs`): the field as the protocol's
//!   author writes it and what to change, never the parser's type names.

mod attendance;
mod de;
mod en;
mod errors;
mod format;
mod nl;
mod phones;
mod problems;
mod strings;

pub use attendance::{AttendanceStrings, DE_ATTENDANCE, EN_ATTENDANCE, NL_ATTENDANCE};
pub use de::DE;
pub use en::EN;
pub use errors::{
    case_error, conflict_file, data_dir_advice, data_dir_error, group_error, load_problem,
    load_reason, store_error,
};
pub use format::{
    format_date, format_date_text, format_date_time_text, format_decimal, format_hours,
    format_long_date_time_text,
};
pub use nl::NL;
pub use phones::{PHONES_DE, PHONES_EN, PHONES_NL, PhoneStrings};
pub use problems::{protocol_issue, protocol_problem};
pub use strings::Strings;

use crate::model::{Lang, Parts};

/// A text without a count.
pub type Text = &'static str;

/// A text that counts something, in the forms its language needs. Dutch and English need
/// two: `one` for exactly 1, `other` for every other number (0 too: "0 vragen gesteld").
/// German needs the same two ("1 Frage", "0 Fragen").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plural {
    pub one: Text,
    pub other: Text,
}

impl Plural {
    /// The form for `count`, to [`fill`] with the count and any other placeholders.
    pub fn get<N: TryInto<i64>>(&self, count: N) -> Text {
        match count.try_into() {
            Ok(1) => self.one,
            _ => self.other,
        }
    }

    /// The form for `count`, its `{count}` filled: for texts where the count is all.
    pub fn n<N: TryInto<i64> + Copy + std::fmt::Display>(&self, count: N) -> String {
        fill(self.get(count), &[("count", &count)])
    }
}

/// A text that names a protocol's parts, once for protocols of phases and once for protocols
/// of steps ([`Parts`]): whole sentences rather than a word put in, so each language keeps
/// its own grammar (German "diese Phase" but "dieser Schritt").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByParts<T> {
    pub phases: T,
    pub steps: T,
}

impl<T: Copy> ByParts<T> {
    /// The form for a protocol whose parts are `parts`.
    pub fn get(&self, parts: Parts) -> T {
        match parts {
            Parts::Phases => self.phases,
            Parts::Steps => self.steps,
        }
    }
}

impl<T: Sentence> Sentence for ByParts<T> {
    fn forms(&self) -> Vec<Text> {
        let mut forms = self.phases.forms();
        forms.extend(self.steps.forms());
        forms
    }
}

/// What a field of [`Strings`] holds, as a list of texts: for the test that walks them all.
pub trait Sentence {
    fn forms(&self) -> Vec<Text>;
}

impl Sentence for Text {
    fn forms(&self) -> Vec<Text> {
        vec![self]
    }
}

impl Sentence for Plural {
    fn forms(&self) -> Vec<Text> {
        vec![self.one, self.other]
    }
}

impl<const N: usize> Sentence for [Text; N] {
    fn forms(&self) -> Vec<Text> {
        self.to_vec()
    }
}

/// Defines [`Strings`] from its list of fields, and [`Strings::all`], which lists every field
/// with its texts, so a test covers each sentence without a hand-kept list.
macro_rules! sentences {
    ($( $(#[$meta:meta])* $name:ident : $ty:ty ),* $(,)?) => {
        $crate::i18n::sentences! { struct Strings; $( $(#[$meta])* $name : $ty ),* }
    };
    (struct $strings:ident; $( $(#[$meta:meta])* $name:ident : $ty:ty ),* $(,)?) => {
        /// Every sentence in one language. See the module documentation.
        pub struct $strings {
            $( $(#[$meta])* pub $name: $ty, )*
        }

        impl $strings {
            /// Every field by name, with its texts (one, two for a plural, more for a list).
            pub fn all(&self) -> Vec<(&'static str, Vec<Text>)> {
                use super::Sentence as _;
                vec![ $( (stringify!($name), self.$name.forms()) ),* ]
            }
        }
    };
}
pub(crate) use sentences;

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
        Lang::De => &DE,
    }
}
/// The sentences of members' phones in `lang`.
pub fn phone_strings(lang: Lang) -> &'static PhoneStrings {
    match lang {
        Lang::Nl => &PHONES_NL,
        Lang::En => &PHONES_EN,
        Lang::De => &PHONES_DE,
    }
}

/// Replaces each `{key}` in `template` by its value, in one pass from left to right.
///
/// Only the template is read for placeholders, never a value put in: a group name or error
/// text that contains `{time}` stays as typed. A placeholder with no value (`{unknown}`), and
/// a `{` without its `}`, stay as written.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let key = &after[..close];
            values
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, value)| (close, value))
        });
        match value {
            Some((close, value)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The words for a question's tags, as the screens show them: kind, then focus; a tag not
/// given yet is left out.
pub fn question_tags(
    s: &Strings,
    kind: crate::model::QuestionKind,
    focus: crate::model::QuestionFocus,
) -> Vec<&'static str> {
    use crate::model::{QuestionFocus, QuestionKind};
    let kind = match kind {
        QuestionKind::Open => Some(s.kind_open),
        QuestionKind::Closed => Some(s.kind_closed),
        QuestionKind::Suggestive => Some(s.kind_suggestive),
        QuestionKind::Untagged => None,
    };
    let focus = match focus {
        QuestionFocus::Facts => Some(s.focus_facts),
        QuestionFocus::Experience => Some(s.focus_experience),
        QuestionFocus::Untagged => None,
    };
    kind.into_iter().chain(focus).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sentence, found by walking [`Strings::all`]: a translation that drops or renames
    /// a `{...}` would show the raw placeholder to the user; an empty text shows nothing.
    /// English and German are each held against Dutch.
    #[test]
    fn placeholders_are_the_same_in_every_language() {
        let mut nl = NL.all();
        nl.extend(PHONES_NL.all());
        let with_phones = |mut all: Vec<_>, phones| {
            all.extend(phones);
            all
        };
        assert!(
            nl.len() > 300,
            "every field is walked, not a hand-kept list"
        );
        for (other, language) in [
            (with_phones(EN.all(), PHONES_EN.all()), "English"),
            (with_phones(DE.all(), PHONES_DE.all()), "German"),
        ] {
            assert_eq!(nl.len(), other.len());
            let mut with_placeholders = 0;
            for ((name, nl_forms), (other_name, other_forms)) in nl.iter().zip(&other) {
                assert_eq!(name, other_name);
                assert_eq!(nl_forms.len(), other_forms.len(), "{name}");
                for (nl_text, other_text) in nl_forms.iter().zip(other_forms) {
                    assert!(!nl_text.trim().is_empty(), "{name} is empty in Dutch");
                    assert!(
                        !other_text.trim().is_empty(),
                        "{name} is empty in {language}"
                    );
                    assert_eq!(
                        placeholders(nl_text),
                        placeholders(other_text),
                        "{name}: {nl_text} / {other_text}"
                    );
                    if !placeholders(nl_text).is_empty() {
                        with_placeholders += 1;
                    }
                }
            }
            assert!(with_placeholders > 40, "{language}: {with_placeholders}");
        }
    }

    /// German is not English left in place: a German table that copied English texts would
    /// pass the placeholder test. Only words that are the same in both may match.
    #[test]
    fn german_is_written_in_german() {
        let same: Vec<_> = EN
            .all()
            .into_iter()
            .zip(DE.all())
            .filter(|((_, en), (_, de))| en == de)
            .map(|((name, _), _)| name)
            .collect();
        let allowed = [
            "app_name",
            "leader_status",
            "key_name_enter",
            "placeholder_bsn",
            "edit_text",
            "home_variants",
            "advice_form",
            "group_name",
            "reflection_phase",
        ];
        let unexpected: Vec<_> = same.iter().filter(|name| !allowed.contains(name)).collect();
        assert!(unexpected.is_empty(), "the same as English: {unexpected:?}");
    }

    /// A plural's two forms fill the same placeholders, so either can be used the same way.
    #[test]
    fn both_forms_of_a_plural_have_the_same_placeholders() {
        let tables = [NL.all(), EN.all(), DE.all()];
        let phones = [PHONES_NL.all(), PHONES_EN.all(), PHONES_DE.all()];
        for all in tables.into_iter().chain(phones) {
            for (name, forms) in all {
                if let [one, other] = forms[..]
                    && placeholders(one) != placeholders(other)
                {
                    panic!("{name}: {one} / {other}");
                }
            }
        }
    }

    #[test]
    fn a_count_of_one_takes_the_singular() {
        assert_eq!(NL.room_question_count.n(1), "1 vraag gesteld");
        assert_eq!(NL.room_question_count.n(0), "0 vragen gesteld");
        assert_eq!(NL.room_question_count.n(2_usize), "2 vragen gesteld");
        assert_eq!(EN.room_question_count.n(1_u32), "1 question asked");
        assert_eq!(NL.history_count.n(1), "1 bijeenkomst");
        assert_eq!(EN.history_count.n(1), "1 meeting");
        assert_eq!(NL.room_advice_count_open.n(1), "1 advies binnen");
        assert_eq!(EN.room_advice_count_open.n(1), "1 piece of advice in");
        assert_eq!(DE.room_question_count.n(1), "1 Frage gestellt");
        assert_eq!(DE.room_question_count.n(0), "0 Fragen gestellt");
        assert_eq!(DE.history_count.n(1), "1 Sitzung");
        assert_eq!(DE.history_count.n(3), "3 Sitzungen");
        assert_eq!(DE.retention_done.n(2), "2 Dateien gelöscht.");
        assert_eq!(
            fill(
                DE.group_attendance_row.get(2),
                &[
                    ("name", &"Anna"),
                    ("meetings", &2),
                    ("hours", &format_hours(Lang::De, 180))
                ]
            ),
            "Anna: 2 Sitzungen, 3,0 Stunden"
        );
        assert_eq!(
            fill(
                NL.group_attendance_row.get(1),
                &[
                    ("name", &"Anna"),
                    ("meetings", &1),
                    ("hours", &format_hours(Lang::Nl, 45))
                ]
            ),
            "Anna: 1 bijeenkomst, 0,8 uur"
        );
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split('}').next())
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill(
                NL.room_phase_of.get(Parts::Phases),
                &[("n", &3), ("total", &9)]
            ),
            "Fase 3 van 9"
        );
        assert_eq!(
            fill(
                EN.room_phase_of.get(Parts::Steps),
                &[("n", &2), ("total", &8)]
            ),
            "Step 2 of 8"
        );
    }

    /// Issue 9, point 7: a value is never read for placeholders.
    #[test]
    fn fill_is_one_pass_and_leaves_what_it_does_not_know() {
        assert_eq!(fill("{a} {b}", &[("a", &"{b}"), ("b", &"x")]), "{b} x");
        assert_eq!(
            fill(
                "{name} om {time}",
                &[("name", &"Team {time}"), ("time", &"19:30")]
            ),
            "Team {time} om 19:30"
        );
        assert_eq!(fill("{unknown} {a}", &[("a", &1)]), "{unknown} 1");
        assert_eq!(fill("{{a}} {a", &[("a", &1)]), "{1} {a");
        assert_eq!(fill("{a}{a}ü{}", &[("a", &"é")]), "ééü{}");
    }
}
