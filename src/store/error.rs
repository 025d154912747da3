//! What went wrong in the store, as data: [`StoreError`] says what failed ([`StoreErrorKind`]),
//! on which path, and carries the operating system's own error when there is one. The store
//! never words it: `crate::i18n::store_error` puts it into a sentence in the user's language,
//! the operating system's detail after it ("… (Permission denied, os error 13)"). `Display`
//! gives the English sentence, for the command line and logs.
//!
//! Prepared cases and groups can go wrong in their own ways too: [`CaseError`] and
//! [`GroupError`] (worded by `crate::i18n::case_error` and `crate::i18n::group_error`).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// A store operation that failed: what, where, and the operating system's reason.
#[derive(Debug)]
pub struct StoreError {
    pub kind: StoreErrorKind,
    /// The file or folder concerned.
    pub path: PathBuf,
    /// The operating system's error, when the failure came from it.
    pub os: Option<io::Error>,
}

/// What failed. Each has its own sentence in `i18n` (what happened and what to do).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreErrorKind {
    /// A file could not be written (permissions, a full disk, a folder that went away).
    CannotWrite,
    /// A file could not be read.
    CannotRead,
    /// A folder could not be made.
    CannotMakeFolder,
    /// A file could not be removed.
    CannotRemove,
    /// The path is not inside the group folder whose write handle was used.
    OutsideGroup { group: PathBuf },
    /// The file there was made by a newer Kring; it is left as it is.
    NewerFormat { found: u64, current: u32 },
    /// The file is damaged or not a Kring file of this kind; `detail` says where (line,
    /// column) and what, in the parser's words.
    Damaged {
        /// Line and column, when known: the sentence then names `file:line:column`, which
        /// editors jump to.
        at: Option<(usize, usize)>,
        detail: String,
    },
    /// The data could not be written as text (a fault in Kring, not in the folder).
    CannotSerialize { detail: String },
    /// No free file name was left (`name (2)` … `name (9999)` all taken).
    NoFreeName,
    /// The group folder's lock file cannot be made or opened.
    LockCannotOpen,
    /// The folder's file system does not support locks.
    LockNotSupported,
    /// A step of a meeting in the history is not there (any more): reopen the history.
    ChangedElsewhere,
    /// The file cannot be used for another reason a loader gave (not text, no format
    /// version, not a file of this kind): worded as the [`LoadReason`](super::LoadReason).
    Unusable { reason: super::LoadReason },
}

impl StoreError {
    pub fn new(kind: StoreErrorKind, path: impl Into<PathBuf>) -> Self {
        Self {
            kind,
            path: path.into(),
            os: None,
        }
    }

    /// A failure the operating system reported.
    pub fn os(kind: StoreErrorKind, path: impl Into<PathBuf>, os: io::Error) -> Self {
        Self {
            kind,
            path: path.into(),
            os: Some(os),
        }
    }

    /// A value that could not be turned into RON text for `path`.
    pub(crate) fn serialize(path: &Path, err: &ron::Error) -> Self {
        Self::new(
            StoreErrorKind::CannotSerialize {
                detail: err.to_string(),
            },
            path,
        )
    }

    /// A file a loader turned down ([`Rejection`](super::Rejection)): made by a newer Kring
    /// (this one reads up to `current`), or damaged.
    pub(crate) fn rejected(path: &Path, rejection: super::Rejection, current: u32) -> Self {
        let kind = match rejection.reason {
            super::LoadReason::NewerFormat { found, .. } => {
                StoreErrorKind::NewerFormat { found, current }
            }
            super::LoadReason::Damaged { at, detail } => StoreErrorKind::Damaged { at, detail },
            reason => StoreErrorKind::Unusable { reason },
        };
        Self::new(kind, path)
    }

    /// The operating system's own words, without the sentence: "Permission denied (os
    /// error 13)".
    pub fn os_detail(&self) -> Option<String> {
        self.os.as_ref().map(ToString::to_string)
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::store_error(crate::model::Lang::En, self))
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.os.as_ref().map(|e| e as _)
    }
}

/// Why a prepared case could not be saved, imported or read from a case file. Worded by
/// `crate::i18n::case_error` (what, which file, what to do); `Display` gives the English.
#[derive(Debug)]
pub enum CaseError {
    /// Reading or writing the file failed (or the case could not be made into text).
    Store(StoreError),
    /// The file is not a case this Kring can take in: why, in a loader's words.
    NotImportable {
        path: PathBuf,
        reason: super::LoadReason,
        /// Whether to suggest choosing a case file exported from Kring instead (the file is
        /// damaged or of another kind; not when it is from a newer Kring or cannot be read).
        choose_another: bool,
    },
    /// The case in the file has no text: there is nothing to import.
    Blank { path: PathBuf },
    /// The case has no id that can be a file name (a fault in Kring, not in the folder).
    BadId {
        dir: PathBuf,
        title: String,
        id: String,
    },
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::case_error(crate::model::Lang::En, self))
    }
}

impl std::error::Error for CaseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Store(error) => Some(error),
            _ => None,
        }
    }
}

impl From<StoreError> for CaseError {
    fn from(error: StoreError) -> Self {
        Self::Store(error)
    }
}

/// Why a group could not be made, read or saved. Worded by `crate::i18n::group_error`;
/// `Display` gives the English.
#[derive(Debug)]
pub enum GroupError {
    /// A folder or file could not be made, read or written.
    Store(StoreError),
    /// A new group needs a name, and none was typed.
    NoName,
    /// Too many groups in `groups_dir` already have an id made from this name.
    TooManyNamed { groups_dir: PathBuf, name: String },
    /// Another Kring opened the new group (in `dir`) before its settings were written.
    TakenOver { dir: PathBuf },
    /// There is no group with this id in `groups_dir`.
    NoSuchGroup { id: String, groups_dir: PathBuf },
    /// Not an id a group can have (not one plain folder name).
    BadId { id: String },
    /// The group's settings file cannot be read: what is wrong with it; it stays as it is.
    Unreadable(Box<super::LoadProblem>),
    /// The settings were not saved because the file there could not be set aside (or must
    /// not be: a newer Kring's); nothing was written over it.
    NotSaved(Box<super::LoadProblem>),
}

impl fmt::Display for GroupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::group_error(crate::model::Lang::En, self))
    }
}

impl std::error::Error for GroupError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Store(error) => Some(error),
            _ => None,
        }
    }
}

impl From<StoreError> for GroupError {
    fn from(error: StoreError) -> Self {
        Self::Store(error)
    }
}
