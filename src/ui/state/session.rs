//! A meeting on the leader's side: the engine, what the group produces, the leader's own state
//! and how the screens are laid out (one window or two, the plan, the control bar).

use super::env::{DialogResult, Env};
use super::leader::{LeaderState, PrivateOk, PrivateThing};
use crate::meeting::{Command, Meeting};
use crate::model::{MeetingContent, Member, Tool};
use crate::ui::command::SessionCommand;

pub struct Session {
    pub meeting: Meeting,
    /// What the group produces in the meeting; goes into the record.
    pub content: MeetingContent,
    /// The group's roster, to tick who is here; a new name joins it (see
    /// `SessionCommand::AddMember`).
    pub roster: Vec<Member>,
    /// Drafts and the private scratchpad; never saved.
    pub leader: LeaderState,
    /// Single window: the leader screen is shown instead of the wall.
    pub leader_view: bool,
    pub show_plan: bool,
    pub show_controls: bool,
    /// One window only: the leader is being asked before something private opens here.
    pub confirm_private: Option<PrivateThing>,
    /// The page of a long list the wall shows (0 = the first); back to 0 in a new phase.
    pub wall_page: usize,
    /// How many pages the wall had when it was last drawn.
    pub wall_pages: usize,
}

impl Session {
    pub fn new(meeting: Meeting, content: MeetingContent, roster: Vec<Member>) -> Self {
        Self {
            meeting,
            content,
            roster,
            leader: LeaderState::default(),
            leader_view: false,
            show_plan: false,
            show_controls: true,
            confirm_private: None,
            wall_page: 0,
            wall_pages: 1,
        }
    }

    /// A leader's command to the engine. Entering a phase with the scratchpad tool opens the
    /// pad, but only when the wall has its own window: on one window the room would see it.
    pub fn apply_meeting(&mut self, command: Command, now_ms: i64, room_window: bool) {
        let before = self.meeting.cursor();
        self.meeting.apply(command, now_ms);
        if self.meeting.cursor() == before {
            return;
        }
        self.wall_page = 0;
        self.leader.phase_changed();
        if let Some(phase) = self.meeting.current_phase()
            && phase.tools.contains(&Tool::Scratchpad)
            && let Some(ok) = PrivateOk::room_has_own_window(room_window)
        {
            self.leader.open(PrivateThing::Scratchpad, ok, true);
        }
    }

    /// Applies a command of the leader's screens. `room_window` is the app's: the wall in a
    /// window of its own; the answer is the new value when a command changed it.
    pub fn apply(
        &mut self,
        command: SessionCommand,
        room_window: bool,
        env: &mut Env,
        ctx: &egui::Context,
    ) -> Option<bool> {
        match command {
            SessionCommand::ToggleView => {
                self.leader_view = !self.leader_view;
                if !self.leader_view {
                    // Back to the group screen: no hidden field keeps the cursor, so the keys
                    // work again.
                    ctx.memory_mut(|m| {
                        if let Some(id) = m.focused() {
                            m.surrender_focus(id);
                        }
                    });
                    // Back to the group screen: what was private closes, so that it cannot
                    // come back unasked.
                    self.leader.curtain();
                }
            }
            SessionCommand::ToggleRoomWindow => return Some(self.set_room_window(!room_window)),
            SessionCommand::ToggleScratchpad => {
                if self.leader.is_open(PrivateThing::Scratchpad) {
                    self.leader.close_scratchpad();
                } else {
                    return self.apply(
                        SessionCommand::OpenPrivate(PrivateThing::Scratchpad),
                        room_window,
                        env,
                        ctx,
                    );
                }
            }
            SessionCommand::OpenPrivate(thing) => match PrivateOk::room_has_own_window(room_window)
            {
                Some(ok) => self.open_private(thing, ok, room_window),
                None => self.confirm_private = Some(thing),
            },
            SessionCommand::ShowPrivateHere(thing) => {
                self.confirm_private = None;
                self.open_private(thing, PrivateOk::chosen_by_leader(), room_window);
            }
            SessionCommand::PrivateInOwnWindow(thing) => {
                self.confirm_private = None;
                let on = self.set_room_window(true);
                if let Some(ok) = PrivateOk::room_has_own_window(on) {
                    self.open_private(thing, ok, on);
                }
                return Some(on);
            }
            SessionCommand::Curtain => self.leader.curtain(),
            SessionCommand::TogglePlan => self.show_plan = !self.show_plan,
            SessionCommand::ToggleControls => self.show_controls = !self.show_controls,
            SessionCommand::TurnWallPage(delta) => {
                let last = self.wall_pages.saturating_sub(1);
                self.wall_page = self.wall_page.saturating_add_signed(delta).min(last);
            }
            SessionCommand::BringInCaseDialog => env.spawn_dialog(ctx, || {
                DialogResult::BringInCase(
                    rfd::FileDialog::new()
                        .add_filter("Kring", &[crate::store::CASE_FILE_EXTENSION, "ron"])
                        .pick_file(),
                )
            }),
            // The app puts the name on the group's roster and ticks it (it owns the group).
            SessionCommand::AddMember(_) => {}
            SessionCommand::BringInCase(case) => {
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
        }
        None
    }

    /// What the wall drew: the page it shows (a page past the last becomes the last) and how
    /// many there are, so page turning stops at the ends.
    pub fn wall_drawn(&mut self, pages: crate::ui::room::WallPages) {
        self.wall_page = pages.page;
        self.wall_pages = pages.count;
    }

    /// The group screen in a window of its own, or back in this one. Back in this one, this
    /// window is what the room sees: everything private closes and the group screen shows.
    pub fn set_room_window(&mut self, on: bool) -> bool {
        if !on {
            self.leader.curtain();
            self.leader_view = false;
        }
        on
    }

    /// Opens something private: the proof says the room does not see it by surprise.
    fn open_private(&mut self, thing: PrivateThing, ok: PrivateOk, room_window: bool) {
        self.leader.open(thing, ok, false);
        if !room_window && thing != PrivateThing::AdviceEntry {
            // One window: private things live on the leader screen.
            self.leader_view = true;
        }
    }

    /// Esc: close what is private; `true` when it did.
    pub fn escape(&mut self) -> bool {
        if self.confirm_private.take().is_some() {
            return true;
        }
        if self.leader.is_open(PrivateThing::Scratchpad) || self.leader.is_open(PrivateThing::Notes)
        {
            self.leader.curtain();
            return true;
        }
        false
    }
}
