use std::io;
use std::path::{Path, PathBuf};

/// The environment variable that points Kring at another data folder.
pub const DATA_DIR_ENV: &str = "KRING_DATA_DIR";

/// The group whose folder is used until groups can be chosen.
pub const DEFAULT_GROUP: &str = "mijn-groep";

/// Why the data folder asked for cannot be used. Worded by `crate::i18n::data_dir_error` in
/// the user's language (what and where); `Display` gives the English sentence and what to do,
/// for the command line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DataDirError {
    /// There is no home folder to find the user's data folder in.
    #[error("{}", data_dir_words(self))]
    NoHome,
    /// The path is a file, not a folder.
    #[error("{}", data_dir_words(self))]
    NotAFolder { path: PathBuf },
}

/// The English sentence for the command line: what is wrong, then what to do.
fn data_dir_words(error: &DataDirError) -> String {
    let lang = crate::model::Lang::En;
    format!(
        "{} {}",
        crate::i18n::data_dir_error(lang, error),
        crate::i18n::data_dir_advice(lang)
    )
}

/// The folder where Kring keeps settings, the group's own protocols and meeting records:
///
/// ```text
/// settings.ron
/// protocols/*.ron            the group's own protocols
/// groups/<group>/meetings/   one file per meeting
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Result<Self, DataDirError> {
        let root = root.into();
        if root.exists() && !root.is_dir() {
            return Err(DataDirError::NotAFolder { path: root });
        }
        Ok(Self { root })
    }

    /// `--data-dir` first, then the `KRING_DATA_DIR` variable, then the user's data folder
    /// (`~/.local/share/kring` on Linux, `%APPDATA%\Kring\Kring\data` on Windows).
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Self, DataDirError> {
        if let Some(dir) = explicit {
            return Self::new(dir);
        }
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
            return Self::new(PathBuf::from(dir));
        }
        let dirs =
            directories::ProjectDirs::from("nl", "Kring", "Kring").ok_or(DataDirError::NoHome)?;
        Self::new(dirs.data_dir())
    }

    /// The data folder to use when the user's own cannot be (no home folder, or it is a
    /// file): a private folder of this user's in the system's temporary folder, see
    /// [`fallback_dir_in`]. If that one cannot be used (someone else made a folder or a link
    /// under its name), a new folder with a random name is made instead (0700 on Unix).
    pub fn fallback() -> Result<Self, String> {
        let base = std::env::temp_dir();
        let root = match fallback_dir_in(&base) {
            Ok(root) => root,
            Err(first) => tempfile::Builder::new()
                .prefix("kring-data-")
                .tempdir_in(&base)
                .map(tempfile::TempDir::keep)
                .map_err(|second| {
                    format!(
                        "no private temporary folder can be made in {} ({first}; {second}); start \
                         Kring with --data-dir FOLDER",
                        base.display()
                    )
                })?,
        };
        Self::new(root).map_err(|err| err.to_string())
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn settings_file(&self) -> PathBuf {
        self.root.join("settings.ron")
    }

    pub fn protocols_dir(&self) -> PathBuf {
        self.root.join("protocols")
    }

    pub fn group_dir(&self, group: &str) -> PathBuf {
        self.root.join("groups").join(group)
    }

    pub fn meetings_dir(&self, group: &str) -> PathBuf {
        self.group_dir(group).join("meetings")
    }
}

/// This user's own fallback data folder inside `base` (the system's temporary folder, which
/// every user of the computer may write to): `kring-<user id>` on Unix, created readable by
/// its owner only (0700). An existing one is used only if it is a real folder (not a symbolic
/// link), owned by this user and private; otherwise the error says what is wrong. Elsewhere
/// (Windows) the temporary folder is already the user's own: `kring-temporary-data` in it.
pub fn fallback_dir_in(base: &Path) -> io::Result<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _};
        // Who we are, as the file system sees it: the owner of a file we just made.
        let uid = tempfile::tempfile_in(base)?.metadata()?.uid();
        let dir = base.join(format!("kring-{uid}"));
        let mut builder = std::fs::DirBuilder::new();
        builder.mode(0o700);
        match builder.create(&dir) {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err),
        }
        let meta = std::fs::symlink_metadata(&dir)?;
        if !meta.file_type().is_dir() || meta.uid() != uid || meta.mode() & 0o077 != 0 {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "{} is not a private folder of this user (it is a link, belongs to someone \
                     else or others may open it), so Kring does not use it",
                    dir.display()
                ),
            ));
        }
        Ok(dir)
    }
    #[cfg(not(unix))]
    {
        let dir = base.join("kring-temporary-data");
        super::atomic::create_private_dir(&dir)?;
        Ok(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 9, point 8: the fallback folder is the user's own and private, and one that
    /// someone else prepared under its name is not used.
    #[cfg(unix)]
    #[test]
    fn the_fallback_folder_is_per_user_and_private() {
        use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
        let base = tempfile::tempdir().expect("tempdir");
        let dir = fallback_dir_in(base.path()).expect("fallback");
        let uid = std::fs::metadata(base.path()).expect("meta").uid();
        assert_eq!(dir, base.path().join(format!("kring-{uid}")));
        let meta = std::fs::symlink_metadata(&dir).expect("meta");
        assert!(meta.is_dir());
        assert_eq!(meta.permissions().mode() & 0o777, 0o700);
        assert_eq!(fallback_dir_in(base.path()).expect("again"), dir);

        // Someone made it readable for all, or put a link there: not used.
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).expect("chmod");
        assert!(fallback_dir_in(base.path()).is_err());
        std::fs::remove_dir(&dir).expect("rmdir");
        let elsewhere = base.path().join("attacker");
        std::fs::create_dir(&elsewhere).expect("mkdir");
        std::os::unix::fs::symlink(&elsewhere, &dir).expect("symlink");
        assert!(fallback_dir_in(base.path()).is_err());
    }
}
