//! Follow-up steps across the history: the open ones, and marking one done in its file.

use crate::model::FollowUp;

use super::super::{GroupLock, StoreError, StoreErrorKind, load_record, to_ron};
use super::History;
use super::digest::digest;

impl History {
    /// Follow-up steps not yet done: `(meeting index, follow-up index, step)`, newest
    /// meeting first, steps in the order of the record.
    pub fn open_follow_ups(&self) -> Vec<(usize, usize, &FollowUp)> {
        self.meetings
            .iter()
            .enumerate()
            .flat_map(|(m, meeting)| {
                meeting
                    .follow_ups
                    .iter()
                    .enumerate()
                    .filter(|(_, step)| !step.done)
                    .map(move |(f, step)| (m, f, step))
            })
            .collect()
    }

    /// Marks follow-up step `follow_up` of meeting `meeting` done (or not done) and rewrites
    /// that meeting's file atomically. The file is read again first, so a change made
    /// elsewhere since loading is kept; only the step's `done` changes (a file in an older
    /// format is written in the current one). When the step in the file is no longer the one
    /// shown, nothing is written and the error says to reopen the history. Needs the group's
    /// write handle.
    pub fn mark_follow_up(
        &mut self,
        group: &GroupLock,
        meeting: usize,
        follow_up: usize,
        done: bool,
    ) -> Result<(), StoreError> {
        let (Some(summary), Some(data)) = (self.summaries.get(meeting), self.meetings.get(meeting))
        else {
            return Err(self.no_meeting(meeting));
        };
        let path = summary.path.clone();
        let changed_elsewhere = || StoreError::new(StoreErrorKind::ChangedElsewhere, &path);
        let Some(step) = data.follow_ups.get(follow_up) else {
            return Err(changed_elsewhere());
        };
        let mut on_disk = load_record(&path)?;
        let Some(disk_step) = on_disk.content.follow_ups.get_mut(follow_up) else {
            return Err(changed_elsewhere());
        };
        if disk_step.what != step.what || disk_step.who != step.who {
            return Err(changed_elsewhere());
        }
        disk_step.done = done;
        let text = to_ron(&on_disk).map_err(|err| StoreError::serialize(&path, &err))?;
        group.write_file(&path, text.as_bytes())?;
        let (summary, data) = self.number(digest(&path, on_disk));
        if let (Some(old_summary), Some(old_data)) = (
            self.summaries.get_mut(meeting),
            self.meetings.get_mut(meeting),
        ) {
            *old_summary = summary;
            *old_data = data;
        }
        Ok(())
    }
}
