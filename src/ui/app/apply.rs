//! The command groups that reach across the app's parts: the history (a follow-up carried into
//! today's meeting), the group (switching folders, locks and history), and resuming a meeting
//! after a crash.

use super::{KringApp, Screen};
use crate::i18n::{fill, group_error};
use crate::meeting::Stage;
use crate::ui::command::{GroupCommand, HistoryCommand, ResumeCommand};
use crate::ui::state::{HistoryState, Session};

impl KringApp {
    pub(super) fn apply_history(&mut self, ctx: &egui::Context, command: HistoryCommand) {
        match command {
            HistoryCommand::Search(query) => {
                self.history.ensure_loaded(&self.env);
                self.history.search(query);
            }
            HistoryCommand::Select(index) => self.history.select(index, self.env.lang()),
            HistoryCommand::Export { index, html } => {
                if let Some(record) = self.history.get().and_then(|h| h.record(index).ok()) {
                    HistoryState::export(&self.env, ctx, &record, html);
                }
            }
            HistoryCommand::CorrectStart(index) => {
                let roster = self.group.settings.members.clone();
                self.history.start_correction(index, roster);
            }
            HistoryCommand::CorrectSave => {
                // The reason stays with the draft, on screen.
                let _ = self.history.save_correction(&self.env);
            }
            HistoryCommand::CorrectCancel => self.history.correction = None,
            HistoryCommand::FollowUpDone { meeting, step }
            | HistoryCommand::FollowUpCarry { meeting, step } => {
                let carry = matches!(command, HistoryCommand::FollowUpCarry { .. });
                match self.history.follow_up_done(&self.env, meeting, step, carry) {
                    Ok(Some(carried)) => {
                        if let Some(session) = &mut self.session {
                            session.content.follow_ups.push(carried);
                        }
                    }
                    Ok(None) => {}
                    Err(error) => self.env.notices.push(error),
                }
            }
        }
    }

    pub(super) fn apply_group(&mut self, ctx: &egui::Context, command: GroupCommand) {
        match command {
            GroupCommand::Select(id) => self.select_group(id),
            GroupCommand::Create(name) => match crate::store::create_group(&self.env.data, &name) {
                Ok(id) => {
                    self.group.groups = crate::store::list_groups(&self.env.data);
                    self.select_group(id);
                }
                Err(error) => self.group.status = Some(group_error(self.env.lang(), &error)),
            },
            GroupCommand::Save => self.group.save(&self.env),
            GroupCommand::ExportAttendance => {
                self.group
                    .export_attendance(&self.env, ctx, &mut self.history);
            }
            GroupCommand::ExportProof => {
                self.group.export_proof(&self.env, ctx, &mut self.history);
            }
            GroupCommand::RetentionCheck => {
                let files = self
                    .group
                    .expired_files(&self.env, &mut self.history, &mut self.cases);
                self.group.retention_pending = Some(files);
            }
            GroupCommand::RetentionConfirm => {
                self.group.clear_out(&mut self.env);
                self.history.start_preload(&self.env);
                self.cases.forget();
            }
            GroupCommand::RetentionCancel => self.group.retention_pending = None,
        }
    }

    /// A new name at "who is here" joins the group's roster and is ticked present. The
    /// roster is saved in `group.ron` right away, not at the end of the meeting: a name typed
    /// once is not typed again, even when the meeting is never finished. Only the roster is
    /// written; other changes on the Groep tab wait for its own save.
    pub(super) fn add_member(&mut self, name: &str) {
        let Some(session) = &mut self.session else {
            return;
        };
        let known = self.group.settings.members.len();
        let Some(id) = self.group.settings.add_member(name) else {
            return;
        };
        let Some(member) = self.group.settings.member(id).cloned() else {
            return;
        };
        session.roster = self.group.settings.members.clone();
        crate::meeting::apply_content(
            &mut session.content,
            crate::meeting::ContentCommand::SetMemberPresent {
                id,
                name: member.name,
                present: true,
            },
            &mut rand::rng(),
        );
        if self.group.settings.members.len() != known
            && let Err(error) = self.group.save_roster(&self.env)
        {
            self.env.notices.push(error);
        }
    }

    /// Switches to another group: its folder, lock, history and settings. Not during a
    /// meeting.
    fn select_group(&mut self, id: String) {
        if id == self.env.group || self.session.is_some() {
            return;
        }
        self.resume_offer = None;
        self.env.lock = None;
        self.env.group = id;
        self.group.settings = self.group.settings_for(&self.env.group);
        self.group.status = None;
        self.env.settings.last_group = Some(self.env.group.clone());
        self.env.save_settings();
        self.env.take_group_lock();
        self.group.open_file(&mut self.env);
        self.open_group_folder();
        if let Some(id) = self.home.selected.clone() {
            self.home.select(id, &self.env);
        }
    }

    pub(super) fn apply_resume(&mut self, command: ResumeCommand) {
        match command {
            ResumeCommand::Resume { gap_as_pause } => {
                if let Some(state) = self.resume_offer.take() {
                    let mut meeting = state.meeting;
                    if gap_as_pause {
                        meeting.treat_gap_as_pause(self.env.now_ms() - state.saved_at_ms);
                    }
                    self.session = Some(Session::new(
                        meeting,
                        state.content,
                        self.group.settings.members.clone(),
                    ));
                    self.finished = None;
                    self.screen = match state.stage {
                        Stage::Setup => Screen::Setup,
                        Stage::Intro => Screen::Intro,
                        Stage::Meeting => Screen::Meeting,
                    };
                }
            }
            ResumeCommand::Postpone => self.resume_offer = None,
            ResumeCommand::Discard => {
                let s = self.env.strings();
                match &self.env.lock {
                    Some(lock) => {
                        self.resume_offer = None;
                        let path = self.env.autosave_path();
                        let problem = lock.set_aside(
                            self.env.data.root(),
                            &path,
                            crate::store::LoadReason::SetAsideByLeader,
                        );
                        self.env.notices.push(fill(
                            s.resume_discarded,
                            &[(
                                "problem",
                                &crate::i18n::load_problem(self.env.lang(), &problem),
                            )],
                        ));
                    }
                    None => self.env.notices.push(s.read_only_not_done.to_owned()),
                }
            }
        }
    }
}
