//! What the engine keeps per phase (its step, status, stopwatches and added time) and for a
//! rest break.

use serde::{Deserialize, Serialize};

use super::super::Stopwatch;

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
    pub(super) fn new() -> Self {
        Self {
            status: PhaseStatus::Pending,
            run_adjust_secs: 0,
            prepare_adjust_secs: 0,
            open: Stopwatch::default(),
            prepare: Stopwatch::default(),
            run: Stopwatch::default(),
        }
    }

    /// The phase's three stopwatches: open, preparation, run.
    pub(super) fn watches_mut(&mut self) -> [&mut Stopwatch; 3] {
        [&mut self.open, &mut self.prepare, &mut self.run]
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActiveBreak {
    pub planned_secs: i64,
    pub clock: Stopwatch,
    /// Whether the countdown that the break interrupted was paused.
    pub was_paused: bool,
}
