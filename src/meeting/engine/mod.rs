//! The meeting engine: where the group is in the protocol and how the time goes.
//!
//! Every phase goes through four steps, as the method asks of the leader: *explain* what to do
//! and why, give the group a silent moment to *prepare*, *run* the phase against its countdown,
//! and *close* it before moving on. Time is passed in (`now_ms`) on every call; the engine
//! keeps timestamps, never counts frames, so it stays true across pauses, breaks and a machine
//! that sleeps.
//!
//! The files: this one holds [`Meeting`] itself (start, what it shows, [`Meeting::check`]);
//! `command` how a [`Command`] changes it, `time` its countdowns and plans, `record` the
//! record kept at the end, `state` what it keeps per phase and per break.

mod command;
mod record;
mod state;
#[cfg(test)]
mod tests;
mod time;

use serde::{Deserialize, Serialize};

use crate::model::{BreakRecord, Phase, Protocol};

pub use command::Command;
pub use state::{ActiveBreak, PhaseState, PhaseStatus, Step};
pub use time::Countdown;

/// The longest a countdown can be stretched to with "add a minute".
const MAX_COUNTDOWN_SECS: i64 = 240 * 60;

/// A meeting in progress. Its fields are the engine's own: the rest of the app reads them
/// through methods and changes them only through [`Meeting::apply`], so no screen can put the
/// cursor past the end or a phase out of step with the protocol. A meeting read back from an
/// autosave goes through [`Meeting::check`] first (serde `try_from`), so an inconsistent file
/// is turned down at load time instead of panicking at the first key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "MeetingFields")]
pub struct Meeting {
    protocol: Protocol,
    phases: Vec<PhaseState>,
    cursor: usize,
    step: Step,
    /// The countdown of the current step is paused.
    paused: bool,
    active_break: Option<ActiveBreak>,
    breaks: Vec<BreakRecord>,
    started_at_ms: i64,
    ended_at_ms: Option<i64>,
    ended_early: bool,
}

/// A meeting as it stands in a file, before it is checked.
#[derive(Deserialize)]
struct MeetingFields {
    protocol: Protocol,
    phases: Vec<PhaseState>,
    cursor: usize,
    step: Step,
    paused: bool,
    active_break: Option<ActiveBreak>,
    breaks: Vec<BreakRecord>,
    started_at_ms: i64,
    ended_at_ms: Option<i64>,
    ended_early: bool,
}

impl TryFrom<MeetingFields> for Meeting {
    type Error = String;

    fn try_from(f: MeetingFields) -> Result<Self, String> {
        let meeting = Self {
            protocol: f.protocol,
            phases: f.phases,
            cursor: f.cursor,
            step: f.step,
            paused: f.paused,
            active_break: f.active_break,
            breaks: f.breaks,
            started_at_ms: f.started_at_ms,
            ended_at_ms: f.ended_at_ms,
            ended_early: f.ended_early,
        };
        meeting.check()?;
        Ok(meeting)
    }
}

impl Meeting {
    /// Opens the first phase, in its explain step. A protocol without phases (which validation
    /// rejects) gives a meeting that has already ended.
    pub fn start(protocol: Protocol, now_ms: i64) -> Self {
        let phases = protocol.phases.iter().map(|_| PhaseState::new()).collect();
        let mut meeting = Self {
            protocol,
            phases,
            cursor: 0,
            step: Step::Explain,
            paused: false,
            active_break: None,
            breaks: Vec::new(),
            started_at_ms: now_ms,
            ended_at_ms: None,
            ended_early: false,
        };
        if meeting.phases.is_empty() {
            meeting.ended_at_ms = Some(now_ms);
        } else {
            meeting.enter_phase(0, Step::Explain, now_ms);
        }
        meeting
    }

    pub fn is_finished(&self) -> bool {
        self.ended_at_ms.is_some()
    }

    pub fn on_break(&self) -> bool {
        self.active_break.is_some()
    }

    pub fn current_phase(&self) -> Option<&Phase> {
        self.protocol.phases.get(self.cursor)
    }

    pub fn phase_count(&self) -> usize {
        self.phases.len()
    }

    pub fn protocol(&self) -> &Protocol {
        &self.protocol
    }

    /// The state of every phase, in the protocol's order.
    pub fn phase_states(&self) -> &[PhaseState] {
        &self.phases
    }

    /// The index of the open phase (the last one once the meeting has ended).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn step(&self) -> Step {
        self.step
    }

    /// The countdown of the current step is paused.
    pub fn is_paused(&self) -> bool {
        self.paused
    }

    pub fn active_break(&self) -> Option<&ActiveBreak> {
        self.active_break.as_ref()
    }

    /// Rest breaks taken so far.
    pub fn breaks(&self) -> &[BreakRecord] {
        &self.breaks
    }

    pub fn started_at_ms(&self) -> i64 {
        self.started_at_ms
    }

    pub fn ended_at_ms(&self) -> Option<i64> {
        self.ended_at_ms
    }

    pub fn ended_early(&self) -> bool {
        self.ended_early
    }

    /// Whether this is a meeting the engine could have produced: one phase state per phase of
    /// its protocol, a sound protocol, the cursor on a phase, times that make sense. Every
    /// meeting read from a file is checked with this; the error says what is wrong.
    pub fn check(&self) -> Result<(), String> {
        let issues = self.protocol.validate("", "");
        if let Some(issue) = issues.first() {
            return Err(format!(
                "the protocol in it is not valid: {}",
                crate::i18n::protocol_problem(crate::model::Lang::En, &issue.problem)
            ));
        }
        if self.phases.len() != self.protocol.phases.len() {
            return Err(format!(
                "it has {} phase states for a protocol of {} phases",
                self.phases.len(),
                self.protocol.phases.len()
            ));
        }
        if self.phases.is_empty() {
            return Err("it has no phases".to_owned());
        }
        if self.cursor >= self.phases.len() {
            return Err(format!(
                "it is at phase {} of {}",
                self.cursor + 1,
                self.phases.len()
            ));
        }
        const YEAR_3000_MS: i64 = 32_503_680_000_000;
        let plausible_time = |ms: i64| (0..=YEAR_3000_MS).contains(&ms);
        if !plausible_time(self.started_at_ms)
            || self.ended_at_ms.is_some_and(|t| !plausible_time(t))
        {
            return Err("its start or end time is not a real time".to_owned());
        }
        let adjust_ok = |secs: i64| (-MAX_COUNTDOWN_SECS..=MAX_COUNTDOWN_SECS).contains(&secs);
        for state in &self.phases {
            if !adjust_ok(state.run_adjust_secs) || !adjust_ok(state.prepare_adjust_secs) {
                return Err("a phase's added time is out of range".to_owned());
            }
            if ![&state.open, &state.prepare, &state.run]
                .iter()
                .all(|w| w.is_plausible())
            {
                return Err("a phase's time is not a real time".to_owned());
            }
        }
        if let Some(active) = &self.active_break
            && (!(60..=MAX_COUNTDOWN_SECS).contains(&active.planned_secs)
                || !active.clock.is_plausible())
        {
            return Err("the rest break in it is out of range".to_owned());
        }
        Ok(())
    }
}
