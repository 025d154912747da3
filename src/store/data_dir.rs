use std::path::{Path, PathBuf};

/// The environment variable that points Kring at another data folder.
pub const DATA_DIR_ENV: &str = "KRING_DATA_DIR";

/// The group whose folder is used until groups can be chosen.
pub const DEFAULT_GROUP: &str = "mijn-groep";

#[derive(Debug, thiserror::Error)]
pub enum DataDirError {
    #[error(
        "no data folder could be found for this user (is HOME set?). Start Kring with --data-dir FOLDER or set {DATA_DIR_ENV}."
    )]
    NoHome,
    #[error("{path} is a file, not a folder. Choose another folder with --data-dir FOLDER.")]
    NotAFolder { path: PathBuf },
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
