//! My prepared cases: the list, the case being edited, its privacy findings, export.

use std::path::PathBuf;

use super::env::{DialogResult, Env};
use crate::i18n::fill;
use crate::model::PreparedCase;
use crate::privacy::{Finding, FindingKind};
use crate::store::DirLoad;
use crate::ui::command::CasesCommand;
use crate::ui::save_dialog::{SaveChoice, SaveRequest};

#[derive(Default)]
pub struct CasesState {
    /// Read when first needed; dropped when a case is saved or imported.
    cases: Option<DirLoad<PreparedCase>>,
    pub edit: Option<PreparedCase>,
    /// Privacy findings in the case being edited: (field key, finding, replacement).
    pub findings: Vec<(String, Finding, String)>,
    pub status: Option<String>,
    /// Export asked while privacy warnings are open: the leader is asked first.
    pub confirm_export: bool,
    /// The people of the case being edited and their placeholders: the same person keeps
    /// one throughout the case, two people never share one. New for every case opened.
    people: crate::privacy::People,
}

impl CasesState {
    pub fn ensure_loaded(&mut self, env: &Env) {
        if self.cases.is_none() {
            self.cases = Some(crate::store::list_cases(
                &crate::store::cases_dir(&env.data),
                env.data.root(),
            ));
        }
    }

    /// The cases as they were last read (empty until [`Self::ensure_loaded`]).
    pub fn list(&self) -> &[(PathBuf, PreparedCase)] {
        self.cases.as_ref().map_or(&[], |c| c.items.as_slice())
    }

    /// Read again at the next look (after a clear-out, say).
    pub fn forget(&mut self) {
        self.cases = None;
    }

    pub fn apply(&mut self, command: CasesCommand, env: &Env, ctx: &egui::Context) {
        let now = env.now_ms();
        let s = env.strings();
        match command {
            CasesCommand::New => {
                self.edit = Some(PreparedCase::new(now, &mut rand::rng()));
                self.people = crate::privacy::People::default();
                self.status = None;
                self.recompute_findings(env.lang());
            }
            CasesCommand::Edit(id) => {
                self.edit = self
                    .list()
                    .iter()
                    .map(|(_, c)| c)
                    .find(|c| c.id == id)
                    .cloned();
                self.people = crate::privacy::People::default();
                self.status = None;
                self.recompute_findings(env.lang());
            }
            CasesCommand::Edited => self.recompute_findings(env.lang()),
            CasesCommand::Save => self.save(env),
            CasesCommand::Export { confirmed } => {
                if !confirmed && !self.findings.is_empty() {
                    self.confirm_export = true;
                } else if let Some(case) = self.edit.clone() {
                    self.confirm_export = false;
                    self.save(env);
                    let title = case.title.trim();
                    let name = format!(
                        "{}.{}",
                        if title.is_empty() { "casus" } else { title },
                        crate::store::CASE_FILE_EXTENSION
                    );
                    let request = SaveRequest {
                        file_name: name.clone(),
                        filter: ("Kring".into(), crate::store::CASE_FILE_EXTENSION.into()),
                    };
                    env.spawn_save(ctx, request, move |choice| {
                        DialogResult::ExportCase(case, name, choice)
                    });
                }
            }
            CasesCommand::CancelExport => self.confirm_export = false,
            CasesCommand::ImportDialog => env.spawn_dialog(ctx, || {
                DialogResult::ImportCase(
                    rfd::FileDialog::new()
                        .add_filter("Kring", &[crate::store::CASE_FILE_EXTENSION, "ron"])
                        .pick_file(),
                )
            }),
            CasesCommand::ImportFile(path) => {
                match crate::store::import_case(&crate::store::cases_dir(&env.data), &path) {
                    Ok(case) => {
                        self.cases = None;
                        self.edit = Some(case);
                        self.people = crate::privacy::People::default();
                        self.status = None;
                        self.recompute_findings(env.lang());
                    }
                    Err(error) => {
                        let error = crate::i18n::case_error(env.lang(), &error);
                        self.status = Some(fill(s.file_failed, &[("error", &error)]));
                    }
                }
            }
            CasesCommand::ReplaceFinding {
                field,
                finding,
                with,
            } => {
                if let Some(case) = &mut self.edit
                    && let Some(text) = case.text_field_mut(&field)
                {
                    *text = crate::privacy::replace(text, &finding, &with);
                }
                self.recompute_findings(env.lang());
            }
        }
    }

    /// What an export dialog answered for a case.
    pub fn exported(&mut self, env: &Env, case: &PreparedCase, name: &str, choice: SaveChoice) {
        let s = env.strings();
        match choice {
            SaveChoice::Chosen(path) => {
                self.status = Some(match crate::store::export_case(case, &path) {
                    Ok(()) => fill(s.file_written, &[("path", &path.display())]),
                    Err(error) => fill(
                        s.file_failed,
                        &[("error", &crate::i18n::store_error(env.lang(), &error))],
                    ),
                });
            }
            SaveChoice::Unavailable => {
                self.status =
                    Some(env.save_into_exports(name, |path| crate::store::export_case(case, path)));
            }
            SaveChoice::Cancelled => {}
        }
    }

    fn save(&mut self, env: &Env) {
        let s = env.strings();
        let Some(case) = &mut self.edit else {
            return;
        };
        case.updated_at_ms = env.now_ms();
        self.status = Some(
            match crate::store::save_case(&crate::store::cases_dir(&env.data), case) {
                Ok(path) => fill(s.cases_saved, &[("path", &path.display())]),
                Err(error) => fill(
                    s.file_failed,
                    &[("error", &crate::i18n::case_error(env.lang(), &error))],
                ),
            },
        );
        self.cases = None;
    }

    /// Runs the privacy check over every field of the case being edited.
    fn recompute_findings(&mut self, lang: crate::model::Lang) {
        self.findings.clear();
        let Some(case) = &self.edit else {
            return;
        };
        // Placeholders already in the case belong to someone: nobody else gets them.
        self.people
            .note_placeholders(lang, case.text_fields().into_iter().map(|(_, text)| text));
        for (key, text) in case.text_fields() {
            for finding in crate::privacy::scan(text) {
                let with = if finding.kind == FindingKind::PersonName {
                    self.people.placeholder_for(lang, text, &finding)
                } else {
                    crate::privacy::placeholder(lang, finding.kind, 0)
                };
                self.findings.push((key.to_owned(), finding, with));
            }
        }
    }
}
