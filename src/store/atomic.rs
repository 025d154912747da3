use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::Path;

use super::version::read_format_version;

/// Writes `bytes` to `path` so that a reader sees either the old file or the whole new one,
/// never a mix: a temporary file beside it, flushed to disk, then renamed over the target.
/// On Unix the file is readable by its owner only (0600), and new folders are 0700.
///
/// The temporary file is made by the `tempfile` crate: created exclusively (it never opens
/// a file or follows a symbolic link that is already there) under a name with a random part
/// (`.<name>.<random>.tmp`), so nobody can prepare a file or link under the name it will use.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, true)
}

/// Like [`write_atomic`] (temporary file, rename, so a reader never sees half a file), but
/// without waiting for the disk: after a power cut the file may be missing or empty. Only for
/// files that can be made again, such as `kring demo-data`'s thousands of example meetings,
/// where waiting for the disk after every file would take most of the time.
pub fn write_atomic_no_sync(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, false)
}

/// [`write_atomic`], except that a file at `path` made by a newer Kring (its
/// `format_version` larger than the one in `bytes`) is left as it is and the write fails with
/// a reason that says so. A damaged file there is replaced: the loaders set those aside
/// before anything is written.
pub(crate) fn write_unless_newer(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
        && !rejection.set_aside
    {
        return Err(io::Error::other(format!(
            "{}: {}; it was not overwritten",
            path.display(),
            rejection.reason
        )));
    }
    write_atomic(path, bytes)
}

fn write_atomic_with(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    create_private_dir(dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    // Starts with a dot, so folder loaders skip it; 0600 on Unix (tempfile's default).
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if sync {
        tmp.as_file().sync_all()?;
    }
    // On failure the temporary file is deleted when `tmp` (returned in the error) drops.
    tmp.persist(path).map_err(|err| err.error)?;
    // Make the rename itself durable. Not every platform can open a folder; that is fine.
    if sync && let Ok(dir_handle) = File::open(dir) {
        dir_handle.sync_all().ok();
    }
    Ok(())
}

/// Creates a folder (and its parents) that only its owner can read on Unix.
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)
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
        let err = write_unless_newer(&path, b"(format_version: 1)").expect_err("refused");
        assert!(err.to_string().contains("newer Kring"), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read"), newer);
        fs::write(&path, "(format_version: 1, old: 1)").expect("write");
        write_unless_newer(&path, b"(format_version: 1)").expect("same format");
        fs::write(&path, "damaged (").expect("write");
        write_unless_newer(&path, b"(format_version: 1)").expect("damaged is replaced");
    }
}
