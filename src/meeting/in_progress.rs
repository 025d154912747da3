//! A meeting in progress as it is autosaved: everything needed to carry on after a crash or a
//! power cut. The private scratchpad is not part of it (it has no field here).

use serde::{Deserialize, Serialize};

use super::Meeting;
use crate::model::MeetingContent;

pub const IN_PROGRESS_FORMAT_VERSION: u32 = 1;

/// Where the leader was when the state was saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Entering who is present.
    Setup,
    /// The introduction of the method.
    Intro,
    /// The phases.
    Meeting,
}

/// What is written: borrowed, so saving does not copy the meeting.
#[derive(Serialize)]
pub struct InProgressRef<'a> {
    pub format_version: u32,
    /// When this was written; with a crash, about when the app stopped.
    pub saved_at_ms: i64,
    pub stage: Stage,
    pub meeting: &'a Meeting,
    pub content: &'a MeetingContent,
}

/// What is read back.
#[derive(Clone, Debug, Deserialize)]
pub struct InProgress {
    pub format_version: u32,
    pub saved_at_ms: i64,
    pub stage: Stage,
    pub meeting: Meeting,
    #[serde(default)]
    pub content: MeetingContent,
}

impl InProgress {
    /// Parses an autosave file's text; the error says what is wrong in plain words.
    pub fn parse(text: &str) -> Result<Self, String> {
        let state: Self = ron::from_str(text).map_err(|err| {
            format!(
                "line {}, column {}: {}",
                err.span.start.line, err.span.start.col, err.code
            )
        })?;
        if state.format_version > IN_PROGRESS_FORMAT_VERSION {
            return Err(format!(
                "written by a newer Kring (format {}); update Kring to carry on with it",
                state.format_version
            ));
        }
        Ok(state)
    }
}
