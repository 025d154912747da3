//! Meeting records that could not be saved into their group's folder: kept in memory, retried,
//! and kept as a spare copy outside the folder that the next start offers again.

use std::path::PathBuf;

use super::env::Env;
use crate::i18n::fill;
use crate::model::MeetingRecord;
use crate::store::{UnsavedRecord, save_record};

/// A meeting record that could not be saved is tried again this often.
pub const RETRY_MS: i64 = 30_000;

/// A meeting record that is not in its group's folder yet.
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

#[derive(Debug, Default)]
pub struct UnsavedRecords {
    list: Vec<Unsaved>,
}

impl UnsavedRecords {
    pub fn list(&self) -> &[Unsaved] {
        &self.list
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn get(&self, started_at_ms: i64) -> Option<&Unsaved> {
        self.list
            .iter()
            .find(|u| u.record.started_at_ms == started_at_ms)
    }

    /// Spare copies of this group's meetings that could not be saved last time are offered
    /// again (and retried at once: the folder may be fine now).
    pub fn find_spare_copies(&mut self, env: &Env) {
        let dirs = crate::store::rescue_dirs(&env.data);
        let found = crate::store::list_rescue_copies(&dirs, &env.data, &env.group);
        for (path, copy) in found {
            if self.get(copy.record.started_at_ms).is_some() {
                continue;
            }
            self.list.push(Unsaved {
                record: copy.record,
                group: copy.group,
                error: String::new(),
                rescue: Some(path),
                next_retry_ms: 0,
            });
        }
    }

    /// A record its group's folder would not take (`error` says why): kept, retried, and
    /// written as a spare copy outside the folder.
    pub fn keep(&mut self, env: &Env, record: MeetingRecord, error: String) {
        let copy = UnsavedRecord::new(&env.data, &env.group, record.clone());
        let rescue = crate::store::write_rescue_copy(&crate::store::rescue_dirs(&env.data), &copy)
            .map_err(|why| {
                why.iter()
                    .for_each(|e| log::error!("no spare copy written: {e}"))
            })
            .ok();
        self.list.push(Unsaved {
            record,
            group: env.group.clone(),
            error,
            rescue,
            next_retry_ms: env.now_ms() + RETRY_MS,
        });
    }

    /// Tries to save the records that are due (or the one asked for, now) into the open
    /// group's folder. The ones saved leave the list and come back with their path.
    pub fn retry(&mut self, env: &Env, only: Option<i64>) -> Vec<(Unsaved, PathBuf)> {
        let now = env.now_ms();
        let mut saved = Vec::new();
        let mut index = 0;
        while index < self.list.len() {
            let unsaved = &mut self.list[index];
            let due = match only {
                Some(started) => unsaved.record.started_at_ms == started,
                None => now >= unsaved.next_retry_ms,
            };
            // Only this group's folder can be written (with its lock); a record of another
            // group waits until that group is opened again.
            let lock = env.lock.as_deref().filter(|_| unsaved.group == env.group);
            let (true, Some(lock)) = (due, lock) else {
                index += 1;
                continue;
            };
            match save_record(lock, &unsaved.record) {
                Ok(path) => saved.push((self.list.remove(index), path)),
                Err(error) => {
                    unsaved.error = crate::i18n::store_error(env.lang(), &error);
                    unsaved.next_retry_ms = now + RETRY_MS;
                    index += 1;
                }
            }
        }
        saved
    }

    /// Saves a record into a folder the leader chose (outside any group).
    pub fn save_in(
        &mut self,
        env: &Env,
        started_at_ms: i64,
        dir: &std::path::Path,
    ) -> Option<Result<(Unsaved, PathBuf), String>> {
        let index = self
            .list
            .iter()
            .position(|u| u.record.started_at_ms == started_at_ms)?;
        Some(
            match crate::store::save_record_outside_group(dir, &self.list[index].record) {
                Ok(path) => Ok((self.list.remove(index), path)),
                Err(error) => {
                    self.list[index].error = crate::i18n::store_error(env.lang(), &error);
                    Err(fill(env.strings().file_failed, &[("error", &error)]))
                }
            },
        )
    }
}
