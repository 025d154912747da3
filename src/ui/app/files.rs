//! What file dialogs answered, and files dropped on the window.

use std::path::PathBuf;

use super::{KringApp, Screen};
use crate::i18n::fill;
use crate::store::write_atomic;
use crate::ui::command::{CasesCommand, SessionCommand, UnsavedCommand};
use crate::ui::save_dialog::SaveChoice;
use crate::ui::state::{DialogResult, HomeTab};

impl KringApp {
    /// Takes in what file dialogs answered and files dropped on the window.
    pub(super) fn poll_files(&mut self, ctx: &egui::Context) {
        while let Some(result) = self.env.poll_dialog() {
            let s = self.env.strings();
            match result {
                DialogResult::ImportCase(Some(path)) => {
                    self.pending.push(CasesCommand::ImportFile(path).into());
                }
                DialogResult::ExportCase(case, name, choice) => {
                    self.cases.exported(&self.env, &case, &name, choice);
                }
                DialogResult::WriteText(text, name, choice) => {
                    let status = match choice {
                        SaveChoice::Chosen(path) => match write_atomic(&path, text.as_bytes()) {
                            Ok(()) => fill(s.file_written, &[("path", &path.display())]),
                            Err(error) => fill(
                                s.file_failed,
                                &[("error", &crate::i18n::store_error(self.env.lang(), &error))],
                            ),
                        },
                        SaveChoice::Unavailable => self
                            .env
                            .save_into_exports(&name, |path| write_atomic(path, text.as_bytes())),
                        SaveChoice::Cancelled => continue,
                    };
                    self.group.status = Some(status.clone());
                    self.env.notices.push(status);
                }
                DialogResult::SaveUnsavedIn(started_at_ms, Some(dir)) => {
                    self.pending
                        .push(UnsavedCommand::SaveIn { started_at_ms, dir }.into());
                }
                DialogResult::BringInCase(Some(path)) => self.bring_in_case_file(&path),
                // The dialog was cancelled.
                DialogResult::ImportCase(None)
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
                self.bring_in_case_file(&path);
            } else {
                self.home.tab = HomeTab::Cases;
                self.pending.push(CasesCommand::ImportFile(path).into());
            }
        }
    }

    fn bring_in_case_file(&mut self, path: &std::path::Path) {
        match crate::store::load_case_file(path) {
            Ok(case) => self
                .pending
                .push(SessionCommand::BringInCase(Box::new(case)).into()),
            Err(error) => {
                let s = self.env.strings();
                let error = crate::i18n::case_error(self.env.lang(), &error);
                self.env
                    .notices
                    .push(fill(s.file_failed, &[("error", &error)]));
            }
        }
    }
}
