//! How a parse function turns a file down: why, and whether the file is set aside.

use super::LoadReason;

/// Why a parse function turned a file down, and whether the file should be set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub reason: LoadReason,
    /// Move the file into quarantine (`true`), or leave it where it is (`false`).
    pub set_aside: bool,
}

impl Rejection {
    /// The file is damaged (the parser's words in `detail`): it is moved into quarantine.
    pub fn damaged(detail: impl Into<String>) -> Self {
        Self::aside(LoadReason::Damaged {
            at: None,
            detail: detail.into(),
        })
    }

    /// A file to move into quarantine, for `reason`.
    pub fn aside(reason: LoadReason) -> Self {
        Self {
            reason,
            set_aside: true,
        }
    }

    /// A file to leave where it is, for `reason`: one written by a newer Kring (so that the
    /// newer Kring on another computer sharing the folder still finds it), or one that cannot
    /// be read at all.
    pub fn keep(reason: LoadReason) -> Self {
        Self {
            reason,
            set_aside: false,
        }
    }

    /// The file is sound but written by a newer Kring: left where it is.
    pub fn newer(found: u64, current: u32) -> Self {
        Self::keep(LoadReason::NewerFormat { found, current })
    }

    /// The format a file from a newer Kring says it has, when that is why it was turned down.
    pub fn newer_format(&self) -> Option<u64> {
        match self.reason {
            LoadReason::NewerFormat { found, .. } => Some(found),
            _ => None,
        }
    }
}

/// A plain `String` error means a damaged file (the string: the parser's words).
impl From<String> for Rejection {
    fn from(detail: String) -> Self {
        Self::damaged(detail)
    }
}

impl From<&str> for Rejection {
    fn from(detail: &str) -> Self {
        Self::damaged(detail)
    }
}

impl Rejection {
    /// A damaged file, where the parser found it: line and column kept for the sentence, the
    /// parser's words as its detail.
    pub(crate) fn parse_error(err: &ron::error::SpannedError) -> Self {
        Self::aside(parse_error_reason(err))
    }
}

/// A RON parse error as a [`LoadReason::Damaged`]: where, and the parser's words.
pub fn parse_error_reason(err: &ron::error::SpannedError) -> LoadReason {
    LoadReason::Damaged {
        at: Some((err.span.start.line, err.span.start.col)),
        detail: err.code.to_string(),
    }
}
