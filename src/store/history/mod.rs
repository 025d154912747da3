//! A group's history: every meeting record in the group's `meetings/` folder, read once, with
//! what the history screens need prepared at load so that they stay quick with thousands of
//! meetings (10,000 meetings is the design size: open < 1 s in a release build, a search
//! < 50 ms, memory < 200 MB).
//!
//! What is kept per meeting, newest first:
//! - a light [`MeetingSummary`] for the list;
//! - a search index: the searchable texts of the record as written (for snippets) and folded
//!   (lower case, accents removed; see [`fold_for_search`]), so a search is a substring scan
//!   over prepared strings;
//! - what the follow-up list and the reflection figures need (follow-up steps, phase timings,
//!   question tags, who was there), names and phase ids stored once for the whole history.
//!
//! The full [`MeetingRecord`] is not kept: [`History::record`] reads it from its file when a
//! meeting is opened. Measured with 10,000 generated meetings of generous size (13 KB of RON
//! each: 8 phases, 8 present, 3 problems, 20 questions, 8 pieces of advice, 4 notes, 5
//! insights) in a debug build: keeping every record made the process grow by 177 MB, this
//! digest by 134 MB (97 MB of it the search texts, as written and folded). Reading one file
//! when a meeting is opened costs a few milliseconds. The `ten_thousand_meetings` test
//! prints these figures; run it to measure again.
//!
//! Parsing is most of the load time, so helper threads parse files from the end of the
//! folder while [`load_dir`](super::load_dir) works from the start; with one helper on 2 cores a debug load of
//! those 10,000 meetings went from 9.2 s to 5.6 s.
//!
//! Only what is in a record can be found or shown: the private scratchpad is never in a
//! record, so it is not here either.
//!
//! The files: [`load`] reads the folder (with helper threads), [`digest`] takes from each
//! record what is kept, [`search`] and [`fold`] answer searches, [`follow_ups`] lists and
//! marks follow-up steps, [`figures`] gives the reflection figures; [`summary`] and [`table`]
//! hold the list entry and the table of recurring names.

mod correct;
mod digest;
mod figures;
mod fold;
mod follow_ups;
mod load;
mod search;
mod summary;
mod table;
#[cfg(test)]
mod tests;

use std::path::Path;

use crate::model::MeetingRecord;

use super::{ConflictFile, LoadProblem, StoreError, StoreErrorKind, load_record};
use digest::MeetingData;
use table::Table;

pub use figures::{MemberTurns, PhaseTiming, QuestionTags};
pub use fold::fold_for_search;
pub use search::{HitField, SearchHit};
pub use summary::MeetingSummary;

/// A group's meetings, newest first, with what the history screens need. See the module
/// documentation for what is kept and why.
#[derive(Clone, Debug, Default)]
pub struct History {
    summaries: Vec<MeetingSummary>,
    meetings: Vec<MeetingData>,
    /// Members by the key of their name (trimmed and folded, see `digest::member_key`), shown
    /// as written at their most recent meeting.
    members: Table,
    phase_ids: Table,
    problems: Vec<LoadProblem>,
    conflicts: Vec<ConflictFile>,
}

impl History {
    /// How many meetings were read.
    pub fn len(&self) -> usize {
        self.summaries.len()
    }

    /// Whether no meeting was read.
    pub fn is_empty(&self) -> bool {
        self.summaries.is_empty()
    }

    /// The meetings, newest first (by start; same start: by file name, last first). An index
    /// into this list is what the other methods call a meeting index.
    pub fn summaries(&self) -> &[MeetingSummary] {
        &self.summaries
    }

    /// The whole record of meeting `index`, read from its file: records are not kept in
    /// memory (see the module documentation), so keep the one on screen rather than ask for
    /// it every frame. The error is typed; `crate::i18n::store_error` words it.
    pub fn record(&self, index: usize) -> Result<MeetingRecord, StoreError> {
        let summary = self
            .summaries
            .get(index)
            .ok_or_else(|| self.no_meeting(index))?;
        load_record(&summary.path)
    }

    /// Meeting `index` is not (or no longer) in the history: reopen it.
    fn no_meeting(&self, index: usize) -> StoreError {
        let folder = self
            .summaries
            .first()
            .and_then(|s| s.path.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        log::warn!("no meeting {index} in a history of {}", self.len());
        StoreError::new(StoreErrorKind::ChangedElsewhere, folder)
    }

    /// Files that could not be read, to show to the user.
    pub fn problems(&self) -> &[LoadProblem] {
        &self.problems
    }

    /// Sync conflict copies found beside the meetings, to show to the user.
    pub fn conflicts(&self) -> &[ConflictFile] {
        &self.conflicts
    }
}
