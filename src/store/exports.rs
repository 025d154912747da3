//! The `exports/` folder of the data folder: where an export goes when no file dialog can
//! open (no desktop portal, no zenity), so that "Exporteren…" always leaves a file and says
//! where.
//!
//! - The folder is private like every Kring folder (0700 on Unix), the file 0600.
//! - A new file never replaces one that is there: `verslag.md`, then `verslag (2).md`, ….
//!   The file is written whole under a temporary name first and then linked to its name,
//!   which fails when the name is taken (so two exports at once cannot overwrite each other).
//! - The name comes from our own words or a case title: anything that could leave the
//!   folder or hide the file (`/`, `\`, a leading `.`, control characters) is replaced.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::create_private_dir;
use super::{DataDir, StoreError, StoreErrorKind};

/// The folder name under the data folder.
pub const EXPORTS_DIR: &str = "exports";

/// `<data folder>/exports`.
pub fn exports_dir(data: &DataDir) -> PathBuf {
    data.root().join(EXPORTS_DIR)
}

/// Writes a new file named after `file_name` into `dir` (made when missing) and returns its
/// path. `write` writes the whole file to the path it is given (a temporary file in `dir`).
/// The error is typed: the folder could not be made, `write`'s own error, no free name, or
/// the file could not be given its name.
pub fn save_new_file(
    dir: &Path,
    file_name: &str,
    write: impl FnOnce(&Path) -> Result<(), StoreError>,
) -> Result<PathBuf, StoreError> {
    create_private_dir(dir)
        .map_err(|err| StoreError::os(StoreErrorKind::CannotMakeFolder, dir, err))?;
    let (stem, extension) = split_name(&safe_name(file_name));
    let tmp = dir.join(format!(".{stem}.new-{}", std::process::id()));
    write(&tmp)?;
    let result = link_to_free_name(&tmp, dir, &stem, &extension);
    fs::remove_file(&tmp).ok();
    result
}

/// Links `tmp` to the first free name `stem{extension}`, `stem (2){extension}`, … in `dir`.
fn link_to_free_name(
    tmp: &Path,
    dir: &Path,
    stem: &str,
    extension: &str,
) -> Result<PathBuf, StoreError> {
    for n in 1..10_000u32 {
        let name = match n {
            1 => format!("{stem}{extension}"),
            n => format!("{stem} ({n}){extension}"),
        };
        let target = dir.join(name);
        match fs::hard_link(tmp, &target) {
            Ok(()) => return Ok(target),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            // A file system without hard links (FAT, some network shares): take the name
            // when it is free. Another program could take it in between; Kring itself does
            // not, as one window writes one export at a time.
            Err(_) if !target.exists() => {
                fs::copy(tmp, &target)
                    .map_err(|err| StoreError::os(StoreErrorKind::CannotWrite, &target, err))?;
                return Ok(target);
            }
            Err(_) => {}
        }
    }
    Err(StoreError::new(StoreErrorKind::NoFreeName, dir))
}

/// A file name that stays inside its folder and is not hidden.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    if cleaned.is_empty() {
        "export".to_owned()
    } else {
        cleaned.to_owned()
    }
}

/// `verslag.md` → (`verslag`, `.md`); `verslag` → (`verslag`, ``).
fn split_name(name: &str) -> (String, String) {
    match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem.to_owned(), format!(".{extension}")),
        _ => (name.to_owned(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_text(text: &'static str) -> impl FnOnce(&Path) -> Result<(), StoreError> {
        move |path: &Path| {
            fs::write(path, text)
                .map_err(|err| StoreError::os(StoreErrorKind::CannotWrite, path, err))
        }
    }

    #[test]
    fn never_overwrites_and_stays_private_and_inside() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join(EXPORTS_DIR);
        let first = save_new_file(&dir, "verslag.md", write_text("een")).expect("first");
        let second = save_new_file(&dir, "verslag.md", write_text("twee")).expect("second");
        assert_eq!(first, dir.join("verslag.md"));
        assert_eq!(second, dir.join("verslag (2).md"));
        assert_eq!(fs::read_to_string(&first).expect("read"), "een");
        assert_eq!(fs::read_to_string(&second).expect("read"), "twee");
        let odd = save_new_file(&dir, "../../.casus/a\nb.kring", write_text("x")).expect("odd");
        assert_eq!(odd.parent(), Some(dir.as_path()));
        assert_eq!(
            odd.file_name().and_then(|n| n.to_str()),
            Some("_.._.casus_a_b.kring")
        );
        let names: Vec<String> = fs::read_dir(&dir)
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 3, "no temporary file left: {names:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&dir).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join(EXPORTS_DIR);
        let full = || io::Error::from(io::ErrorKind::StorageFull);
        let err = save_new_file(&dir, "a.md", |path| {
            Err(StoreError::os(StoreErrorKind::CannotWrite, path, full()))
        })
        .expect_err("the write failed");
        assert_eq!(err.kind, StoreErrorKind::CannotWrite);
        assert_eq!(err.os_detail(), Some(full().to_string()));
        assert_eq!(fs::read_dir(&dir).expect("list").count(), 0);
    }

    /// Issue 10: a folder that cannot be made is a typed error, worded in the user's
    /// language with the operating system's detail after the sentence.
    #[test]
    fn a_folder_that_cannot_be_made_is_said_in_dutch() {
        let root = tempfile::tempdir().expect("tempdir");
        let blocker = root.path().join("exports");
        fs::write(&blocker, "a file where the folder should be").expect("write");
        let err = save_new_file(&blocker.join("sub"), "a.md", |_| Ok(()))
            .expect_err("no folder in a file");
        assert_eq!(err.kind, StoreErrorKind::CannotMakeFolder);
        let os = err.os_detail().expect("the system's words");
        let nl = crate::i18n::store_error(crate::model::Lang::Nl, &err);
        assert!(
            nl.starts_with(&format!(
                "Kring kon de map {} niet maken. Controleer of je daar mag schrijven.",
                blocker.join("sub").display()
            )),
            "{nl}"
        );
        assert!(nl.ends_with(&format!(" ({os})")), "{nl}");
        let en = crate::i18n::store_error(crate::model::Lang::En, &err);
        assert!(en.starts_with("Kring could not make the folder "), "{en}");
    }
}
