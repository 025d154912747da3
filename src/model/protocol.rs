//! A method protocol: the phases of a meeting, in order, with what each asks of the group.
//!
//! Protocols are RON files (see `protocols/`). They are parsed into [`Protocol`] and then
//! checked by [`Protocol::validate`]; both kinds of problem come back as [`ProtocolIssue`]s that
//! name the file, line and column, with a typed [`ProtocolProblem`] that `crate::i18n` puts
//! into plain words in the user's language (the field as the author writes it, and what to
//! change; never the parser's type names).

use serde::{Deserialize, Serialize};

use super::Lang;

/// The protocol file format this build reads. Bumped when the file layout changes.
pub const PROTOCOL_FORMAT_VERSION: u32 = 1;

/// The longest a single phase or preparation moment may be planned for.
pub const MAX_PHASE_MINUTES: i32 = 240;

/// A text in every language the app speaks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            nl: nl.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
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

    /// Checks the rules the method and the app depend on. `source` is the file's text, used
    /// only to point at the line and column of each problem.
    pub fn validate(&self, file: &str, source: &str) -> Vec<ProtocolIssue> {
        use ProtocolProblem as P;
        let locator = Locator::new(source);
        let mut issues = Vec::new();
        let mut push = |pos: (usize, usize), problem: ProtocolProblem| {
            issues.push(ProtocolIssue::new(file, pos, problem));
        };

        if self.format_version != PROTOCOL_FORMAT_VERSION {
            push(
                locator.field(None, "format_version"),
                P::FormatVersion {
                    found: self.format_version,
                    current: PROTOCOL_FORMAT_VERSION,
                },
            );
        }
        if !is_valid_id(&self.id) {
            push(
                locator.field(None, "id"),
                P::BadId {
                    id: self.id.clone(),
                },
            );
        }
        if self.name.is_blank() {
            push(locator.field(None, "name"), P::MissingName);
        }
        for (range, field) in [
            (self.group_size, RangeField::GroupSize),
            (self.total_minutes, RangeField::TotalMinutes),
        ] {
            if range.min < 1 || range.max < range.min {
                push(
                    locator.field(None, field.name()),
                    P::BadRange {
                        field,
                        min: range.min,
                        max: range.max,
                    },
                );
            }
        }
        if self.phases.is_empty() {
            push(locator.field(None, "phases"), P::NoPhases);
        }

        let mut seen_ids: Vec<&str> = Vec::new();
        for (index, phase) in self.phases.iter().enumerate() {
            let here = |field: &str| locator.field(Some(index), field);
            let at = || PhaseRef {
                number: index + 1,
                title: phase.title.clone(),
            };
            if !is_valid_id(&phase.id) {
                push(
                    here("id"),
                    P::BadPhaseId {
                        phase: at(),
                        id: phase.id.clone(),
                    },
                );
            } else if seen_ids.contains(&phase.id.as_str()) {
                push(
                    here("id"),
                    P::DuplicatePhaseId {
                        phase: at(),
                        id: phase.id.clone(),
                    },
                );
            }
            seen_ids.push(&phase.id);
            if phase.title.is_blank() {
                push(here("title"), P::EmptyPhaseTitle { phase: at() });
            }
            for (field, value, least) in [
                (MinutesField::Planned, phase.planned_minutes, 1),
                (MinutesField::Prepare, phase.prepare_minutes, 0),
            ] {
                if value < least || value > MAX_PHASE_MINUTES {
                    push(
                        here(field.name()),
                        P::MinutesOutOfRange {
                            phase: at(),
                            field,
                            value,
                        },
                    );
                }
            }
            if phase.rules.iter().any(Text::is_blank) {
                push(here("rules"), P::EmptyRule { phase: at() });
            }
            let mut variant_ids: Vec<&str> = Vec::new();
            for variant in &phase.variants {
                if variant_ids.contains(&variant.id.as_str()) {
                    push(
                        here("variants"),
                        P::DuplicateVariantId {
                            phase: at(),
                            id: variant.id.clone(),
                        },
                    );
                } else if variant.title.is_blank() {
                    push(
                        here("variants"),
                        P::EmptyVariantTitle {
                            phase: at(),
                            id: variant.id.clone(),
                        },
                    );
                }
                variant_ids.push(&variant.id);
            }
        }
        issues
    }
}

/// The fields a protocol file may have, by place. Kring's own files (records, the autosave)
/// read leniently; a protocol's author gets each misspelled field named.
const PROTOCOL_FIELDS: &[&str] = &[
    "format_version",
    "id",
    "version",
    "name",
    "description",
    "introduction",
    "group_size",
    "total_minutes",
    "phases",
];
const PHASE_FIELDS: &[&str] = &[
    "id",
    "title",
    "purpose",
    "instructions",
    "rules",
    "guard",
    "planned_minutes",
    "prepare_minutes",
    "tools",
    "variants",
];
const TEXT_FIELDS: &[&str] = &["nl", "en"];
const RANGE_FIELDS: &[&str] = &["min", "max"];
const INSTRUCTION_FIELDS: &[&str] = &["leader", "inbrenger", "members"];
const VARIANT_FIELDS: &[&str] = &["id", "title", "description"];

/// Fields in a protocol file that Kring does not know (a misspelled `prepare_minutes` would
/// otherwise be left out without a word), each at its place with the fields known there.
fn unknown_fields(file: &str, source: &str) -> Vec<ProtocolIssue> {
    use ron::Value;
    fn map(value: &Value) -> Option<&ron::Map> {
        match value {
            Value::Map(map) => Some(map),
            Value::Option(Some(inner)) => map(inner),
            _ => None,
        }
    }
    fn seq(value: &Value) -> &[Value] {
        match value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }
    /// Checks the keys of `value` against `known`; calls `inner` for each known one.
    fn walk<'v>(
        value: &'v Value,
        known: &'static [&'static str],
        phase: Option<usize>,
        found: &mut Vec<(Option<usize>, String, &'static [&'static str])>,
        mut inner: impl FnMut(
            &str,
            &'v Value,
            &mut Vec<(Option<usize>, String, &'static [&'static str])>,
        ),
    ) {
        let Some(map) = map(value) else { return };
        for (key, value) in map.iter() {
            let Value::String(key) = key else { continue };
            if known.contains(&key.as_str()) {
                inner(key, value, found);
            } else {
                found.push((phase, key.clone(), known));
            }
        }
    }
    let Ok(value) = ron::from_str::<Value>(source) else {
        return Vec::new();
    };
    let text = |phase, value: &Value, found: &mut Vec<_>| {
        walk(value, TEXT_FIELDS, phase, found, |_, _, _| {});
    };
    let mut found = Vec::new();
    walk(
        &value,
        PROTOCOL_FIELDS,
        None,
        &mut found,
        |key, value, found| match key {
            "name" | "description" | "introduction" => text(None, value, found),
            "group_size" | "total_minutes" => walk(value, RANGE_FIELDS, None, found, |_, _, _| {}),
            "phases" => {
                for (index, phase_value) in seq(value).iter().enumerate() {
                    let phase = Some(index);
                    walk(
                        phase_value,
                        PHASE_FIELDS,
                        phase,
                        found,
                        |key, value, found| match key {
                            "title" | "purpose" | "guard" => text(phase, value, found),
                            "rules" => seq(value).iter().for_each(|v| text(phase, v, found)),
                            "instructions" => {
                                walk(value, INSTRUCTION_FIELDS, phase, found, |_, v, found| {
                                    text(phase, v, found);
                                });
                            }
                            "variants" => seq(value).iter().for_each(|v| {
                                walk(v, VARIANT_FIELDS, phase, found, |key, v, found| {
                                    if key != "id" {
                                        text(phase, v, found);
                                    }
                                });
                            }),
                            _ => {}
                        },
                    );
                }
            }
            _ => {}
        },
    );
    let locator = Locator::new(source);
    found
        .into_iter()
        .map(|(phase, field, known)| {
            let at = locator.find(phase, &field).unwrap_or((1, 1));
            ProtocolIssue::new(
                file,
                at,
                ProtocolProblem::UnknownField {
                    field,
                    known: known.iter().map(|k| (*k).to_owned()).collect(),
                    phase: phase.map(|i| i + 1),
                },
            )
        })
        .collect()
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

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
}

/// A RON parse error as a [`ProtocolProblem`] a protocol author can act on, never in the
/// parser's own (type) words. `phase` is the phase (from 1) the position is in, if any.
fn parse_problem(code: &ron::Error, phase: Option<usize>) -> ProtocolProblem {
    use ProtocolProblem as P;
    use ron::Error as E;
    let list = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    match code {
        E::Eof | E::UnclosedBlockComment => P::EndsEarly,
        E::ExpectedComma => P::MissingComma,
        E::ExpectedStringEnd => P::UnclosedText,
        E::ExpectedString | E::ExpectedChar => P::ExpectedText,
        E::ExpectedInteger
        | E::ExpectedFloat
        | E::InvalidIntegerDigit { .. }
        | E::IntegerOutOfBounds
        | E::FloatUnderscore
        | E::UnderscoreAtBeginning => P::ExpectedNumber,
        E::ExpectedBoolean => P::ExpectedYesNo,
        E::ExpectedArray => P::MissingOpen { bracket: '[' },
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedMap => {
            P::MissingOpen { bracket: '(' }
        }
        E::ExpectedArrayEnd => P::MissingClose { bracket: ']' },
        E::ExpectedStructLikeEnd | E::ExpectedMapEnd | E::ExpectedOptionEnd => {
            P::MissingClose { bracket: ')' }
        }
        E::ExpectedMapColon => P::MissingColon,
        E::ExpectedIdentifier | E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
            P::ExpectedFieldName
        }
        E::NoSuchEnumVariant {
            found, expected, ..
        } => P::UnknownName {
            found: found.clone(),
            known: list(expected),
        },
        E::NoSuchStructField {
            found, expected, ..
        } => P::UnknownField {
            field: found.clone(),
            known: list(expected),
            phase,
        },
        E::MissingStructField { field, .. } => P::MissingField {
            field: (*field).to_owned(),
            phase,
        },
        E::DuplicateStructField { field, .. } => P::DuplicateField {
            field: (*field).to_owned(),
            phase,
        },
        E::TrailingCharacters => P::TrailingText,
        E::UnexpectedChar(c) => P::UnexpectedChar { found: *c },
        E::ExpectedDifferentStructName { found, .. } => P::WrongStartName {
            found: found.clone(),
        },
        E::InvalidValueForType { expected, .. } => {
            let expected = expected.to_ascii_lowercase();
            if ["int", "i32", "u32", "u64", "i64", "float", "number"]
                .iter()
                .any(|t| expected.contains(t))
            {
                P::ExpectedNumber
            } else if expected.contains("string") || expected.contains("char") {
                P::ExpectedText
            } else if expected.contains("bool") {
                P::ExpectedYesNo
            } else if expected.contains("sequence") {
                P::MissingOpen { bracket: '[' }
            } else {
                P::NotUnderstood
            }
        }
        _ => P::NotUnderstood,
    }
}

/// Finds where a field stands in a protocol's source, so validation problems can point at a
/// line and column although the parsed value has no positions.
struct Locator<'a> {
    source: &'a str,
    /// Byte offsets of each phase's start (`Phase(` or the `(` that opens it).
    phase_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    fn new(source: &'a str) -> Self {
        let phases_at = find_field(source, 0, "phases");
        let mut phase_starts = Vec::new();
        if let Some(at) = phases_at {
            // Walk the list and record each top-level item's opening bracket.
            let bytes = source.as_bytes();
            let mut depth = 0_i32;
            let mut in_string = false;
            let mut i = at;
            while i < bytes.len() {
                let b = bytes[i];
                if in_string {
                    if b == b'\\' {
                        i += 1;
                    } else if b == b'"' {
                        in_string = false;
                    }
                } else {
                    match b {
                        b'"' => in_string = true,
                        b'/' if bytes.get(i + 1) == Some(&b'/') => {
                            while i < bytes.len() && bytes[i] != b'\n' {
                                i += 1;
                            }
                        }
                        b'[' | b'(' => {
                            depth += 1;
                            if depth == 2 && b == b'(' {
                                phase_starts.push(i);
                            }
                        }
                        b']' | b')' => {
                            depth -= 1;
                            if depth <= 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                i += 1;
            }
        }
        Self {
            source,
            phase_starts,
        }
    }

    /// The byte offset of line `line`, column `col` (1-based, columns in characters).
    fn offset(&self, line: usize, col: usize) -> usize {
        let line_start: usize = self
            .source
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let line_start = line_start.min(self.source.len());
        self.source[line_start..]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(self.source.len(), |(i, _)| line_start + i)
    }

    /// The phase (from 1) that line `line`, column `col` (1-based, as the parser counts) is
    /// in, if it is in one.
    fn phase_at(&self, line: usize, col: usize) -> Option<usize> {
        let offset = self.offset(line, col);
        self.phase_starts
            .iter()
            .rposition(|&start| start <= offset)
            .map(|index| index + 1)
    }

    /// Line and column (1-based) of `field` in the protocol, or in phase `phase` (from 0)
    /// when given; `None` when it is not there.
    fn find(&self, phase: Option<usize>, field: &str) -> Option<(usize, usize)> {
        let start = match phase {
            Some(i) => *self.phase_starts.get(i)?,
            None => 0,
        };
        let end = match phase {
            Some(i) => self.phase_starts.get(i + 1).copied(),
            None => None,
        }
        .unwrap_or(self.source.len());
        find_field(&self.source[..end], start, field).map(|at| line_col(self.source, at))
    }

    /// Line and column (1-based) of `field` in the protocol, or in phase `phase` when given.
    fn field(&self, phase: Option<usize>, field: &str) -> (usize, usize) {
        let start = match phase {
            Some(i) => self.phase_starts.get(i).copied(),
            None => Some(0),
        };
        let end = match phase {
            Some(i) => self
                .phase_starts
                .get(i + 1)
                .copied()
                .unwrap_or(self.source.len()),
            None => self
                .phase_starts
                .first()
                .copied()
                .unwrap_or(self.source.len()),
        };
        let at = start
            .and_then(|s| find_field(&self.source[..end], s, field))
            .or(start)
            .unwrap_or(0);
        line_col(self.source, at)
    }
}

/// Byte offset of `name:` as a field name (not inside a string or comment) at or after `from`.
fn find_field(source: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut in_string = false;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if b == b'\\' {
                i += 1;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if bytes[i..].starts_with(name.as_bytes()) {
            // A match of the whole name starts and ends on character boundaries.
            let before_ok = i == 0 || !is_ident_byte(bytes[i - 1]);
            let rest = source
                .get(i + name.len()..)
                .unwrap_or_default()
                .trim_start();
            if before_ok && rest.starts_with(':') {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rfind('\n').map_or(before.chars().count(), |nl| {
        before[nl + 1..].chars().count()
    }) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"(
    format_version: 1,
    id: "test",
    version: 1,
    name: (nl: "Test", en: "Test"),
    description: (nl: "", en: ""),
    introduction: (nl: "", en: ""),
    group_size: (min: 5, max: 12),
    total_minutes: (min: 10, max: 20),
    phases: [
        (
            id: "one",
            title: (nl: "Een", en: "One"),
            purpose: (nl: "", en: ""),
            instructions: (leader: (nl: "", en: ""), inbrenger: (nl: "", en: ""), members: (nl: "", en: "")),
            planned_minutes: 5,
            tools: [Notes],
        ),
        (
            id: "two",
            title: (nl: "Twee", en: "Two"),
            purpose: (nl: "", en: ""),
            instructions: (leader: (nl: "", en: ""), inbrenger: (nl: "", en: ""), members: (nl: "", en: "")),
            planned_minutes: 10,
            prepare_minutes: 1,
        ),
    ],
)"#;

    /// The lists of fields a protocol may have are the fields the types have.
    #[test]
    fn the_known_fields_are_the_fields_of_a_protocol() {
        let mut protocol = Protocol::from_ron("t.ron", MINIMAL).expect("valid");
        protocol.phases[0].guard = Some(Text::new("a", "b"));
        protocol.phases[0].variants.push(Variant {
            id: "v".into(),
            title: Text::new("a", "b"),
            description: Text::new("a", "b"),
        });
        protocol.phases[0].rules.push(Text::new("a", "b"));
        let text = ron::to_string(&protocol).expect("text");
        assert!(text.contains("guard") && text.contains("variants"));
        assert_eq!(unknown_fields("t.ron", &text), []);
    }

    #[test]
    fn minimal_protocol_parses() {
        let p = Protocol::from_ron("t.ron", MINIMAL).expect("valid");
        assert_eq!(p.phases.len(), 2);
        assert_eq!(p.planned_minutes(), 16);
    }

    fn en(issue: &ProtocolIssue) -> String {
        crate::i18n::protocol_problem(Lang::En, &issue.problem)
    }

    fn nl(issue: &ProtocolIssue) -> String {
        crate::i18n::protocol_problem(Lang::Nl, &issue.problem)
    }

    #[test]
    fn duplicate_phase_id_points_at_second_phase() {
        let src = MINIMAL.replace("id: \"two\"", "id: \"one\"");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("duplicate");
        assert_eq!(issues.len(), 1);
        assert_eq!((issues[0].line, issues[0].col), (20, 13));
        assert!(matches!(
            &issues[0].problem,
            ProtocolProblem::DuplicatePhaseId { phase, id } if phase.number == 2 && id == "one"
        ));
        assert!(en(&issues[0]).contains("already uses"), "{}", issues[0]);
        assert_eq!(
            nl(&issues[0]),
            "Het `id` \"one\" van fase 2 \"Twee\" is al van een eerdere fase: geef elke fase \
             een eigen id."
        );
    }

    #[test]
    fn negative_and_absurd_minutes_are_reported_with_position() {
        let src = MINIMAL
            .replace("planned_minutes: 5", "planned_minutes: -5")
            .replace("planned_minutes: 10", "planned_minutes: 300");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("bad minutes");
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].line, 16);
        assert!(en(&issues[0]).contains("at least 1 minute"));
        assert_eq!(issues[1].line, 24);
        assert!(en(&issues[1]).contains("more than 4 hours"));
        // The field as the author writes it, the phase by number and title, what to change.
        assert_eq!(
            nl(&issues[0]),
            "`planned_minutes` van fase 1 \"Een\" is -5: een fase duurt minstens 1 minuut. \
             Vul een getal van 1 tot en met 240 in."
        );
        assert_eq!(
            en(&issues[1]),
            "`planned_minutes` of phase 2 \"Two\" is 300, more than 4 hours: check the number \
             (it is in minutes, 240 at most)."
        );
    }

    #[test]
    fn zero_minutes_empty_title_and_no_phases() {
        let src = MINIMAL
            .replace("planned_minutes: 5", "planned_minutes: 0")
            .replace("(nl: \"Een\", en: \"One\")", "(nl: \"\", en: \"One\")");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("bad");
        assert!(issues.iter().any(|i| en(i).contains("is empty")));
        assert!(
            issues
                .iter()
                .any(|i| nl(i).contains("De `title` van fase 1 is leeg"))
        );
        assert!(issues.iter().any(|i| en(i).contains("at least 1 minute")));

        let start = MINIMAL.find("phases: [").expect("phases");
        let no_phases = format!("{}phases: [],\n)", &MINIMAL[..start]);
        let issues = Protocol::from_ron("t.ron", &no_phases).expect_err("no phases");
        assert_eq!(issues[0].problem, ProtocolProblem::NoPhases);
        assert!(en(&issues[0]).contains("no phases"));
        assert!(nl(&issues[0]).contains("geen fasen"));
        assert_eq!(issues[0].line, 10);
    }

    #[test]
    fn syntax_error_and_unknown_tool_name_position_and_plain_words() {
        let src = MINIMAL.replace("name: (nl: \"Test\",", "name: (nl: \"Test\"");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("syntax");
        assert_eq!(issues[0].line, 5);
        assert_eq!(issues[0].problem, ProtocolProblem::MissingComma);
        assert!(issues[0].to_string().starts_with("t.ron:5:"));
        let dutch = crate::i18n::protocol_issue(Lang::Nl, &issues[0]);
        assert!(
            dutch.starts_with(&format!(
                "t.ron:5:{}: Hier ontbreekt een komma",
                issues[0].col
            )),
            "{dutch}"
        );

        let src = MINIMAL.replace("tools: [Notes]", "tools: [Whiteboard]");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("tool");
        assert_eq!(issues[0].line, 17);
        assert!(en(&issues[0]).contains("Whiteboard"));
        assert!(en(&issues[0]).contains("QuestionLog"));
        assert!(nl(&issues[0]).contains("geen bekende naam"));
    }

    /// Issue 10, point 5: a misspelled field is named, with the fields that can stand there
    /// and the phase it is in; no word of the parser's (RON, struct, the type's name).
    #[test]
    fn a_misspelled_field_is_named_with_the_known_ones_in_plain_words() {
        let src = MINIMAL.replace("prepare_minutes: 1", "minuten: 1");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("unknown field");
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!((issues[0].line, issues[0].col), (25, 13));
        let ProtocolProblem::UnknownField {
            field,
            known,
            phase,
        } = &issues[0].problem
        else {
            panic!("{:?}", issues[0]);
        };
        assert_eq!((field.as_str(), *phase), ("minuten", Some(2)));
        assert!(known.iter().any(|k| k == "planned_minutes"), "{known:?}");
        let dutch = nl(&issues[0]);
        assert!(
            dutch.starts_with("Het veld `minuten` kent Kring niet in fase 2."),
            "{dutch}"
        );
        assert!(
            dutch.contains("`planned_minutes`, `prepare_minutes`"),
            "{dutch}"
        );
        assert!(dutch.ends_with("`tools`, `variants`."), "{dutch}");
        let english = en(&issues[0]);
        assert!(
            english.starts_with("Kring knows no field `minuten` in phase 2."),
            "{english}"
        );
        for words in [&dutch, &english] {
            for parser_word in ["RON", "struct", "Protocol", "Phase", "Error"] {
                let mut word_list = words.split(|c: char| !c.is_alphanumeric());
                assert!(
                    !word_list.any(|w| w == parser_word),
                    "{parser_word}: {words}"
                );
            }
        }

        // A required field misspelled: it is missing, and said so.
        let src = MINIMAL.replace("planned_minutes: 10", "minuten: 10");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("missing field");
        assert_eq!(
            issues[0].problem,
            ProtocolProblem::MissingField {
                field: "planned_minutes".into(),
                phase: Some(2)
            }
        );
        assert_eq!(
            nl(&issues[0]),
            "Het veld `planned_minutes` ontbreekt in fase 2: voeg het toe."
        );

        // A missing bracket, a text where a number belongs: plain words too.
        let src = MINIMAL.replace("planned_minutes: 5", "planned_minutes: \"vijf\"");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("not a number");
        assert_eq!(issues[0].problem, ProtocolProblem::ExpectedNumber);
        assert_eq!(nl(&issues[0]), "Hier hoort een geheel getal, zoals 10.");
        let src = MINIMAL.replace("prepare_minutes: 1,\n        ),", "prepare_minutes: 1,");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("bracket");
        assert!(
            matches!(issues[0].problem, ProtocolProblem::MissingClose { .. }),
            "{:?}",
            issues[0]
        );
    }

    #[test]
    fn unknown_format_version_is_rejected() {
        let src = MINIMAL.replace("format_version: 1", "format_version: 7");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("version");
        assert_eq!((issues[0].line, issues[0].col), (2, 5));
        assert!(en(&issues[0]).contains("Update Kring"));
        assert!(nl(&issues[0]).contains("Werk Kring bij"));
    }
}
