//! What is kept of a meeting once it has ended: one RON file per meeting in the group folder.

use serde::{Deserialize, Serialize};

use super::{MeetingContent, Parts, Text};

/// The meeting record format this build writes. Older formats are migrated when read:
/// format 1 (Kring 0.1) had no meeting content; it reads as a meeting without any.
/// Format 2 had no leader, co-leader or late and early minutes; it reads as a meeting
/// without them. Format 3 has them: an older Kring would drop them when it rewrites a record
/// (marking a follow-up step done), so it must turn a format 3 record down instead.
pub const RECORD_FORMAT_VERSION: u32 = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingRecord {
    pub format_version: u32,
    pub protocol_id: String,
    pub protocol_version: u32,
    pub protocol_name: Text,
    /// What the protocol calls its parts (phases or steps), so the record's screens and
    /// exports say the same word. Older records: phases.
    #[serde(default)]
    pub parts: Parts,
    /// Start of the meeting, milliseconds since the Unix epoch (UTC).
    pub started_at_ms: i64,
    pub ended_at_ms: i64,
    /// The start as local date and time, for people reading the file.
    pub started_local: String,
    /// The leader ended the meeting before its last phase was closed.
    pub ended_early: bool,
    /// Planned minutes of the protocol, preparation moments included.
    pub planned_minutes: i32,
    pub phases: Vec<PhaseRecord>,
    pub breaks: Vec<BreakRecord>,
    /// Who was there, the problems, questions, advice, decision, notes and insights.
    /// Never the scratchpad: it has no field here.
    #[serde(default)]
    pub content: MeetingContent,
}

impl MeetingRecord {
    /// Minutes from start to end, breaks included.
    pub fn duration_minutes(&self) -> i64 {
        round_minutes(self.ended_at_ms.saturating_sub(self.started_at_ms) / 1000)
    }

    /// The local start, from `started_local` ("2026-12-02 19:30").
    pub fn local_start(&self) -> Option<jiff::civil::DateTime> {
        jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M", self.started_local.trim().get(..16)?).ok()
    }

    /// The local end: the local start and the meeting's length.
    pub fn local_end(&self) -> Option<jiff::civil::DateTime> {
        self.local_start()?
            .checked_add(jiff::SignedDuration::from_mins(self.duration_minutes()))
            .ok()
    }

    /// Sets the real start and end, as local date and time (a correction after the meeting).
    /// The instants move by as much as the local times, so the record keeps its offset from
    /// UTC; an end before the start is the next day's. Returns false, changing nothing, when
    /// the record's own start cannot be read or the times make no sense.
    pub fn set_local_times(
        &mut self,
        start: jiff::civil::DateTime,
        end: jiff::civil::Time,
    ) -> bool {
        let Some(old) = self.local_start() else {
            return false;
        };
        let shift = old.duration_until(start);
        let mut end_at = start.date().to_datetime(end);
        if end_at <= start {
            end_at = match end_at.checked_add(jiff::SignedDuration::from_hours(24)) {
                Ok(next) => next,
                Err(_) => return false,
            };
        }
        let length = start.duration_until(end_at);
        let started_at_ms = self.started_at_ms.saturating_add(shift.as_millis() as i64);
        self.started_at_ms = started_at_ms;
        self.ended_at_ms = started_at_ms.saturating_add(length.as_millis() as i64);
        let rest = self.started_local.trim().get(16..).unwrap_or("").to_owned();
        self.started_local = format!("{}{rest}", start.strftime("%Y-%m-%d %H:%M"));
        true
    }

    pub fn skipped_phases(&self) -> impl Iterator<Item = &PhaseRecord> {
        self.phases
            .iter()
            .filter(|p| p.outcome == PhaseOutcome::Skipped)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhaseOutcome {
    /// The phase ran and was closed.
    Done,
    /// The leader skipped the phase.
    Skipped,
    /// The meeting ended while this phase was open.
    Interrupted,
    /// The meeting ended before this phase began.
    NotReached,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseRecord {
    pub id: String,
    pub title: Text,
    pub outcome: PhaseOutcome,
    /// Minutes the protocol plans for the phase (its run, without the preparation moment).
    pub planned_minutes: i32,
    pub prepare_minutes: i32,
    /// Minutes the leader added (positive) or took off (negative) during the meeting.
    pub adjusted_minutes: i32,
    /// Time the group spent in the phase, from opening to closing, breaks excluded.
    pub actual_secs: i64,
    /// Of which the countdown of the phase itself ran (pauses excluded).
    pub run_secs: i64,
    /// Time the group went on after the phase's countdown reached zero.
    pub overrun_secs: i64,
}

impl PhaseRecord {
    /// Actual minutes, rounded to the nearest minute.
    pub fn actual_minutes(&self) -> i64 {
        round_minutes(self.actual_secs)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakRecord {
    /// The phase that was open when the break began.
    pub during_phase: String,
    pub planned_secs: i64,
    pub actual_secs: i64,
}

fn round_minutes(secs: i64) -> i64 {
    (secs + 30).div_euclid(60)
}
