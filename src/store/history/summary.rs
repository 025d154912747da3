//! The history list's entry for one meeting: what is shown without opening it.

use std::path::PathBuf;

use crate::model::Text;

/// What the history list shows of one meeting, without its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingSummary {
    /// The meeting's file.
    pub path: PathBuf,
    /// Start, milliseconds since the Unix epoch (UTC).
    pub started_at_ms: i64,
    /// Start as local date and time, as written in the record.
    pub started_local: String,
    pub protocol_id: String,
    pub protocol_name: Text,
    /// Who brought the case, when the leader noted it.
    pub inbrenger: Option<String>,
    /// The title of the problem the group chose.
    pub case_title: Option<String>,
    /// Minutes the protocol planned, preparation moments included.
    pub planned_minutes: i32,
    /// Minutes from start to end, breaks included.
    pub actual_minutes: i64,
    /// The leader ended the meeting before its last phase was closed.
    pub ended_early: bool,
}
