//! The app's state, one part per owner, with the rules that change it. No drawing here: the
//! screens in `ui` draw these and send commands.

mod autosave;
mod cases;
mod correction;
mod env;
mod group;
mod history;
mod home;
mod leader;
mod phones;
mod proof;
mod session;
mod unsaved;

pub use autosave::Autosaver;
pub use cases::CasesState;
pub use correction::Correction;
pub use env::{DialogResult, Env};
pub use group::GroupState;
pub use history::HistoryState;
pub use home::{HomeState, HomeTab};
pub use leader::{EditTarget, Editing, LeaderState, PrivateOk, PrivateThing};
pub use phones::Phones;
pub use proof::{ProofChoice, ProofKind};
pub use session::Session;
pub use unsaved::{RETRY_MS as UNSAVED_RETRY_MS, Unsaved, UnsavedRecords};

/// The outcome of a meeting that has ended: its record, and where it was saved (or why not).
#[derive(Clone, Debug)]
pub struct Finished {
    pub record: crate::model::MeetingRecord,
    pub saved: Result<std::path::PathBuf, String>,
    /// How many notices there were when the meeting ended: the summary shows only newer
    /// ones (what an export from it did).
    pub notices_before: usize,
}
