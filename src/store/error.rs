//! What went wrong in the store, as data: [`StoreError`] says what failed ([`StoreErrorKind`]),
//! on which path, and carries the operating system's own error when there is one. The store
//! never words it: `crate::i18n::store_error` puts it into a sentence in the user's language,
//! the operating system's detail after it ("… (Permission denied, os error 13)"). `Display`
//! gives the English sentence, for the command line and logs.

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
            // The reason's own (English) sentence as the detail.
            other => StoreErrorKind::Damaged {
                at: None,
                detail: other.to_string(),
            },
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
