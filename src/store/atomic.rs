//! The one way Kring writes a file: [`write_file`]. Every write in `store` goes through it
//! (`GroupLock::write_file` for a group folder, settings, prepared cases, spare copies,
//! exports, the command line's exports), so each write
//! 1. leaves a file made by a newer Kring as it is (its `format_version` is read first),
//! 2. is atomic: a temporary file beside the target, flushed to disk, renamed over it,
//! 3. is private on Unix: the file 0600, new folders 0700.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::Path;

use super::error::{StoreError, StoreErrorKind};
use super::version::read_format_version;

/// Whether [`write_file`] waits for the disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Flushed to disk before the rename, and the rename made durable: every user file.
    Synced,
    /// Not waited for: after a power cut the file may be missing or empty. Only for files
    /// that can be made again, such as `kring demo-data`'s thousands of example meetings.
    Unsynced,
}

/// Writes `bytes` to `path`: the one function every file write goes through.
///
/// - A file at `path` made by a newer Kring (its `format_version` larger than the one in
///   `bytes`, when `bytes` are a Kring file) is left as it is: [`StoreErrorKind::NewerFormat`].
///   A damaged file there is replaced: the loaders set those aside before anything is written.
/// - A reader sees either the old file or the whole new one, never a mix: a temporary file
///   beside it, flushed to disk ([`Durability::Synced`]), then renamed over the target.
/// - On Unix the file is readable by its owner only (0600), and new folders are 0700.
///
/// The temporary file is made by the `tempfile` crate: created exclusively (it never opens
/// a file or follows a symbolic link that is already there) under a name with a random part
/// (`.<name>.<random>.tmp`), so nobody can prepare a file or link under the name it will use.
pub fn write_file(path: &Path, bytes: &[u8], durability: Durability) -> Result<(), StoreError> {
    refuse_newer(path, bytes)?;
    write_atomic_with(path, bytes, durability == Durability::Synced)
}

/// [`write_file`], synced: for every file a person keeps.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_file(path, bytes, Durability::Synced)
}

/// [`write_file`], [`Durability::Unsynced`].
pub fn write_atomic_no_sync(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_file(path, bytes, Durability::Unsynced)
}

/// `value` as pretty RON ([`super::to_ron`]), written by [`write_file`].
pub(crate) fn write_ron<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), StoreError> {
    let text = super::to_ron(value).map_err(|err| StoreError::serialize(path, &err))?;
    write_atomic(path, text.as_bytes())
}

/// Fails when the file at `path` was made by a newer Kring than the one `bytes` are for.
fn refuse_newer(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if let Ok(old) = fs::read_to_string(path)
        && let Ok(new) = std::str::from_utf8(bytes)
        && let Ok(mine) = read_format_version(
            new.strip_prefix('\u{feff}').unwrap_or(new),
            u32::MAX,
            Some(1),
        )
        && let Err(rejection) = read_format_version(
            old.strip_prefix('\u{feff}').unwrap_or(&old),
            mine.format_version,
            Some(1),
        )
        && let Some(found) = rejection.newer_format()
    {
        return Err(StoreError::new(
            StoreErrorKind::NewerFormat {
                found,
                current: mine.format_version,
            },
            path,
        ));
    }
    Ok(())
}

fn write_atomic_with(path: &Path, bytes: &[u8], sync: bool) -> Result<(), StoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    create_private_dir(dir)
        .map_err(|err| StoreError::os(StoreErrorKind::CannotMakeFolder, dir, err))?;
    let cannot_write = |err: io::Error| StoreError::os(StoreErrorKind::CannotWrite, path, err);
    let name = path
        .file_name()
        .ok_or_else(|| cannot_write(io::Error::new(io::ErrorKind::InvalidInput, "no file name")))?;
    // Starts with a dot, so folder loaders skip it; 0600 on Unix (tempfile's default).
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(cannot_write)?;
    tmp.write_all(bytes).map_err(cannot_write)?;
    if sync {
        tmp.as_file().sync_all().map_err(cannot_write)?;
    }
    // On failure the temporary file is deleted when `tmp` (returned in the error) drops.
    tmp.persist(path).map_err(|err| cannot_write(err.error))?;
    // Make the rename itself durable. Not every platform can open a folder; that is fine.
    if sync && let Ok(dir_handle) = File::open(dir) {
        dir_handle.sync_all().ok();
    }
    Ok(())
}

/// Deletes a file in the user's own folders (prepared cases), outside any group folder;
/// files in a group folder are deleted through its write handle (`GroupLock::remove_file`).
pub fn remove_own_file(path: &Path) -> Result<(), StoreError> {
    fs::remove_file(path).map_err(|err| StoreError::os(StoreErrorKind::CannotRemove, path, err))
}

/// Creates a folder (and its parents) that only its owner can read on Unix.
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    private_dir_builder(true).create(dir)
}

/// Creates exactly one folder (its parent must exist), readable by its owner only on Unix.
/// Fails with `AlreadyExists` when it is there, which is what claims a new group's id.
pub(crate) fn create_one_private_dir(dir: &Path) -> io::Result<()> {
    private_dir_builder(false).create(dir)
}

/// Makes folders readable by their owner only on Unix; with their parents when `recursive`.
fn private_dir_builder(recursive: bool) -> fs::DirBuilder {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(recursive);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/file.ron");
        write_atomic(&path, b"first").expect("write");
        write_atomic(&path, b"second").expect("write again");
        assert_eq!(fs::read_to_string(&path).expect("read"), "second");
        let names: Vec<_> = fs::read_dir(path.parent().expect("parent"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["file.ron"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            let mode = fs::metadata(dir.path().join("sub"))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700);
        }
    }

    /// Issue 9, point 8: the old temporary name (`.<name>.tmp-<pid>`) was predictable and
    /// opened with create + truncate, so a file or link placed there by someone else was
    /// written through. Now such a file is neither used nor touched.
    #[cfg(unix)]
    #[test]
    fn a_file_or_link_prepared_at_the_old_temporary_name_is_not_followed_or_truncated() {
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "precious").expect("write");
        let path = dir.path().join("group.ron");
        let old_name = dir
            .path()
            .join(format!(".group.ron.tmp-{}", std::process::id()));
        std::os::unix::fs::symlink(&victim, &old_name).expect("symlink");

        write_atomic(&path, b"(format_version: 1)").expect("write");

        assert_eq!(fs::read_to_string(&victim).expect("read"), "precious");
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "(format_version: 1)"
        );
        assert!(
            fs::symlink_metadata(&old_name)
                .expect("still there")
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_file_from_a_newer_kring_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("in-progress.ron");
        let newer = "(format_version: 9, future: Thing)";
        fs::write(&path, newer).expect("write");
        let err =
            write_file(&path, b"(format_version: 1)", Durability::Synced).expect_err("refused");
        assert_eq!(
            err.kind,
            StoreErrorKind::NewerFormat {
                found: 9,
                current: 1
            }
        );
        assert!(err.to_string().contains("newer Kring"), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read"), newer);
        fs::write(&path, "(format_version: 1, old: 1)").expect("write");
        write_atomic(&path, b"(format_version: 1)").expect("same format");
        fs::write(&path, "damaged (").expect("write");
        write_atomic(&path, b"(format_version: 1)").expect("damaged is replaced");
    }
}
