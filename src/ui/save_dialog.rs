//! The "save as" dialog of an export, and how Kring tells "cancelled" from "no dialog here".
//!
//! rfd 0.17's `save_file()` returns `None` both when the person cancels and when no dialog
//! can open at all (on Linux: no xdg desktop portal, and no `zenity` to fall back on). Kring
//! must not treat the second as the first: the export would vanish without a word. So:
//!
//! 1. Before opening, [`SaveDialog::can_open`] checks what rfd needs on Linux and the BSDs:
//!    a D-Bus session bus (for the portal) or `zenity` on the `PATH`. With neither, the
//!    dialog is not tried.
//! 2. While it is open, rfd reports a failure of its last fallback (zenity could not be
//!    started) only through the `log` crate, as an error with the target
//!    `rfd::backend::xdg_desktop_portal`. [`init_logging`] wraps the app's logger and notes
//!    such an error on the thread that shows the dialog; `None` with that note is
//!    "no dialog", `None` without it is "cancelled". (The portal's own errors, logged under
//!    `…::portal`, are not counted: zenity may still open after them.)
//! 3. A panic inside rfd counts as "no dialog" too, instead of silently ending the thread.
//!
//! `KRING_NO_DIALOG=1` skips the dialog on purpose (every export goes to `exports/`), and
//! tests set [`SaveDialog::none`].

use std::cell::Cell;
use std::path::PathBuf;

/// Set to `1` to never open a file dialog: exports go into the data folder's `exports/`.
pub const NO_DIALOG_ENV: &str = "KRING_NO_DIALOG";

/// What a save dialog is asked for.
#[derive(Clone, Debug)]
pub struct SaveRequest {
    /// The suggested file name, e.g. `aanwezigheid.md`.
    pub file_name: String,
    /// The filter's name and extension (without dot), e.g. `md`.
    pub filter: (String, String),
}

/// What came back from a save dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveChoice {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could open here; the export goes into `exports/` instead.
    Unavailable,
}

/// How this app asks where to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveDialog {
    /// The system's dialog, through rfd.
    System,
    /// Never a dialog (tests, `KRING_NO_DIALOG=1`).
    None,
}

impl SaveDialog {
    /// [`SaveDialog::None`] when `KRING_NO_DIALOG` is set to anything but `0` or empty,
    /// else [`SaveDialog::System`].
    pub fn from_env() -> Self {
        match std::env::var_os(NO_DIALOG_ENV) {
            Some(value) if !value.is_empty() && value != "0" => Self::None,
            _ => Self::System,
        }
    }

    pub fn none() -> Self {
        Self::None
    }

    /// Whether a dialog has a chance to open (see the module docs). Cheap: an environment
    /// look-up and a walk over the `PATH`.
    pub fn can_open(self) -> bool {
        match self {
            Self::None => false,
            Self::System => system_dialog_possible(),
        }
    }

    /// Opens the dialog and waits for the answer: call it on a thread of its own.
    pub fn open(self, request: SaveRequest) -> SaveChoice {
        if !self.can_open() {
            return SaveChoice::Unavailable;
        }
        RFD_FAILED.with(|failed| failed.set(false));
        let answer = std::panic::catch_unwind(move || {
            rfd::FileDialog::new()
                .set_file_name(request.file_name)
                .add_filter(request.filter.0, &[request.filter.1])
                .save_file()
        });
        match answer {
            Ok(Some(path)) => SaveChoice::Chosen(path),
            Ok(None) if RFD_FAILED.with(Cell::get) => SaveChoice::Unavailable,
            Ok(None) => SaveChoice::Cancelled,
            Err(_) => {
                log::error!("the file dialog stopped with a panic; saving into exports/");
                SaveChoice::Unavailable
            }
        }
    }
}

#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn system_dialog_possible() -> bool {
    let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    session_bus || zenity
}

/// Windows and macOS always have their own dialog.
#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
fn system_dialog_possible() -> bool {
    true
}

thread_local! {
    /// rfd logged that its last fallback failed, on this thread, since the dialog opened.
    static RFD_FAILED: Cell<bool> = const { Cell::new(false) };
}

/// The target of rfd's "failed to … with zenity" errors (its last fallback on Linux).
const RFD_LAST_FALLBACK_TARGET: &str = "rfd::backend::xdg_desktop_portal";

/// The app's logger with an ear for rfd (see the module docs).
struct Logger {
    inner: env_logger::Logger,
}

impl log::Log for Logger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target() == RFD_LAST_FALLBACK_TARGET || self.inner.enabled(metadata)
    }

    fn log(&self, record: &log::Record<'_>) {
        if record.level() == log::Level::Error && record.target() == RFD_LAST_FALLBACK_TARGET {
            RFD_FAILED.with(|failed| failed.set(true));
        }
        if self.inner.matches(record) {
            self.inner.log(record);
        }
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

/// Installs `inner` (the app's `env_logger`) as the logger, wrapped so that a file dialog
/// that cannot open is told from one that was cancelled. Errors are always let through to
/// the wrapper (and shown only as `inner`'s filter says).
pub fn init_logging(inner: env_logger::Logger) {
    let level = inner.filter().max(log::LevelFilter::Error);
    if log::set_boxed_logger(Box::new(Logger { inner })).is_ok() {
        log::set_max_level(level);
    }
}
