//! A meeting's time: the countdown on screen, planned and overrun time per phase, the
//! projected end, and a gap after a crash counted as a pause.

use super::{Meeting, PhaseStatus, Step};

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

impl Meeting {
    /// After a crash or power cut: make the time the app was closed (`gap_ms`) count as a
    /// pause. Without this call the gap counts as time that ran, which is what the clock says.
    pub fn treat_gap_as_pause(&mut self, gap_ms: i64) {
        if let Some(state) = self.phases.get_mut(self.cursor) {
            for watch in state.watches_mut() {
                watch.skip_gap(gap_ms);
            }
        }
        if let Some(active) = &mut self.active_break {
            active.clock.skip_gap(gap_ms);
        }
    }

    pub fn planned_run_secs(&self, index: usize) -> i64 {
        self.planned_secs(index, Step::Run)
    }

    pub fn planned_prepare_secs(&self, index: usize) -> i64 {
        self.planned_secs(index, Step::Prepare)
    }

    /// Seconds planned for phase `index`'s preparation moment (`step` is [`Step::Prepare`]) or
    /// its run (any other step): the protocol's minutes and what the leader added or took off.
    fn planned_secs(&self, index: usize, step: Step) -> i64 {
        let prepare = step == Step::Prepare;
        let minutes = self.protocol.phases.get(index).map_or(0, |p| {
            if prepare {
                p.prepare_minutes
            } else {
                p.planned_minutes
            }
        });
        let added_secs = self.phases.get(index).map_or(0, |s| {
            if prepare {
                s.prepare_adjust_secs
            } else {
                s.run_adjust_secs
            }
        });
        i64::from(minutes) * 60 + added_secs
    }

    /// The countdown of phase `index`'s preparation moment (`step` is [`Step::Prepare`]) or of
    /// its run (any other step).
    fn step_countdown(&self, index: usize, step: Step, now_ms: i64) -> Option<Countdown> {
        let state = self.phases.get(index)?;
        let watch = if step == Step::Prepare {
            &state.prepare
        } else {
            &state.run
        };
        Some(Countdown {
            total_ms: self.planned_secs(index, step) * 1000,
            elapsed_ms: watch.elapsed_ms(now_ms),
            running: watch.is_running(),
        })
    }

    /// The countdown the room sees for the current step: the preparation moment while
    /// preparing, the phase's own time otherwise (not yet running while explaining).
    pub fn countdown(&self, now_ms: i64) -> Option<Countdown> {
        self.step_countdown(self.cursor, self.step, now_ms)
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
        let left_ms = |step| {
            self.step_countdown(cursor, step, now_ms)
                .map_or(0, |c| c.remaining_ms().max(0))
        };
        remaining_ms += match self.step {
            Step::Explain | Step::Prepare => left_ms(Step::Prepare) + left_ms(Step::Run),
            Step::Run => left_ms(Step::Run),
            Step::Close => 0,
        };
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
}
