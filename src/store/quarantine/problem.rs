//! What could not be loaded, where it went, and why: data only, worded by `crate::i18n`.

use std::fmt;
use std::path::{Path, PathBuf};

/// A file that could not be loaded: where it was, where it went, and why. The store never
/// words it: `crate::i18n::load_problem` puts it into sentences in the user's language, the
/// parser's or operating system's detail after them; `Display` gives the English ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    /// Where the file was found.
    pub path: PathBuf,
    /// Where it was moved to, or `None` when it is still at `path`.
    pub moved_to: Option<PathBuf>,
    /// What is wrong.
    pub reason: LoadReason,
    /// Why a damaged file is still at `path`, when it is.
    pub left: Option<LeftBecause>,
}

impl LoadProblem {
    /// A problem with a file that stays where it is (nothing to set aside, or not allowed to).
    pub fn left(path: &Path, reason: LoadReason) -> Self {
        Self {
            path: path.to_owned(),
            moved_to: None,
            reason,
            left: None,
        }
    }
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::load_problem(crate::model::Lang::En, self))
    }
}

/// Why a file could not be loaded. Each has its own sentence in `i18n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadReason {
    /// The file is empty (a write or a sync cut off).
    Empty,
    /// Not UTF-8 text; where the first bad byte is, when known.
    NotText { at: Option<(usize, usize)> },
    /// Damaged, or not a Kring file of this kind: where, and the parser's own words.
    Damaged {
        at: Option<(usize, usize)>,
        detail: String,
    },
    /// It has no readable `format_version`, which every file of this kind has.
    NoVersion,
    /// A case file without any of a case's fields (a record or a protocol, perhaps).
    NotACase,
    /// Made by a newer Kring: left where it is.
    NewerFormat { found: u64, current: u32 },
    /// It cannot be read (permissions): left where it is. `os`: the system's words.
    CannotRead { os: String },
    /// The folder cannot be read or listed. `os`: the system's words.
    FolderUnreadable { os: String },
    /// The leader set it aside (an unfinished meeting not to be resumed).
    SetAsideByLeader,
}

impl fmt::Display for LoadReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::load_reason(crate::model::Lang::En, self))
    }
}

/// Why a damaged file was not moved into quarantine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftBecause {
    /// Another Kring has the group open: this one only reads.
    ReadOnly,
    /// Moving it into `dir` failed; `os`: the system's words.
    MoveFailed { dir: PathBuf, os: String },
    /// The file is not inside the group folder whose write handle was used.
    OutsideGroup { group: PathBuf },
}
