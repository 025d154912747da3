//! Correcting a past meeting's attendance from the history (issue 14, point 1): a draft of
//! the record that the history tab edits, saved through the history's store with the group's
//! write handle.

use jiff::civil::Time;

use super::env::Env;
use super::history::HistoryState;
use crate::i18n::fill;
use crate::model::{AttendanceFields, MeetingRecord, Member};

/// The attendance of one meeting being corrected.
#[derive(Clone, Debug)]
pub struct Correction {
    /// The meeting's index in the history.
    pub index: usize,
    /// The attendance as shown when the correction began: the file must still have it.
    pub before: AttendanceFields,
    /// The record with the corrections so far.
    pub draft: MeetingRecord,
    /// The group's roster, to tick who was there and choose the leaders from.
    pub roster: Vec<Member>,
    /// The real start and end, as typed ("19:30").
    pub start: String,
    pub end: String,
    pub error: Option<String>,
}

impl Correction {
    pub fn new(index: usize, record: MeetingRecord, roster: Vec<Member>) -> Self {
        let clock = |at: Option<jiff::civil::DateTime>| {
            at.map(|at| format!("{:02}:{:02}", at.hour(), at.minute()))
                .unwrap_or_default()
        };
        Self {
            index,
            before: AttendanceFields::of(&record),
            start: clock(record.local_start()),
            end: clock(record.local_end()),
            draft: record,
            roster,
            error: None,
        }
    }

    /// The draft with the typed start and end put in, or the sentence that says which time
    /// cannot be read.
    pub fn finished(&self, env: &Env) -> Result<MeetingRecord, String> {
        let w = env.strings().attendance;
        let time = |text: &str, field: &str| {
            Time::strptime("%H:%M", text.trim()).map_err(|_| fill(w.bad_time, &[("field", &field)]))
        };
        let start = time(&self.start, w.start_time)?;
        let end = time(&self.end, w.end_time)?;
        let mut record = self.draft.clone();
        let day = record
            .local_start()
            .ok_or_else(|| fill(w.bad_time, &[("field", &w.start_time)]))?
            .date();
        if !record.set_local_times(day.to_datetime(start), end) {
            return Err(fill(w.bad_time, &[("field", &w.end_time)]));
        }
        Ok(record)
    }
}

impl HistoryState {
    /// Starts correcting the selected meeting's attendance.
    pub fn start_correction(&mut self, index: usize, roster: Vec<Member>) {
        if let Some(Ok(record)) = &self.record
            && self.selected == Some(index)
        {
            self.correction = Some(Correction::new(index, record.clone(), roster));
        }
    }

    /// Writes the correction into the meeting's file (with the group's write handle) and shows
    /// the meeting as it is now. On failure the draft stays, with the reason.
    pub fn save_correction(&mut self, env: &Env) -> Result<(), String> {
        let Some(correction) = &mut self.correction else {
            return Ok(());
        };
        let result = correction.finished(env).and_then(|record| {
            let Some(history) = &mut self.history else {
                return Ok(());
            };
            history
                .correct_attendance(
                    env.writer()?,
                    correction.index,
                    &correction.before,
                    AttendanceFields::of(&record),
                )
                .map_err(|err| crate::i18n::store_error(env.lang(), &err))
        });
        match result {
            Ok(()) => {
                let index = correction.index;
                self.correction = None;
                self.select(index, env.lang());
                self.status = Some(env.strings().attendance.corrected.to_owned());
                Ok(())
            }
            Err(error) => {
                correction.error = Some(error.clone());
                Err(error)
            }
        }
    }
}
