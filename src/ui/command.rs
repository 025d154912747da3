//! Every action of the app as a value. Buttons and keys produce these (keys through the table
//! in [`super::keys`]); [`super::KringApp::apply`] hands each group to the part of the app that
//! owns it, and tests can send them directly.

use std::path::PathBuf;

use crate::meeting::{Command, ContentCommand};
use crate::model::{Lang, PreparedCase};
use crate::privacy::Finding;
use crate::store::Theme;

/// The tabs of the home screen (what [`HomeCommand::SetTab`] names).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HomeTab {
    #[default]
    Meeting,
    Cases,
    History,
    Reflection,
    Group,
}

/// Something private that the leader can open during a meeting (what the session's
/// commands name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrivateThing {
    /// The leader's own association scratchpad.
    Scratchpad,
    /// The screen where members take turns to write advice.
    AdviceEntry,
    /// The leader's phase notes.
    Notes,
}

/// The default length of a rest break, in minutes; adjustable with + and - during the break.
pub const DEFAULT_BREAK_MINUTES: i64 = 10;

#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    /// The engine: steps, time, breaks.
    Meeting(Command),
    /// What the group produces: presence, problems, questions, advice, decision...
    Content(ContentCommand),
    /// The leader's screens during a meeting: views, private things, the plan.
    Session(SessionCommand),
    Home(HomeCommand),
    Cases(CasesCommand),
    History(HistoryCommand),
    Group(GroupCommand),
    Unsaved(UnsavedCommand),
    Resume(ResumeCommand),
    /// The whole app: screens, overlays, language, theme, full screen.
    App(AppAction),
}

/// During a meeting.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionCommand {
    /// Single window: switch between the wall and the leader screen.
    ToggleView,
    /// The wall in a window of its own (for the projector), the leader screen in this one.
    ToggleRoomWindow,
    ToggleScratchpad,
    /// Open something private. With the group screen in a window of its own it opens; on one
    /// window (a laptop mirrored to the projector) the leader is asked first.
    OpenPrivate(PrivateThing),
    /// The leader's answer "show it here, the room sees it".
    ShowPrivateHere(PrivateThing),
    /// The leader's answer "put the group screen in a window of its own, then open it".
    PrivateInOwnWindow(PrivateThing),
    /// Hide everything private at once.
    Curtain,
    TogglePlan,
    ToggleControls,
    /// Phase 1: add a prepared case from a file, or from my cases.
    BringInCaseDialog,
    BringInCase(Box<PreparedCase>),
    /// The wall's next (+1) or previous (-1) page of a long list.
    TurnWallPage(isize),
    /// A name typed at "who is here": it joins the group's roster once (saved in `group.ron`
    /// right away) and is ticked present. The app applies it: it owns the group.
    AddMember(String),
}

/// The home screen's meeting tab.
#[derive(Clone, Debug, PartialEq)]
pub enum HomeCommand {
    SelectProtocol(String),
    /// The protocol above (-1) or below (+1) the selected one.
    StepProtocol(isize),
    SetIntroFirst(bool),
    SetTab(HomeTab),
}

/// Preparing a case.
#[derive(Clone, Debug, PartialEq)]
pub enum CasesCommand {
    New,
    Edit(String),
    Edited,
    Save,
    /// Export the case being edited; with open privacy warnings it asks first.
    Export {
        confirmed: bool,
    },
    CancelExport,
    ImportDialog,
    ImportFile(PathBuf),
    ReplaceFinding {
        field: String,
        finding: Finding,
        with: String,
    },
}

/// The group's history.
#[derive(Clone, Debug, PartialEq)]
pub enum HistoryCommand {
    /// Search for these words (empty: show all).
    Search(String),
    Select(usize),
    Export {
        index: usize,
        html: bool,
    },
    /// Correct the attendance of this meeting (who was there, how long, who led).
    CorrectStart(usize),
    CorrectSave,
    CorrectCancel,
    /// A follow-up step of an earlier meeting: done, or carried into today's meeting.
    FollowUpDone {
        meeting: usize,
        step: usize,
    },
    FollowUpCarry {
        meeting: usize,
        step: usize,
    },
}

/// The group itself.
#[derive(Clone, Debug, PartialEq)]
pub enum GroupCommand {
    Select(String),
    Create(String),
    Save,
    ExportAttendance,
    /// Sign-in sheets, a certificate or a logbook over a period, as chosen on the tab.
    ExportProof,
    RetentionCheck,
    RetentionConfirm,
    RetentionCancel,
}

/// A meeting record that could not be saved.
#[derive(Clone, Debug, PartialEq)]
pub enum UnsavedCommand {
    /// Try again to save the unsaved meeting that started at this time.
    Retry {
        started_at_ms: i64,
    },
    /// Save it into a folder the leader picks.
    SaveElsewhereDialog {
        started_at_ms: i64,
    },
    SaveIn {
        started_at_ms: i64,
        dir: PathBuf,
    },
    Export {
        started_at_ms: i64,
        html: bool,
    },
}

/// A meeting found on disk after a crash.
#[derive(Clone, Debug, PartialEq)]
pub enum ResumeCommand {
    /// Carry on; `gap_as_pause` makes the time the app was closed count as a pause instead
    /// of as time that ran.
    Resume { gap_as_pause: bool },
    /// Not now: the saved meeting stays on disk and is offered again at the next start.
    Postpone,
    /// Put the saved meeting aside (into quarantine/, never deleted) and start fresh.
    Discard,
}

/// The app as a whole.
#[derive(Clone, Debug, PartialEq)]
pub enum AppAction {
    StartMeeting,
    /// Leave "who is here" and go to the introduction or the first phase.
    FinishSetup,
    /// Leave the introduction and open the first phase.
    BeginPhases,
    RequestEnd,
    ConfirmEnd,
    CloseOverlay,
    ToggleHelp,
    ToggleFullscreen,
    /// Esc: close what is open, or leave full screen.
    Escape,
    SetLanguage(Lang),
    SetTheme(Theme),
    /// Back to the start; with an unsaved meeting it asks first.
    BackHome,
    /// Back to the start although the meeting is not saved (it stays in memory and retried).
    BackHomeAnyway,
    /// Close the app although a meeting is not saved.
    QuitAnyway,
    /// Export the meeting that just ended (and was saved) from its summary: HTML to print, or
    /// Markdown. An unsaved one exports through [`UnsavedCommand::Export`].
    ExportFinished {
        html: bool,
    },
    /// Members take part from their phones in this meeting, or stop; remembered for the group.
    TogglePhones,
    /// The phones' join card on the group screen or off it (the leader's screen keeps it).
    ToggleWallCard,
}

macro_rules! into_app_command {
    ($($group:ident => $variant:ident),* $(,)?) => {
        $(impl From<$group> for AppCommand {
            fn from(command: $group) -> Self {
                Self::$variant(command)
            }
        })*
    };
}

into_app_command!(
    Command => Meeting,
    ContentCommand => Content,
    SessionCommand => Session,
    HomeCommand => Home,
    CasesCommand => Cases,
    HistoryCommand => History,
    GroupCommand => Group,
    UnsavedCommand => Unsaved,
    ResumeCommand => Resume,
    AppAction => App,
);
