//! The autosave of the meeting in progress: on disk within a second of a change, refreshed
//! every few seconds, retried when the disk fails; and, at start-up, the offer to resume.

use std::time::Duration;

use super::env::Env;
use crate::i18n::fill;
use crate::meeting::{IN_PROGRESS_FORMAT_VERSION, InProgress, InProgressRef, Meeting, Stage};
use crate::model::MeetingContent;
use crate::store::to_ron;

/// How long after a change the meeting in progress is on disk at the latest.
const DELAY_MS: i64 = 1_000;
/// While a countdown runs nothing changes, but the file is refreshed so that after a crash
/// Kring knows about when it stopped.
const HEARTBEAT_MS: i64 = 5_000;
/// After a failed write (read-only folder, full disk), try again this often.
const RETRY_MS: i64 = 5_000;

#[derive(Debug, Default)]
pub struct Autosaver {
    /// What was last written, to see whether anything changed. Compared as values, not as
    /// the file's text: serializing the whole meeting (its protocol in three languages) on
    /// every frame of a countdown cost more CPU than drawing the frame.
    last: Option<Box<(Stage, Meeting, MeetingContent)>>,
    last_write_ms: i64,
    /// Why the last write failed; shown to the leader until a write succeeds.
    error: Option<String>,
}

impl Autosaver {
    /// Writes the meeting when it changed (at most once a second) and refreshes it every few
    /// seconds. A failed write keeps everything in memory, says why, and retries.
    pub fn tick(
        &mut self,
        env: &Env,
        ctx: &egui::Context,
        stage: Stage,
        meeting: &Meeting,
        content: &MeetingContent,
    ) {
        let Some(lock) = &env.lock else {
            return;
        };
        let now = env.now_ms();
        let snapshot = |saved_at_ms| InProgressRef {
            format_version: IN_PROGRESS_FORMAT_VERSION,
            saved_at_ms,
            stage,
            meeting,
            content,
        };
        let since = now - self.last_write_ms;
        let changed =
            self.last
                .as_deref()
                .is_none_or(|(last_stage, last_meeting, last_content)| {
                    *last_stage != stage || last_meeting != meeting || last_content != content
                });
        let wait = if self.error.is_some() {
            RETRY_MS
        } else if changed {
            DELAY_MS
        } else {
            HEARTBEAT_MS
        };
        if since < wait {
            if changed || self.error.is_some() {
                ctx.request_repaint_after(Duration::from_millis((wait - since) as u64 + 5));
            }
            return;
        }
        let result = to_ron(&snapshot(now))
            .map_err(|e| crate::store::StoreError::serialize(&env.autosave_path(), &e))
            .and_then(|full| lock.write_file(&env.autosave_path(), full.as_bytes()))
            .map_err(|e| crate::i18n::store_error(env.lang(), &e));
        self.last_write_ms = now;
        match result {
            Ok(()) => {
                if changed {
                    self.last = Some(Box::new((stage, meeting.clone(), content.clone())));
                }
                self.error = None;
            }
            Err(err) => {
                log::warn!("autosave failed: {err}");
                self.error = Some(err);
                ctx.request_repaint_after(Duration::from_millis(RETRY_MS as u64));
            }
        }
    }

    /// Why the meeting in progress is not on disk right now, if it is not.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The meeting is over and its record is saved: the autosave is no longer needed.
    pub fn clear(&mut self, env: &Env) {
        let path = env.autosave_path();
        if path.exists()
            && let Some(lock) = &env.lock
            && let Err(err) = lock.remove_file(&path)
        {
            log::warn!("could not remove {}: {err}", path.display());
        }
        *self = Self::default();
    }

    /// A meeting that was not finished (crash, power cut, kill), to offer for resuming. Its
    /// format version is read first: a file from a newer Kring is left untouched and
    /// reported; a damaged file is moved to quarantine/ and reported. `ended` says whether a
    /// meeting that started at a time is already waiting as an unsaved record: then that
    /// record is offered, not the meeting again (the autosave stays until it is saved).
    pub fn find_in_progress(env: &mut Env, ended: impl Fn(i64) -> bool) -> Option<InProgress> {
        let path = env.autosave_path();
        let s = env.strings();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return None,
            Err(err) => {
                env.notices.push(fill(
                    s.resume_unreadable,
                    &[("path", &path.display()), ("error", &err)],
                ));
                return None;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let parsed = crate::store::read_format_version(text, IN_PROGRESS_FORMAT_VERSION, None)
            .and_then(|_| InProgress::parse(text).map_err(crate::store::Rejection::damaged));
        match (parsed, &env.lock) {
            (Ok(state), _) if ended(state.meeting.started_at_ms()) => None,
            (Ok(state), _) => Some(state),
            (Err(rejection), _) if !rejection.set_aside => {
                env.notices
                    .push(fill(s.file_newer, &[("path", &path.display())]));
                None
            }
            (Err(rejection), Some(lock)) => {
                let problem = lock.set_aside(env.data.root(), &path, rejection.reason);
                env.notices.push(fill(
                    s.resume_damaged,
                    &[("problem", &crate::i18n::load_problem(env.lang(), &problem))],
                ));
                None
            }
            (Err(_), None) => {
                env.notices.push(s.read_only_not_done.to_owned());
                None
            }
        }
    }
}
