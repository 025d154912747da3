//! The leader's commands and how they move a meeting: steps, phases, skips, rest breaks and
//! the end. [`Meeting::apply`] is the one place a command takes effect.

use crate::model::BreakRecord;

use super::super::Stopwatch;
use super::{ActiveBreak, MAX_COUNTDOWN_SECS, Meeting, PhaseStatus, Step};

/// Everything a leader can do to a running meeting. Keys and buttons both produce these;
/// [`Meeting::apply`] is the one place they take effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// The main action of the moment: start the preparation moment, start the phase, pause or
    /// resume its countdown, or move on after closing. Ends a break.
    StartPause,
    /// Stop the clock of the preparation or the phase briefly, or let it run again.
    TogglePause,
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

impl Meeting {
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
                Command::Back
                | Command::SkipCurrent
                | Command::StartBreak { .. }
                | Command::TogglePause => {}
            }
            return;
        }
        match command {
            // The main action of the moment: in the silent moment of preparation, that is
            // starting the phase; while it runs, stopping the clock briefly or letting it run.
            Command::StartPause => match self.step {
                Step::Explain | Step::Close | Step::Prepare => self.next(now_ms),
                Step::Run => self.set_paused(!self.paused, now_ms),
            },
            Command::TogglePause => {
                if matches!(self.step, Step::Prepare | Step::Run) {
                    self.set_paused(!self.paused, now_ms);
                }
            }
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
            Step::Explain => self.set_step(self.prepare_or(Step::Run), now_ms),
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
            Step::Run => self.set_step(self.prepare_or(Step::Explain), now_ms),
            // Back from closing resumes the phase where it was, overrun included.
            Step::Close => self.set_step(Step::Run, now_ms),
        }
    }

    /// The preparation moment between explaining and running the current phase, or `otherwise`
    /// when the phase has none: going forward or back, a phase without one skips it.
    fn prepare_or(&self, otherwise: Step) -> Step {
        if self.planned_prepare_secs(self.cursor) > 0 {
            Step::Prepare
        } else {
            otherwise
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

    pub(super) fn enter_phase(&mut self, index: usize, step: Step, now_ms: i64) {
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
        for watch in state.watches_mut() {
            watch.stop(now_ms);
        }
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
            for watch in state.watches_mut() {
                watch.stop(now_ms);
            }
        }
        self.ended_at_ms = Some(now_ms);
        self.ended_early = early;
    }
}
