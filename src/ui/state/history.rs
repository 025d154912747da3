//! The group's history: read on a helper thread, searched, one meeting opened at a time, and
//! the look back's choice of phase.

use std::sync::mpsc::Receiver;

use super::env::{DialogResult, Env};
use crate::model::{FollowUp, MeetingRecord};
use crate::store::{History, SearchHit, SetAside};
use crate::ui::save_dialog::SaveRequest;

#[derive(Default)]
pub struct HistoryState {
    /// Loaded when first needed; dropped when a meeting is saved or the group changes.
    pub(super) history: Option<History>,
    /// The history being read on a background thread, so opening it never stalls the screen.
    preload: Option<Receiver<History>>,
    pub query: String,
    pub hits: Option<Vec<SearchHit>>,
    pub selected: Option<usize>,
    /// The selected meeting, read once when it is chosen (not on every frame).
    pub record: Option<Result<MeetingRecord, String>>,
    /// The phase the look back plots.
    pub reflection_phase: Option<String>,
    /// The selected meeting's attendance being corrected, if it is.
    pub correction: Option<super::Correction>,
    /// What the last correction did, under the meeting.
    pub status: Option<String>,
}

impl HistoryState {
    /// Reads the group's history on a background thread (at start-up, after a meeting, after
    /// switching groups), so the History tab opens at once even with thousands of meetings.
    pub fn start_preload(&mut self, env: &Env) {
        self.history = None;
        self.hits = None;
        self.selected = None;
        self.record = None;
        self.correction = None;
        self.status = None;
        let (tx, rx) = std::sync::mpsc::channel();
        let meetings = env.data.meetings_dir(&env.group);
        let root = env.data.root().to_owned();
        let lock = env.lock.clone();
        std::thread::spawn(move || {
            let set_aside = match &lock {
                Some(lock) => SetAside::Group(lock, &root),
                None => SetAside::No,
            };
            tx.send(History::load(&meetings, set_aside)).ok();
        });
        self.preload = Some(rx);
    }

    /// The history, now: takes the preloaded one (waiting for it if it is still being read)
    /// or reads it here.
    pub fn ensure_loaded(&mut self, env: &Env) -> &History {
        if self.history.is_none() {
            let preloaded = self.preload.take().and_then(|rx| rx.recv().ok());
            self.history = Some(preloaded.unwrap_or_else(|| {
                let set_aside = match &env.lock {
                    Some(lock) => SetAside::Group(lock, env.data.root()),
                    None => SetAside::No,
                };
                History::load(&env.data.meetings_dir(&env.group), set_aside)
            }));
            self.hits = None;
            self.selected = None;
        }
        self.history.get_or_insert_with(History::default)
    }

    /// Takes the preloaded history when the helper thread is done; never waits.
    pub fn poll(&mut self) {
        if let Some(rx) = &self.preload
            && let Ok(history) = rx.try_recv()
        {
            self.history = Some(history);
            self.preload = None;
        }
    }

    /// The history if it has been read.
    pub fn get(&self) -> Option<&History> {
        self.history.as_ref()
    }

    pub fn search(&mut self, query: String) {
        self.query = query;
        let query = self.query.trim();
        self.hits = if query.is_empty() {
            None
        } else {
            self.history.as_ref().map(|h| h.search(query))
        };
    }

    pub fn select(&mut self, index: usize, lang: crate::model::Lang) {
        if self.selected != Some(index) {
            self.correction = None;
            self.status = None;
        }
        self.selected = Some(index);
        // Read once here, not on every frame of the summary.
        self.record = self.history.as_ref().map(|h| {
            h.record(index)
                .map_err(|err| crate::i18n::store_error(lang, &err))
        });
    }

    /// Marks a follow-up step of an earlier meeting done (in its file, with the write
    /// handle); with `carry`, the step comes back to be added to today's meeting.
    pub fn follow_up_done(
        &mut self,
        env: &Env,
        meeting: usize,
        step: usize,
        carry: bool,
    ) -> Result<Option<FollowUp>, String> {
        let Some(history) = &mut self.history else {
            return Ok(None);
        };
        let carried = if carry {
            history
                .record(meeting)
                .ok()
                .and_then(|r| r.content.follow_ups.get(step).cloned())
        } else {
            None
        };
        history
            .mark_follow_up(env.writer()?, meeting, step, true)
            .map_err(|err| crate::i18n::store_error(env.lang(), &err))?;
        Ok(carried.map(|mut step| {
            step.done = false;
            step
        }))
    }

    /// A meeting as Markdown or printable HTML, into a file the leader picks (or, where no
    /// file dialog can open, into `exports/`).
    pub fn export(env: &Env, ctx: &egui::Context, record: &MeetingRecord, html: bool) {
        let lang = env.lang();
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
        env.spawn_save(ctx, request, move |choice| {
            DialogResult::WriteText(text, name, choice)
        });
    }
}
