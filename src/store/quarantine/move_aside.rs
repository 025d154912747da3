//! Moving a damaged file into a `quarantine/` folder: never deleting, never overwriting.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{LeftBecause, LoadProblem, LoadReason, QUARANTINE_DIR};
use crate::store::atomic::create_private_dir;

/// How many same-named files may pile up in quarantine before moving gives up.
const MAX_SAME_NAME: u32 = 10_000;

/// Moves a damaged file into `<dir_root>/quarantine/` (created readable by its owner only),
/// never deleting or overwriting anything: when a file of that name is already there, the
/// new one becomes `name.1.ron`, `name.2.ron`, ... If the move fails, the file stays where it
/// is, `moved_to` is `None` and the reason says so.
pub(crate) fn quarantine(dir_root: &Path, path: &Path, reason: LoadReason) -> LoadProblem {
    let dir = dir_root.join(QUARANTINE_DIR);
    match move_into(&dir, path) {
        Ok(target) => LoadProblem {
            moved_to: Some(target),
            ..LoadProblem::left(path, reason)
        },
        Err(err) => LoadProblem {
            left: Some(LeftBecause::MoveFailed {
                dir,
                os: err.to_string(),
            }),
            ..LoadProblem::left(path, reason)
        },
    }
}

fn move_into(dir: &Path, path: &Path) -> io::Result<PathBuf> {
    create_private_dir(dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name"))?;
    for n in 0..MAX_SAME_NAME {
        let target = dir.join(numbered(path, name, n));
        match move_no_clobber(path, &target) {
            Ok(()) => {
                sync_dir(dir);
                if let Some(parent) = path.parent() {
                    sync_dir(parent);
                }
                return Ok(target);
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::other(format!(
        "{MAX_SAME_NAME} files of that name are already in quarantine"
    )))
}

/// `name.ron` for 0, `name.1.ron`, `name.2.ron`... after.
fn numbered(path: &Path, name: &std::ffi::OsStr, n: u32) -> OsString {
    if n == 0 {
        return name.to_owned();
    }
    let mut numbered = path.file_stem().unwrap_or(name).to_owned();
    numbered.push(format!(".{n}"));
    if let Some(ext) = path.extension() {
        numbered.push(".");
        numbered.push(ext);
    }
    numbered
}

/// Moves `from` to `to`, failing with `AlreadyExists` rather than replace a file at `to`.
fn move_no_clobber(from: &Path, to: &Path) -> io::Result<()> {
    // A hard link is created only if `to` does not exist, with no gap in between.
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from).inspect_err(|_| {
            // Undo, so the file is not in two places.
            fs::remove_file(to).ok();
        }),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Err(err),
        Err(_) => {
            // File systems without hard links (FAT, some shares): look, then rename.
            if to.symlink_metadata().is_ok() {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            fs::rename(from, to)
        }
    }
}

/// Makes renames in a folder durable, where the platform allows opening a folder.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        handle.sync_all().ok();
    }
}
