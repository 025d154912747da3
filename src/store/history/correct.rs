//! Correcting a meeting's attendance after it: who was there, for how long, who led, the
//! real start and end.

use crate::model::AttendanceFields;

use super::super::{GroupLock, StoreError, StoreErrorKind, load_record, to_ron};
use super::History;
use super::digest::digest;

impl History {
    /// Writes the corrected attendance `after` into meeting `meeting`'s file, atomically,
    /// through the group's write handle. The file is read again first: when its attendance is
    /// no longer `before` (what was shown and corrected), nothing is written and the error
    /// says it changed elsewhere. Everything else in the file stays as it is there (a file in
    /// an older format is written in the current one).
    pub fn correct_attendance(
        &mut self,
        group: &GroupLock,
        meeting: usize,
        before: &AttendanceFields,
        after: AttendanceFields,
    ) -> Result<(), StoreError> {
        let Some(summary) = self.summaries.get(meeting) else {
            return Err(self.no_meeting(meeting));
        };
        let path = summary.path.clone();
        let mut on_disk = load_record(&path)?;
        if AttendanceFields::of(&on_disk) != *before {
            return Err(StoreError::new(StoreErrorKind::ChangedElsewhere, &path));
        }
        after.apply_to(&mut on_disk);
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
