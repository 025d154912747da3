//! Reading every Kring file in a folder: the good ones parsed, damaged ones set aside or
//! listed, conflict copies of sync tools left alone.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{LeftBecause, LoadProblem, LoadReason, Rejection, quarantine};
use crate::store::conflicts::{ConflictKind, find_conflicts};
use crate::store::lock::GroupLock;

/// A conflict copy made by a sync tool, found by [`load_dir`]. It is neither loaded nor
/// moved: a person compares it with the original and keeps the right one. Worded by
/// `crate::i18n::conflict_file`; `Display` gives the English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictFile {
    /// The copy.
    pub path: PathBuf,
    /// The file it is a copy of, in the same folder.
    pub original: PathBuf,
    /// Whether the original is in the folder.
    pub original_exists: bool,
    pub kind: ConflictKind,
}

impl fmt::Display for ConflictFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::conflict_file(crate::model::Lang::En, self))
    }
}

/// What [`load_dir`] found in a folder. Every `*.ron` file it reads ends up in exactly one of
/// the three lists (a file that vanishes between listing and reading, as a sync tool may do,
/// in none); files are in name order within each.
#[derive(Clone, Debug)]
pub struct DirLoad<T> {
    /// The files that were read, with their paths.
    pub items: Vec<(PathBuf, T)>,
    /// Files that could not be read: set aside into quarantine, or left in place when moving
    /// failed, when they could not be read at all, or when a newer Kring wrote them.
    pub problems: Vec<LoadProblem>,
    /// Conflict copies made by sync tools, left alone.
    pub conflicts: Vec<ConflictFile>,
}

impl<T> Default for DirLoad<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            problems: Vec::new(),
            conflicts: Vec::new(),
        }
    }
}

/// What [`load_dir`] does with a damaged file.
#[derive(Clone, Copy, Debug)]
pub enum SetAside<'a> {
    /// Move it into `<root>/quarantine/`. Only for the user's own folders that are in no
    /// group folder (prepared cases).
    Own(&'a Path),
    /// Move it out of a group folder into `<root>/quarantine/`: needs the group's write
    /// handle ([`GroupLock`]).
    Group(&'a GroupLock, &'a Path),
    /// Leave it where it is and list it: a Kring that may only read the group folder.
    No,
}

impl SetAside<'_> {
    fn apply(self, path: &Path, reason: LoadReason) -> LoadProblem {
        match self {
            Self::Own(root) => quarantine(root, path, reason),
            Self::Group(lock, root) => lock.set_aside(root, path, reason),
            Self::No => LoadProblem {
                left: Some(LeftBecause::ReadOnly),
                ..LoadProblem::left(path, reason)
            },
        }
    }
}

/// Reads every `*.ron` file in `dir` (not those whose name starts with `.`, such as temporary
/// files, and not folders) and returns what it found; see [`DirLoad`]. A missing folder has
/// nothing in it.
///
/// - Conflict copies made by sync tools ([`find_conflicts`]) are listed in `conflicts`, not
///   read and not moved.
/// - Files that are empty, not UTF-8, or that `parse` turns down with a damaged-file reason
///   are moved into `<root>/quarantine/` with [`quarantine`], or left and listed, as
///   `set_aside` says ([`SetAside`]).
/// - `parse` gets the path and the text (a leading byte-order mark removed). Its error is a
///   [`Rejection`]; a plain `String` counts as damaged. A file from a newer Kring should be
///   turned down with [`Rejection::newer_format`], which leaves it in place.
/// - A file that cannot be read at all (permissions) is reported and left in place.
pub fn load_dir<T, E>(
    dir: &Path,
    set_aside: SetAside<'_>,
    parse: impl Fn(&Path, &str) -> Result<T, E>,
) -> DirLoad<T>
where
    E: Into<Rejection>,
{
    let mut load = DirLoad::default();
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return load,
        Err(err) => {
            let os = err.to_string();
            load.problems
                .push(LoadProblem::left(dir, LoadReason::FolderUnreadable { os }));
            return load;
        }
    };
    // (name, path): the name as text for matching, the path as the file system has it.
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in listing {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let os = err.to_string();
                load.problems
                    .push(LoadProblem::left(dir, LoadReason::FolderUnreadable { os }));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') || !name.ends_with(".ron") || !path.is_file() {
            continue;
        }
        files.push((name, path));
    }
    files.sort();

    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    let conflicts = find_conflicts(&names);
    for (name, path) in files {
        if let Some(conflict) = conflicts.iter().find(|c| c.copy == name) {
            load.conflicts.push(ConflictFile {
                path,
                original: dir.join(&conflict.original),
                original_exists: conflict.original_exists,
                kind: conflict.kind,
            });
            continue;
        }
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            // Gone since the listing (a sync tool moved it): nothing to load.
            Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
            Err(err) => {
                let os = err.to_string();
                load.problems
                    .push(LoadProblem::left(&path, LoadReason::CannotRead { os }));
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let valid = err.as_bytes().get(..err.utf8_error().valid_up_to());
                let at = Some(line_col(valid.unwrap_or_default()));
                load.problems
                    .push(set_aside.apply(&path, LoadReason::NotText { at }));
                continue;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if text.trim().is_empty() {
            load.problems
                .push(set_aside.apply(&path, LoadReason::Empty));
            continue;
        }
        match parse(&path, text) {
            Ok(item) => load.items.push((path, item)),
            Err(err) => {
                let rejection: Rejection = err.into();
                if rejection.set_aside {
                    load.problems.push(set_aside.apply(&path, rejection.reason));
                } else {
                    load.problems
                        .push(LoadProblem::left(&path, rejection.reason));
                }
            }
        }
    }
    load
}

/// Line and column (from 1, columns in characters) just after `valid`, which is UTF-8.
fn line_col(valid: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(valid);
    let line = text.matches('\n').count() + 1;
    let col = text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, col)
}
