//! What the history keeps of one meeting: [`digest`] takes it from the record on any thread
//! ([`Parsed`], names still as text), [`History::number`] files it under the history's tables
//! ([`MeetingData`], names and phase ids as numbers).

use std::path::Path;

use crate::model::{FollowUp, MeetingRecord, PhaseOutcome, QuestionFocus, QuestionKind};

use super::fold::fold_for_search;
use super::search::SearchIndex;
use super::{History, MeetingSummary};

/// A meeting as read on any thread: its summary, search index and what the figures need, with
/// names and phase ids still as text.
pub(super) struct Parsed {
    pub(super) summary: MeetingSummary,
    index: SearchIndex,
    follow_ups: Vec<FollowUp>,
    phases: Vec<(String, i32, i64)>,
    early_advice: u32,
    question_tags: [usize; 5],
    /// Those present and the inbrenger, trimmed, blank names left out, each with their
    /// number on the group's roster when the record says it (older records: none).
    people: Vec<(String, Option<u32>)>,
    inbrenger: Option<(String, Option<u32>)>,
}

/// Takes from a record what the history keeps; the record itself is dropped.
pub(super) fn digest(path: &Path, record: MeetingRecord) -> Parsed {
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
        .map(|name| (name.to_owned(), content.member_of(name)))
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
            .map(|name| (name.to_owned(), content.member_of(name))),
    }
}

/// What the history keeps of a meeting besides its summary. Names and phase ids are numbers
/// into the history's tables, so each is stored once.
#[derive(Clone, Debug, Default)]
pub(super) struct MeetingData {
    pub(super) index: SearchIndex,
    pub(super) follow_ups: Vec<FollowUp>,
    /// `(phase id number, planned minutes, actual minutes)` of the phases reached.
    pub(super) phases: Vec<(u32, i32, i64)>,
    pub(super) early_advice: u32,
    /// Questions that were open, closed, suggestive, about facts, about experience.
    pub(super) question_tags: [usize; 5],
    /// Member numbers of those present and the inbrenger, each once.
    pub(super) people: Vec<u32>,
    pub(super) inbrenger: Option<u32>,
}

/// A member's key for matching names across meetings: trimmed and folded, so "Anne" and
/// "anne " are one person. A name the record links to the group's roster is keyed by the
/// member's number instead (see [`roster_key`]), so a corrected spelling stays one person.
fn member_key(name: &str, member: Option<u32>) -> String {
    match member {
        Some(id) => roster_key(id),
        None => fold_for_search(name.trim()),
    }
}

/// The key of roster member `id` in the history's table of names. It starts with a control
/// character, which no folded name does.
pub(super) fn roster_key(id: u32) -> String {
    format!("\u{1}{id}")
}

impl History {
    /// Gives the names and phase ids of a meeting their numbers.
    pub(super) fn number(&mut self, parsed: Parsed) -> (MeetingSummary, MeetingData) {
        let mut people = Vec::with_capacity(parsed.people.len());
        for (name, member) in &parsed.people {
            let n = self.members.number(member_key(name, *member), name);
            if !people.contains(&n) {
                people.push(n);
            }
        }
        let inbrenger = parsed
            .inbrenger
            .as_ref()
            .map(|(name, member)| self.members.number(member_key(name, *member), name));
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
}
