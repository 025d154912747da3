//! The group: which one, its settings (agreements, meetings, costs, retention), attendance
//! export and the clear-out of expired history.

use std::path::PathBuf;

use super::cases::CasesState;
use super::env::{DialogResult, Env};
use super::history::HistoryState;
use crate::i18n::fill;
use crate::model::GroupSettings;
use crate::store::GroupList;
use crate::ui::save_dialog::SaveRequest;

#[derive(Default)]
pub struct GroupState {
    pub groups: GroupList,
    /// The open group's settings, as edited on the Groep tab.
    pub settings: GroupSettings,
    pub status: Option<String>,
    /// Files the clear-out would delete, listed before anything is deleted.
    pub retention_pending: Option<Vec<PathBuf>>,
    /// The proof of attendance chosen on the tab.
    pub proof: super::ProofChoice,
}

impl GroupState {
    /// The groups in the data folder; the last one used is opened.
    pub fn new(env: &mut Env) -> Self {
        let groups = crate::store::list_groups(&env.data);
        if let Some(last) = env.settings.last_group.clone()
            && groups.groups.iter().any(|(id, _)| *id == last)
        {
            env.group = last;
        }
        let mut state = Self {
            groups,
            ..Self::default()
        };
        state.settings = state.settings_for(&env.group);
        state
    }

    pub fn settings_for(&self, id: &str) -> GroupSettings {
        self.groups
            .groups
            .iter()
            .find(|(gid, _)| gid == id)
            .map(|(_, g)| g.clone())
            .unwrap_or_default()
    }

    /// Reads the group's `group.ron` with the write handle, if this Kring holds it: a damaged
    /// file is set aside (byte for byte, into the group's `quarantine/`), a newer one left;
    /// either is told to the leader on the home screen and the Groep tab.
    pub fn open_file(&mut self, env: &mut Env) {
        let (settings, problem) =
            crate::store::open_group(&env.data, &env.group, env.lock.as_deref());
        if let Some(problem) = problem {
            let s = env.strings();
            let problem = crate::i18n::load_problem(env.lang(), &problem);
            let text = fill(s.group_file_problem, &[("problem", &problem)]);
            env.notices.push(text.clone());
            self.status = Some(text);
            self.settings = settings;
        }
    }

    pub fn save(&mut self, env: &Env) {
        let s = env.strings();
        let saved = env.writer().and_then(|lock| {
            crate::store::save_group(lock, &self.settings)
                .map_err(|error| crate::i18n::group_error(env.lang(), &error))
        });
        self.status = Some(match saved {
            Ok(set_aside) => {
                self.groups = crate::store::list_groups(&env.data);
                match set_aside {
                    // Damaged since it was opened: kept in quarantine, and said so.
                    Some(problem) => format!(
                        "{} {}",
                        s.group_saved,
                        fill(
                            s.group_file_problem,
                            &[("problem", &crate::i18n::load_problem(env.lang(), &problem))]
                        )
                    ),
                    None => s.group_saved.to_owned(),
                }
            }
            Err(error) => fill(s.file_failed, &[("error", &error)]),
        });
    }

    /// Writes the roster into `group.ron` as it is on disk, so that other settings being
    /// edited on the Groep tab are not saved with it.
    pub fn save_roster(&mut self, env: &Env) -> Result<(), String> {
        let s = env.strings();
        let lock = env.writer()?;
        let mut on_disk = crate::store::load_group(&env.data, &env.group)
            .unwrap_or_else(|_| self.settings.clone());
        on_disk.members = self.settings.members.clone();
        match crate::store::save_group(lock, &on_disk) {
            Ok(set_aside) => {
                self.groups = crate::store::list_groups(&env.data);
                match set_aside {
                    Some(problem) => Err(fill(
                        s.group_file_problem,
                        &[("problem", &crate::i18n::load_problem(env.lang(), &problem))],
                    )),
                    None => Ok(()),
                }
            }
            Err(error) => Err(fill(s.file_failed, &[("error", &error)])),
        }
    }

    /// Writes the phones choice into `group.ron` as it is on disk (as [`Self::save_roster`]).
    pub fn save_phones(&mut self, env: &Env) -> Result<(), String> {
        let s = env.strings();
        let lock = env.writer()?;
        let mut on_disk = crate::store::load_group(&env.data, &env.group)
            .unwrap_or_else(|_| self.settings.clone());
        on_disk.phones = self.settings.phones;
        match crate::store::save_group(lock, &on_disk) {
            Ok(_) => {
                self.groups = crate::store::list_groups(&env.data);
                Ok(())
            }
            Err(error) => Err(fill(s.file_failed, &[("error", &error)])),
        }
    }

    /// Attendance and hours per member, with the group's agreement: proof for registers.
    pub fn export_attendance(&self, env: &Env, ctx: &egui::Context, history: &mut HistoryState) {
        let text = crate::export::attendance_markdown(
            &self.settings,
            &history
                .ensure_loaded(env)
                .attendance_hours(&self.settings.members),
            env.lang(),
        );
        let name = "aanwezigheid.md".to_owned();
        let request = SaveRequest {
            file_name: name.clone(),
            filter: ("md".into(), "md".into()),
        };
        env.spawn_save(ctx, request, move |choice| {
            DialogResult::WriteText(text, name, choice)
        });
    }

    /// Meeting records and prepared cases older than the group's retention period.
    pub fn expired_files(
        &self,
        env: &Env,
        history: &mut HistoryState,
        cases: &mut CasesState,
    ) -> Vec<PathBuf> {
        let Some(months) = self.settings.retention.months() else {
            return Vec::new();
        };
        let now = env.now_ms();
        let cutoff =
            now - i64::from(months) * 30 * 24 * 3_600_000 - i64::from(months / 2) * 24 * 3_600_000;
        let mut files: Vec<PathBuf> = history
            .ensure_loaded(env)
            .summaries()
            .iter()
            .filter(|m| m.started_at_ms < cutoff)
            .map(|m| m.path.clone())
            .collect();
        cases.ensure_loaded(env);
        files.extend(
            cases
                .list()
                .iter()
                .filter(|(_, c)| c.updated_at_ms < cutoff)
                .map(|(path, _)| path.clone()),
        );
        files
    }

    /// Deletes what the clear-out listed, with the group's write handle; says how many went.
    pub fn clear_out(&mut self, env: &mut Env) {
        let s = env.strings();
        let files = self.retention_pending.take().unwrap_or_default();
        let lock = match env.writer() {
            Ok(lock) => lock,
            Err(why) => {
                // Deleting from the group folder needs its write handle.
                self.status = Some(why);
                return;
            }
        };
        let mut removed = 0;
        let mut failed = Vec::new();
        for path in &files {
            // Records are in the group folder; prepared cases in the user's own.
            let result = if path.starts_with(lock.dir()) {
                lock.remove_file(path)
            } else {
                crate::store::remove_own_file(path)
            };
            match result {
                Ok(()) => removed += 1,
                Err(error) => failed.push(fill(
                    s.file_failed,
                    &[("error", &crate::i18n::store_error(env.lang(), &error))],
                )),
            }
        }
        env.notices.extend(failed);
        self.status = Some(s.retention_done.n(removed));
    }
}
