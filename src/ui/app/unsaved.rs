//! Meeting records that could not be saved: what the leader can do with them, the retries,
//! and the question before the app closes.

use std::path::PathBuf;

use super::{KringApp, Overlay};
use crate::i18n::fill;
use crate::ui::command::UnsavedCommand;
use crate::ui::state::{DialogResult, HistoryState, Unsaved};

impl KringApp {
    pub(super) fn apply_unsaved(&mut self, ctx: &egui::Context, command: UnsavedCommand) {
        match command {
            UnsavedCommand::Retry { started_at_ms } => {
                self.retry_unsaved(Some(started_at_ms));
                if let Some(finished) = &mut self.finished
                    && finished.record.started_at_ms == started_at_ms
                    && let Some(unsaved) = self.unsaved.get(started_at_ms)
                {
                    finished.saved = Err(unsaved.error.clone());
                }
            }
            UnsavedCommand::SaveElsewhereDialog { started_at_ms } => {
                if !self.env.save_dialog.can_open() {
                    // No folder dialog here: the exports folder is the other folder.
                    let dir = crate::store::exports_dir(&self.env.data);
                    self.apply_unsaved(ctx, UnsavedCommand::SaveIn { started_at_ms, dir });
                    return;
                }
                self.env.spawn_dialog(ctx, move || {
                    let dir = rfd::FileDialog::new().pick_folder();
                    DialogResult::SaveUnsavedIn(started_at_ms, dir)
                });
            }
            UnsavedCommand::SaveIn { started_at_ms, dir } => {
                match self.unsaved.save_in(&self.env, started_at_ms, &dir) {
                    Some(Ok((unsaved, path))) => self.record_now_saved(unsaved, path),
                    Some(Err(message)) => self.env.notices.push(message),
                    None => {}
                }
            }
            UnsavedCommand::Export {
                started_at_ms,
                html,
            } => {
                if let Some(unsaved) = self.unsaved.get(started_at_ms) {
                    HistoryState::export(&self.env, ctx, &unsaved.record, html);
                }
            }
        }
    }

    /// Tries to save the unsaved records that are due (or the one asked for, now).
    pub(super) fn retry_unsaved(&mut self, only: Option<i64>) {
        for (unsaved, path) in self.unsaved.retry(&self.env, only) {
            self.record_now_saved(unsaved, path);
        }
    }

    /// An unsaved record is now on disk at `path`: its spare copy goes, and so does the
    /// autosave of the meeting it came from.
    fn record_now_saved(&mut self, unsaved: Unsaved, path: PathBuf) {
        if let Some(rescue) = &unsaved.rescue {
            crate::store::remove_rescue_copy(rescue);
        }
        if unsaved.group == self.env.group && self.session.is_none() {
            self.autosave.clear(&self.env);
            self.resume_offer = None;
        }
        if let Some(finished) = &mut self.finished
            && finished.record.started_at_ms == unsaved.record.started_at_ms
        {
            finished.saved = Ok(path.clone());
        }
        let s = self.env.strings();
        let date = crate::i18n::format_date_text(self.env.lang(), &unsaved.record.started_local);
        self.env.notices.push(fill(
            s.unsaved_now_saved,
            &[("date", &date), ("path", &path.display())],
        ));
        self.history.start_preload(&self.env);
    }

    /// Closing the window while a meeting is not saved asks first.
    pub(super) fn guard_close(&mut self, ctx: &egui::Context) {
        if self.unsaved.is_empty() || self.quit_confirmed {
            return;
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.overlay = Overlay::ConfirmQuitUnsaved;
        }
    }
}
