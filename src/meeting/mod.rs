//! The meeting engine: phases, the four steps of each, timers, breaks. No screen, no files.

mod clock;
mod content;
mod engine;
mod in_progress;
mod stopwatch;

pub use clock::{Clock, ManualClock, SystemClock};
pub use content::{ContentCommand, apply_content};
pub use engine::{ActiveBreak, Command, Countdown, Meeting, PhaseState, PhaseStatus, Step};
pub use in_progress::{IN_PROGRESS_FORMAT_VERSION, InProgress, InProgressRef, Stage};
pub use stopwatch::Stopwatch;
