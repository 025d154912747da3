//! The app: screens, the one place where commands take effect, saving, repaint scheduling.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use egui::{Key, Ui};
use jiff::tz::TimeZone;

use super::library::HomeTab;
use super::save_dialog::{SaveChoice, SaveDialog, SaveRequest};
use super::tools::{LeaderState, PrivateOk, PrivateThing};
use super::{controls, home, leader, room, screens, theme};
use crate::i18n::{self, Strings, fill};
use crate::meeting::{
    Clock, Command, ContentCommand, IN_PROGRESS_FORMAT_VERSION, InProgress, InProgressRef, Meeting,
    Stage, Step,
};
use crate::model::{GroupSettings, PreparedCase};
use crate::model::{Lang, MeetingContent, MeetingRecord, Tool};
use crate::privacy::{Finding, FindingKind};
use crate::room::{RoomView, local_date_time};
use crate::store::{
    Catalog, DEFAULT_GROUP, DataDir, GroupLock, LockOutcome, SetAside, Settings, Theme,
    list_records, load_settings, protocol_id_of_file_name, save_record, save_settings, to_ron,
    write_atomic,
};
use crate::store::{DirLoad, GroupList, History, SearchHit};

/// How long after a change the meeting in progress is on disk at the latest.
const AUTOSAVE_DELAY_MS: i64 = 1_000;
/// While a countdown runs nothing changes, but the file is refreshed so that after a crash
/// Kring knows about when it stopped.
const AUTOSAVE_HEARTBEAT_MS: i64 = 5_000;
/// After a failed write (read-only folder, full disk), try again this often.
const AUTOSAVE_RETRY_MS: i64 = 5_000;
/// A meeting record that could not be saved is tried again this often.
const UNSAVED_RETRY_MS: i64 = 30_000;

/// A meeting record that is not in its group's folder yet: kept in memory, retried, and (when
/// it could be written somewhere) kept as a spare copy that the next start offers again.
#[derive(Clone, Debug)]
pub struct Unsaved {
    pub record: MeetingRecord,
    pub group: String,
    /// Why the last try failed.
    pub error: String,
    /// The spare copy outside the group's folder, when one could be written.
    pub rescue: Option<PathBuf>,
    next_retry_ms: i64,
}

/// The autosave of the meeting in progress.
#[derive(Debug, Default)]
struct Autosave {
    /// What was last written, without its time, to see whether anything changed.
    last_text: String,
    last_write_ms: i64,
    /// Why the last write failed; shown to the leader until a write succeeds.
    error: Option<String>,
}

/// The default length of a rest break, in minutes; adjustable with + and - during the break.
pub const DEFAULT_BREAK_MINUTES: i64 = 10;

/// Every action of the app. Buttons and keys both produce these; [`KringApp::apply`] is the one
/// place where they take effect, and tests can send them directly.
#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    Meeting(Command),
    Content(ContentCommand),
    /// Leave "who is here" and go to the introduction or the first phase.
    FinishSetup,
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
    SelectProtocol(String),
    SetIntroFirst(bool),
    StartMeeting,
    /// Leave the introduction and open the first phase.
    BeginPhases,
    RequestEnd,
    ConfirmEnd,
    CloseOverlay,
    ToggleHelp,
    TogglePlan,
    ToggleControls,
    ToggleFullscreen,
    /// Esc: leave full screen, or close what is open.
    Escape,
    SetLanguage(Lang),
    SetTheme(Theme),
    /// Try again to save the unsaved meeting that started at this time.
    RetrySave {
        started_at_ms: i64,
    },
    /// Save the unsaved meeting into a folder the leader picks.
    SaveUnsavedElsewhereDialog {
        started_at_ms: i64,
    },
    SaveUnsavedIn {
        started_at_ms: i64,
        dir: PathBuf,
    },
    ExportUnsaved {
        started_at_ms: i64,
        html: bool,
    },
    /// Back to the start; with an unsaved meeting it asks first.
    BackHome,
    /// Back to the start although the meeting is not saved (it stays in memory and retried).
    BackHomeAnyway,
    /// Close the app although a meeting is not saved.
    QuitAnyway,
    /// Carry on with the meeting found after a crash; `gap_as_pause` makes the time the app
    /// was closed count as a pause instead of as time that ran.
    Resume {
        gap_as_pause: bool,
    },
    /// Not now: the saved meeting stays on disk and is offered again at the next start.
    PostponeResume,
    /// Put the saved meeting aside (into quarantine/, never deleted) and start fresh.
    DiscardResume,
    SetHomeTab(HomeTab),
    SelectGroup(String),
    CreateGroup(String),
    SaveGroup,
    NewCase,
    EditCase(String),
    CaseEdited,
    SaveCase,
    /// Export the case being edited; with open privacy warnings it asks first.
    ExportCase {
        confirmed: bool,
    },
    CancelCaseExport,
    ImportCaseDialog,
    ImportCaseFile(PathBuf),
    ReplaceFinding {
        field: String,
        finding: Finding,
        with: String,
    },
    /// Phase 1: add a prepared case from a file, or from my cases.
    BringInCaseDialog,
    BringInCase(PreparedCase),
    SearchHistory,
    SelectMeeting(usize),
    ExportMeeting {
        index: usize,
        html: bool,
    },
    ExportAttendance,
    /// A follow-up step of an earlier meeting: done, or carried into today's meeting.
    FollowUpDone {
        meeting: usize,
        step: usize,
    },
    FollowUpCarry {
        meeting: usize,
        step: usize,
    },
    RetentionCheck,
    RetentionConfirm,
    RetentionCancel,
}

/// What a file dialog (run on its own thread, so the UI never freezes) came back with.
#[derive(Debug)]
pub enum DialogResult {
    ImportCase(Option<PathBuf>),
    /// The case, its suggested file name, and where it goes.
    ExportCase(PreparedCase, String, SaveChoice),
    /// Text to write, its suggested file name, and where it goes.
    WriteText(String, String, SaveChoice),
    BringInCase(Option<PathBuf>),
    /// A folder for an unsaved meeting record.
    SaveUnsavedIn(i64, Option<PathBuf>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    Setup,
    Intro,
    Meeting,
    Finished,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    ConfirmEnd,
    /// One window: "the room sees this screen", before something private opens.
    ConfirmPrivate(PrivateThing),
    /// Leaving the summary of a meeting that is not saved.
    ConfirmLeaveUnsaved,
    /// Closing the app while a meeting is not saved.
    ConfirmQuitUnsaved,
}

/// The outcome of a meeting that has ended: its record, and where it was saved (or why not).
#[derive(Clone, Debug)]
pub struct Finished {
    pub record: MeetingRecord,
    pub saved: Result<PathBuf, String>,
}

pub struct KringApp {
    clock: Arc<dyn Clock>,
    tz: TimeZone,
    pub(crate) data: DataDir,
    pub(crate) settings: Settings,
    /// Messages for the home screen (a settings file set aside, a save that failed).
    pub(crate) notices: Vec<String>,
    pub(crate) catalog: Catalog,
    pub(crate) selected: Option<String>,
    pub(crate) intro_first: bool,
    pub(crate) screen: Screen,
    pub(crate) meeting: Option<Meeting>,
    /// What the group produces in the meeting; goes into the record.
    pub(crate) content: MeetingContent,
    /// Drafts and the private scratchpad; never saved.
    pub(crate) leader: LeaderState,
    /// The wall has a window of its own.
    pub(crate) room_window: bool,
    /// Single window: the leader screen is shown instead of the wall.
    pub(crate) leader_view: bool,
    pub(crate) finished: Option<Finished>,
    pub(crate) overlay: Overlay,
    pub(crate) show_plan: bool,
    pub(crate) show_controls: bool,
    applied_theme: Option<Theme>,
    fonts_installed: bool,
    autosave: Autosave,
    /// A meeting found on disk at start-up that was not finished.
    pub(crate) resume_offer: Option<InProgress>,
    /// Held while this window may write the group's folder: the write handle every write
    /// into it needs. Shared with the thread that reads the history (it sets damaged
    /// records aside).
    lock: Option<Arc<GroupLock>>,
    /// Why this window may not write the group's folder (another Kring has it).
    pub(crate) read_only: Option<String>,
    /// The group whose folder is used.
    pub(crate) group: String,
    pub(crate) groups: GroupList,
    pub(crate) group_settings: GroupSettings,
    pub(crate) group_status: Option<String>,
    pub(crate) home_tab: HomeTab,
    /// Loaded when first needed; dropped when a meeting is saved or the group changes.
    pub(crate) history: Option<History>,
    /// The history being read on a background thread, so opening it never stalls the screen.
    history_preload: Option<std::sync::mpsc::Receiver<History>>,
    pub(crate) history_query: String,
    pub(crate) history_hits: Option<Vec<SearchHit>>,
    pub(crate) history_selected: Option<usize>,
    pub(crate) history_record: Option<Result<MeetingRecord, String>>,
    pub(crate) reflection_phase: Option<String>,
    pub(crate) cases: Option<DirLoad<PreparedCase>>,
    pub(crate) case_edit: Option<PreparedCase>,
    /// Privacy findings in the case being edited: (field key, finding, replacement).
    pub(crate) case_findings: Vec<(String, Finding, String)>,
    pub(crate) case_status: Option<String>,
    pub(crate) confirm_case_export: bool,
    pub(crate) retention_pending: Option<Vec<PathBuf>>,
    /// Meeting records not yet in their group's folder.
    pub(crate) unsaved: Vec<Unsaved>,
    /// The leader chose to close although something is not saved.
    quit_confirmed: bool,
    dialog_tx: std::sync::mpsc::Sender<DialogResult>,
    dialog_rx: std::sync::mpsc::Receiver<DialogResult>,
    /// How exports ask where to save; without a dialog they go into `exports/`.
    save_dialog: SaveDialog,
    pending: Vec<AppCommand>,
}

impl KringApp {
    /// Loads settings and protocols from `data`. Nothing here can fail: problems become
    /// messages on the home screen.
    pub fn new(data: DataDir, clock: Arc<dyn Clock>) -> Self {
        let loaded = load_settings(&data.settings_file());
        let mut notices = Vec::new();
        let s = i18n::strings(loaded.settings.language);
        if let Some((path, reason)) = &loaded.set_aside {
            notices.push(fill(
                s.home_settings_set_aside,
                &[("reason", reason), ("path", &path.display())],
            ));
        }
        if loaded.newer.is_some() {
            notices.push(fill(
                s.file_newer,
                &[("path", &data.settings_file().display())],
            ));
        }
        let catalog = Catalog::load(Some(&data.protocols_dir()));
        let selected = loaded
            .settings
            .last_protocol
            .clone()
            .filter(|id| catalog.get(id).is_some())
            .or_else(|| catalog.entries.first().map(|e| e.protocol.id.clone()));
        let (dialog_tx, dialog_rx) = std::sync::mpsc::channel();
        let mut app = Self {
            clock,
            tz: TimeZone::try_system().unwrap_or(TimeZone::UTC),
            data,
            settings: loaded.settings,
            notices,
            catalog,
            selected,
            intro_first: true,
            screen: Screen::Home,
            meeting: None,
            content: MeetingContent::default(),
            leader: LeaderState::default(),
            room_window: false,
            leader_view: false,
            finished: None,
            overlay: Overlay::None,
            show_plan: false,
            show_controls: true,
            applied_theme: None,
            fonts_installed: false,
            autosave: Autosave::default(),
            resume_offer: None,
            lock: None,
            read_only: None,
            group: DEFAULT_GROUP.to_owned(),
            groups: GroupList::default(),
            group_settings: GroupSettings::default(),
            group_status: None,
            home_tab: HomeTab::Meeting,
            history: None,
            history_preload: None,
            history_query: String::new(),
            history_hits: None,
            history_selected: None,
            history_record: None,
            reflection_phase: None,
            cases: None,
            case_edit: None,
            case_findings: Vec::new(),
            case_status: None,
            confirm_case_export: false,
            retention_pending: None,
            unsaved: Vec::new(),
            quit_confirmed: false,
            dialog_tx,
            dialog_rx,
            save_dialog: SaveDialog::from_env(),
            pending: Vec::new(),
        };
        app.room_window = app.settings.separate_room_window;
        app.groups = crate::store::list_groups(&app.data);
        if let Some(last) = app.settings.last_group.clone()
            && app.groups.groups.iter().any(|(id, _)| *id == last)
        {
            app.group = last;
        }
        app.group_settings = app.group_settings_for(&app.group);
        if let Some(id) = app.selected.clone() {
            app.intro_first = !app.group_has_met_with(&id);
        }
        app.take_group_lock();
        app.open_group_file();
        if app.read_only.is_none() {
            app.find_unsaved_records();
            app.find_meeting_in_progress();
        }
        app.start_history_preload();
        app
    }

    /// Spare copies of meetings that could not be saved last time are offered again (and
    /// retried at once: the folder may be fine now).
    fn find_unsaved_records(&mut self) {
        let dirs = crate::store::rescue_dirs(&self.data);
        let found = crate::store::list_rescue_copies(&dirs, &self.data, &self.group);
        if found.is_empty() {
            return;
        }
        for (path, copy) in found {
            if self
                .unsaved
                .iter()
                .any(|u| u.record.started_at_ms == copy.record.started_at_ms)
            {
                continue;
            }
            self.unsaved.push(Unsaved {
                record: copy.record,
                group: copy.group,
                error: String::new(),
                rescue: Some(path),
                next_retry_ms: 0,
            });
        }
        let s = self.strings();
        self.notices.push(s.unsaved_offered.to_owned());
    }

    /// Tries to save the unsaved records that are due (or the one asked for, now). A record
    /// that is saved leaves the list, its spare copy goes, and so does the autosave of the
    /// meeting it came from.
    fn retry_unsaved(&mut self, now: i64, only: Option<i64>) {
        if self.read_only.is_some() {
            return;
        }
        let mut saved = Vec::new();
        for (index, unsaved) in self.unsaved.iter_mut().enumerate() {
            let due = match only {
                Some(started) => unsaved.record.started_at_ms == started,
                None => now >= unsaved.next_retry_ms,
            };
            if !due {
                continue;
            }
            // Only this group's folder can be written (with its lock); a record of another
            // group waits until that group is opened again.
            let Some(lock) = self.lock.as_deref().filter(|_| unsaved.group == self.group) else {
                continue;
            };
            match save_record(lock, &unsaved.record) {
                Ok(path) => saved.push((index, path)),
                Err(error) => {
                    unsaved.error = error.to_string();
                    unsaved.next_retry_ms = now + UNSAVED_RETRY_MS;
                }
            }
        }
        for (index, path) in saved.into_iter().rev() {
            let unsaved = self.unsaved.remove(index);
            self.record_now_saved(unsaved, path);
        }
    }

    /// An unsaved record is now on disk at `path`.
    fn record_now_saved(&mut self, unsaved: Unsaved, path: PathBuf) {
        if let Some(rescue) = &unsaved.rescue {
            crate::store::remove_rescue_copy(rescue);
        }
        let in_meeting = matches!(self.screen, Screen::Setup | Screen::Intro | Screen::Meeting);
        if unsaved.group == self.group && !in_meeting {
            self.clear_autosave();
            self.resume_offer = None;
        }
        if let Some(finished) = &mut self.finished
            && finished.record.started_at_ms == unsaved.record.started_at_ms
        {
            finished.saved = Ok(path.clone());
        }
        let s = self.strings();
        let date = crate::i18n::format_date_text(self.lang(), &unsaved.record.started_local);
        self.notices.push(fill(
            s.unsaved_now_saved,
            &[("date", &date), ("path", &path.display())],
        ));
        self.start_history_preload();
    }

    pub fn unsaved(&self) -> &[Unsaved] {
        &self.unsaved
    }

    /// Reads the group's `group.ron` with the write handle, if this Kring holds it: a damaged
    /// file is set aside (byte for byte, into the group's `quarantine/`), a newer one left;
    /// either is told to the leader on the home screen and the Groep tab.
    fn open_group_file(&mut self) {
        let (settings, problem) =
            crate::store::open_group(&self.data, &self.group, self.lock.as_deref());
        if let Some(problem) = problem {
            let s = self.strings();
            let text = fill(s.group_file_problem, &[("problem", &problem)]);
            self.notices.push(text.clone());
            self.group_status = Some(text);
            self.group_settings = settings;
        }
    }

    fn group_settings_for(&self, id: &str) -> GroupSettings {
        self.groups
            .groups
            .iter()
            .find(|(gid, _)| gid == id)
            .map(|(_, g)| g.clone())
            .unwrap_or_default()
    }

    /// Reads the group's history on a background thread (at start-up, after a meeting, after
    /// switching groups), so the History tab opens at once even with thousands of meetings.
    fn start_history_preload(&mut self) {
        self.history = None;
        self.history_hits = None;
        self.history_selected = None;
        self.history_record = None;
        let (tx, rx) = std::sync::mpsc::channel();
        let meetings = self.data.meetings_dir(&self.group);
        let root = self.data.root().to_owned();
        let lock = self.lock.clone();
        std::thread::spawn(move || {
            let set_aside = match &lock {
                Some(lock) => SetAside::Group(lock, &root),
                None => SetAside::No,
            };
            tx.send(History::load(&meetings, set_aside)).ok();
        });
        self.history_preload = Some(rx);
    }

    /// The history, now: takes the preloaded one (waiting for it if it is still being read)
    /// or reads it here.
    pub(crate) fn ensure_history_loaded(&mut self) {
        if self.history.is_some() {
            return;
        }
        let preloaded = self.history_preload.take().and_then(|rx| rx.recv().ok());
        self.history = Some(preloaded.unwrap_or_else(|| {
            let set_aside = match &self.lock {
                Some(lock) => SetAside::Group(lock, self.data.root()),
                None => SetAside::No,
            };
            History::load(&self.data.meetings_dir(&self.group), set_aside)
        }));
        self.history_hits = None;
        self.history_selected = None;
    }

    fn poll_history_preload(&mut self) {
        if let Some(rx) = &self.history_preload
            && let Ok(history) = rx.try_recv()
        {
            self.history = Some(history);
            self.history_preload = None;
        }
    }

    pub(crate) fn ensure_cases_loaded(&mut self) {
        if self.cases.is_none() {
            self.cases = Some(crate::store::list_cases(
                &crate::store::cases_dir(&self.data),
                self.data.root(),
            ));
        }
    }

    pub(crate) fn cases_list(&self) -> Vec<(PathBuf, PreparedCase)> {
        self.cases
            .as_ref()
            .map(|c| c.items.clone())
            .unwrap_or_default()
    }

    /// Runs the privacy check over every field of the case being edited.
    fn recompute_findings(&mut self) {
        self.case_findings.clear();
        let Some(case) = &self.case_edit else {
            return;
        };
        let mut names: Vec<String> = Vec::new();
        for (key, text) in case.text_fields() {
            for finding in crate::privacy::scan(text) {
                let with = if finding.kind == FindingKind::PersonName {
                    // The same name gets the same placeholder everywhere in the case.
                    let n = match names.iter().position(|n| *n == finding.text) {
                        Some(n) => n,
                        None => {
                            names.push(finding.text.clone());
                            names.len() - 1
                        }
                    };
                    crate::privacy::placeholder(self.lang(), finding.kind, n)
                } else {
                    crate::privacy::placeholder(self.lang(), finding.kind, 0)
                };
                self.case_findings.push((key.to_owned(), finding, with));
            }
        }
    }

    /// Opens a file dialog on its own thread; the answer comes back through the channel.
    fn spawn_dialog(
        &self,
        ctx: &egui::Context,
        dialog: impl FnOnce() -> DialogResult + Send + 'static,
    ) {
        let tx = self.dialog_tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = dialog();
            tx.send(result).ok();
            ctx.request_repaint();
        });
    }

    /// Exports never open a file dialog; they go into the data folder's `exports/` (tests).
    pub fn set_save_dialog(&mut self, dialog: SaveDialog) {
        self.save_dialog = dialog;
    }

    /// Asks where to save (on its own thread), then hands the answer to `done`. Where no
    /// dialog can open, the answer is [`SaveChoice::Unavailable`] at once, in the next frame.
    fn spawn_save(
        &self,
        ctx: &egui::Context,
        request: SaveRequest,
        done: impl FnOnce(SaveChoice) -> DialogResult + Send + 'static,
    ) {
        let dialog = self.save_dialog;
        if !dialog.can_open() {
            self.dialog_tx.send(done(SaveChoice::Unavailable)).ok();
            ctx.request_repaint();
            return;
        }
        self.spawn_dialog(ctx, move || done(dialog.open(request)));
    }

    /// Where no dialog could open: the export is saved into `exports/`, and the sentence
    /// says so and where (or why that failed too).
    fn save_into_exports(
        &self,
        file_name: &str,
        write: impl FnOnce(&std::path::Path) -> Result<(), String>,
    ) -> String {
        let s = self.strings();
        let folder = crate::store::exports_dir(&self.data);
        match crate::store::save_new_file(&folder, file_name, write) {
            Ok(path) => fill(s.export_no_dialog, &[("path", &path.display())]),
            Err(error) => fill(
                s.export_no_dialog_failed,
                &[("folder", &folder.display()), ("error", &error)],
            ),
        }
    }

    /// Takes in what file dialogs answered and files dropped on the window.
    fn poll_files(&mut self, ctx: &egui::Context) {
        let s = self.strings();
        while let Ok(result) = self.dialog_rx.try_recv() {
            match result {
                DialogResult::ImportCase(Some(path)) => {
                    self.pending.push(AppCommand::ImportCaseFile(path));
                }
                DialogResult::ExportCase(case, _, SaveChoice::Chosen(path)) => {
                    self.case_status = Some(match crate::store::export_case(&case, &path) {
                        Ok(()) => fill(s.file_written, &[("path", &path.display())]),
                        Err(error) => fill(s.file_failed, &[("error", &error)]),
                    });
                }
                DialogResult::ExportCase(case, name, SaveChoice::Unavailable) => {
                    let status = self
                        .save_into_exports(&name, |path| crate::store::export_case(&case, path));
                    self.case_status = Some(status);
                }
                DialogResult::WriteText(text, name, SaveChoice::Unavailable) => {
                    let status = self.save_into_exports(&name, |path| {
                        write_atomic(path, text.as_bytes()).map_err(|err| err.to_string())
                    });
                    self.group_status = Some(status.clone());
                    self.notices.push(status);
                }
                DialogResult::WriteText(text, _, SaveChoice::Chosen(path)) => {
                    let status = match write_atomic(&path, text.as_bytes()) {
                        Ok(()) => fill(s.file_written, &[("path", &path.display())]),
                        Err(error) => fill(s.file_failed, &[("error", &error)]),
                    };
                    self.group_status = Some(status.clone());
                    self.notices.push(status);
                }
                DialogResult::SaveUnsavedIn(started_at_ms, Some(dir)) => {
                    self.pending
                        .push(AppCommand::SaveUnsavedIn { started_at_ms, dir });
                }
                DialogResult::BringInCase(Some(path)) => {
                    match crate::store::load_case_file(&path) {
                        Ok(case) => self.pending.push(AppCommand::BringInCase(case)),
                        Err(error) => self.notices.push(fill(s.file_failed, &[("error", &error)])),
                    }
                }
                // The dialog was cancelled.
                DialogResult::ImportCase(None)
                | DialogResult::ExportCase(_, _, SaveChoice::Cancelled)
                | DialogResult::WriteText(_, _, SaveChoice::Cancelled)
                | DialogResult::SaveUnsavedIn(_, None)
                | DialogResult::BringInCase(None) => {}
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            if self.screen == Screen::Meeting {
                match crate::store::load_case_file(&path) {
                    Ok(case) => self.pending.push(AppCommand::BringInCase(case)),
                    Err(error) => self.notices.push(fill(s.file_failed, &[("error", &error)])),
                }
            } else {
                self.home_tab = HomeTab::Cases;
                self.pending.push(AppCommand::ImportCaseFile(path));
            }
        }
    }

    fn autosave_path(&self) -> PathBuf {
        self.data.group_dir(&self.group).join("in-progress.ron")
    }

    /// One Kring at a time writes a group's folder; another opens read-only and says why.
    fn take_group_lock(&mut self) {
        match GroupLock::acquire(&self.data.group_dir(&self.group), self.clock.now_ms()) {
            LockOutcome::Acquired(lock) => self.lock = Some(Arc::new(lock)),
            LockOutcome::ReadOnly { holder } => {
                let s = self.strings();
                let who = holder.map_or_else(|| s.lock_someone.to_owned(), |h| h.to_string());
                self.read_only = Some(fill(s.lock_read_only, &[("who", &who)]));
            }
            LockOutcome::Unavailable { error, unlocked } => {
                // Written anyway, as before, and said so: see `LockOutcome::Unavailable`.
                self.lock = Some(Arc::new(unlocked));
                let s = self.strings();
                let reason = crate::i18n::store_error(self.lang(), &error);
                self.notices
                    .push(fill(s.lock_unavailable, &[("reason", &reason)]));
            }
        }
    }

    /// A meeting that was not finished (crash, power cut, kill) is offered for resuming. Its
    /// format version is read first: a file from a newer Kring is left untouched and
    /// reported; a damaged file is moved to quarantine/ and reported.
    fn find_meeting_in_progress(&mut self) {
        let path = self.autosave_path();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return,
            Err(err) => {
                let s = self.strings();
                self.notices.push(fill(
                    s.resume_unreadable,
                    &[("path", &path.display()), ("error", &err)],
                ));
                return;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let parsed = crate::store::read_format_version(text, IN_PROGRESS_FORMAT_VERSION, None)
            .and_then(|_| InProgress::parse(text).map_err(crate::store::Rejection::damaged));
        let s = self.strings();
        match (parsed, &self.lock) {
            // The meeting ended and its record waits as an unsaved record: that is what is
            // offered, not the meeting again. The autosave stays until the record is saved.
            (Ok(state), _)
                if self
                    .unsaved
                    .iter()
                    .any(|u| u.record.started_at_ms == state.meeting.started_at_ms()) => {}
            (Ok(state), _) => self.resume_offer = Some(state),
            (Err(rejection), _) if !rejection.set_aside => {
                self.notices
                    .push(fill(s.file_newer, &[("path", &path.display())]));
            }
            (Err(rejection), Some(lock)) => {
                let problem = lock.set_aside(self.data.root(), &path, rejection.reason);
                self.notices
                    .push(fill(s.resume_damaged, &[("problem", &problem)]));
            }
            (Err(_), None) => self.notices.push(s.read_only_not_done.to_owned()),
        }
    }

    /// Writes the meeting in progress when it changed (at most once a second) and refreshes it
    /// every few seconds. A failed write keeps everything in memory, says why, and retries.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        if self.read_only.is_some() {
            return;
        }
        let stage = match self.screen {
            Screen::Setup => Stage::Setup,
            Screen::Intro => Stage::Intro,
            Screen::Meeting => Stage::Meeting,
            Screen::Home | Screen::Finished => return,
        };
        let Some(meeting) = &self.meeting else {
            return;
        };
        let now = self.clock.now_ms();
        let snapshot = |saved_at_ms| InProgressRef {
            format_version: IN_PROGRESS_FORMAT_VERSION,
            saved_at_ms,
            stage,
            meeting,
            content: &self.content,
        };
        let Ok(text) = to_ron(&snapshot(0)) else {
            return;
        };
        let since = now - self.autosave.last_write_ms;
        let changed = text != self.autosave.last_text;
        let wait = if self.autosave.error.is_some() {
            AUTOSAVE_RETRY_MS
        } else if changed {
            AUTOSAVE_DELAY_MS
        } else {
            AUTOSAVE_HEARTBEAT_MS
        };
        if since < wait {
            if changed || self.autosave.error.is_some() {
                ctx.request_repaint_after(Duration::from_millis((wait - since) as u64 + 5));
            }
            return;
        }
        let result = to_ron(&snapshot(now))
            .map_err(|e| e.to_string())
            .and_then(|full| match &self.lock {
                Some(lock) => lock
                    .write_file(&self.autosave_path(), full.as_bytes())
                    .map_err(|e| e.to_string()),
                None => Err(self.strings().read_only_not_done.to_owned()),
            });
        self.autosave.last_write_ms = now;
        match result {
            Ok(()) => {
                self.autosave.last_text = text;
                self.autosave.error = None;
            }
            Err(err) => {
                log::warn!("autosave failed: {err}");
                self.autosave.error = Some(err);
                ctx.request_repaint_after(Duration::from_millis(AUTOSAVE_RETRY_MS as u64));
            }
        }
    }

    /// Why the meeting in progress is not on disk right now, if it is not.
    pub(crate) fn autosave_error(&self) -> Option<&str> {
        self.autosave.error.as_deref()
    }

    /// The meeting is over and its record is saved: the autosave is no longer needed.
    fn clear_autosave(&mut self) {
        let path = self.autosave_path();
        if path.exists()
            && let Some(lock) = &self.lock
            && let Err(err) = lock.remove_file(&path)
        {
            log::warn!("could not remove {}: {err}", path.display());
        }
        self.autosave = Autosave::default();
    }

    fn save_case(&mut self, now: i64) {
        let s = self.strings();
        let Some(case) = &mut self.case_edit else {
            return;
        };
        case.updated_at_ms = now;
        self.case_status = Some(
            match crate::store::save_case(&crate::store::cases_dir(&self.data), case) {
                Ok(path) => fill(s.cases_saved, &[("path", &path.display())]),
                Err(error) => fill(s.file_failed, &[("error", &error)]),
            },
        );
        self.cases = None;
    }

    /// Switches to another group: its folder, lock, history and settings.
    fn select_group(&mut self, id: String, now: i64) {
        if id == self.group || self.meeting.is_some() {
            return;
        }
        self.lock = None;
        self.read_only = None;
        self.resume_offer = None;
        self.group = id;
        self.group_settings = self.group_settings_for(&self.group);
        self.settings.last_group = Some(self.group.clone());
        self.save_settings();
        let _ = now;
        self.take_group_lock();
        self.open_group_file();
        // After the lock: the history's reader sets damaged records aside only with it.
        self.start_history_preload();
        if self.read_only.is_none() {
            self.find_meeting_in_progress();
        }
        if let Some(id) = self.selected.clone() {
            self.intro_first = !self.group_has_met_with(&id);
        }
    }

    /// Meeting records and prepared cases older than the group's retention period.
    fn expired_files(&mut self, now: i64) -> Vec<PathBuf> {
        let Some(months) = self.group_settings.retention.months() else {
            return Vec::new();
        };
        let cutoff =
            now - i64::from(months) * 30 * 24 * 3_600_000 - i64::from(months / 2) * 24 * 3_600_000;
        self.ensure_history_loaded();
        let mut files: Vec<PathBuf> = self
            .history
            .as_ref()
            .map(|h| {
                h.summaries()
                    .iter()
                    .filter(|m| m.started_at_ms < cutoff)
                    .map(|m| m.path.clone())
                    .collect()
            })
            .unwrap_or_default();
        self.ensure_cases_loaded();
        files.extend(
            self.cases_list()
                .into_iter()
                .filter(|(_, c)| c.updated_at_ms < cutoff)
                .map(|(path, _)| path),
        );
        files
    }

    /// The id of the protocol `step` places after (or before) the selected one in the list.
    fn neighbour_protocol(&self, step: isize) -> Option<String> {
        let entries = &self.catalog.entries;
        let current = self
            .selected
            .as_deref()
            .and_then(|id| entries.iter().position(|e| e.protocol.id == id))?;
        let next = current.checked_add_signed(step)?;
        entries.get(next).map(|e| e.protocol.id.clone())
    }

    /// Whether the group has a meeting record with this protocol. The introduction of the
    /// method is offered by default only to a group that has not used the protocol yet.
    fn group_has_met_with(&self, protocol_id: &str) -> bool {
        list_records(&self.data.meetings_dir(&self.group))
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .any(|name| protocol_id_of_file_name(&name) == Some(protocol_id))
    }

    /// Tells the leader that the data folder asked for could not be used and which one is
    /// used instead.
    pub fn report_data_dir_fallback(&mut self, error: &str) {
        let s = self.strings();
        let path = self.data.root().display().to_string();
        self.notices.insert(
            0,
            fill(s.data_dir_fallback, &[("error", &error), ("path", &path)]),
        );
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn meeting(&self) -> Option<&Meeting> {
        self.meeting.as_ref()
    }

    pub fn content(&self) -> &MeetingContent {
        &self.content
    }

    /// The private scratchpad's text (for tests that prove it goes nowhere).
    pub fn scratchpad_text(&self) -> &str {
        &self.leader.scratchpad
    }

    pub fn finished(&self) -> Option<&Finished> {
        self.finished.as_ref()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    pub(crate) fn strings(&self) -> &'static Strings {
        i18n::strings(self.settings.language)
    }

    pub(crate) fn lang(&self) -> Lang {
        self.settings.language
    }

    pub(crate) fn tz(&self) -> &TimeZone {
        &self.tz
    }

    /// Queues a command; it takes effect at the end of this frame.
    pub(crate) fn send(&mut self, command: AppCommand) {
        self.pending.push(command);
    }

    /// One whole frame: keys, drawing, commands, repaint scheduling. eframe calls the two halves
    /// through [`eframe::App`]; tests call this.
    pub fn frame(&mut self, ui: &mut Ui) {
        self.logic(ui.ctx());
        self.ui(ui);
    }

    /// Per-frame work that draws nothing: style, keyboard shortcuts, and when to wake up next.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if !self.fonts_installed {
            theme::install_fonts(ctx);
            self.fonts_installed = true;
        }
        if self.applied_theme != Some(self.settings.theme) {
            theme::apply(ctx, self.settings.theme);
            self.applied_theme = Some(self.settings.theme);
        }
        self.poll_files(ctx);
        self.poll_history_preload();
        let mut commands = self.shortcuts(ctx);
        commands.append(&mut self.pending);
        for command in commands {
            self.apply(ctx, command);
        }
        self.autosave_tick(ctx);
        if !self.unsaved.is_empty() {
            let now = self.clock.now_ms();
            self.retry_unsaved(now, None);
            ctx.request_repaint_after(Duration::from_millis(UNSAVED_RETRY_MS as u64));
        }
        self.guard_close(ctx);
        self.schedule_repaint(ctx);
    }

    /// Closing the window while a meeting is not saved asks first.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if self.unsaved.is_empty() || self.quit_confirmed {
            return;
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.overlay = Overlay::ConfirmQuitUnsaved;
        }
    }

    pub fn ui(&mut self, ui: &mut Ui) {
        // The background is the clear colour (see `clear_color`): painting it again would cost a
        // full-screen fill per frame, which software-rendered projectors feel.
        match self.screen {
            Screen::Home => home::home_ui(self, ui),
            Screen::Setup => leader::setup_ui(self, ui),
            Screen::Intro => screens::intro_ui(self, ui),
            Screen::Meeting => self.meeting_ui(ui),
            Screen::Finished => screens::finished_ui(self, ui),
        }
        if self.overlay == Overlay::Help {
            controls::help_ui(self, ui.ctx());
        }
        if self.overlay == Overlay::ConfirmEnd {
            controls::confirm_end_ui(self, ui.ctx());
        }
        if let Overlay::ConfirmPrivate(thing) = self.overlay {
            controls::confirm_private_ui(self, ui.ctx(), thing);
        }
        if matches!(
            self.overlay,
            Overlay::ConfirmLeaveUnsaved | Overlay::ConfirmQuitUnsaved
        ) {
            controls::confirm_unsaved_ui(self, ui.ctx());
        }
        if self.screen == Screen::Home && self.resume_offer.is_some() {
            controls::resume_ui(self, ui.ctx());
        }
        let ctx = ui.ctx().clone();
        for command in std::mem::take(&mut self.pending) {
            self.apply(&ctx, command);
        }
    }

    fn meeting_ui(&mut self, ui: &mut Ui) {
        let Some(meeting) = &self.meeting else {
            self.screen = Screen::Home;
            return;
        };
        let now = self.clock.now_ms();
        let view = RoomView::new(
            meeting,
            &self.content,
            self.lang(),
            self.strings(),
            now,
            &self.tz,
        );
        let palette = theme::Palette::for_theme(self.settings.theme);
        let private_entry = self.leader.is_open(PrivateThing::AdviceEntry);
        if self.show_controls && !private_entry {
            egui::Panel::bottom("leader_controls")
                .frame(
                    egui::Frame::new()
                        .fill(palette.surface)
                        .inner_margin(egui::Margin::symmetric(16, 10)),
                )
                .show(ui, |ui| controls::control_bar_ui(self, ui));
        }
        if self.show_plan && !private_entry {
            egui::Panel::right("time_plan")
                .resizable(false)
                .default_size(340.0)
                .frame(
                    egui::Frame::new()
                        .fill(palette.surface)
                        .inner_margin(egui::Margin::same(16)),
                )
                .show(ui, |ui| controls::plan_ui(self, ui));
        }
        if self.room_window {
            self.room_window_ui(ui.ctx(), &view);
        }
        if private_entry {
            // Locked: the entry screen alone, no buttons that reach the meeting.
            egui::CentralPanel::default()
                .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(40, 24)))
                .show(ui, |ui| super::tools::advice_entry_ui(self, ui));
            return;
        }
        if self.room_window || self.leader_view {
            leader::leader_ui(self, ui);
        } else {
            egui::CentralPanel::default()
                .frame(egui::Frame::new())
                .show(ui, |ui| {
                    let rect = ui.max_rect();
                    room::room_ui(ui, rect, &view, &palette);
                });
        }
    }

    /// The wall in its own window, for the projector. It is drawn from the same public
    /// [`RoomView`] as the single-window wall.
    fn room_window_ui(&mut self, ctx: &egui::Context, view: &RoomView) {
        let palette = theme::Palette::for_theme(self.settings.theme);
        let title = self.strings().room_window_title;
        let mut closed = false;
        let mut commands = Vec::new();
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("kring_room"),
            egui::ViewportBuilder::default()
                .with_title(title)
                .with_inner_size([1280.0, 720.0]),
            |ui, class| {
                let rect = if class == egui::ViewportClass::EmbeddedWindow {
                    ui.allocate_exact_size(egui::vec2(640.0, 360.0), egui::Sense::hover())
                        .0
                } else {
                    ui.max_rect()
                };
                ui.painter().rect_filled(rect, 0.0, palette.background);
                room::room_ui(ui, rect, view, &palette);
                let ctx = ui.ctx().clone();
                // Keys pressed while the wall window has focus: full screen applies to it.
                for command in self.shortcuts(&ctx) {
                    match command {
                        AppCommand::ToggleFullscreen => {
                            let fullscreen =
                                ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
                        }
                        AppCommand::Escape => {
                            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                        }
                        other => commands.push(other),
                    }
                }
                if ctx.input(|i| i.viewport().close_requested()) {
                    closed = true;
                }
            },
        );
        self.pending.extend(commands);
        if closed {
            self.set_room_window(false);
        }
    }

    /// Maps keys to commands. In a meeting the keys are taken before any widget sees them, so
    /// Space never also "clicks" a focused button.
    fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<AppCommand> {
        let mut commands = Vec::new();
        let typing = ctx.egui_wants_keyboard_input();
        let in_meeting = self.screen == Screen::Meeting && self.overlay == Overlay::None;
        let in_intro = self.screen == Screen::Intro && self.overlay == Overlay::None;
        let in_home = self.screen == Screen::Home
            && self.overlay == Overlay::None
            && self.resume_offer.is_none();
        let in_setup = self.screen == Screen::Setup && self.overlay == Overlay::None;
        let private_entry = self.leader.is_open(PrivateThing::AdviceEntry);
        let confirm_private = matches!(self.overlay, Overlay::ConfirmPrivate(_));
        let in_finished = self.screen == Screen::Finished && self.overlay == Overlay::None;
        let logs_questions = self
            .meeting
            .as_ref()
            .and_then(Meeting::current_phase)
            .is_some_and(|p| p.tools.contains(&Tool::QuestionLog));
        ctx.input_mut(|input| {
            let mut take = |key: Key| input.consume_key(egui::Modifiers::NONE, key);
            // The private entry is a locked mode: a member there can type, hand in (Ctrl+Enter,
            // taken by the entry screen) and nothing else. F4 is the leader's way out.
            if private_entry {
                if take(Key::F4) {
                    commands.push(AppCommand::Curtain);
                }
                return;
            }
            if let Overlay::ConfirmPrivate(thing) = self.overlay {
                if take(Key::F3) {
                    commands.push(AppCommand::PrivateInOwnWindow(thing));
                }
                if take(Key::Enter) {
                    commands.push(AppCommand::ShowPrivateHere(thing));
                }
            }
            if take(Key::F11) {
                commands.push(AppCommand::ToggleFullscreen);
            }
            if take(Key::Escape) {
                commands.push(AppCommand::Escape);
            }
            if take(Key::F4) {
                commands.push(AppCommand::Curtain);
            }
            if in_meeting && take(Key::F2) {
                commands.push(AppCommand::ToggleView);
            }
            if (in_meeting || in_setup) && take(Key::F3) {
                commands.push(AppCommand::ToggleRoomWindow);
            }
            if typing || confirm_private {
                return;
            }
            if take(Key::Questionmark) {
                commands.push(AppCommand::ToggleHelp);
            }
            if in_intro && (take(Key::Space) || take(Key::ArrowRight)) {
                commands.push(AppCommand::BeginPhases);
            }
            if in_finished && take(Key::Enter) {
                commands.push(AppCommand::BackHome);
            }
            if in_home {
                if take(Key::Enter) {
                    commands.push(AppCommand::StartMeeting);
                }
                for (key, step) in [(Key::ArrowDown, 1), (Key::ArrowUp, -1)] {
                    if take(key)
                        && let Some(id) = self.neighbour_protocol(step)
                    {
                        commands.push(AppCommand::SelectProtocol(id));
                    }
                }
            }
            if !in_meeting {
                return;
            }
            let mut meeting_key = |key: Key, command: Command| {
                if take(key) {
                    commands.push(AppCommand::Meeting(command));
                }
            };
            meeting_key(Key::Space, Command::StartPause);
            meeting_key(Key::ArrowRight, Command::Next);
            meeting_key(Key::ArrowLeft, Command::Back);
            meeting_key(Key::Plus, Command::AddMinute);
            meeting_key(Key::Equals, Command::AddMinute);
            meeting_key(Key::Minus, Command::RemoveMinute);
            meeting_key(Key::S, Command::SkipCurrent);
            if take(Key::B) {
                let on_break = self.meeting.as_ref().is_some_and(Meeting::on_break);
                commands.push(AppCommand::Meeting(if on_break {
                    Command::EndBreak
                } else {
                    Command::StartBreak {
                        minutes: DEFAULT_BREAK_MINUTES,
                    }
                }));
            }
            if take(Key::P) {
                commands.push(AppCommand::TogglePlan);
            }
            if take(Key::H) {
                commands.push(AppCommand::ToggleControls);
            }
            if take(Key::E) {
                commands.push(AppCommand::RequestEnd);
            }
            if take(Key::K) {
                commands.push(AppCommand::ToggleScratchpad);
            }
            if logs_questions && take(Key::A) {
                commands.push(AppCommand::Content(ContentCommand::EarlyAdvice));
            }
        });
        commands
    }

    /// Applies one command. The only place app state changes in answer to the user.
    pub fn apply(&mut self, ctx: &egui::Context, command: AppCommand) {
        let now = self.clock.now_ms();
        match command {
            AppCommand::Meeting(command) => {
                if let Some(meeting) = &mut self.meeting {
                    let before = meeting.cursor();
                    meeting.apply(command, now);
                    let entered = (meeting.cursor() != before).then(|| meeting.current_phase());
                    if let Some(Some(phase)) = entered {
                        // The association phase opens the private pad on the leader screen,
                        // and closes it again when the group moves on. On one window the room
                        // would see it, so there it waits for the leader (K).
                        self.leader.phase_changed();
                        if phase.tools.contains(&Tool::Scratchpad)
                            && let Some(ok) = PrivateOk::room_has_own_window(self.room_window)
                        {
                            self.leader.open(PrivateThing::Scratchpad, ok, true);
                        }
                    }
                    if meeting.is_finished() {
                        self.finish(now);
                    }
                }
            }
            AppCommand::Content(command) => {
                crate::meeting::apply_content(&mut self.content, command, &mut rand::rng());
            }
            AppCommand::FinishSetup => {
                self.screen = if self.intro_first {
                    Screen::Intro
                } else {
                    if let Some(meeting) = &mut self.meeting {
                        *meeting = Meeting::start(meeting.protocol().clone(), now);
                    }
                    Screen::Meeting
                };
            }
            AppCommand::ToggleView => {
                self.leader_view = !self.leader_view;
                if !self.leader_view {
                    // Back to the group screen: what was private closes, so that it cannot
                    // come back unasked.
                    self.leader.curtain();
                }
            }
            AppCommand::ToggleRoomWindow => self.set_room_window(!self.room_window),
            AppCommand::ToggleScratchpad => {
                if self.leader.is_open(PrivateThing::Scratchpad) {
                    self.leader.close_scratchpad();
                } else {
                    self.pending
                        .push(AppCommand::OpenPrivate(PrivateThing::Scratchpad));
                }
            }
            AppCommand::OpenPrivate(thing) => {
                match PrivateOk::room_has_own_window(self.room_window) {
                    Some(ok) => self.open_private(thing, ok),
                    None => self.overlay = Overlay::ConfirmPrivate(thing),
                }
            }
            AppCommand::ShowPrivateHere(thing) => {
                self.overlay = Overlay::None;
                self.open_private(thing, PrivateOk::chosen_by_leader());
            }
            AppCommand::PrivateInOwnWindow(thing) => {
                self.overlay = Overlay::None;
                self.set_room_window(true);
                if let Some(ok) = PrivateOk::room_has_own_window(self.room_window) {
                    self.open_private(thing, ok);
                }
            }
            AppCommand::Curtain => self.leader.curtain(),
            AppCommand::Resume { gap_as_pause } => {
                if let Some(state) = self.resume_offer.take() {
                    let mut meeting = state.meeting;
                    if gap_as_pause {
                        meeting.treat_gap_as_pause(now - state.saved_at_ms);
                    }
                    self.meeting = Some(meeting);
                    self.content = state.content;
                    self.leader = LeaderState::default();
                    self.finished = None;
                    self.screen = match state.stage {
                        Stage::Setup => Screen::Setup,
                        Stage::Intro => Screen::Intro,
                        Stage::Meeting => Screen::Meeting,
                    };
                }
            }
            AppCommand::PostponeResume => self.resume_offer = None,
            AppCommand::SetHomeTab(tab) => self.home_tab = tab,
            AppCommand::SelectGroup(id) => self.select_group(id, now),
            AppCommand::CreateGroup(name) => match crate::store::create_group(&self.data, &name) {
                Ok(id) => {
                    self.groups = crate::store::list_groups(&self.data);
                    self.select_group(id, now);
                }
                Err(error) => self.group_status = Some(error),
            },
            AppCommand::SaveGroup => {
                let s = self.strings();
                let saved = match &self.lock {
                    Some(lock) => crate::store::save_group(lock, &self.group_settings),
                    None => Err(s.read_only_not_done.to_owned()),
                };
                self.group_status = Some(match saved {
                    Ok(set_aside) => {
                        self.groups = crate::store::list_groups(&self.data);
                        match set_aside {
                            // Damaged since it was opened: kept in quarantine, and said so.
                            Some(problem) => format!(
                                "{} {}",
                                s.group_saved,
                                fill(s.group_file_problem, &[("problem", &problem)])
                            ),
                            None => s.group_saved.to_owned(),
                        }
                    }
                    Err(error) => fill(s.file_failed, &[("error", &error)]),
                });
            }
            AppCommand::NewCase => {
                self.case_edit = Some(PreparedCase::new(now, &mut rand::rng()));
                self.case_status = None;
                self.recompute_findings();
            }
            AppCommand::EditCase(id) => {
                self.case_edit = self
                    .cases_list()
                    .into_iter()
                    .map(|(_, c)| c)
                    .find(|c| c.id == id);
                self.case_status = None;
                self.recompute_findings();
            }
            AppCommand::CaseEdited => self.recompute_findings(),
            AppCommand::SaveCase => self.save_case(now),
            AppCommand::ExportCase { confirmed } => {
                if !confirmed && !self.case_findings.is_empty() {
                    self.confirm_case_export = true;
                } else if let Some(case) = self.case_edit.clone() {
                    self.confirm_case_export = false;
                    self.save_case(now);
                    let name = format!(
                        "{}.{}",
                        if case.title.trim().is_empty() {
                            "casus"
                        } else {
                            case.title.trim()
                        },
                        crate::store::CASE_FILE_EXTENSION
                    );
                    let request = SaveRequest {
                        file_name: name.clone(),
                        filter: ("Kring".into(), crate::store::CASE_FILE_EXTENSION.into()),
                    };
                    self.spawn_save(ctx, request, move |choice| {
                        DialogResult::ExportCase(case, name, choice)
                    });
                }
            }
            AppCommand::CancelCaseExport => self.confirm_case_export = false,
            AppCommand::ImportCaseDialog => self.spawn_dialog(ctx, || {
                DialogResult::ImportCase(
                    rfd::FileDialog::new()
                        .add_filter("Kring", &[crate::store::CASE_FILE_EXTENSION, "ron"])
                        .pick_file(),
                )
            }),
            AppCommand::ImportCaseFile(path) => {
                let s = self.strings();
                match crate::store::import_case(&crate::store::cases_dir(&self.data), &path) {
                    Ok(case) => {
                        self.cases = None;
                        self.case_edit = Some(case);
                        self.case_status = None;
                        self.recompute_findings();
                    }
                    Err(error) => {
                        self.case_status = Some(fill(s.file_failed, &[("error", &error)]));
                    }
                }
            }
            AppCommand::ReplaceFinding {
                field,
                finding,
                with,
            } => {
                if let Some(case) = &mut self.case_edit
                    && let Some(text) = case.text_field_mut(&field)
                {
                    *text = crate::privacy::replace(text, &finding, &with);
                }
                self.recompute_findings();
            }
            AppCommand::BringInCaseDialog => self.spawn_dialog(ctx, || {
                DialogResult::BringInCase(
                    rfd::FileDialog::new()
                        .add_filter("Kring", &[crate::store::CASE_FILE_EXTENSION, "ron"])
                        .pick_file(),
                )
            }),
            AppCommand::BringInCase(case) => {
                let problem = case.to_problem();
                let owner = self.leader.problem_owner.take();
                if let Some(id) = self
                    .content
                    .add_problem(&problem.title, &problem.line, owner)
                    && let Some(added) = self.content.problems.iter_mut().find(|p| p.id == id)
                {
                    added.question = problem.question;
                }
            }
            AppCommand::SearchHistory => {
                let query = self.history_query.trim().to_owned();
                self.history_hits = if query.is_empty() {
                    None
                } else {
                    self.history.as_ref().map(|h| h.search(&query))
                };
            }
            AppCommand::SelectMeeting(index) => {
                self.history_selected = Some(index);
                // Read once here, not on every frame of the summary.
                let lang = self.lang();
                self.history_record = self.history.as_ref().map(|h| {
                    h.record(index)
                        .map_err(|err| crate::i18n::store_error(lang, &err))
                });
            }
            AppCommand::ExportMeeting { index, html } => {
                if let Some(record) = self.history.as_ref().and_then(|h| h.record(index).ok()) {
                    self.export_record(ctx, &record, html);
                }
            }
            AppCommand::ExportAttendance => {
                self.ensure_history_loaded();
                let text = crate::export::attendance_markdown(
                    &self.group_settings,
                    &self
                        .history
                        .as_ref()
                        .map(History::attendance_hours)
                        .unwrap_or_default(),
                    self.lang(),
                );
                let name = "aanwezigheid.md".to_owned();
                let request = SaveRequest {
                    file_name: name.clone(),
                    filter: ("md".into(), "md".into()),
                };
                self.spawn_save(ctx, request, move |choice| {
                    DialogResult::WriteText(text, name, choice)
                });
            }
            AppCommand::FollowUpDone { meeting, step } => {
                if let Some(history) = &mut self.history {
                    let marked = match &self.lock {
                        Some(lock) => history
                            .mark_follow_up(lock, meeting, step, true)
                            .map_err(|err| crate::i18n::store_error(self.lang(), &err)),
                        None => Err(self.strings().read_only_not_done.to_owned()),
                    };
                    if let Err(error) = marked {
                        self.notices.push(error);
                    }
                }
            }
            AppCommand::FollowUpCarry { meeting, step } => {
                if let Some(history) = &mut self.history {
                    let step_value = history
                        .record(meeting)
                        .ok()
                        .and_then(|r| r.content.follow_ups.get(step).cloned());
                    if let Some(mut carried) = step_value {
                        let marked = match &self.lock {
                            Some(lock) => history
                                .mark_follow_up(lock, meeting, step, true)
                                .map_err(|err| crate::i18n::store_error(self.lang(), &err)),
                            None => Err(self.strings().read_only_not_done.to_owned()),
                        };
                        match marked {
                            Ok(()) => {
                                carried.done = false;
                                self.content.follow_ups.push(carried);
                            }
                            Err(error) => self.notices.push(error),
                        }
                    }
                }
            }
            AppCommand::RetentionCheck => {
                self.retention_pending = Some(self.expired_files(now));
            }
            AppCommand::RetentionConfirm => {
                let s = self.strings();
                let files = self.retention_pending.take().unwrap_or_default();
                let Some(lock) = &self.lock else {
                    // Deleting from the group folder needs its write handle.
                    self.group_status = Some(s.read_only_not_done.to_owned());
                    return;
                };
                let mut removed = 0;
                for path in &files {
                    // Records are in the group folder; prepared cases in the user's own.
                    let result = if path.starts_with(lock.dir()) {
                        lock.remove_file(path)
                    } else {
                        crate::store::remove_own_file(path)
                    };
                    match result {
                        Ok(()) => removed += 1,
                        Err(error) => self.notices.push(fill(
                            s.file_failed,
                            &[("error", &crate::i18n::store_error(self.lang(), &error))],
                        )),
                    }
                }
                self.start_history_preload();
                self.cases = None;
                self.group_status = Some(s.retention_done.n(removed));
            }
            AppCommand::RetentionCancel => self.retention_pending = None,
            AppCommand::DiscardResume => {
                let s = self.strings();
                if let Some(lock) = &self.lock {
                    self.resume_offer = None;
                    let path = self.autosave_path();
                    let problem =
                        lock.set_aside(self.data.root(), &path, "set aside by the leader");
                    self.notices
                        .push(fill(s.resume_discarded, &[("problem", &problem)]));
                } else {
                    self.notices.push(s.read_only_not_done.to_owned());
                }
            }
            AppCommand::SelectProtocol(id) => {
                self.intro_first = !self.group_has_met_with(&id);
                self.selected = Some(id);
            }
            AppCommand::SetIntroFirst(on) => self.intro_first = on,
            AppCommand::StartMeeting => self.start_meeting(now),
            AppCommand::BeginPhases => {
                if self.meeting.is_some() {
                    // The phases start now, not when the introduction began.
                    if let Some(meeting) = &mut self.meeting {
                        *meeting = Meeting::start(meeting.protocol().clone(), now);
                    }
                    self.screen = Screen::Meeting;
                }
            }
            AppCommand::RequestEnd => {
                if self.screen == Screen::Meeting {
                    self.overlay = Overlay::ConfirmEnd;
                }
            }
            AppCommand::ConfirmEnd => {
                self.overlay = Overlay::None;
                if let Some(meeting) = &mut self.meeting {
                    meeting.apply(Command::EndEarly, now);
                    self.finish(now);
                }
            }
            AppCommand::CloseOverlay => self.overlay = Overlay::None,
            AppCommand::ToggleHelp => {
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    Overlay::Help
                };
            }
            AppCommand::TogglePlan => self.show_plan = !self.show_plan,
            AppCommand::ToggleControls => self.show_controls = !self.show_controls,
            AppCommand::ToggleFullscreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
            }
            AppCommand::Escape => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                if self.leader.is_open(PrivateThing::Scratchpad)
                    || self.leader.is_open(PrivateThing::Notes)
                {
                    self.leader.curtain();
                } else if self.overlay != Overlay::None {
                    self.overlay = Overlay::None;
                } else if fullscreen {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                }
            }
            AppCommand::SetLanguage(lang) => {
                self.settings.language = lang;
                self.save_settings();
            }
            AppCommand::SetTheme(theme) => {
                self.settings.theme = theme;
                self.save_settings();
            }
            AppCommand::RetrySave { started_at_ms } => {
                self.retry_unsaved(now, Some(started_at_ms));
                if let Some(finished) = &mut self.finished
                    && finished.record.started_at_ms == started_at_ms
                    && let Some(unsaved) = self
                        .unsaved
                        .iter()
                        .find(|u| u.record.started_at_ms == started_at_ms)
                {
                    finished.saved = Err(unsaved.error.clone());
                }
            }
            AppCommand::SaveUnsavedElsewhereDialog { started_at_ms } => {
                if !self.save_dialog.can_open() {
                    // No folder dialog here: the exports folder is the other folder.
                    let dir = crate::store::exports_dir(&self.data);
                    self.pending
                        .push(AppCommand::SaveUnsavedIn { started_at_ms, dir });
                    return;
                }
                self.spawn_dialog(ctx, move || {
                    let dir = rfd::FileDialog::new().pick_folder();
                    DialogResult::SaveUnsavedIn(started_at_ms, dir)
                });
            }
            AppCommand::SaveUnsavedIn { started_at_ms, dir } => {
                let Some(index) = self
                    .unsaved
                    .iter()
                    .position(|u| u.record.started_at_ms == started_at_ms)
                else {
                    return;
                };
                match crate::store::save_record_outside_group(&dir, &self.unsaved[index].record) {
                    Ok(path) => {
                        let unsaved = self.unsaved.remove(index);
                        self.record_now_saved(unsaved, path);
                    }
                    Err(error) => {
                        let s = self.strings();
                        let message = fill(s.file_failed, &[("error", &error)]);
                        self.unsaved[index].error = error.to_string();
                        self.notices.push(message);
                    }
                }
            }
            AppCommand::ExportUnsaved {
                started_at_ms,
                html,
            } => {
                let Some(unsaved) = self
                    .unsaved
                    .iter()
                    .find(|u| u.record.started_at_ms == started_at_ms)
                else {
                    return;
                };
                let record = unsaved.record.clone();
                self.export_record(ctx, &record, html);
            }
            AppCommand::BackHome => {
                let unsaved_here = self.finished.as_ref().is_some_and(|f| f.saved.is_err());
                if unsaved_here && self.screen == Screen::Finished {
                    self.overlay = Overlay::ConfirmLeaveUnsaved;
                } else {
                    self.go_home();
                }
            }
            AppCommand::BackHomeAnyway => self.go_home(),
            AppCommand::QuitAnyway => {
                self.quit_confirmed = true;
                self.overlay = Overlay::None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// The group screen in a window of its own, or back in this one. Back in this one, this
    /// window is what the room sees: everything private closes and the group screen shows.
    fn set_room_window(&mut self, on: bool) {
        if self.room_window && !on {
            self.leader.curtain();
            self.leader_view = false;
        }
        self.room_window = on;
        self.settings.separate_room_window = on;
        self.save_settings();
    }

    /// Opens something private: the proof says the room does not see it by surprise.
    fn open_private(&mut self, thing: PrivateThing, ok: PrivateOk) {
        self.leader.open(thing, ok, false);
        if !self.room_window && thing != PrivateThing::AdviceEntry {
            // One window: private things live on the leader screen.
            self.leader_view = true;
        }
    }

    /// A meeting as Markdown or printable HTML, into a file the leader picks (or, where no
    /// file dialog can open, into `exports/`).
    fn export_record(&self, ctx: &egui::Context, record: &MeetingRecord, html: bool) {
        let lang = self.lang();
        let (text, extension) = if html {
            (crate::export::meeting_html(record, lang), "html")
        } else {
            (crate::export::meeting_markdown(record, lang), "md")
        };
        let name = format!(
            "{}.{extension}",
            crate::store::record_file_name(record).trim_end_matches(".ron")
        );
        let request = SaveRequest {
            file_name: name.clone(),
            filter: (extension.into(), extension.into()),
        };
        self.spawn_save(ctx, request, move |choice| {
            DialogResult::WriteText(text, name, choice)
        });
    }

    fn go_home(&mut self) {
        self.meeting = None;
        self.finished = None;
        self.overlay = Overlay::None;
        self.screen = Screen::Home;
    }

    fn start_meeting(&mut self, now: i64) {
        if self.read_only.is_some() || self.resume_offer.is_some() {
            return;
        }
        let Some(entry) = self.selected.as_deref().and_then(|id| self.catalog.get(id)) else {
            return;
        };
        let protocol = entry.protocol.clone();
        self.settings.last_protocol = Some(protocol.id.clone());
        self.save_settings();
        self.meeting = Some(Meeting::start(protocol, now));
        self.content = MeetingContent::default();
        self.leader = LeaderState::default();
        self.leader_view = false;
        self.finished = None;
        self.overlay = Overlay::None;
        self.screen = Screen::Setup;
    }

    /// The meeting has ended: write its record and show the summary. A failed write keeps the
    /// record in memory, says why, and offers to try again.
    fn finish(&mut self, now: i64) {
        let Some(meeting) = &self.meeting else {
            return;
        };
        let started_local = local_date_time(meeting.started_at_ms(), &self.tz);
        let mut record = meeting.to_record(now, started_local);
        record.content = self.content.clone();
        let saved = match &self.lock {
            Some(lock) => save_record(lock, &record).map_err(|e| e.to_string()),
            None => Err(self.strings().read_only_not_done.to_owned()),
        };
        self.start_history_preload();
        match &saved {
            // Only now, with the record durably on disk, the autosave may go.
            Ok(_) => self.clear_autosave(),
            Err(err) => {
                log::error!("{err}");
                // Kept in memory and retried; a spare copy outside the group's folder lets
                // the next start offer it again.
                let copy =
                    crate::store::UnsavedRecord::new(&self.data, &self.group, record.clone());
                let rescue =
                    crate::store::write_rescue_copy(&crate::store::rescue_dirs(&self.data), &copy)
                        .map_err(|why| log::error!("no spare copy could be written: {why}"))
                        .ok();
                self.unsaved.push(Unsaved {
                    record: record.clone(),
                    group: self.group.clone(),
                    error: err.clone(),
                    rescue,
                    next_retry_ms: now + UNSAVED_RETRY_MS,
                });
            }
        }
        self.finished = Some(Finished { record, saved });
        self.overlay = Overlay::None;
        self.screen = Screen::Finished;
    }

    fn save_settings(&mut self) {
        if let Err(err) = save_settings(&self.data.settings_file(), &self.settings) {
            let s = self.strings();
            self.notices
                .push(fill(s.home_settings_not_saved, &[("error", &err)]));
        }
    }

    /// Wakes the app when the display next changes: the next whole second of a running
    /// countdown; otherwise when the expected end time (shown in minutes) moves on. Never every
    /// frame: on a software-rendered projector PC each frame costs real CPU.
    fn schedule_repaint(&self, ctx: &egui::Context) {
        let Some(meeting) = &self.meeting else {
            return;
        };
        if self.screen != Screen::Meeting || meeting.is_finished() {
            return;
        }
        let now = self.clock.now_ms();
        let countdown = meeting
            .break_countdown(now)
            .or_else(|| meeting.countdown(now))
            .filter(|c| c.running);
        let wait_ms = if let Some(c) = countdown {
            // The shown second changes when the remaining time crosses a whole second.
            let into = c.remaining_ms().rem_euclid(1000);
            if into == 0 { 1000 } else { into }
        } else if self.show_plan {
            // The time plan shows the open phase's time in seconds.
            1000
        } else {
            let end = meeting.projected_end_ms(now);
            60_000 - end.rem_euclid(60_000)
        };
        ctx.request_repaint_after(Duration::from_millis(wait_ms as u64 + 5));
    }

    /// The label of the main action for the current state, as the control bar shows it.
    pub(crate) fn primary_label(&self) -> &'static str {
        let s = self.strings();
        let Some(meeting) = &self.meeting else {
            return s.ctl_start;
        };
        if meeting.on_break() {
            return s.ctl_resume;
        }
        match meeting.step() {
            Step::Explain => {
                if meeting.planned_prepare_secs(meeting.cursor()) > 0 {
                    s.ctl_start
                } else {
                    s.ctl_start_phase
                }
            }
            Step::Prepare | Step::Run if meeting.is_paused() => s.ctl_resume,
            Step::Prepare | Step::Run => s.ctl_pause,
            Step::Close => {
                if meeting.cursor() + 1 >= meeting.phase_count() {
                    s.ctl_finish
                } else {
                    s.ctl_next_phase
                }
            }
        }
    }
}

impl eframe::App for KringApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        KringApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        KringApp::ui(self, ui);
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        theme::Palette::for_theme(self.settings.theme)
            .background
            .to_normalized_gamma_f32()
    }
}
