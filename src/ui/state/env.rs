//! What every part of the app shares: time, where data lives, the settings, the protocols, the
//! group's folder and its write handle, messages for the leader, and file dialogs.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use jiff::tz::TimeZone;

use crate::i18n::{self, Strings, fill};
use crate::meeting::Clock;
use crate::model::{Lang, PreparedCase};
use crate::store::{
    Catalog, DEFAULT_GROUP, DataDir, GroupLock, LockOutcome, Settings, list_records, load_settings,
    protocol_id_of_file_name, save_settings,
};
use crate::ui::save_dialog::{SaveChoice, SaveDialog, SaveRequest};
use crate::ui::theme::Palette;

/// What a file dialog (run on its own thread, so the UI never freezes) came back with.
#[derive(Debug)]
pub enum DialogResult {
    ImportCase(Option<PathBuf>),
    /// The case, its suggested file name, and where it goes.
    ExportCase(PreparedCase, String, SaveChoice),
    /// Text to write, its suggested file name, and where it goes.
    WriteText(String, String, SaveChoice),
    BringInCase(Option<PathBuf>),
    /// A folder for an unsaved meeting record.
    SaveUnsavedIn(i64, Option<PathBuf>),
}

pub struct Env {
    pub clock: Arc<dyn Clock>,
    pub tz: TimeZone,
    pub data: DataDir,
    pub settings: Settings,
    pub catalog: Catalog,
    /// Messages for the home screen (a settings file set aside, a save that failed).
    pub notices: Vec<String>,
    /// The group whose folder is used.
    pub group: String,
    /// Held while this window may write the group's folder: the write handle every write
    /// into it needs. Shared with the thread that reads the history (it sets damaged records
    /// aside).
    pub lock: Option<Arc<GroupLock>>,
    /// Why this window may not write the group's folder (another Kring has it).
    pub read_only: Option<String>,
    /// How exports ask where to save; without a dialog they go into `exports/`.
    pub save_dialog: SaveDialog,
    dialog_tx: Sender<DialogResult>,
    dialog_rx: Receiver<DialogResult>,
}

impl Env {
    /// Reads the settings and the protocols. Nothing here fails: problems become notices.
    pub fn new(data: DataDir, clock: Arc<dyn Clock>) -> Self {
        let loaded = load_settings(&data.settings_file());
        let mut notices = Vec::new();
        let s = i18n::strings(loaded.settings.language);
        if let Some((path, reason)) = &loaded.set_aside {
            let reason = i18n::load_reason(loaded.settings.language, reason);
            notices.push(fill(
                s.home_settings_set_aside,
                &[("reason", &reason), ("path", &path.display())],
            ));
        }
        if loaded.newer.is_some() {
            notices.push(fill(
                s.file_newer,
                &[("path", &data.settings_file().display())],
            ));
        }
        let catalog = Catalog::load(Some(&data.protocols_dir()));
        let (dialog_tx, dialog_rx) = std::sync::mpsc::channel();
        Self {
            clock,
            tz: TimeZone::try_system().unwrap_or(TimeZone::UTC),
            data,
            settings: loaded.settings,
            catalog,
            notices,
            group: DEFAULT_GROUP.to_owned(),
            lock: None,
            read_only: None,
            save_dialog: SaveDialog::from_env(),
            dialog_tx,
            dialog_rx,
        }
    }

    pub fn strings(&self) -> &'static Strings {
        i18n::strings(self.settings.language)
    }

    pub fn lang(&self) -> Lang {
        self.settings.language
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    pub fn palette(&self) -> Palette {
        Palette::for_theme(self.settings.theme)
    }

    /// The write handle of the group's folder, or the sentence that says why there is none.
    pub fn writer(&self) -> Result<&GroupLock, String> {
        self.lock
            .as_deref()
            .ok_or_else(|| self.strings().read_only_not_done.to_owned())
    }

    pub fn save_settings(&mut self) {
        if let Err(err) = save_settings(&self.data.settings_file(), &self.settings) {
            let s = self.strings();
            self.notices.push(fill(
                s.home_settings_not_saved,
                &[("error", &i18n::store_error(self.lang(), &err))],
            ));
        }
    }

    pub fn group_dir(&self) -> PathBuf {
        self.data.group_dir(&self.group)
    }

    pub fn autosave_path(&self) -> PathBuf {
        self.group_dir().join("in-progress.ron")
    }

    /// One Kring at a time writes a group's folder; another opens read-only and says why.
    pub fn take_group_lock(&mut self) {
        self.lock = None;
        self.read_only = None;
        match GroupLock::acquire(&self.group_dir(), self.clock.now_ms()) {
            LockOutcome::Acquired(lock) => self.lock = Some(Arc::new(lock)),
            LockOutcome::ReadOnly { holder } => {
                let s = self.strings();
                let who = holder.map_or_else(|| s.lock_someone.to_owned(), |h| h.to_string());
                self.read_only = Some(fill(s.lock_read_only, &[("who", &who)]));
            }
            LockOutcome::Unavailable { error, unlocked } => {
                // Written anyway, as before, and said so: see `LockOutcome::Unavailable`.
                self.lock = Some(Arc::new(unlocked));
                let s = self.strings();
                let reason = i18n::store_error(self.lang(), &error);
                self.notices
                    .push(fill(s.lock_unavailable, &[("reason", &reason)]));
            }
        }
    }

    /// Whether the group has a meeting record with this protocol. The introduction of the
    /// method is offered by default only to a group that has not used the protocol yet.
    pub fn group_has_met_with(&self, protocol_id: &str) -> bool {
        list_records(&self.data.meetings_dir(&self.group))
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .any(|name| protocol_id_of_file_name(&name) == Some(protocol_id))
    }

    /// Opens a file dialog on its own thread; the answer comes back in [`Self::poll_dialog`].
    pub fn spawn_dialog(
        &self,
        ctx: &egui::Context,
        dialog: impl FnOnce() -> DialogResult + Send + 'static,
    ) {
        let tx = self.dialog_tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = dialog();
            tx.send(result).ok();
            ctx.request_repaint();
        });
    }

    /// Asks where to save (on its own thread), then hands the answer to `done`. Where no
    /// dialog can open, the answer is [`SaveChoice::Unavailable`] at once, in the next frame.
    pub fn spawn_save(
        &self,
        ctx: &egui::Context,
        request: SaveRequest,
        done: impl FnOnce(SaveChoice) -> DialogResult + Send + 'static,
    ) {
        let dialog = self.save_dialog;
        if !dialog.can_open() {
            self.dialog_tx.send(done(SaveChoice::Unavailable)).ok();
            ctx.request_repaint();
            return;
        }
        self.spawn_dialog(ctx, move || done(dialog.open(request)));
    }

    /// The next answer of a file dialog, if one came.
    pub fn poll_dialog(&self) -> Option<DialogResult> {
        self.dialog_rx.try_recv().ok()
    }

    /// Where no dialog could open: the export is saved into `exports/`, and the sentence
    /// says so and where (or why that failed too).
    pub fn save_into_exports(
        &self,
        file_name: &str,
        write: impl FnOnce(&Path) -> Result<(), crate::store::StoreError>,
    ) -> String {
        let s = self.strings();
        let folder = crate::store::exports_dir(&self.data);
        match crate::store::save_new_file(&folder, file_name, write) {
            Ok(path) => fill(s.export_no_dialog, &[("path", &path.display())]),
            Err(error) => fill(
                s.export_no_dialog_failed,
                &[
                    ("folder", &folder.display()),
                    ("error", &i18n::store_error(self.lang(), &error)),
                ],
            ),
        }
    }
}
