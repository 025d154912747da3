//! The app: which screen is up, the one place where commands take effect (each handed to the
//! part of the state that owns it), and when to wake up next.

use std::sync::Arc;
use std::time::Duration;

use egui::Ui;

mod apply;
mod files;
mod keys;
mod phones;
mod room_window;
mod unsaved;

use super::command::{AppAction, AppCommand, SessionCommand};
use super::context::ViewCtx;
use super::save_dialog::SaveDialog;
use super::state::{
    Autosaver, CasesState, Env, Finished, GroupState, HistoryState, HomeState, Phones, Session,
    UNSAVED_RETRY_MS, Unsaved, UnsavedRecords,
};
use super::wall_window::WallWindow;
use super::{home, leader, meeting_screen, overlays, screens, theme};
use crate::i18n::{data_dir_error, fill, store_error};
use crate::meeting::{Clock, Command, InProgress, Meeting, Stage};
use crate::model::{MeetingContent, Parts};
use crate::room::{CalmView, local_date_time};
use crate::store::{DataDir, DataDirError, Settings, Theme, save_record};

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
    /// Leaving the summary of a meeting that is not saved.
    ConfirmLeaveUnsaved,
    /// Closing the app while a meeting is not saved.
    ConfirmQuitUnsaved,
}

pub struct KringApp {
    env: Env,
    screen: Screen,
    overlay: Overlay,
    home: HomeState,
    cases: CasesState,
    history: HistoryState,
    group: GroupState,
    /// The meeting being prepared or run.
    session: Option<Session>,
    finished: Option<Finished>,
    /// A meeting found on disk at start-up that was not finished.
    resume_offer: Option<InProgress>,
    autosave: Autosaver,
    unsaved: UnsavedRecords,
    /// The leader chose to close although something is not saved.
    quit_confirmed: bool,
    /// The group screen's own window (when the leader chose one).
    wall: WallWindow,
    /// After a meeting, the group screen's window shows this until the leader closes it.
    wall_closing: Option<CalmView>,
    applied_theme: Option<Theme>,
    fonts_installed: bool,
    /// Whether the window has been checked against the screen (see `fit_to_screen`).
    window_fitted: bool,
    pending: Vec<AppCommand>,
    /// Members' phones: off unless the leader turns them on (remembered per group).
    phones: Phones,
}

impl KringApp {
    /// Loads settings and protocols from `data`. Nothing here can fail: problems become
    /// messages on the home screen.
    pub fn new(data: DataDir, clock: Arc<dyn Clock>) -> Self {
        let mut env = Env::new(data, clock);
        let mut group = GroupState::new(&mut env);
        env.take_group_lock();
        group.open_file(&mut env);
        let home = HomeState::new(&env);
        let wall = WallWindow::new(env.clock.clone(), env.tz.clone());
        let mut app = Self {
            env,
            screen: Screen::Home,
            overlay: Overlay::None,
            home,
            cases: CasesState::default(),
            history: HistoryState::default(),
            group,
            session: None,
            finished: None,
            resume_offer: None,
            autosave: Autosaver::default(),
            unsaved: UnsavedRecords::default(),
            quit_confirmed: false,
            wall,
            wall_closing: None,
            applied_theme: None,
            fonts_installed: false,
            window_fitted: false,
            pending: Vec::new(),
            phones: Phones::default(),
        };
        app.open_group_folder();
        app
    }

    /// After the lock is taken: the meetings left unsaved or unfinished last time, and the
    /// history, read on a helper thread.
    fn open_group_folder(&mut self) {
        if self.env.read_only.is_none() {
            self.unsaved.find_spare_copies(&self.env);
            let unsaved = &self.unsaved;
            self.resume_offer = Autosaver::find_in_progress(&mut self.env, |started| {
                unsaved.get(started).is_some()
            });
        }
        self.history.start_preload(&self.env);
    }

    /// Tells the leader that the data folder asked for could not be used and which one is
    /// used instead.
    pub fn report_data_dir_fallback(&mut self, error: &DataDirError) {
        let s = self.env.strings();
        let error = data_dir_error(self.env.lang(), error);
        let path = self.env.data.root().display().to_string();
        self.env.notices.insert(
            0,
            fill(s.data_dir_fallback, &[("error", &error), ("path", &path)]),
        );
    }

    /// Exports never open a file dialog; they go into the data folder's `exports/` (tests).
    pub fn set_save_dialog(&mut self, dialog: SaveDialog) {
        self.env.save_dialog = dialog;
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn meeting(&self) -> Option<&Meeting> {
        self.session.as_ref().map(|s| &s.meeting)
    }

    /// The meeting's content (empty outside a meeting).
    pub fn content(&self) -> &MeetingContent {
        static EMPTY: std::sync::OnceLock<MeetingContent> = std::sync::OnceLock::new();
        self.session.as_ref().map_or_else(
            || EMPTY.get_or_init(MeetingContent::default),
            |s| &s.content,
        )
    }

    /// The private scratchpad's text (for tests that prove it goes nowhere).
    pub fn scratchpad_text(&self) -> &str {
        self.session
            .as_ref()
            .map_or("", |s| s.leader.scratchpad.as_str())
    }

    pub fn finished(&self) -> Option<&Finished> {
        self.finished.as_ref()
    }

    pub fn unsaved(&self) -> &[Unsaved] {
        self.unsaved.list()
    }

    pub fn settings(&self) -> &Settings {
        &self.env.settings
    }

    /// The group's history, once it has been read.
    pub fn history(&self) -> Option<&crate::store::History> {
        self.history.get()
    }

    /// The search hits shown in the history (none: all meetings).
    pub fn history_hits(&self) -> Option<usize> {
        self.history.hits.as_ref().map(Vec::len)
    }

    pub fn now_ms(&self) -> i64 {
        self.env.now_ms()
    }

    fn room_window(&self) -> bool {
        self.env.settings.separate_room_window
    }

    fn set_room_window(&mut self, on: bool) {
        if self.env.settings.separate_room_window != on {
            self.env.settings.separate_room_window = on;
            self.env.save_settings();
        }
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
        self.fit_to_screen(ctx);
        if self.applied_theme != Some(self.env.settings.theme) {
            theme::apply(ctx, self.env.settings.theme);
            self.applied_theme = Some(self.env.settings.theme);
        }
        self.poll_files(ctx);
        self.history.poll();
        let mut commands = self.shortcuts(ctx);
        commands.append(&mut self.pending);
        for command in commands {
            self.apply(ctx, command);
        }
        self.phones_tick(ctx);
        self.autosave_tick(ctx);
        if !self.unsaved.is_empty() {
            self.retry_unsaved(None);
            ctx.request_repaint_after(Duration::from_millis(UNSAVED_RETRY_MS as u64));
        }
        self.guard_close(ctx);
        self.schedule_repaint(ctx);
    }

    /// On a screen smaller than the window Kring asks for (a 1024×768 projector PC), the window
    /// is maximised once, so that no part of it (the leader's buttons) lies off the screen.
    fn fit_to_screen(&mut self, ctx: &egui::Context) {
        if self.window_fitted {
            return;
        }
        let (monitor, inner, maximized, fullscreen) = ctx.input(|i| {
            let viewport = i.viewport();
            (
                viewport.monitor_size,
                viewport.inner_rect,
                viewport.maximized,
                viewport.fullscreen,
            )
        });
        let (Some(monitor), Some(inner)) = (monitor, inner) else {
            return;
        };
        self.window_fitted = true;
        // The system may have cut the window to the screen's size with its title bar still
        // above it (seen on X11): as large as the screen and not maximised is too large.
        let too_large = inner.width() >= monitor.x || inner.height() >= monitor.y;
        if too_large && maximized != Some(true) && fullscreen != Some(true) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
    }

    /// What the protocol at hand calls its parts, for texts outside a screen (the shortcut
    /// overview, questions on top): the meeting's, else the finished one's, else the protocol
    /// selected on the home screen.
    fn parts(&self) -> Parts {
        if let Some(session) = &self.session {
            return session.meeting.protocol().parts;
        }
        if let Some(finished) = &self.finished {
            return finished.record.parts;
        }
        self.home
            .selected
            .as_deref()
            .and_then(|id| self.env.catalog.get(id))
            .map(|entry| entry.protocol.parts)
            .unwrap_or_default()
    }

    pub fn ui(&mut self, ui: &mut Ui) {
        // The background is the clear colour (see `clear_color`): painting it again would cost a
        // full-screen fill per frame, which software-rendered projectors feel.
        let room_window = self.room_window();
        let mut view = ViewCtx::new(&self.env);
        match self.screen {
            Screen::Home => home::home_ui(
                ui,
                &mut view,
                home::HomeParts {
                    env: &self.env,
                    home: &mut self.home,
                    cases: &mut self.cases,
                    history: &mut self.history,
                    group: &mut self.group,
                    unsaved: &self.unsaved,
                    can_start: self.env.read_only.is_none() && self.resume_offer.is_none(),
                },
            ),
            Screen::Setup => {
                if let Some(session) = &mut self.session {
                    leader::setup_ui(ui, &mut view, session, &mut self.history, &self.env);
                }
            }
            Screen::Intro => {
                if let Some(session) = &self.session {
                    screens::intro_ui(ui, &mut view, &session.meeting);
                }
            }
            Screen::Meeting => {
                if let Some(session) = &mut self.session {
                    self.cases.ensure_loaded(&self.env);
                    meeting_screen::meeting_ui(
                        ui,
                        &mut view,
                        meeting_screen::MeetingParts {
                            session,
                            my_cases: self.cases.list(),
                            room_window,
                            autosave_error: self.autosave.error(),
                            phones_on: self.phones.on,
                            join: self.phones.card(),
                            wall_join: self.phones.wall_card(),
                            phones_error: self.phones.error.as_deref(),
                        },
                    );
                }
            }
            Screen::Finished => {
                if let Some(finished) = &self.finished {
                    screens::finished_ui(ui, &mut view, finished, &self.unsaved, &self.env.notices);
                }
            }
        }
        let egui_ctx = ui.ctx().clone();
        let commands = view.into_commands();
        self.pending.extend(commands);
        self.room_window_ui(&egui_ctx);
        let mut view = ViewCtx::new(&self.env);
        let parts = self.parts();
        match self.overlay {
            Overlay::None => {}
            Overlay::Help => overlays::help_ui(&egui_ctx, &mut view, parts),
            Overlay::ConfirmEnd => overlays::confirm_end_ui(&egui_ctx, &mut view, parts),
            Overlay::ConfirmLeaveUnsaved | Overlay::ConfirmQuitUnsaved => {
                let rescue = self.unsaved.list().iter().find_map(|u| u.rescue.clone());
                let quitting = self.overlay == Overlay::ConfirmQuitUnsaved;
                overlays::confirm_unsaved_ui(&egui_ctx, &mut view, quitting, rescue.as_deref());
            }
        }
        if let Some(thing) = self.session.as_ref().and_then(|s| s.confirm_private) {
            overlays::confirm_private_ui(&egui_ctx, &mut view, thing, parts);
        }
        if self.screen == Screen::Home
            && let Some(offer) = &self.resume_offer
        {
            overlays::resume_ui(&egui_ctx, &mut view, offer);
        }
        let commands = view.into_commands();
        for command in commands
            .into_iter()
            .chain(std::mem::take(&mut self.pending))
        {
            self.apply(&egui_ctx, command);
        }
    }

    /// Queues a command; it takes effect in the next frame's logic.
    pub fn send(&mut self, command: impl Into<AppCommand>) {
        self.pending.push(command.into());
    }

    /// Applies one command: the only place app state changes in answer to the user. Each
    /// group goes to the part of the state that owns it.
    pub fn apply(&mut self, ctx: &egui::Context, command: AppCommand) {
        let now = self.env.now_ms();
        let room_window = self.room_window();
        match command {
            AppCommand::Meeting(command) => {
                self.flush_phone_advice();
                if let Some(session) = &mut self.session {
                    session.apply_meeting(command, now, room_window);
                    if session.meeting.is_finished() {
                        self.finish();
                    }
                }
            }
            AppCommand::Content(command) => {
                if command == crate::meeting::ContentCommand::RevealAdvice {
                    self.flush_phone_advice();
                }
                if let Some(session) = &mut self.session {
                    crate::meeting::apply_content(&mut session.content, command, &mut rand::rng());
                }
            }
            AppCommand::Session(SessionCommand::AddMember(name)) => self.add_member(&name),
            AppCommand::Session(SessionCommand::ToggleRoomWindow) if self.session.is_none() => {
                self.set_room_window(!room_window);
            }
            AppCommand::Session(command) => {
                if let Some(session) = &mut self.session
                    && let Some(on) = session.apply(command, room_window, &mut self.env, ctx)
                {
                    self.set_room_window(on);
                }
            }
            AppCommand::Home(command) => self.home.apply(command, &self.env),
            AppCommand::Cases(command) => self.cases.apply(command, &self.env, ctx),
            AppCommand::History(command) => self.apply_history(ctx, command),
            AppCommand::Group(command) => self.apply_group(ctx, command),
            AppCommand::Unsaved(command) => self.apply_unsaved(ctx, command),
            AppCommand::Resume(command) => self.apply_resume(command),
            AppCommand::App(action) => self.apply_app(ctx, action),
        }
    }

    fn apply_app(&mut self, ctx: &egui::Context, action: AppAction) {
        let now = self.env.now_ms();
        match action {
            AppAction::StartMeeting => self.start_meeting(),
            AppAction::FinishSetup => {
                self.screen = if self.home.intro_first {
                    Screen::Intro
                } else {
                    self.restart_clock(now);
                    Screen::Meeting
                };
            }
            AppAction::BeginPhases => {
                if self.session.is_some() {
                    // The phases start now, not when the introduction began.
                    self.restart_clock(now);
                    self.screen = Screen::Meeting;
                }
            }
            AppAction::RequestEnd => {
                if self.screen == Screen::Meeting {
                    self.overlay = Overlay::ConfirmEnd;
                }
            }
            AppAction::ConfirmEnd => {
                self.flush_phone_advice();
                self.overlay = Overlay::None;
                if let Some(session) = &mut self.session {
                    session.meeting.apply(Command::EndEarly, now);
                    self.finish();
                }
            }
            AppAction::CloseOverlay => {
                self.overlay = Overlay::None;
                if let Some(session) = &mut self.session {
                    session.confirm_private = None;
                }
            }
            AppAction::ToggleHelp => {
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    Overlay::Help
                };
            }
            AppAction::ToggleFullscreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
            }
            AppAction::Escape => {
                // What is on top closes first: a question, then something private. Full
                // screen stays: F11 alone turns it on and off.
                if self.overlay != Overlay::None {
                    self.overlay = Overlay::None;
                } else if let Some(session) = &mut self.session {
                    session.escape();
                }
            }
            AppAction::SetLanguage(lang) => {
                self.env.settings.language = lang;
                self.env.save_settings();
            }
            AppAction::SetTheme(theme) => {
                self.env.settings.theme = theme;
                self.env.save_settings();
            }
            AppAction::BackHome => {
                let unsaved_here = self.finished.as_ref().is_some_and(|f| f.saved.is_err());
                if unsaved_here && self.screen == Screen::Finished {
                    self.overlay = Overlay::ConfirmLeaveUnsaved;
                } else {
                    self.go_home();
                }
            }
            AppAction::BackHomeAnyway => self.go_home(),
            AppAction::QuitAnyway => {
                self.quit_confirmed = true;
                self.overlay = Overlay::None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            AppAction::TogglePhones => self.toggle_phones(),
            AppAction::ToggleWallCard => self.phones.toggle_wall_card(),
            AppAction::ExportFinished { html } => {
                if let Some(finished) = &self.finished {
                    HistoryState::export(&self.env, ctx, &finished.record, html);
                }
            }
        }
    }

    /// The phases start now: the time spent on "who is here" or the introduction is not the
    /// first phase's.
    fn restart_clock(&mut self, now: i64) {
        if let Some(session) = &mut self.session {
            session.meeting = Meeting::start(session.meeting.protocol().clone(), now);
        }
    }

    fn go_home(&mut self) {
        self.session = None;
        self.finished = None;
        self.overlay = Overlay::None;
        self.screen = Screen::Home;
    }

    fn start_meeting(&mut self) {
        if self.env.read_only.is_some() || self.resume_offer.is_some() {
            return;
        }
        let Some(entry) = self
            .home
            .selected
            .as_deref()
            .and_then(|id| self.env.catalog.get(id))
        else {
            return;
        };
        let protocol = entry.protocol.clone();
        self.env.settings.last_protocol = Some(protocol.id.clone());
        self.env.save_settings();
        let meeting = Meeting::start(protocol, self.env.now_ms());
        self.session = Some(Session::new(
            meeting,
            MeetingContent::default(),
            self.group.settings.members.clone(),
        ));
        self.phones.on = self.group.settings.phones;
        self.phones.error = None;
        self.wall_closing = None;
        self.finished = None;
        self.overlay = Overlay::None;
        self.screen = Screen::Setup;
    }

    /// The meeting has ended: write its record and show the summary. A record that cannot
    /// be written is kept (in memory, retried, as a spare copy) and the summary says so.
    fn finish(&mut self) {
        // Advice still waiting for its batch goes into the record; phones get "not open".
        self.flush_phone_advice();
        let _ = self.phones.stop();
        let Some(session) = self.session.take() else {
            return;
        };
        let now = self.env.now_ms();
        let started_local = local_date_time(session.meeting.started_at_ms(), &self.env.tz);
        let mut record = session.meeting.to_record(now, started_local);
        self.wall_closing = Some(CalmView::closing(
            session.meeting.protocol().name.get(self.env.lang()),
            self.env.strings(),
        ));
        record.content = session.content;
        let saved = self.env.writer().and_then(|lock| {
            save_record(lock, &record).map_err(|e| store_error(self.env.lang(), &e))
        });
        self.history.start_preload(&self.env);
        // The group has now used this protocol: the next meeting does not start with the
        // introduction of the method unless the leader ticks it.
        if saved.is_ok()
            && let Some(id) = self.home.selected.clone()
        {
            self.home.select(id, &self.env);
        }
        match &saved {
            // Only now, with the record durably on disk, the autosave may go.
            Ok(_) => self.autosave.clear(&self.env),
            Err(err) => {
                log::error!("{err}");
                self.unsaved.keep(&self.env, record.clone(), err.clone());
            }
        }
        self.finished = Some(Finished {
            record,
            saved,
            notices_before: self.env.notices.len(),
        });
        self.overlay = Overlay::None;
        self.screen = Screen::Finished;
    }

    fn autosave_tick(&mut self, ctx: &egui::Context) {
        let stage = match self.screen {
            Screen::Setup => Stage::Setup,
            Screen::Intro => Stage::Intro,
            Screen::Meeting => Stage::Meeting,
            Screen::Home | Screen::Finished => return,
        };
        if let Some(session) = &self.session {
            self.autosave
                .tick(&self.env, ctx, stage, &session.meeting, &session.content);
        }
    }

    /// Wakes the app when the display next changes: the next whole second of a running
    /// countdown; otherwise when the expected end time (shown in minutes) moves on. Never every
    /// frame: on a software-rendered projector PC each frame costs real CPU.
    fn schedule_repaint(&self, ctx: &egui::Context) {
        let Some(session) = &self.session else {
            return;
        };
        let meeting = &session.meeting;
        if self.screen != Screen::Meeting || meeting.is_finished() {
            return;
        }
        let now = self.env.now_ms();
        let countdown = meeting
            .break_countdown(now)
            .or_else(|| meeting.countdown(now))
            .filter(|c| c.running);
        let to_next_minute_of_end = || {
            let end = meeting.projected_end_ms(now);
            60_000 - end.rem_euclid(60_000)
        };
        let wait_ms = if let Some(c) = countdown
            && self.room_window()
            && !session.show_plan
        {
            // The seconds are on the group screen's own window, which repaints by itself;
            // this window shows whole minutes.
            let into = c.remaining_ms().rem_euclid(60_000);
            (if into == 0 { 60_000 } else { into }).min(to_next_minute_of_end())
        } else if let Some(c) = countdown {
            // The shown second changes when the remaining time crosses a whole second.
            let into = c.remaining_ms().rem_euclid(1000);
            if into == 0 { 1000 } else { into }
        } else if session.show_plan {
            // The time plan shows the open phase's time in seconds.
            1000
        } else {
            to_next_minute_of_end()
        };
        ctx.request_repaint_after(Duration::from_millis(wait_ms as u64 + 5));
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
        theme::Palette::for_theme(self.env.settings.theme)
            .background
            .to_normalized_gamma_f32()
    }
}
