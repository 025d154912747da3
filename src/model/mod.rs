//! Data and validation: protocols, meeting records, languages. No screen, no files.

mod attendance;
mod case;
mod content;
mod group;
mod protocol;
mod record;

pub use attendance::AttendanceFields;
pub use case::{CASE_FIELD_KEYS, CASE_FORMAT_VERSION, PreparedCase};
pub use content::{
    Advice, AdviceBoard, AdviceMark, FollowUp, IDEAL_GROUP_MAX, Lead, MeetingContent, Problem,
    Question, QuestionFocus, QuestionKind, Who,
};
pub use group::{GROUP_FORMAT_VERSION, GroupSettings, Member, Retention, name_key};
pub use protocol::{
    Instructions, MAX_PHASE_MINUTES, MinutesField, PROTOCOL_FORMAT_VERSION, Parts, Phase, PhaseRef,
    Protocol, ProtocolIssue, ProtocolProblem, Range, RangeField, Text, Tool, Variant,
};
pub use record::{BreakRecord, MeetingRecord, PhaseOutcome, PhaseRecord, RECORD_FORMAT_VERSION};

use serde::{Deserialize, Serialize};

/// The languages of the user interface and of protocol texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Nl,
    En,
    De,
}

impl Lang {
    pub const ALL: [Self; 3] = [Self::Nl, Self::En, Self::De];

    /// The language's own name, as shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Nl => "Nederlands",
            Self::En => "English",
            Self::De => "Deutsch",
        }
    }
}
