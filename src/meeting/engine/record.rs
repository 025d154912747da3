//! The record a meeting leaves: phases with their outcome and times, breaks, the plan.

use crate::model::{MeetingRecord, PhaseOutcome, PhaseRecord, RECORD_FORMAT_VERSION};

use super::{Meeting, PhaseStatus};

impl Meeting {
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
            parts: self.protocol.parts,
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
