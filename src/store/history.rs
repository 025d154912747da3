//! A group's history: every meeting record in the group's `meetings/` folder, read once, with
//! what the history screens need prepared at load so that they stay quick with thousands of
//! meetings (10,000 meetings is the design size: open < 1 s in a release build, a search
//! < 50 ms, memory < 200 MB).
//!
//! What is kept per meeting, newest first:
//! - a light [`MeetingSummary`] for the list;
//! - a search index: the searchable texts of the record as written (for snippets) and folded
//!   (lower case, accents removed; see [`fold_for_search`]), so a search is a substring scan
//!   over prepared strings;
//! - what the follow-up list and the reflection figures need (follow-up steps, phase timings,
//!   question tags, who was there), names and phase ids stored once for the whole history.
//!
//! The full [`MeetingRecord`] is not kept: [`History::record`] reads it from its file when a
//! meeting is opened. Measured with 10,000 generated meetings of generous size (13 KB of RON
//! each: 8 phases, 8 present, 3 problems, 20 questions, 8 pieces of advice, 4 notes, 5
//! insights) in a debug build: keeping every record made the process grow by 177 MB, this
//! digest by 134 MB (97 MB of it the search texts, as written and folded). Reading one file
//! when a meeting is opened costs a few milliseconds. The `ten_thousand_meetings` test
//! prints these figures; run it to measure again.
//!
//! Parsing is most of the load time, so helper threads parse files from the end of the
//! folder while [`load_dir`] works from the start; with one helper on 2 cores a debug load of
//! those 10,000 meetings went from 9.2 s to 5.6 s.
//!
//! Only what is in a record can be found or shown: the private scratchpad is never in a
//! record, so it is not here either.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use crate::model::{FollowUp, MeetingRecord, PhaseOutcome, QuestionFocus, QuestionKind, Text};

use super::records::parse_record;
use super::{
    ConflictFile, DirLoad, GroupLock, LoadProblem, Rejection, SetAside, StoreError, StoreErrorKind,
    find_conflicts, load_dir, load_record, to_ron,
};

/// What the history list shows of one meeting, without its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingSummary {
    /// The meeting's file.
    pub path: PathBuf,
    /// Start, milliseconds since the Unix epoch (UTC).
    pub started_at_ms: i64,
    /// Start as local date and time, as written in the record.
    pub started_local: String,
    pub protocol_id: String,
    pub protocol_name: Text,
    /// Who brought the case, when the leader noted it.
    pub inbrenger: Option<String>,
    /// The title of the problem the group chose.
    pub case_title: Option<String>,
    /// Minutes the protocol planned, preparation moments included.
    pub planned_minutes: i32,
    /// Minutes from start to end, breaks included.
    pub actual_minutes: i64,
    /// The leader ended the meeting before its last phase was closed.
    pub ended_early: bool,
}

/// Where in a meeting a search matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HitField {
    /// The title of the chosen problem (the case the group worked on).
    CaseTitle,
    /// The case's question, or a question asked while forming an image.
    Question,
    /// A piece of advice.
    Advice,
    /// The inbrenger's decision.
    Decision,
    /// A key word or insight.
    Insight,
    /// A follow-up step (what, or who takes it).
    FollowUp,
    /// A problem that was brought in (not the chosen one's title).
    Problem,
    /// A phase note.
    Note,
}

/// One meeting that matches a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// The meeting's index in [`History::summaries`].
    pub index: usize,
    /// Where the first match is.
    pub field: HitField,
    /// The text around the first match, on one line; `…` where it was cut.
    pub snippet: String,
}

/// How often a member brought a case and attended; see [`History::turns`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberTurns {
    /// The name as written at the member's most recent meeting.
    pub name: String,
    pub times_inbrenger: usize,
    /// Start of the last meeting in which the member brought the case.
    pub last_brought_ms: Option<i64>,
    pub meetings_attended: usize,
}

/// One phase's timing: `(phase id, planned minutes, actual minutes)`.
pub type PhaseTiming = (String, i32, i64);

/// Question tags of one meeting: `(start ms, open, closed, suggestive, facts, experience)`.
pub type QuestionTags = (i64, usize, usize, usize, usize, usize);

/// One searchable text of a meeting: where it starts in [`SearchIndex::text`] and in
/// [`SearchIndex::folded`].
#[derive(Clone, Copy, Debug)]
struct Segment {
    text_start: u32,
    folded_start: u32,
    field: HitField,
}

/// The searchable texts of one meeting, as written (for snippets) and folded (to search),
/// each followed by `\n`. Folding turns every other whitespace into a space, so a query word
/// never spans two texts.
#[derive(Clone, Debug, Default)]
struct SearchIndex {
    text: String,
    folded: String,
    segments: Vec<Segment>,
}

impl SearchIndex {
    /// The texts of the record that can be searched, the case first (a match there makes the
    /// best snippet). Nothing else: not the protocol, not phase titles, not names present.
    fn build(record: &MeetingRecord) -> Self {
        let content = &record.content;
        let mut index = Self::default();
        let chosen = content
            .chosen_problem
            .and_then(|id| content.problems.iter().position(|p| p.id == id));
        if let Some(problem) = chosen.and_then(|i| content.problems.get(i)) {
            index.push(HitField::CaseTitle, &problem.title);
            index.push(
                HitField::Question,
                problem.question.as_deref().unwrap_or_default(),
            );
        }
        for (i, problem) in content.problems.iter().enumerate() {
            if Some(i) != chosen {
                index.push(HitField::Problem, &problem.title);
                index.push(
                    HitField::Problem,
                    problem.question.as_deref().unwrap_or_default(),
                );
            }
            index.push(HitField::Problem, &problem.line);
        }
        for question in &content.questions {
            index.push(HitField::Question, &question.text);
        }
        for advice in content.advice.items() {
            index.push(HitField::Advice, &advice.text);
        }
        index.push(HitField::Decision, &content.decision);
        for step in &content.follow_ups {
            index.push(HitField::FollowUp, &step.what);
            index.push(HitField::FollowUp, &step.who);
        }
        for insight in &content.insights {
            index.push(HitField::Insight, insight);
        }
        for note in content.notes.values() {
            index.push(HitField::Note, note);
        }
        index.text.shrink_to_fit();
        index.folded.shrink_to_fit();
        index.segments.shrink_to_fit();
        index
    }

    fn push(&mut self, field: HitField, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let (Ok(text_start), Ok(folded_start)) = (
            u32::try_from(self.text.len()),
            u32::try_from(self.folded.len()),
        ) else {
            return; // Beyond 4 GB of text in one meeting: not searchable, not a crash.
        };
        self.segments.push(Segment {
            text_start,
            folded_start,
            field,
        });
        self.text.push_str(text);
        self.text.push('\n');
        fold_into(text, &mut self.folded);
        self.folded.push('\n');
    }

    /// The segment holding folded byte offset `at`, and its text as written.
    fn segment_at(&self, at: usize) -> Option<(&Segment, &str)> {
        let i = self
            .segments
            .partition_point(|s| s.folded_start as usize <= at)
            .checked_sub(1)?;
        let segment = self.segments.get(i)?;
        let end = self
            .segments
            .get(i + 1)
            .map_or(self.text.len(), |next| next.text_start as usize)
            .saturating_sub(1);
        Some((segment, self.text.get(segment.text_start as usize..end)?))
    }
}

/// Folds text for searching: lower case, accents and other marks removed (é, ë, è → e), a few
/// ligatures spelled out (ß → ss, æ → ae, ĳ → ij), curly quotes made straight and every
/// whitespace a single space. Search queries and texts are folded the same way.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        fold_char(c, out);
    }
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    if c.is_whitespace() {
        out.push(' ');
        return;
    }
    for lower in c.to_lowercase() {
        let folded: &str = match lower {
            // Combining marks (a decomposed "é" is "e" and U+0301).
            '\u{300}'..='\u{36f}' => "",
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'ĥ' | 'ħ' => "h",
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'ĵ' => "j",
            'ķ' => "k",
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'ŵ' => "w",
            'ý' | 'ÿ' | 'ŷ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ĳ' => "ij",
            'þ' => "th",
            '‘' | '’' | '‚' | '′' => "'",
            '“' | '”' | '„' | '″' => "\"",
            '‐' | '‑' | '‒' | '–' | '—' => "-",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(folded);
    }
}

/// How much text a snippet shows before and after the match, in characters.
const SNIPPET_BEFORE_CHARS: usize = 40;
const SNIPPET_AFTER_CHARS: usize = 80;

/// The original `text` around the match that starts at byte `folded_at` of its folded form,
/// on one line, cut at words, with `…` where text was left out.
fn snippet(text: &str, folded_at: usize) -> String {
    // Walk the original and its folding together to find the character the match starts at.
    let chars: Vec<char> = text.chars().collect();
    let mut folded_len = 0;
    let mut start_char = chars.len();
    let mut buf = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if folded_len >= folded_at {
            start_char = i;
            break;
        }
        buf.clear();
        fold_char(c, &mut buf);
        folded_len += buf.len();
    }
    let mut from = start_char.saturating_sub(SNIPPET_BEFORE_CHARS);
    let mut to = (start_char + SNIPPET_AFTER_CHARS).min(chars.len());
    // Cut at whitespace, unless that would leave out the whole window.
    if from > 0
        && let Some(space) = chars[from..start_char]
            .iter()
            .position(|c| c.is_whitespace())
    {
        from += space + 1;
    }
    if to < chars.len()
        && let Some(space) = chars[start_char..to]
            .iter()
            .rposition(|c| c.is_whitespace())
        && space > 0
    {
        to = start_char + space;
    }
    let middle: String = chars[from..to].iter().collect();
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&middle.split_whitespace().collect::<Vec<_>>().join(" "));
    if to < chars.len() {
        out.push('…');
    }
    out
}

/// A meeting as read on any thread: its summary, search index and what the figures need, with
/// names and phase ids still as text.
struct Parsed {
    summary: MeetingSummary,
    index: SearchIndex,
    follow_ups: Vec<FollowUp>,
    phases: Vec<(String, i32, i64)>,
    early_advice: u32,
    question_tags: [usize; 5],
    /// Those present and the inbrenger, trimmed, blank names left out.
    people: Vec<String>,
    inbrenger: Option<String>,
}

/// Takes from a record what the history keeps; the record itself is dropped.
fn digest(path: &Path, record: MeetingRecord) -> Parsed {
    let content = &record.content;
    let phases = record
        .phases
        .iter()
        .filter(|p| p.outcome != PhaseOutcome::NotReached)
        .map(|p| {
            (
                p.id.clone(),
                p.planned_minutes + p.prepare_minutes,
                p.actual_minutes(),
            )
        })
        .collect();
    let people = content
        .present
        .iter()
        .chain(&content.inbrenger)
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect();
    Parsed {
        summary: MeetingSummary {
            path: path.to_owned(),
            started_at_ms: record.started_at_ms,
            started_local: record.started_local.clone(),
            protocol_id: record.protocol_id.clone(),
            protocol_name: record.protocol_name.clone(),
            inbrenger: content.inbrenger.clone(),
            case_title: content.chosen().map(|p| p.title.clone()),
            planned_minutes: record.planned_minutes,
            actual_minutes: record.duration_minutes(),
            ended_early: record.ended_early,
        },
        index: SearchIndex::build(&record),
        follow_ups: content.follow_ups.clone(),
        phases,
        early_advice: content.early_advice,
        question_tags: [
            content.question_count(QuestionKind::Open),
            content.question_count(QuestionKind::Closed),
            content.question_count(QuestionKind::Suggestive),
            content.focus_count(QuestionFocus::Facts),
            content.focus_count(QuestionFocus::Experience),
        ],
        people,
        inbrenger: content
            .inbrenger
            .as_deref()
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_owned),
    }
}

/// What the history keeps of a meeting besides its summary. Names and phase ids are numbers
/// into the history's tables, so each is stored once.
#[derive(Clone, Debug, Default)]
struct MeetingData {
    index: SearchIndex,
    follow_ups: Vec<FollowUp>,
    /// `(phase id number, planned minutes, actual minutes)` of the phases reached.
    phases: Vec<(u32, i32, i64)>,
    early_advice: u32,
    /// Questions that were open, closed, suggestive, about facts, about experience.
    question_tags: [usize; 5],
    /// Member numbers of those present and the inbrenger, each once.
    people: Vec<u32>,
    inbrenger: Option<u32>,
}

/// Texts that recur across meetings (names, phase ids), stored once and known by number.
#[derive(Clone, Debug, Default)]
struct Table {
    /// `(key, text)`: the key matches, the text is shown.
    entries: Vec<(String, String)>,
    numbers: HashMap<String, u32>,
}

impl Table {
    /// The number of `key`, adding it with `text` when new.
    fn number(&mut self, key: String, text: &str) -> u32 {
        if let Some(&n) = self.numbers.get(&key) {
            return n;
        }
        let n = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.entries.push((key.clone(), text.to_owned()));
        self.numbers.insert(key, n);
        n
    }

    fn key(&self, n: u32) -> &str {
        self.entries.get(n as usize).map_or("", |(key, _)| key)
    }

    fn text(&self, n: u32) -> &str {
        self.entries.get(n as usize).map_or("", |(_, text)| text)
    }
}

/// A group's meetings, newest first, with what the history screens need. See the module
/// documentation for what is kept and why.
#[derive(Clone, Debug, Default)]
pub struct History {
    summaries: Vec<MeetingSummary>,
    meetings: Vec<MeetingData>,
    /// Members by the key of their name ([`member_key`]), shown as written at their most
    /// recent meeting.
    members: Table,
    phase_ids: Table,
    problems: Vec<LoadProblem>,
    conflicts: Vec<ConflictFile>,
}

/// The most helper threads [`History::load`] starts beside its own.
const MAX_HELPERS: usize = 3;

/// What became of one file that helper threads may parse ahead of [`load_dir`].
enum SlotState {
    /// Nobody has started on it.
    Free,
    /// A helper is parsing it.
    Busy,
    /// A helper parsed it: the meeting, or `None` when the helper could not (then the file
    /// is parsed again from the text [`load_dir`] read, which decides what is wrong with it).
    Done(Option<Box<Parsed>>),
    /// [`load_dir`] has dealt with it.
    Taken,
}

struct Slot {
    state: Mutex<SlotState>,
    done: Condvar,
}

impl Slot {
    /// For [`load_dir`]: the helper's meeting when there is one (waiting while a helper is on
    /// it), or `None` to parse the text itself. Either way no helper starts on it after.
    fn take(&self) -> Option<Box<Parsed>> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            match std::mem::replace(&mut *state, SlotState::Taken) {
                SlotState::Busy => {
                    *state = SlotState::Busy;
                    state = self
                        .done
                        .wait(state)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                SlotState::Done(parsed) => return parsed,
                SlotState::Free | SlotState::Taken => return None,
            }
        }
    }

    /// For a helper: starts on the file unless [`load_dir`] got there first.
    fn claim(&self) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if matches!(*state, SlotState::Free) {
            *state = SlotState::Busy;
            true
        } else {
            false
        }
    }

    fn finish(&self, parsed: Option<Box<Parsed>>) {
        *self.state.lock().unwrap_or_else(PoisonError::into_inner) = SlotState::Done(parsed);
        self.done.notify_all();
    }
}

/// The files [`load_dir`] will parse, in its order: `*.ron` files not starting with `.`,
/// without sync conflict copies.
fn files_to_parse(dir: &Path) -> Vec<PathBuf> {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, PathBuf)> = listing
        .filter_map(Result::ok)
        .map(|entry| {
            (
                entry.file_name().to_string_lossy().into_owned(),
                entry.path(),
            )
        })
        .filter(|(name, _)| !name.starts_with('.') && name.ends_with(".ron"))
        .collect();
    files.sort();
    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    let copies: Vec<String> = find_conflicts(&names).into_iter().map(|c| c.copy).collect();
    files
        .into_iter()
        .filter(|(name, _)| !copies.contains(name))
        .map(|(_, path)| path)
        .collect()
}

/// Reads and digests a file on a helper thread; `None` for anything but a sound record.
fn parse_file(path: &Path) -> Option<Box<Parsed>> {
    let text = std::fs::read_to_string(path).ok()?;
    let record = parse_record(&text).ok()?;
    Some(Box::new(digest(path, record)))
}

/// [`load_dir`] with `helpers` extra threads parsing files ahead of it, from the last file
/// back. [`load_dir`] still lists and reads every file and decides about each one (a file a
/// helper could not parse is parsed again from [`load_dir`]'s text, so damaged and newer
/// files are judged exactly as without helpers); a helper only saves it the parsing of the
/// sound ones.
fn load_meetings(dir: &Path, set_aside: SetAside<'_>, helpers: usize) -> DirLoad<Box<Parsed>> {
    let parse_here = |path: &Path, text: &str| -> Result<Box<Parsed>, Rejection> {
        Ok(Box::new(digest(path, parse_record(text)?)))
    };
    if helpers == 0 {
        return load_dir(dir, set_aside, parse_here);
    }
    let files = files_to_parse(dir);
    let slots: Vec<Slot> = files
        .iter()
        .map(|_| Slot {
            state: Mutex::new(SlotState::Free),
            done: Condvar::new(),
        })
        .collect();
    let slot_of: HashMap<&Path, &Slot> = files.iter().map(PathBuf::as_path).zip(&slots).collect();
    let taken = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(|| {
                // From the last file back, while load_dir works from the first: they meet
                // once, instead of load_dir waiting for a helper at every file.
                loop {
                    let from_end = taken.fetch_add(1, Ordering::Relaxed);
                    let Some(i) = files.len().checked_sub(from_end + 1) else {
                        break;
                    };
                    let (Some(path), Some(slot)) = (files.get(i), slots.get(i)) else {
                        break;
                    };
                    if !slot.claim() {
                        break; // load_dir got here first: the rest is behind it.
                    }
                    // Should parsing ever panic, load_dir must not wait for this file
                    // forever: it then parses the file itself.
                    let parsed = std::panic::catch_unwind(|| parse_file(path)).ok().flatten();
                    slot.finish(parsed);
                }
            });
        }
        load_dir(dir, set_aside, |path, text| {
            match slot_of.get(path).and_then(|slot| slot.take()) {
                Some(parsed) => Ok(parsed),
                None => parse_here(path, text),
            }
        })
    })
}

/// A member's key for matching names across meetings: trimmed and folded, so "Anne" and
/// "anne " are one person.
fn member_key(name: &str) -> String {
    fold_for_search(name.trim())
}

impl History {
    /// Reads every meeting in `meetings_dir`. Damaged files are moved into quarantine, or
    /// left in place when this Kring only reads the group, as `set_aside` says; like files
    /// from a newer Kring (always left where they are), they are listed in
    /// [`Self::problems`]; sync conflict copies are not read and are listed in
    /// [`Self::conflicts`] (see [`load_dir`]). A missing folder is an empty history.
    ///
    /// Parsing, most of the time it takes, is spread over the cores (at most 3 helper
    /// threads beside this one); see the module documentation.
    pub fn load(meetings_dir: &Path, set_aside: SetAside<'_>) -> Self {
        let helpers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .saturating_sub(1)
            .min(MAX_HELPERS);
        Self::load_with_helpers(meetings_dir, set_aside, helpers)
    }

    /// [`Self::load`] with this many helper threads (0: all on this thread).
    fn load_with_helpers(meetings_dir: &Path, set_aside: SetAside<'_>, helpers: usize) -> Self {
        let load = load_meetings(meetings_dir, set_aside, helpers);
        let mut parsed: Vec<Box<Parsed>> = load.items.into_iter().map(|(_, p)| p).collect();
        parsed.sort_by(|a, b| {
            b.summary
                .started_at_ms
                .cmp(&a.summary.started_at_ms)
                .then_with(|| b.summary.path.cmp(&a.summary.path))
        });
        let mut history = Self {
            summaries: Vec::with_capacity(parsed.len()),
            meetings: Vec::with_capacity(parsed.len()),
            problems: load.problems,
            conflicts: load.conflicts,
            ..Self::default()
        };
        // Newest first, so the first spelling of a name met is its most recent one.
        for meeting in parsed {
            let (summary, data) = history.number(*meeting);
            history.summaries.push(summary);
            history.meetings.push(data);
        }
        history
    }

    /// Gives the names and phase ids of a meeting their numbers.
    fn number(&mut self, parsed: Parsed) -> (MeetingSummary, MeetingData) {
        let mut people = Vec::with_capacity(parsed.people.len());
        for name in &parsed.people {
            let n = self.members.number(member_key(name), name);
            if !people.contains(&n) {
                people.push(n);
            }
        }
        let inbrenger = parsed
            .inbrenger
            .as_deref()
            .map(|name| self.members.number(member_key(name), name));
        let phases = parsed
            .phases
            .iter()
            .map(|(id, planned, actual)| (self.phase_ids.number(id.clone(), id), *planned, *actual))
            .collect();
        let data = MeetingData {
            index: parsed.index,
            follow_ups: parsed.follow_ups,
            phases,
            early_advice: parsed.early_advice,
            question_tags: parsed.question_tags,
            people,
            inbrenger,
        };
        (parsed.summary, data)
    }

    /// How many meetings were read.
    pub fn len(&self) -> usize {
        self.summaries.len()
    }

    /// Whether no meeting was read.
    pub fn is_empty(&self) -> bool {
        self.summaries.is_empty()
    }

    /// The meetings, newest first (by start; same start: by file name, last first). An index
    /// into this list is what the other methods call a meeting index.
    pub fn summaries(&self) -> &[MeetingSummary] {
        &self.summaries
    }

    /// The whole record of meeting `index`, read from its file: records are not kept in
    /// memory (see the module documentation), so keep the one on screen rather than ask for
    /// it every frame. The error is typed; `crate::i18n::store_error` words it.
    pub fn record(&self, index: usize) -> Result<MeetingRecord, StoreError> {
        let summary = self
            .summaries
            .get(index)
            .ok_or_else(|| self.no_meeting(index))?;
        load_record(&summary.path)
    }

    /// Meeting `index` is not (or no longer) in the history: reopen it.
    fn no_meeting(&self, index: usize) -> StoreError {
        let folder = self
            .summaries
            .first()
            .and_then(|s| s.path.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        log::warn!("no meeting {index} in a history of {}", self.len());
        StoreError::new(StoreErrorKind::ChangedElsewhere, folder)
    }

    /// Files that could not be read, to show to the user.
    pub fn problems(&self) -> &[LoadProblem] {
        &self.problems
    }

    /// Sync conflict copies found beside the meetings, to show to the user.
    pub fn conflicts(&self) -> &[ConflictFile] {
        &self.conflicts
    }

    /// The meetings in which every word of `query` occurs (in any of the texts listed in
    /// [`HitField`]), newest first, one hit per meeting at the first match of any word.
    /// Case and accents do not matter ("Cliënt" finds "client"); a word matches inside longer
    /// words ("grens" finds "grensgeval"). A blank query finds nothing.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let folded = fold_for_search(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for (index, meeting) in self.meetings.iter().enumerate() {
            let folded = &meeting.index.folded;
            // `contains` has a vectorised path that `find` lacks: most meetings are ruled
            // out by it, and only the matching ones are searched again for the position.
            if !words.iter().all(|word| folded.contains(word)) {
                continue;
            }
            let first = words
                .iter()
                .filter_map(|word| folded.find(word))
                .min()
                .unwrap_or_default();
            if let Some((segment, text)) = meeting.index.segment_at(first) {
                hits.push(SearchHit {
                    index,
                    field: segment.field,
                    snippet: snippet(text, first - segment.folded_start as usize),
                });
            }
        }
        hits
    }

    /// Follow-up steps not yet done: `(meeting index, follow-up index, step)`, newest
    /// meeting first, steps in the order of the record.
    pub fn open_follow_ups(&self) -> Vec<(usize, usize, &FollowUp)> {
        self.meetings
            .iter()
            .enumerate()
            .flat_map(|(m, meeting)| {
                meeting
                    .follow_ups
                    .iter()
                    .enumerate()
                    .filter(|(_, step)| !step.done)
                    .map(move |(f, step)| (m, f, step))
            })
            .collect()
    }

    /// Marks follow-up step `follow_up` of meeting `meeting` done (or not done) and rewrites
    /// that meeting's file atomically. The file is read again first, so a change made
    /// elsewhere since loading is kept; only the step's `done` changes (a file in an older
    /// format is written in the current one). When the step in the file is no longer the one
    /// shown, nothing is written and the error says to reopen the history. Needs the group's
    /// write handle.
    pub fn mark_follow_up(
        &mut self,
        group: &GroupLock,
        meeting: usize,
        follow_up: usize,
        done: bool,
    ) -> Result<(), StoreError> {
        let (Some(summary), Some(data)) = (self.summaries.get(meeting), self.meetings.get(meeting))
        else {
            return Err(self.no_meeting(meeting));
        };
        let path = summary.path.clone();
        let changed_elsewhere = || StoreError::new(StoreErrorKind::ChangedElsewhere, &path);
        let Some(step) = data.follow_ups.get(follow_up) else {
            return Err(changed_elsewhere());
        };
        let mut on_disk = load_record(&path)?;
        let Some(disk_step) = on_disk.content.follow_ups.get_mut(follow_up) else {
            return Err(changed_elsewhere());
        };
        if disk_step.what != step.what || disk_step.who != step.who {
            return Err(changed_elsewhere());
        }
        disk_step.done = done;
        let text = to_ron(&on_disk).map_err(|err| StoreError::serialize(&path, &err))?;
        group.write_file(&path, text.as_bytes())?;
        let (summary, data) = self.number(digest(&path, on_disk));
        if let (Some(old_summary), Some(old_data)) = (
            self.summaries.get_mut(meeting),
            self.meetings.get_mut(meeting),
        ) {
            *old_summary = summary;
            *old_data = data;
        }
        Ok(())
    }

    /// The meetings oldest first, for figures over time.
    fn chronological(&self) -> impl Iterator<Item = (&MeetingSummary, &MeetingData)> {
        self.summaries.iter().zip(&self.meetings).rev()
    }

    /// Per meeting, oldest first: its start, protocol id and, per phase that was reached,
    /// `(phase id, planned minutes, actual minutes)`. Planned is the protocol's plan for the
    /// phase with its preparation moment (the leader's changes not included), actual the time
    /// from opening to closing, as in the record. Phases the meeting never reached are left
    /// out.
    pub fn phase_timing(&self) -> Vec<(i64, String, Vec<PhaseTiming>)> {
        self.chronological()
            .map(|(summary, meeting)| {
                let phases = meeting
                    .phases
                    .iter()
                    .map(|&(id, planned, actual)| {
                        (self.phase_ids.text(id).to_owned(), planned, actual)
                    })
                    .collect();
                (summary.started_at_ms, summary.protocol_id.clone(), phases)
            })
            .collect()
    }

    /// Per meeting, oldest first: its start and how often the leader noted advice given
    /// before its time.
    pub fn early_advice_over_time(&self) -> Vec<(i64, u32)> {
        self.chronological()
            .map(|(summary, meeting)| (summary.started_at_ms, meeting.early_advice))
            .collect()
    }

    /// Per meeting, oldest first: its start and how many logged questions were open, closed,
    /// suggestive, about facts and about experience.
    pub fn question_tags_over_time(&self) -> Vec<QuestionTags> {
        self.chronological()
            .map(|(summary, meeting)| {
                let [open, closed, suggestive, facts, experience] = meeting.question_tags;
                (
                    summary.started_at_ms,
                    open,
                    closed,
                    suggestive,
                    facts,
                    experience,
                )
            })
            .collect()
    }

    /// Every member named in a meeting (present, or the inbrenger), with how often they
    /// brought the case. Whoever has waited longest comes first: those who never brought a
    /// case (most meetings attended first), then those whose last case is longest ago. Names
    /// match whatever their case and accents and are shown as written at the member's most
    /// recent meeting.
    ///
    /// Meetings where only a head count was noted count for nobody.
    pub fn turns(&self) -> Vec<MemberTurns> {
        let mut turns: Vec<MemberTurns> = self
            .members
            .entries
            .iter()
            .map(|(_, name)| MemberTurns {
                name: name.clone(),
                times_inbrenger: 0,
                last_brought_ms: None,
                meetings_attended: 0,
            })
            .collect();
        for (summary, meeting) in self.summaries.iter().zip(&self.meetings) {
            for &n in &meeting.people {
                let Some(member) = turns.get_mut(n as usize) else {
                    continue;
                };
                member.meetings_attended += 1;
                if meeting.inbrenger == Some(n) {
                    member.times_inbrenger += 1;
                    let ms = summary.started_at_ms;
                    member.last_brought_ms = Some(member.last_brought_ms.map_or(ms, |l| l.max(ms)));
                }
            }
        }
        let mut numbered: Vec<(u32, MemberTurns)> = (0..).zip(turns).collect();
        numbered.retain(|(_, t)| t.meetings_attended > 0);
        numbered.sort_by(|(n_a, a), (n_b, b)| {
            match (a.last_brought_ms, b.last_brought_ms) {
                (None, None) => b.meetings_attended.cmp(&a.meetings_attended),
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (Some(a_ms), Some(b_ms)) => a_ms.cmp(&b_ms),
            }
            .then_with(|| self.members.key(*n_a).cmp(self.members.key(*n_b)))
        });
        numbered.into_iter().map(|(_, t)| t).collect()
    }

    /// Per member (named as in [`Self::turns`]), sorted by name: `(name, meetings attended,
    /// minutes attended)`, the minutes being each meeting's from start to end, breaks
    /// included. For the proof of intervision hours some registers ask for.
    pub fn attendance_hours(&self) -> Vec<(String, usize, i64)> {
        let mut hours: Vec<(usize, i64)> = vec![(0, 0); self.members.entries.len()];
        for (summary, meeting) in self.summaries.iter().zip(&self.meetings) {
            for &n in &meeting.people {
                if let Some((meetings, minutes)) = hours.get_mut(n as usize) {
                    *meetings += 1;
                    *minutes += summary.actual_minutes;
                }
            }
        }
        let mut rows: Vec<(&str, (String, usize, i64))> = self
            .members
            .entries
            .iter()
            .zip(hours)
            .filter(|(_, (meetings, _))| *meetings > 0)
            .map(|((key, name), (meetings, minutes))| {
                (key.as_str(), (name.clone(), meetings, minutes))
            })
            .collect();
        rows.sort_by_key(|(key, _)| *key);
        rows.into_iter().map(|(_, row)| row).collect()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    use super::*;
    use crate::model::{
        FollowUp, MeetingContent, PhaseRecord, Problem, Question, QuestionFocus, QuestionKind,
        RECORD_FORMAT_VERSION,
    };
    use crate::store::{QUARANTINE_DIR, save_record};

    const MINUTE_MS: i64 = 60_000;
    const DAY_MS: i64 = 24 * 60 * MINUTE_MS;
    /// 2026-01-05 19:30 UTC.
    const START_MS: i64 = 1_767_641_400_000;

    fn local(ms: i64) -> String {
        jiff::Timestamp::from_millisecond(ms)
            .expect("time")
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    fn phase(id: &str, planned_minutes: i32, actual_secs: i64) -> PhaseRecord {
        PhaseRecord {
            id: id.to_owned(),
            title: Text::new(id, id),
            outcome: PhaseOutcome::Done,
            planned_minutes,
            prepare_minutes: 1,
            adjusted_minutes: 0,
            actual_secs,
            run_secs: actual_secs,
            overrun_secs: 0,
        }
    }

    /// A meeting on day `day` after [`START_MS`] with these people, this inbrenger (who
    /// brings the chosen problem) and these pieces of advice.
    fn meeting(
        day: i64,
        present: &[&str],
        inbrenger: Option<&str>,
        advice: &[&str],
    ) -> MeetingRecord {
        let started_at_ms = START_MS + day * DAY_MS;
        let mut content = MeetingContent::default();
        for name in present {
            content.add_present(name);
        }
        let id = content
            .add_problem(
                &format!("Casus van dag {day}"),
                "Een regel",
                inbrenger.map(str::to_owned),
            )
            .expect("problem");
        content.choose(id);
        content.inbrenger = inbrenger.map(str::to_owned);
        let mut rng = StdRng::seed_from_u64(day as u64);
        for text in advice {
            content.advice.add(text, &mut rng);
        }
        MeetingRecord {
            format_version: RECORD_FORMAT_VERSION,
            protocol_id: "balint-8-stappen".into(),
            protocol_version: 1,
            protocol_name: Text::new("Balint, 8 stappen", "Balint, 8 steps"),
            started_at_ms,
            ended_at_ms: started_at_ms + 75 * MINUTE_MS,
            started_local: local(started_at_ms),
            ended_early: false,
            planned_minutes: 70,
            phases: vec![phase("vraag", 5, 420), phase("beeldvorming", 10, 540)],
            breaks: Vec::new(),
            content,
        }
    }

    /// The write handle of the group folder that holds `meetings`.
    fn writer(meetings: &Path) -> GroupLock {
        match GroupLock::acquire(meetings.parent().expect("group folder"), 0) {
            crate::store::LockOutcome::Acquired(lock) => lock,
            other => panic!("no lock: {other:?}"),
        }
    }

    fn save_all(dir: &Path, records: &[MeetingRecord]) {
        for record in records {
            save_record(&writer(dir), record).expect("save");
        }
    }

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold_for_search("Cliënt ÉÈÊË café"), "client eeee cafe");
        assert_eq!(fold_for_search("Straße ĳsje Œuvre"), "strasse ijsje oeuvre");
        assert_eq!(fold_for_search("e\u{301}en\ttwee\nDRIE"), "een twee drie");
        assert_eq!(fold_for_search("‘zo’ – dus"), "'zo' - dus");
    }

    #[test]
    fn meetings_come_newest_first_with_their_summary() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        save_all(
            &dir,
            &[
                meeting(7, &["An", "Bo"], Some("Bo"), &[]),
                meeting(1, &["An"], None, &[]),
                meeting(30, &["An", "Cas"], Some("An"), &[]),
            ],
        );
        let history = History::load(&dir, SetAside::Own(root.path()));
        let days: Vec<i64> = history
            .summaries()
            .iter()
            .map(|s| (s.started_at_ms - START_MS) / DAY_MS)
            .collect();
        assert_eq!(days, [30, 7, 1]);
        let newest = &history.summaries()[0];
        assert_eq!(newest.inbrenger.as_deref(), Some("An"));
        assert_eq!(newest.case_title.as_deref(), Some("Casus van dag 30"));
        assert_eq!((newest.planned_minutes, newest.actual_minutes), (70, 75));
        assert_eq!(newest.protocol_id, "balint-8-stappen");
        assert!(newest.path.starts_with(&dir));
        assert_eq!(
            history.record(0).map(|r| r.started_at_ms).ok(),
            Some(newest.started_at_ms)
        );
        let err = history.record(3).expect_err("there are three");
        assert_eq!(err.kind, StoreErrorKind::ChangedElsewhere, "{err}");
        assert!(history.problems().is_empty() && history.conflicts().is_empty());
    }

    fn search_history() -> (tempfile::TempDir, History) {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        let mut with_decision = meeting(2, &["An"], Some("An"), &["Bespreek het met je team."]);
        with_decision.content.decision = "Ik stel een grens aan de bereikbaarheid.".into();
        with_decision.content.follow_ups.push(FollowUp {
            what: "Teamoverleg plannen".into(),
            who: "An".into(),
            by_when: "volgende week".into(),
            done: false,
        });
        save_all(
            &dir,
            &[
                meeting(
                    1,
                    &["An", "Bo"],
                    Some("Bo"),
                    &[
                        "Drink eerst een kop koffie.",
                        "Maak samen met de cliënt een Zelfzorgplán voor de avonduren, en \
                         bespreek het daarna met je leidinggevende.",
                    ],
                ),
                with_decision,
                meeting(3, &["Cas"], None, &["Neem de tijd."]),
            ],
        );
        let history = History::load(&dir, SetAside::Own(root.path()));
        assert_eq!(history.len(), 3);
        (root, history)
    }

    #[test]
    fn search_finds_a_word_only_in_one_advice_whatever_its_case_and_accents() {
        let (_root, history) = search_history();
        for query in [
            "zelfzorgplan",
            "ZELFZORGPLAN",
            "Zelfzorgplán",
            "zélfzorgplan",
        ] {
            let hits = history.search(query);
            assert_eq!(hits.len(), 1, "{query}: {hits:?}");
            let hit = &hits[0];
            assert_eq!(
                history.summaries()[hit.index].started_at_ms,
                START_MS + DAY_MS
            );
            assert_eq!(hit.field, HitField::Advice);
            assert!(hit.snippet.contains("Zelfzorgplán"), "{}", hit.snippet);
            assert!(hit.snippet.contains("cliënt"), "{}", hit.snippet);
        }
        // Accents in the text, none in the query.
        assert_eq!(history.search("CLIENT").len(), 1);
        let decision = history.search("grens");
        assert_eq!(decision.len(), 1);
        assert_eq!(decision[0].field, HitField::Decision);
        assert_eq!(history.search("teamoverleg")[0].field, HitField::FollowUp);
        assert_eq!(
            history.search("casus van dag 3")[0].field,
            HitField::CaseTitle
        );
    }

    #[test]
    fn search_needs_every_word_in_the_same_meeting() {
        let (_root, history) = search_history();
        // "koffie" and "zelfzorgplan" are in one meeting, "grens" in another.
        let both = history.search("koffie zelfzorgplan");
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].field, HitField::Advice);
        assert!(history.search("koffie grens").is_empty());
        // "bespreek" is in two meetings; with "team" only in the second.
        assert_eq!(history.search("bespreek").len(), 2);
        let hits = history.search("bespreek team");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            history.summaries()[hits[0].index].started_at_ms,
            START_MS + 2 * DAY_MS
        );
    }

    #[test]
    fn search_finds_nothing_that_is_not_in_a_record() {
        let (_root, history) = search_history();
        assert!(history.search("kladblok").is_empty());
        assert!(history.search("   ").is_empty());
        // Protocol and phase names are in the record but are not meeting content.
        assert!(history.search("beeldvorming").is_empty());
        // Names of those present are not one of the searched texts either.
        assert!(
            history
                .search("Cas")
                .iter()
                .all(|h| h.field == HitField::CaseTitle)
        );
    }

    #[test]
    fn snippets_are_cut_at_words_around_the_match() {
        let text = format!("{} midden {}", "voor ".repeat(30), "na ".repeat(40));
        let at = fold_for_search(&text).find("midden").expect("found");
        let snip = snippet(&text, at);
        assert!(snip.starts_with("…voor"), "{snip}");
        assert!(snip.ends_with("na…"), "{snip}");
        assert!(snip.contains("voor midden na"), "{snip}");
        assert_eq!(snippet("Één woord", 0), "Één woord");
        // A match after characters that fold to more (or fewer) bytes.
        let text = "Straße ĳs e\u{301} Zoek";
        let at = fold_for_search(text).find("zoek").expect("found");
        assert_eq!(snippet(text, at), text);
    }

    #[test]
    fn a_follow_up_marked_done_is_saved_and_no_longer_open() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        let mut record = meeting(1, &["An"], Some("An"), &["Advies"]);
        for (what, done) in [("Bellen", false), ("Mailen", true), ("Plannen", false)] {
            record.content.follow_ups.push(FollowUp {
                what: what.into(),
                who: "An".into(),
                by_when: String::new(),
                done,
            });
        }
        save_all(&dir, &[record, meeting(2, &["Bo"], None, &[])]);
        let mut history = History::load(&dir, SetAside::Own(root.path()));
        let open: Vec<(usize, usize, &str)> = history
            .open_follow_ups()
            .into_iter()
            .map(|(m, f, step)| (m, f, step.what.as_str()))
            .collect();
        assert_eq!(open, [(1, 0, "Bellen"), (1, 2, "Plannen")]);

        let path = history.summaries()[1].path.clone();
        let before = std::fs::read_to_string(&path).expect("read");
        history
            .mark_follow_up(&writer(&dir), 1, 2, true)
            .expect("mark");
        let after = std::fs::read_to_string(&path).expect("read");
        let changed: Vec<(&str, &str)> = before
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert_eq!(changed[0].0.trim(), "done: false,");
        assert_eq!(changed[0].1.trim(), "done: true,");
        assert_eq!(before.lines().count(), after.lines().count());
        assert_eq!(history.open_follow_ups().len(), 1);

        let reloaded = History::load(&dir, SetAside::Own(root.path()));
        let open: Vec<(usize, usize)> = reloaded
            .open_follow_ups()
            .into_iter()
            .map(|(m, f, _)| (m, f))
            .collect();
        assert_eq!(open, [(1, 0)]);
        assert!(reloaded.record(1).expect("record").content.follow_ups[2].done);

        // And back.
        let mut history = reloaded;
        history
            .mark_follow_up(&writer(&dir), 1, 1, false)
            .expect("unmark");
        assert_eq!(
            History::load(&dir, SetAside::Own(root.path()))
                .open_follow_ups()
                .len(),
            2
        );

        assert!(history.mark_follow_up(&writer(&dir), 5, 0, true).is_err());
        let err = history
            .mark_follow_up(&writer(&dir), 1, 9, true)
            .expect_err("no such step");
        assert_eq!(err.kind, StoreErrorKind::ChangedElsewhere, "{err}");
    }

    #[test]
    fn marking_a_step_in_a_file_changed_elsewhere_is_refused() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        let mut record = meeting(1, &["An"], Some("An"), &[]);
        record.content.follow_ups.push(FollowUp {
            what: "Bellen".into(),
            ..FollowUp::default()
        });
        save_all(&dir, &[record.clone()]);
        let mut history = History::load(&dir, SetAside::Own(root.path()));
        record.content.follow_ups[0].what = "Mailen".into();
        let path = history.summaries()[0].path.clone();
        std::fs::write(&path, to_ron(&record).expect("ron")).expect("write");
        let err = history
            .mark_follow_up(&writer(&dir), 0, 0, true)
            .expect_err("changed");
        assert!(err.to_string().contains("changed elsewhere"), "{err}");
        let on_disk = load_record(&path).expect("load");
        assert!(
            !on_disk.content.follow_ups[0].done,
            "the file is left alone"
        );
    }

    #[test]
    fn turns_put_who_waited_longest_first() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        save_all(
            &dir,
            &[
                meeting(1, &["An", "Bo", "Cas", "Dee"], Some("An"), &[]),
                meeting(2, &["An", "Bo", "Cas", "Dee"], Some("Bo"), &[]),
                meeting(3, &["an ", "Bo", "Cas"], Some("an"), &[]),
                // Eef came once; Dee came twice and never brought a case.
                meeting(4, &["Bo", "Éef"], Some("Bo"), &[]),
                // Only a head count: counts for nobody.
                meeting(5, &[], None, &[]),
            ],
        );
        let history = History::load(&dir, SetAside::Own(root.path()));
        let turns = history.turns();
        let turns: Vec<(&str, usize, Option<i64>, usize)> = turns
            .iter()
            .map(|t| {
                (
                    t.name.as_str(),
                    t.times_inbrenger,
                    t.last_brought_ms.map(|ms| (ms - START_MS) / DAY_MS),
                    t.meetings_attended,
                )
            })
            .collect();
        assert_eq!(
            turns,
            [
                ("Cas", 0, None, 3),
                ("Dee", 0, None, 2),
                ("Éef", 0, None, 1),
                ("an", 2, Some(3), 3),
                ("Bo", 2, Some(4), 4),
            ]
        );

        let hours = history.attendance_hours();
        assert_eq!(
            hours,
            [
                ("an".to_owned(), 3, 225),
                ("Bo".to_owned(), 4, 300),
                ("Cas".to_owned(), 3, 225),
                ("Dee".to_owned(), 2, 150),
                ("Éef".to_owned(), 1, 75),
            ]
        );
    }

    #[test]
    fn reflection_figures_run_oldest_first() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        let mut second = meeting(2, &["An"], Some("An"), &[]);
        second.content.early_advice = 3;
        for (kind, focus) in [
            (QuestionKind::Open, QuestionFocus::Experience),
            (QuestionKind::Open, QuestionFocus::Facts),
            (QuestionKind::Closed, QuestionFocus::Facts),
            (QuestionKind::Suggestive, QuestionFocus::Facts),
        ] {
            second.content.questions.push(Question {
                text: "?".into(),
                kind,
                focus,
            });
        }
        second.phases[1].outcome = PhaseOutcome::NotReached;
        save_all(&dir, &[second, meeting(1, &["An"], None, &[])]);
        let history = History::load(&dir, SetAside::Own(root.path()));
        let day1 = START_MS + DAY_MS;
        let day2 = START_MS + 2 * DAY_MS;
        assert_eq!(history.early_advice_over_time(), [(day1, 0), (day2, 3)]);
        assert_eq!(
            history.question_tags_over_time(),
            [(day1, 0, 0, 0, 0, 0), (day2, 2, 1, 1, 3, 1)]
        );
        let timing = history.phase_timing();
        assert_eq!(timing.len(), 2);
        assert_eq!(timing[0].0, day1);
        assert_eq!(timing[0].1, "balint-8-stappen");
        assert_eq!(
            timing[0].2,
            [
                ("vraag".to_owned(), 6, 7),
                ("beeldvorming".to_owned(), 11, 9)
            ]
        );
        assert_eq!(
            timing[1].2,
            [("vraag".to_owned(), 6, 7)],
            "not reached is left out"
        );
    }

    /// Issue 9, point 4: a record from a newer Kring with a field and a variant this build
    /// does not know is left where it is and listed, not called damaged.
    #[test]
    fn a_newer_record_with_unknown_fields_stays_in_place_and_is_listed() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        save_all(&dir, &[meeting(1, &["An"], None, &[])]);
        let mut future = meeting(2, &["An"], None, &[]);
        future.format_version = 99;
        // A new field, and a known field in a shape this build cannot parse.
        let old_start = format!("started_local: \"{}\"", future.started_local);
        let text = to_ron(&future)
            .expect("ron")
            .replacen(
                "(",
                "(\n    seating: Circle(chairs: 9, empty_chair: true),",
                1,
            )
            .replace(
                &old_start,
                "started_local: Local(date: \"2026-01-02\", time: \"19:30\")",
            );
        assert!(text.contains("Local(date"), "{text}");
        let newer = dir.join("2026-01-02_1930_balint-8-stappen.ron");
        std::fs::write(&newer, &text).expect("write");

        let lock = writer(&dir);
        let history = History::load(&dir, SetAside::Group(&lock, root.path()));
        assert_eq!(history.len(), 1);
        let problem = &history.problems()[0];
        assert_eq!(problem.path, newer);
        assert_eq!(problem.moved_to, None, "{problem}");
        assert!(
            problem.reason.to_string().contains("newer Kring"),
            "{problem}"
        );
        assert!(
            problem.reason.to_string().contains("update Kring"),
            "{problem}"
        );
        assert_eq!(std::fs::read_to_string(&newer).expect("untouched"), text);
        assert!(!root.path().join(QUARANTINE_DIR).exists());
        let err = load_record(&newer).expect_err("newer");
        assert!(err.to_string().contains("newer Kring"), "{err}");
    }

    /// Issue 9, point 5: a Kring without the write handle (another Kring has the group) leaves
    /// a damaged record where it is and lists it.
    #[test]
    fn a_read_only_kring_leaves_a_damaged_record_in_place() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        save_all(&dir, &[meeting(1, &["An"], None, &[])]);
        let damaged = dir.join("2026-02-01_1930_balint-8-stappen.ron");
        std::fs::write(&damaged, "(format_version: 2,\n protocol_id: ").expect("write");
        let _other_kring = writer(&dir);
        let history = History::load(&dir, SetAside::No);
        assert_eq!(history.len(), 1);
        let problem = &history.problems()[0];
        assert_eq!(
            (problem.path.as_path(), problem.moved_to.as_ref()),
            (damaged.as_path(), None)
        );
        assert!(problem.to_string().contains("only reads"), "{problem}");
        assert!(damaged.exists());
        assert!(!root.path().join(QUARANTINE_DIR).exists());
    }

    #[test]
    fn a_damaged_file_is_set_aside_and_a_conflict_copy_is_not_a_meeting() {
        // With and without helper threads: they must judge files alike.
        for helpers in [0, 1, 2] {
            let root = tempfile::tempdir().expect("tempdir");
            let dir = root.path().join("meetings");
            let records: Vec<MeetingRecord> = (1..=6)
                .map(|day| meeting(day, &["An"], None, &[]))
                .collect();
            save_all(&dir, &records);
            let damaged = dir.join("2026-02-01_1930_balint-8-stappen.ron");
            std::fs::write(&damaged, "(format_version: 2,\n protocol_id: ").expect("write");
            let newer = dir.join("2026-02-02_1930_balint-8-stappen.ron");
            let mut future = meeting(40, &["An"], None, &[]);
            future.format_version = RECORD_FORMAT_VERSION + 1;
            std::fs::write(&newer, to_ron(&future).expect("ron")).expect("write");
            let original =
                save_record(&writer(&dir), &meeting(7, &["Cas"], None, &["Uniek woord"]))
                    .expect("save");
            let copy = dir
                .join("2026-01-12_1930_balint-8-stappen.sync-conflict-20260112-201500-ABCDEF7.ron");
            std::fs::copy(&original, &copy).expect("copy");

            let history = History::load_with_helpers(&dir, SetAside::Own(root.path()), helpers);
            assert_eq!(history.len(), 7, "helpers: {helpers}");
            let days: Vec<i64> = history
                .summaries()
                .iter()
                .map(|s| (s.started_at_ms - START_MS) / DAY_MS)
                .collect();
            assert_eq!(days, [7, 6, 5, 4, 3, 2, 1]);
            assert_eq!(history.problems().len(), 2, "{:?}", history.problems());
            let problem = &history.problems()[0];
            assert_eq!(problem.path, damaged);
            assert_eq!(
                problem.moved_to,
                Some(
                    root.path()
                        .join(QUARANTINE_DIR)
                        .join("2026-02-01_1930_balint-8-stappen.ron")
                )
            );
            assert!(
                problem.reason.to_string().contains("(line 2, column"),
                "{}",
                problem.reason
            );
            assert!(!damaged.exists());
            let newer_problem = &history.problems()[1];
            assert_eq!(newer_problem.path, newer);
            assert_eq!(newer_problem.moved_to, None, "left for the newer Kring");
            assert!(newer_problem.reason.to_string().contains("update Kring"));
            assert!(newer.exists());
            assert_eq!(history.conflicts().len(), 1);
            assert_eq!(history.conflicts()[0].path, copy);
            assert_eq!(history.conflicts()[0].original, original);
            assert!(copy.exists(), "a conflict copy is left alone");
            assert_eq!(
                history.search("uniek woord").len(),
                1,
                "the copy is not searched"
            );
        }
    }

    /// The vocabulary of generated meetings, accents included.
    const WORDS: &str = "cliënt team grens gesprek collega avond zorg moeder afspraak telefoon boos verdriet
        twijfel leidinggevende dossier overleg ruimte vertrouwen school huisarts vader begeleiding plan weerstand
        gevoel ervaring keuze zorgen werkdruk rust contact situatie en de het een van met
        niet ik je wat hoe waarom zou kunnen willen moeten voelde zei café privé één reëel";
    const NAMES: &[&str] = &[
        "An", "Bo", "Cas", "Dee", "Eef", "Fien", "Gijs", "Hanneke", "Ids", "Joost", "Kim", "Lot",
    ];

    fn sentence(rng: &mut StdRng, words: usize) -> String {
        let vocabulary: Vec<&str> = WORDS.split_whitespace().collect();
        let mut text: Vec<&str> = (0..words)
            .map(|_| vocabulary[rng.random_range(0..vocabulary.len())])
            .collect();
        text.push("?");
        text.join(" ")
    }

    /// A meeting of realistic size: 8 present, 3 problems, 20 questions, 8 pieces of advice,
    /// a decision, 3 follow-ups, 4 notes, 5 insights, 8 phases.
    fn generated(n: usize, rng: &mut StdRng) -> MeetingRecord {
        let started_at_ms = START_MS - (n as i64) * 3 * DAY_MS;
        let mut content = MeetingContent::default();
        let start = rng.random_range(0..NAMES.len());
        for k in 0..8 {
            content.add_present(NAMES[(start + k) % NAMES.len()]);
        }
        for k in 0..3 {
            content.problems.push(Problem {
                id: k + 1,
                title: sentence(rng, 4),
                line: sentence(rng, 12),
                owner: Some(content.present[k as usize].clone()),
                votes: k,
                question: Some(sentence(rng, 10)),
            });
        }
        content.choose(rng.random_range(1..=3));
        for _ in 0..20 {
            content.questions.push(Question {
                text: sentence(rng, 12),
                kind: QuestionKind::Open,
                focus: QuestionFocus::Experience,
            });
        }
        for _ in 0..8 {
            content.advice.add(&sentence(rng, 25), rng);
        }
        content.decision = sentence(rng, 30);
        for _ in 0..3 {
            content.follow_ups.push(FollowUp {
                what: sentence(rng, 8),
                who: content.present[0].clone(),
                by_when: "volgende keer".into(),
                done: rng.random_bool(0.7),
            });
        }
        for phase in ["vraag", "associeren", "beeldvorming", "ervaringen"] {
            content.notes.insert(phase.into(), sentence(rng, 30));
        }
        for _ in 0..5 {
            content.insights.push(sentence(rng, 5));
        }
        content.early_advice = rng.random_range(0..4);
        let phases = (0..8)
            .map(|k| phase(&format!("fase-{k}"), 10, rng.random_range(300..900)))
            .collect();
        MeetingRecord {
            format_version: RECORD_FORMAT_VERSION,
            protocol_id: "balint-8-stappen".into(),
            protocol_version: 1,
            protocol_name: Text::new("Balint, 8 stappen", "Balint, 8 steps"),
            started_at_ms,
            ended_at_ms: started_at_ms + 80 * MINUTE_MS,
            started_local: local(started_at_ms),
            ended_early: false,
            planned_minutes: 70,
            phases,
            breaks: Vec::new(),
            content,
        }
    }

    fn resident_kb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// How long opening and searching a history of 10,000 meetings takes. Not run by
    /// default (it writes 10,000 files); run it with
    /// `cargo test --lib ten_thousand_meetings -- --ignored --nocapture`
    /// (add `--release` for the figures that matter). It prints, it does not judge: timing
    /// depends on the machine.
    #[test]
    #[ignore = "slow: writes and reads 10,000 files; run by hand to measure"]
    fn ten_thousand_meetings() {
        let count: usize = std::env::var("KRING_BENCH_MEETINGS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(10_000);
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        let mut rng = StdRng::seed_from_u64(7);
        let clock = Instant::now();
        let mut bytes = 0;
        for n in 0..count {
            let mut record = generated(n, &mut rng);
            if n == count / 2 {
                record.content.advice.add("Een Naaldhakje-advies", &mut rng);
            }
            let path = save_record(&writer(&dir), &record).expect("save");
            bytes += std::fs::metadata(path).expect("meta").len();
        }
        println!(
            "wrote {count} meetings, {:.1} MB, in {:.2?}",
            bytes as f64 / 1e6,
            clock.elapsed()
        );

        let rss_before = resident_kb();
        let clock = Instant::now();
        let history = History::load(&dir, SetAside::Own(root.path()));
        let load_time = clock.elapsed();
        let rss_after = resident_kb();
        assert_eq!(history.len(), count);
        let index_bytes: usize = history
            .meetings
            .iter()
            .map(|m| m.index.text.len() + m.index.folded.len())
            .sum();
        println!(
            "History::load: {load_time:.2?}; search texts (as written + folded) {:.1} MB; \
             resident memory grew {} MB",
            index_bytes as f64 / 1e6,
            match (rss_before, rss_after) {
                (Some(a), Some(b)) => format!("{}", b.saturating_sub(a) / 1024),
                _ => "(unknown)".to_owned(),
            }
        );
        for helpers in [0, 1, 2] {
            let clock = Instant::now();
            let again = History::load_with_helpers(&dir, SetAside::Own(root.path()), helpers);
            println!(
                "History::load with {helpers} helper thread(s): {:.2?}",
                clock.elapsed()
            );
            assert_eq!(again.len(), count);
        }
        let clock = Instant::now();
        let load = load_dir(&dir, SetAside::Own(root.path()), |_, _| Ok::<_, String>(()));
        println!(
            "of which listing and reading the files: {:.2?}",
            clock.elapsed()
        );
        drop(load);

        for query in [
            "naaldhakje",
            "CLIENT grens",
            "reeel prive een",
            "zzzz",
            "de",
        ] {
            let clock = Instant::now();
            let hits = history.search(query);
            println!(
                "search {query:?}: {} hits in {:.2?}",
                hits.len(),
                clock.elapsed()
            );
        }
        assert_eq!(history.search("naaldhakje").len(), 1);
        let clock = Instant::now();
        let open = history.open_follow_ups().len();
        let turns = history.turns().len();
        let timing = history.phase_timing().len();
        println!(
            "open follow-ups ({open}), turns ({turns}), phase timing ({timing}): {:.2?}",
            clock.elapsed()
        );
    }
}
