//! The reflection figures over a history: phase timing, early advice and question tags over
//! time, whose turn it is to bring a case, and attendance hours.

use super::History;
use super::MeetingSummary;
use super::digest::MeetingData;

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

impl History {
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
