//! The reflection figures over a history: phase timing, early advice and question tags over
//! time, whose turn it is to bring a case, and attendance hours.

use std::collections::HashMap;

use super::History;
use super::MeetingSummary;
use super::digest::{MeetingData, roster_key};
use crate::model::{Member, name_key};

/// The people of a history: who each name in the history's table is, once the group's roster
/// is known. See [`History::people`].
struct People {
    /// Per person: the name shown and the key they sort by.
    names: Vec<(String, String)>,
    /// Per entry of the history's table of names: the person it is.
    of_entry: Vec<usize>,
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
    /// Meetings where only a head count was noted count for nobody. Who is who follows the
    /// group's `roster`, as in [`Self::attendance_hours`].
    pub fn turns(&self, roster: &[Member]) -> Vec<MemberTurns> {
        let people = self.people(roster);
        let mut turns: Vec<MemberTurns> = people
            .names
            .iter()
            .map(|(name, _)| MemberTurns {
                name: name.clone(),
                times_inbrenger: 0,
                last_brought_ms: None,
                meetings_attended: 0,
            })
            .collect();
        for (summary, meeting) in self.summaries.iter().zip(&self.meetings) {
            let inbrenger = meeting
                .inbrenger
                .and_then(|n| people.of_entry.get(n as usize).copied());
            for n in people.in_meeting(meeting) {
                let Some(member) = turns.get_mut(n) else {
                    continue;
                };
                member.meetings_attended += 1;
                if inbrenger == Some(n) {
                    member.times_inbrenger += 1;
                    let ms = summary.started_at_ms;
                    member.last_brought_ms = Some(member.last_brought_ms.map_or(ms, |l| l.max(ms)));
                }
            }
        }
        let mut numbered: Vec<(usize, MemberTurns)> = (0..).zip(turns).collect();
        numbered.retain(|(_, t)| t.meetings_attended > 0);
        numbered.sort_by(|(n_a, a), (n_b, b)| {
            match (a.last_brought_ms, b.last_brought_ms) {
                (None, None) => b.meetings_attended.cmp(&a.meetings_attended),
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (Some(a_ms), Some(b_ms)) => a_ms.cmp(&b_ms),
            }
            .then_with(|| people.names[*n_a].1.cmp(&people.names[*n_b].1))
        });
        numbered.into_iter().map(|(_, t)| t).collect()
    }

    /// Per member (named as in [`Self::turns`]), sorted by name: `(name, meetings attended,
    /// minutes attended)`, the minutes being each meeting's from start to end, breaks
    /// included. For the proof of intervision hours some registers ask for.
    ///
    /// Attendance counts by member of the group's `roster`: a record that links a name to a
    /// member counts for that member under the roster's name, however it was spelled that
    /// day; an older record's free-text name counts for the member with that name
    /// (spelled any way `name_key` counts as the same), or on its own when nobody on the
    /// roster has it.
    pub fn attendance_hours(&self, roster: &[Member]) -> Vec<(String, usize, i64)> {
        let people = self.people(roster);
        let mut hours: Vec<(usize, i64)> = vec![(0, 0); people.names.len()];
        for (summary, meeting) in self.summaries.iter().zip(&self.meetings) {
            for n in people.in_meeting(meeting) {
                if let Some((meetings, minutes)) = hours.get_mut(n) {
                    *meetings += 1;
                    *minutes += summary.actual_minutes;
                }
            }
        }
        let mut rows: Vec<(&str, (String, usize, i64))> = people
            .names
            .iter()
            .zip(hours)
            .filter(|(_, (meetings, _))| *meetings > 0)
            .map(|((name, key), (meetings, minutes))| {
                (key.as_str(), (name.clone(), meetings, minutes))
            })
            .collect();
        rows.sort_by_key(|(key, _)| *key);
        rows.into_iter().map(|(_, row)| row).collect()
    }

    /// Who each name in the history is: a roster member (by the number a record gave, or an
    /// older record's name that is a member's), or else the name, matched across meetings
    /// whatever its case and accents.
    fn people(&self, roster: &[Member]) -> People {
        let mut names: Vec<(String, String)> = Vec::new();
        let mut person_of_key: HashMap<String, usize> = HashMap::new();
        let mut of_entry = Vec::with_capacity(self.members.entries.len());
        for (key, text) in &self.members.entries {
            let member = roster
                .iter()
                .find(|m| roster_key(m.id) == *key || name_key(&m.name) == name_key(text));
            let (person_key, name) = match member {
                Some(m) => (roster_key(m.id), m.name.clone()),
                // Not (or no longer) on the roster: the name as written is the person.
                None => (crate::store::fold_for_search(text.trim()), text.clone()),
            };
            let n = *person_of_key.entry(person_key).or_insert_with(|| {
                names.push((name.clone(), crate::store::fold_for_search(&name)));
                names.len() - 1
            });
            of_entry.push(n);
        }
        People { names, of_entry }
    }
}

impl People {
    /// The people of a meeting, each once.
    fn in_meeting(&self, meeting: &MeetingData) -> Vec<usize> {
        let mut people: Vec<usize> = Vec::with_capacity(meeting.people.len());
        for &n in &meeting.people {
            if let Some(&person) = self.of_entry.get(n as usize)
                && !people.contains(&person)
            {
                people.push(person);
            }
        }
        people
    }
}
