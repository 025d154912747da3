//! A problem in a protocol file as data: where it is ([`ProtocolIssue`]) and what it is
//! ([`ProtocolProblem`]), with the parts a problem names (a phase, a minutes or range field).
//! The words are in `crate::i18n`.

use super::Text;
use crate::model::Lang;

/// A problem in a protocol file, with where it is. What it is and what to change is
/// [`ProtocolProblem`], put into words by `crate::i18n::protocol_issue` in the user's
/// language; `Display` gives the English line (`file:line:col: message`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolIssue {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub problem: ProtocolProblem,
}

impl ProtocolIssue {
    pub fn new(file: &str, (line, col): (usize, usize), problem: ProtocolProblem) -> Self {
        Self {
            file: file.to_owned(),
            line,
            col,
            problem,
        }
    }
}

impl std::fmt::Display for ProtocolIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::protocol_issue(Lang::En, self))
    }
}

/// A phase named in a problem: its number (from 1) and its title, as the file has them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseRef {
    pub number: usize,
    pub title: Text,
}

/// Which minutes field of a phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinutesField {
    Planned,
    Prepare,
}

impl MinutesField {
    /// The field's name as a protocol author writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Planned => "planned_minutes",
            Self::Prepare => "prepare_minutes",
        }
    }
}

/// Which range of the protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeField {
    GroupSize,
    TotalMinutes,
}

impl RangeField {
    /// The field's name as a protocol author writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::GroupSize => "group_size",
            Self::TotalMinutes => "total_minutes",
        }
    }
}

/// What is wrong with a protocol file, as data: the words (what, and what to change, naming
/// the fields as the author writes them) are in `i18n`, in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtocolProblem {
    // The file itself.
    /// The protocols folder cannot be read; `os` is the operating system's words.
    FolderUnreadable {
        os: String,
    },
    /// The file cannot be read; `os` is the operating system's words.
    Unreadable {
        os: String,
    },
    /// The file is not UTF-8 text.
    NotText,
    /// Made by a newer Kring: left alone.
    NewerFormat {
        found: u64,
        current: u32,
    },
    /// Another protocol file (`other`) already has this id.
    IdTaken {
        id: String,
        other: String,
    },
    // The writing: where the text cannot be read.
    /// The text ends before every bracket or quote is closed.
    EndsEarly,
    MissingComma,
    /// A closing bracket (`)` or `]`) is missing.
    MissingClose {
        bracket: char,
    },
    /// An opening bracket is expected here.
    MissingOpen {
        bracket: char,
    },
    /// A `:` between a field name and its value is missing.
    MissingColon,
    /// A text in quotes is not closed.
    UnclosedText,
    ExpectedText,
    ExpectedNumber,
    /// `true` or `false`.
    ExpectedYesNo,
    /// A field name is expected.
    ExpectedFieldName,
    /// A name that is not one of the choices here (a tool, say).
    UnknownName {
        found: String,
        known: Vec<String>,
    },
    /// A field that is not known here; `phase` (from 1) when it stands in a phase.
    UnknownField {
        field: String,
        known: Vec<String>,
        phase: Option<usize>,
    },
    MissingField {
        field: String,
        phase: Option<usize>,
    },
    DuplicateField {
        field: String,
        phase: Option<usize>,
    },
    /// More text after the protocol's closing bracket.
    TrailingText,
    UnexpectedChar {
        found: char,
    },
    /// The file starts with a name before its `(` that is not `Protocol`.
    WrongStartName {
        found: String,
    },
    /// Anything else the reader could not make sense of here.
    NotUnderstood,
    // The content.
    FormatVersion {
        found: u32,
        current: u32,
    },
    BadId {
        id: String,
    },
    MissingName,
    BadRange {
        field: RangeField,
        min: i32,
        max: i32,
    },
    NoPhases,
    BadPhaseId {
        phase: PhaseRef,
        id: String,
    },
    DuplicatePhaseId {
        phase: PhaseRef,
        id: String,
    },
    EmptyPhaseTitle {
        phase: PhaseRef,
    },
    /// Minutes below the least (1 planned, 0 to prepare) or above [`MAX_PHASE_MINUTES`].
    MinutesOutOfRange {
        phase: PhaseRef,
        field: MinutesField,
        value: i32,
    },
    EmptyRule {
        phase: PhaseRef,
    },
    EmptyVariantTitle {
        phase: PhaseRef,
        id: String,
    },
    DuplicateVariantId {
        phase: PhaseRef,
        id: String,
    },
    // Warnings: the protocol loads, but something is worth telling its author.
    /// `count` of the protocol's `total` texts have no German (`de`); the first is `field`,
    /// in `phase` when it stands in one. Kring shows English there when German is chosen.
    NoGerman {
        count: usize,
        total: usize,
        field: String,
        phase: Option<PhaseRef>,
    },
}

impl ProtocolProblem {
    /// Whether this is a warning only: the protocol loads and `kring check` still exits 0.
    pub fn is_warning(&self) -> bool {
        matches!(self, Self::NoGerman { .. })
    }
}
