//! A method protocol: the phases of a meeting, in order, with what each asks of the group.
//!
//! Protocols are RON files (see `protocols/`). They are parsed into [`Protocol`] and then
//! checked by [`Protocol::validate`]; both kinds of problem come back as [`ProtocolIssue`]s that
//! name the file, line and column and say what to change in plain words.

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
            vec![ProtocolIssue {
                file: file.to_owned(),
                line: err.span.start.line,
                col: err.span.start.col,
                message: plain_parse_message(&err.code),
            }]
        })?;
        let problems = protocol.validate(file, source);
        if problems.is_empty() {
            Ok(protocol)
        } else {
            Err(problems)
        }
    }

    /// Checks the rules the method and the app depend on. `source` is the file's text, used
    /// only to point at the line and column of each problem.
    pub fn validate(&self, file: &str, source: &str) -> Vec<ProtocolIssue> {
        let locator = Locator::new(source);
        let mut issues = Vec::new();
        let mut push = |pos: (usize, usize), message: String| {
            issues.push(ProtocolIssue {
                file: file.to_owned(),
                line: pos.0,
                col: pos.1,
                message,
            });
        };

        if self.format_version != PROTOCOL_FORMAT_VERSION {
            push(
                locator.field(None, "format_version"),
                format!(
                    "format_version is {}, but this version of Kring reads format {PROTOCOL_FORMAT_VERSION}. \
                     Update Kring, or write the file in format {PROTOCOL_FORMAT_VERSION}.",
                    self.format_version
                ),
            );
        }
        if !is_valid_id(&self.id) {
            push(
                locator.field(None, "id"),
                format!(
                    "the protocol id \"{}\" must be lower-case letters, digits and dashes, e.g. \"my-balint\".",
                    self.id
                ),
            );
        }
        if self.name.is_blank() {
            push(
                locator.field(None, "name"),
                "the protocol needs a name in Dutch (nl) and English (en).".to_owned(),
            );
        }
        for (range, field, what) in [
            (self.group_size, "group_size", "group size"),
            (self.total_minutes, "total_minutes", "total time"),
        ] {
            if range.min < 1 || range.max < range.min {
                push(
                    locator.field(None, field),
                    format!(
                        "the recommended {what} runs from {} to {}: min must be at least 1 and not above max.",
                        range.min, range.max
                    ),
                );
            }
        }
        if self.phases.is_empty() {
            push(
                locator.field(None, "phases"),
                "the protocol has no phases: add at least one Phase(...) to the phases list."
                    .to_owned(),
            );
        }

        let mut seen_ids: Vec<&str> = Vec::new();
        for (index, phase) in self.phases.iter().enumerate() {
            let n = index + 1;
            let here = |field: &str| locator.field(Some(index), field);
            if !is_valid_id(&phase.id) {
                push(
                    here("id"),
                    format!(
                        "phase {n} has the id \"{}\": use lower-case letters, digits and dashes, e.g. \"image-forming\".",
                        phase.id
                    ),
                );
            } else if seen_ids.contains(&phase.id.as_str()) {
                push(
                    here("id"),
                    format!(
                        "phase {n} has the id \"{}\", which an earlier phase already uses: give each phase its own id.",
                        phase.id
                    ),
                );
            }
            seen_ids.push(&phase.id);
            if phase.title.is_blank() {
                push(
                    here("title"),
                    format!(
                        "phase {n} has an empty title: write one in Dutch (nl) and English (en)."
                    ),
                );
            }
            if phase.planned_minutes < 1 {
                push(
                    here("planned_minutes"),
                    format!(
                        "phase {n} is planned for {} minutes: a phase needs at least 1 minute.",
                        phase.planned_minutes
                    ),
                );
            } else if phase.planned_minutes > MAX_PHASE_MINUTES {
                push(
                    here("planned_minutes"),
                    format!(
                        "phase {n} is planned for {} minutes, more than 4 hours: check the number (it is in minutes).",
                        phase.planned_minutes
                    ),
                );
            }
            if phase.prepare_minutes < 0 {
                push(
                    here("prepare_minutes"),
                    format!(
                        "phase {n} has {} minutes to prepare: use 0 for no preparation moment, or more.",
                        phase.prepare_minutes
                    ),
                );
            } else if phase.prepare_minutes > MAX_PHASE_MINUTES {
                push(
                    here("prepare_minutes"),
                    format!(
                        "phase {n} has {} minutes to prepare, more than 4 hours: check the number (it is in minutes).",
                        phase.prepare_minutes
                    ),
                );
            }
            for rule in &phase.rules {
                if rule.is_blank() {
                    push(
                        here("rules"),
                        format!(
                            "phase {n} has an empty rule: fill in its nl and en text, or remove it."
                        ),
                    );
                }
            }
            let mut variant_ids: Vec<&str> = Vec::new();
            for variant in &phase.variants {
                if variant.title.is_blank() || variant_ids.contains(&variant.id.as_str()) {
                    push(
                        here("variants"),
                        format!(
                            "phase {n} has a variant \"{}\" with an empty title or an id used twice.",
                            variant.id
                        ),
                    );
                }
                variant_ids.push(&variant.id);
            }
        }
        issues
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A problem in a protocol file, with where it is and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolIssue {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for ProtocolIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// Turns a RON parse error into a sentence a non-programmer can act on.
fn plain_parse_message(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends too early: a bracket or quote is probably not closed.".to_owned(),
        E::ExpectedComma => "a comma is missing between two items.".to_owned(),
        E::ExpectedStringEnd => "a text is not closed: add the closing quote (\").".to_owned(),
        E::ExpectedString => "a text in quotes (\"...\") was expected here.".to_owned(),
        E::ExpectedInteger | E::InvalidIntegerDigit { .. } | E::IntegerOutOfBounds => {
            "a whole number was expected here.".to_owned()
        }
        E::NoSuchEnumVariant {
            found, expected, ..
        } => format!(
            "\"{found}\" is not a known name here; use one of: {}.",
            expected.join(", ")
        ),
        E::NoSuchStructField {
            found, expected, ..
        } => format!(
            "\"{found}\" is not a known field here; the fields are: {}.",
            expected.join(", ")
        ),
        E::MissingStructField { field, .. } => {
            format!("the field \"{field}\" is missing: add it.")
        }
        E::DuplicateStructField { field, .. } => {
            format!("the field \"{field}\" appears twice: keep one.")
        }
        E::TrailingCharacters => {
            "there is more text after the end of the protocol: remove it.".to_owned()
        }
        E::UnexpectedChar(c) => format!("the character '{c}' does not belong here."),
        other => format!("the file is not valid RON: {other}."),
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
        } else if source[i..].starts_with(name) {
            let before_ok = i == 0 || !is_ident_byte(bytes[i - 1]);
            let rest = source[i + name.len()..].trim_start();
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

    #[test]
    fn minimal_protocol_parses() {
        let p = Protocol::from_ron("t.ron", MINIMAL).expect("valid");
        assert_eq!(p.phases.len(), 2);
        assert_eq!(p.planned_minutes(), 16);
    }

    #[test]
    fn duplicate_phase_id_points_at_second_phase() {
        let src = MINIMAL.replace("id: \"two\"", "id: \"one\"");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("duplicate");
        assert_eq!(issues.len(), 1);
        assert_eq!((issues[0].line, issues[0].col), (20, 13));
        assert!(issues[0].message.contains("already uses"), "{}", issues[0]);
    }

    #[test]
    fn negative_and_absurd_minutes_are_reported_with_position() {
        let src = MINIMAL
            .replace("planned_minutes: 5", "planned_minutes: -5")
            .replace("planned_minutes: 10", "planned_minutes: 300");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("bad minutes");
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].line, 16);
        assert!(issues[0].message.contains("at least 1 minute"));
        assert_eq!(issues[1].line, 24);
        assert!(issues[1].message.contains("more than 4 hours"));
    }

    #[test]
    fn zero_minutes_empty_title_and_no_phases() {
        let src = MINIMAL
            .replace("planned_minutes: 5", "planned_minutes: 0")
            .replace("(nl: \"Een\", en: \"One\")", "(nl: \"\", en: \"One\")");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("bad");
        assert!(issues.iter().any(|i| i.message.contains("empty title")));
        assert!(
            issues
                .iter()
                .any(|i| i.message.contains("at least 1 minute"))
        );

        let start = MINIMAL.find("phases: [").expect("phases");
        let no_phases = format!("{}phases: [],\n)", &MINIMAL[..start]);
        let issues = Protocol::from_ron("t.ron", &no_phases).expect_err("no phases");
        assert!(issues[0].message.contains("no phases"));
        assert_eq!(issues[0].line, 10);
    }

    #[test]
    fn syntax_error_and_unknown_tool_name_position_and_plain_words() {
        let src = MINIMAL.replace("name: (nl: \"Test\",", "name: (nl: \"Test\"");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("syntax");
        assert_eq!(issues[0].line, 5);
        assert!(issues[0].to_string().starts_with("t.ron:5:"));

        let src = MINIMAL.replace("tools: [Notes]", "tools: [Whiteboard]");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("tool");
        assert_eq!(issues[0].line, 17);
        assert!(issues[0].message.contains("Whiteboard"));
        assert!(issues[0].message.contains("QuestionLog"));
    }

    #[test]
    fn unknown_format_version_is_rejected() {
        let src = MINIMAL.replace("format_version: 1", "format_version: 7");
        let issues = Protocol::from_ron("t.ron", &src).expect_err("version");
        assert_eq!((issues[0].line, issues[0].col), (2, 5));
        assert!(issues[0].message.contains("Update Kring"));
    }
}
