//! A method protocol: the phases of a meeting, in order, with what each asks of the group.
//!
//! Protocols are RON files (see `protocols/`). They are parsed into [`Protocol`] and then
//! checked by [`Protocol::validate`]; both kinds of problem come back as [`ProtocolIssue`]s that
//! name the file, line and column, with a typed [`ProtocolProblem`] that `crate::i18n` puts
//! into plain words in the user's language (the field as the author writes it, and what to
//! change; never the parser's type names).

use serde::{Deserialize, Serialize};

use super::Lang;

mod fields;
mod issue;
mod locator;
mod parse_error;
#[cfg(test)]
mod tests;
mod validate;

use fields::unknown_fields;
pub use issue::{MinutesField, PhaseRef, ProtocolIssue, ProtocolProblem, RangeField};
use locator::Locator;
use parse_error::parse_problem;

/// The protocol file format this build reads. Bumped when the file layout changes.
pub const PROTOCOL_FORMAT_VERSION: u32 = 1;

/// The longest a single phase or preparation moment may be planned for.
pub const MAX_PHASE_MINUTES: i32 = 240;

/// A text in every language the app speaks. Dutch and English are required; German may be
/// left out (a group's own protocol written before Kring spoke German), and then
/// [`Text::get`] falls back: German to English, English to Dutch. `kring check` warns about
/// a protocol whose texts lack German.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub nl: String,
    pub en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub de: String,
}

impl Text {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            nl: nl.into(),
            en: en.into(),
            de: String::new(),
        }
    }

    /// The same text with its German.
    pub fn with_de(mut self, de: impl Into<String>) -> Self {
        self.de = de.into();
        self
    }

    /// The text in `lang`; where that is empty, the next in line: German falls back to
    /// English, English to Dutch (Dutch is always there in a checked protocol).
    pub fn get(&self, lang: Lang) -> &str {
        let order: &[&String] = match lang {
            Lang::Nl => &[&self.nl, &self.en, &self.de],
            Lang::En => &[&self.en, &self.nl, &self.de],
            Lang::De => &[&self.de, &self.en, &self.nl],
        };
        order
            .iter()
            .find(|text| !text.trim().is_empty())
            .map_or("", |text| text.as_str())
    }

    /// The text exactly as written in `lang`, without falling back (empty when missing).
    pub fn exact(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
            Lang::De => &self.de,
        }
    }

    /// Whether the German is missing (then [`Text::get`] shows English).
    pub fn lacks_de(&self) -> bool {
        self.de.trim().is_empty()
    }

    fn is_blank(&self) -> bool {
        self.nl.trim().is_empty() || self.en.trim().is_empty()
    }
}

/// The meeting tools a phase uses. The UI offers the named tools during that phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tool {
    /// Members name the problems they bring (phase 1).
    ProblemList,
    /// The group chooses one problem (phase 2).
    Choice,
    /// The private association pad: never on the wall, never saved in the record.
    Scratchpad,
    /// The question log of the image-forming phase.
    QuestionLog,
    /// The anonymous advice board of the judgement phase.
    AdviceBoard,
    /// The inbrenger's decision and follow-up steps.
    Decision,
    /// Notes on the phase.
    Notes,
    /// Key words and insights: the digital flip-over.
    Insights,
    /// The inbrenger's question, written down in the problem statement; on the wall from
    /// then on and editable later.
    Question,
}

/// What a protocol calls its parts: the Balint method after Hendriksen has nine *fasen*, the
/// eight-step plan has *stappen*. Every screen and export says the protocol's own word.
/// Files without the field (older or a group's own) keep *fasen*.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Parts {
    /// Dutch "fase/fasen", English "phase/phases".
    #[default]
    Phases,
    /// Dutch "stap/stappen", English "step/steps".
    Steps,
}

/// An inclusive range, e.g. a recommended group size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub min: i32,
    pub max: i32,
}

/// What the leader, the inbrenger and the other members do during a phase.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instructions {
    pub leader: Text,
    pub inbrenger: Text,
    pub members: Text,
}

/// One way to carry out a phase, where the method offers several (phase 6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub id: String,
    pub title: Text,
    pub description: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub id: String,
    pub title: Text,
    /// What the phase is for and why, shown when the phase opens.
    pub purpose: Text,
    pub instructions: Instructions,
    /// Short rules, shown as badges on the room display.
    #[serde(default)]
    pub rules: Vec<Text>,
    /// One line the room display shows prominently for the whole phase, where the method needs
    /// guarding (image forming: questions only).
    #[serde(default)]
    pub guard: Option<Text>,
    pub planned_minutes: i32,
    /// The silent moment before the phase starts, in which members prepare.
    #[serde(default)]
    pub prepare_minutes: i32,
    #[serde(default)]
    pub tools: Vec<Tool>,
    #[serde(default)]
    pub variants: Vec<Variant>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protocol {
    pub format_version: u32,
    pub id: String,
    /// The protocol's own revision, stored in each meeting record.
    pub version: u32,
    pub name: Text,
    pub description: Text,
    /// What the leader tells the room about the method before the first phase.
    pub introduction: Text,
    /// Whether the phases are called phases or steps on screen and in exports.
    #[serde(default)]
    pub parts: Parts,
    pub group_size: Range,
    pub total_minutes: Range,
    pub phases: Vec<Phase>,
}

impl Protocol {
    /// Planned minutes of all phases, preparation moments included.
    pub fn planned_minutes(&self) -> i32 {
        self.phases
            .iter()
            .map(|p| p.planned_minutes + p.prepare_minutes)
            .sum()
    }

    /// Parses and validates a protocol file's text. `file` names the file in messages.
    pub fn from_ron(file: &str, source: &str) -> Result<Self, Vec<ProtocolIssue>> {
        let protocol: Self = ron::from_str(source).map_err(|err| {
            let locator = Locator::new(source);
            let mut at = (err.span.start.line, err.span.start.col);
            let phase = locator.phase_at(at.0, at.1);
            let mut problem = parse_problem(&err.code, phase);
            // A list closes where a field name should come: the `)` before it is missing.
            if problem == ProtocolProblem::ExpectedFieldName
                && source[locator.offset(at.0, at.1)..].starts_with(']')
            {
                problem = ProtocolProblem::MissingClose { bracket: ')' };
            }
            // The parser points past a field it does not know; point at the field itself.
            if let ProtocolProblem::UnknownField { field, .. }
            | ProtocolProblem::DuplicateField { field, .. } = &problem
                && let Some(found) = locator.find(phase.map(|n| n - 1), field)
            {
                at = found;
            }
            vec![ProtocolIssue::new(file, at, problem)]
        })?;
        let mut problems = unknown_fields(file, source);
        problems.extend(protocol.validate(file, source));
        if problems.is_empty() {
            Ok(protocol)
        } else {
            Err(problems)
        }
    }
}
