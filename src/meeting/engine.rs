//! The meeting engine: where the group is in the protocol and how the time goes.
//!
//! Every phase goes through four steps, as the method asks of the leader: *explain* what to do
//! and why, give the group a silent moment to *prepare*, *run* the phase against its countdown,
//! and *close* it before moving on. Time is passed in (`now_ms`) on every call; the engine
//! keeps timestamps, never counts frames, so it stays true across pauses, breaks and a machine
//! that sleeps.

use serde::{Deserialize, Serialize};

use crate::model::{
    BreakRecord, MeetingRecord, Phase, PhaseOutcome, PhaseRecord, Protocol, RECORD_FORMAT_VERSION,
};

use super::Stopwatch;

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;

/// The longest a countdown can be stretched to with "add a minute".
const MAX_COUNTDOWN_SECS: i64 = 240 * 60;

/// The four steps of every phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    Explain,
    Prepare,
    Run,
    Close,
}

impl Step {
    pub const ALL: [Self; 4] = [Self::Explain, Self::Prepare, Self::Run, Self::Close];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhaseStatus {
    Pending,
    Active,
    Done,
    Skipped,
}

/// Everything a leader can do to a running meeting. Keys and buttons both produce these;
/// [`Meeting::apply`] is the one place they take effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// The main action of the moment: start the preparation moment, start the phase, pause or
    /// resume its countdown, or move on after closing. Ends a break.
    StartPause,
    /// On to the next step (or, after closing, the next phase).
    Next,
    /// Back one step (from explaining a phase, back to closing the one before; a skipped phase
    /// before it is opened again).
    Back,
    /// One minute more on the countdown on screen (preparation, phase or break).
    AddMinute,
    /// One minute less on the countdown on screen; never below one minute.
    RemoveMinute,
    /// Skip the current phase and open the next.
    SkipCurrent,
    /// Mark a phase that has not started yet as skipped, or undo that.
    ToggleSkip(usize),
    /// A rest break: the meeting's timers stop, the break counts down on its own.
    StartBreak {
        minutes: i64,
    },
    EndBreak,
    /// End the meeting now (the UI asks for confirmation first).
    EndEarly,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseState {
    pub status: PhaseStatus,
    /// Seconds added to (or taken off) the run countdown.
    pub run_adjust_secs: i64,
    pub prepare_adjust_secs: i64,
    /// Time the phase was open, breaks excluded.
    pub open: Stopwatch,
    pub prepare: Stopwatch,
    pub run: Stopwatch,
}

impl PhaseState {
    fn new() -> Self {
        Self {
            status: PhaseStatus::Pending,
            run_adjust_secs: 0,
            prepare_adjust_secs: 0,
            open: Stopwatch::default(),
            prepare: Stopwatch::default(),
            run: Stopwatch::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActiveBreak {
    pub planned_secs: i64,
    pub clock: Stopwatch,
    /// Whether the countdown that the break interrupted was paused.
    pub was_paused: bool,
}

/// A countdown as shown: how long, how far, and how much is left (negative: overrun).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Countdown {
    pub total_ms: i64,
    pub elapsed_ms: i64,
    pub running: bool,
}

impl Countdown {
    pub fn remaining_ms(&self) -> i64 {
        self.total_ms - self.elapsed_ms
    }

    pub fn is_overrun(&self) -> bool {
        self.remaining_ms() < 0
    }

    /// Whole seconds as the display shows them: remaining time rounded up (so a ten-minute
    /// countdown starts at 10:00), overrun rounded down.
    pub fn display_secs(&self) -> i64 {
        let remaining = self.remaining_ms();
        if remaining >= 0 {
            (remaining + 999) / 1000
        } else {
            remaining / 1000
        }
    }

    /// Share of the countdown used, 0.0..=1.0.
    pub fn fraction_used(&self) -> f32 {
        if self.total_ms <= 0 {
            1.0
        } else {
            (self.elapsed_ms as f64 / self.total_ms as f64).clamp(0.0, 1.0) as f32
        }
    }
}

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

    /// Applies a leader's command. Commands that make no sense in the current state (back on
    /// the very first step, skip after the end) are ignored; the engine never panics on them.
    pub fn apply(&mut self, command: Command, now_ms: i64) {
        if self.is_finished() {
            return;
        }
        if self.active_break.is_some() {
            match command {
                Command::StartPause | Command::EndBreak | Command::Next => {
                    self.end_break(now_ms);
                }
                Command::AddMinute => self.adjust_break(60),
                Command::RemoveMinute => self.adjust_break(-60),
                Command::EndEarly => {
                    self.end_break(now_ms);
                    self.end(now_ms, true);
                }
                Command::ToggleSkip(index) => self.toggle_skip(index),
                Command::Back | Command::SkipCurrent | Command::StartBreak { .. } => {}
            }
            return;
        }
        match command {
            Command::StartPause => match self.step {
                Step::Explain | Step::Close => self.next(now_ms),
                Step::Prepare | Step::Run => self.set_paused(!self.paused, now_ms),
            },
            Command::Next => self.next(now_ms),
            Command::Back => self.back(now_ms),
            Command::AddMinute => self.adjust_countdown(60),
            Command::RemoveMinute => self.adjust_countdown(-60),
            Command::SkipCurrent => {
                self.leave_phase(now_ms, PhaseStatus::Skipped);
                self.open_next_after(self.cursor, now_ms);
            }
            Command::ToggleSkip(index) => self.toggle_skip(index),
            Command::StartBreak { minutes } => self.start_break(minutes, now_ms),
            Command::EndBreak => {}
            Command::EndEarly => self.end(now_ms, true),
        }
    }

    fn next(&mut self, now_ms: i64) {
        match self.step {
            Step::Explain => {
                if self.planned_prepare_secs(self.cursor) > 0 {
                    self.set_step(Step::Prepare, now_ms);
                } else {
                    self.set_step(Step::Run, now_ms);
                }
            }
            Step::Prepare => self.set_step(Step::Run, now_ms),
            Step::Run => self.set_step(Step::Close, now_ms),
            Step::Close => {
                self.leave_phase(now_ms, PhaseStatus::Done);
                self.open_next_after(self.cursor, now_ms);
            }
        }
    }

    fn back(&mut self, now_ms: i64) {
        match self.step {
            Step::Explain => {
                // Back goes to the phase before, also when it was skipped: that undoes a skip
                // made by mistake, and the phase opens from its start.
                if let Some(previous) = self.cursor.checked_sub(1)
                    && let Some(state) = self.phases.get(previous)
                {
                    let was_skipped = state.status == PhaseStatus::Skipped;
                    self.leave_phase(now_ms, PhaseStatus::Pending);
                    let step = if was_skipped {
                        Step::Explain
                    } else {
                        Step::Close
                    };
                    self.enter_phase(previous, step, now_ms);
                }
            }
            Step::Prepare => self.set_step(Step::Explain, now_ms),
            Step::Run => {
                if self.planned_prepare_secs(self.cursor) > 0 {
                    self.set_step(Step::Prepare, now_ms);
                } else {
                    self.set_step(Step::Explain, now_ms);
                }
            }
            // Back from closing resumes the phase where it was, overrun included.
            Step::Close => self.set_step(Step::Run, now_ms),
        }
    }

    /// Opens the first phase after `index` that is not skipped, or ends the meeting.
    fn open_next_after(&mut self, index: usize, now_ms: i64) {
        let next = self
            .phases
            .iter()
            .enumerate()
            .skip(index + 1)
            .find(|(_, state)| state.status != PhaseStatus::Skipped)
            .map(|(i, _)| i);
        match next {
            Some(next) => self.enter_phase(next, Step::Explain, now_ms),
            None => self.end(now_ms, false),
        }
    }

    fn enter_phase(&mut self, index: usize, step: Step, now_ms: i64) {
        let Some(state) = self.phases.get_mut(index) else {
            return;
        };
        self.cursor = index;
        self.step = step;
        self.paused = false;
        state.status = PhaseStatus::Active;
        state.open.start(now_ms);
        self.sync_step_clocks(now_ms);
    }

    fn leave_phase(&mut self, now_ms: i64, status: PhaseStatus) {
        let Some(state) = self.phases.get_mut(self.cursor) else {
            return;
        };
        state.open.stop(now_ms);
        state.prepare.stop(now_ms);
        state.run.stop(now_ms);
        state.status = status;
    }

    fn set_step(&mut self, step: Step, now_ms: i64) {
        self.step = step;
        self.paused = false;
        self.sync_step_clocks(now_ms);
    }

    fn set_paused(&mut self, paused: bool, now_ms: i64) {
        self.paused = paused;
        self.sync_step_clocks(now_ms);
    }

    /// Starts exactly the stopwatches that should run in the current state, stops the rest.
    fn sync_step_clocks(&mut self, now_ms: i64) {
        let on_break = self.active_break.is_some();
        let counting = !self.paused && !on_break;
        let step = self.step;
        let Some(state) = self.phases.get_mut(self.cursor) else {
            return;
        };
        let set = |watch: &mut Stopwatch, run: bool| {
            if run {
                watch.start(now_ms);
            } else {
                watch.stop(now_ms);
            }
        };
        set(&mut state.open, !on_break);
        set(&mut state.prepare, counting && step == Step::Prepare);
        set(&mut state.run, counting && step == Step::Run);
    }

    fn adjust_countdown(&mut self, delta_secs: i64) {
        let (Some(phase), Some(state)) = (
            self.protocol.phases.get(self.cursor),
            self.phases.get_mut(self.cursor),
        ) else {
            return;
        };
        let (planned, adjust) = if self.step == Step::Prepare {
            (
                i64::from(phase.prepare_minutes) * 60,
                &mut state.prepare_adjust_secs,
            )
        } else {
            (
                i64::from(phase.planned_minutes) * 60,
                &mut state.run_adjust_secs,
            )
        };
        let total = planned
            .saturating_add(*adjust)
            .saturating_add(delta_secs)
            .clamp(60, MAX_COUNTDOWN_SECS);
        *adjust = total - planned;
    }

    fn toggle_skip(&mut self, index: usize) {
        if index <= self.cursor {
            return;
        }
        if let Some(state) = self.phases.get_mut(index) {
            state.status = match state.status {
                PhaseStatus::Pending => PhaseStatus::Skipped,
                PhaseStatus::Skipped => PhaseStatus::Pending,
                other => other,
            };
        }
    }

    fn start_break(&mut self, minutes: i64, now_ms: i64) {
        let mut clock = Stopwatch::default();
        clock.start(now_ms);
        self.active_break = Some(ActiveBreak {
            planned_secs: minutes.clamp(1, 240) * 60,
            clock,
            was_paused: self.paused,
        });
        self.sync_step_clocks(now_ms);
    }

    fn adjust_break(&mut self, delta_secs: i64) {
        if let Some(active) = &mut self.active_break {
            active.planned_secs = active
                .planned_secs
                .saturating_add(delta_secs)
                .clamp(60, MAX_COUNTDOWN_SECS);
        }
    }

    fn end_break(&mut self, now_ms: i64) {
        let Some(mut active) = self.active_break.take() else {
            return;
        };
        active.clock.stop(now_ms);
        self.breaks.push(BreakRecord {
            during_phase: self
                .current_phase()
                .map(|p| p.id.clone())
                .unwrap_or_default(),
            planned_secs: active.planned_secs,
            actual_secs: active.clock.elapsed_ms(now_ms) / 1000,
        });
        self.paused = active.was_paused;
        self.sync_step_clocks(now_ms);
    }

    fn end(&mut self, now_ms: i64, early: bool) {
        if let Some(state) = self.phases.get_mut(self.cursor) {
            state.open.stop(now_ms);
            state.prepare.stop(now_ms);
            state.run.stop(now_ms);
        }
        self.ended_at_ms = Some(now_ms);
        self.ended_early = early;
    }

    /// After a crash or power cut: make the time the app was closed (`gap_ms`) count as a
    /// pause. Without this call the gap counts as time that ran, which is what the clock says.
    pub fn treat_gap_as_pause(&mut self, gap_ms: i64) {
        if let Some(state) = self.phases.get_mut(self.cursor) {
            state.open.skip_gap(gap_ms);
            state.prepare.skip_gap(gap_ms);
            state.run.skip_gap(gap_ms);
        }
        if let Some(active) = &mut self.active_break {
            active.clock.skip_gap(gap_ms);
        }
    }

    pub fn planned_run_secs(&self, index: usize) -> i64 {
        let base = self
            .protocol
            .phases
            .get(index)
            .map_or(0, |p| i64::from(p.planned_minutes) * 60);
        base + self.phases.get(index).map_or(0, |s| s.run_adjust_secs)
    }

    pub fn planned_prepare_secs(&self, index: usize) -> i64 {
        let base = self
            .protocol
            .phases
            .get(index)
            .map_or(0, |p| i64::from(p.prepare_minutes) * 60);
        base + self.phases.get(index).map_or(0, |s| s.prepare_adjust_secs)
    }

    /// The countdown the room sees for the current step: the preparation moment while
    /// preparing, the phase's own time otherwise (not yet running while explaining).
    pub fn countdown(&self, now_ms: i64) -> Option<Countdown> {
        let state = self.phases.get(self.cursor)?;
        Some(match self.step {
            Step::Prepare => Countdown {
                total_ms: self.planned_prepare_secs(self.cursor) * 1000,
                elapsed_ms: state.prepare.elapsed_ms(now_ms),
                running: state.prepare.is_running(),
            },
            _ => Countdown {
                total_ms: self.planned_run_secs(self.cursor) * 1000,
                elapsed_ms: state.run.elapsed_ms(now_ms),
                running: state.run.is_running(),
            },
        })
    }

    pub fn break_countdown(&self, now_ms: i64) -> Option<Countdown> {
        self.active_break.as_ref().map(|b| Countdown {
            total_ms: b.planned_secs * 1000,
            elapsed_ms: b.clock.elapsed_ms(now_ms),
            running: true,
        })
    }

    /// Seconds the current phase's countdown has run past zero.
    pub fn overrun_secs(&self, index: usize, now_ms: i64) -> i64 {
        let Some(state) = self.phases.get(index) else {
            return 0;
        };
        (state.run.elapsed_ms(now_ms) / 1000 - self.planned_run_secs(index)).max(0)
    }

    /// When the meeting will end if every remaining phase takes its planned time.
    pub fn projected_end_ms(&self, now_ms: i64) -> i64 {
        if let Some(end) = self.ended_at_ms {
            return end;
        }
        let mut remaining_ms = 0;
        if let Some(countdown) = self.break_countdown(now_ms) {
            remaining_ms += countdown.remaining_ms().max(0);
        }
        let cursor = self.cursor;
        if let Some(state) = self.phases.get(cursor) {
            let prepare_left = (self.planned_prepare_secs(cursor) * 1000
                - state.prepare.elapsed_ms(now_ms))
            .max(0);
            let run_left =
                (self.planned_run_secs(cursor) * 1000 - state.run.elapsed_ms(now_ms)).max(0);
            remaining_ms += match self.step {
                Step::Explain | Step::Prepare => prepare_left + run_left,
                Step::Run => run_left,
                Step::Close => 0,
            };
        }
        for (index, state) in self.phases.iter().enumerate().skip(cursor + 1) {
            if state.status != PhaseStatus::Skipped {
                remaining_ms +=
                    (self.planned_prepare_secs(index) + self.planned_run_secs(index)) * 1000;
            }
        }
        now_ms + remaining_ms
    }

    /// Minutes the protocol plans in all, preparation moments included, skipped phases not.
    pub fn planned_total_secs(&self) -> i64 {
        self.phases
            .iter()
            .enumerate()
            .filter(|(_, state)| state.status != PhaseStatus::Skipped)
            .map(|(i, _)| self.planned_prepare_secs(i) + self.planned_run_secs(i))
            .sum()
    }

    /// The record kept of this meeting. `started_local` is the start as local time text.
    pub fn to_record(&self, now_ms: i64, started_local: String) -> MeetingRecord {
        let end_ms = self.ended_at_ms.unwrap_or(now_ms);
        let phases = self
            .protocol
            .phases
            .iter()
            .zip(&self.phases)
            .enumerate()
            .map(|(index, (phase, state))| {
                let outcome = match state.status {
                    PhaseStatus::Done => PhaseOutcome::Done,
                    PhaseStatus::Skipped => PhaseOutcome::Skipped,
                    PhaseStatus::Active => PhaseOutcome::Interrupted,
                    PhaseStatus::Pending if state.open.elapsed_ms(end_ms) > 0 => {
                        PhaseOutcome::Interrupted
                    }
                    PhaseStatus::Pending => PhaseOutcome::NotReached,
                };
                PhaseRecord {
                    id: phase.id.clone(),
                    title: phase.title.clone(),
                    outcome,
                    planned_minutes: phase.planned_minutes,
                    prepare_minutes: phase.prepare_minutes,
                    adjusted_minutes: i32::try_from(state.run_adjust_secs / 60).unwrap_or(0),
                    actual_secs: state.open.elapsed_ms(end_ms) / 1000,
                    run_secs: state.run.elapsed_ms(end_ms) / 1000,
                    overrun_secs: self.overrun_secs(index, end_ms),
                }
            })
            .collect();
        MeetingRecord {
            format_version: RECORD_FORMAT_VERSION,
            protocol_id: self.protocol.id.clone(),
            protocol_version: self.protocol.version,
            protocol_name: self.protocol.name.clone(),
            started_at_ms: self.started_at_ms,
            ended_at_ms: end_ms,
            started_local,
            ended_early: self.ended_early,
            planned_minutes: self.protocol.planned_minutes(),
            phases,
            breaks: self.breaks.clone(),
            content: Default::default(),
        }
    }
}
