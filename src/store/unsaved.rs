//! Spare copies of meeting records that could not be saved into their group's folder (a
//! read-only folder, a full disk, a synced folder that went away). The app keeps such a record
//! in memory and retries; a spare copy outside the group's folder lets the next start offer it
//! again even when the app is closed before the folder recovers.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::records::free_record_path;
use super::{DataDir, StoreError, to_ron, write_atomic};
use crate::model::{MeetingRecord, RECORD_FORMAT_VERSION};

/// The folder, inside the data folder (or the user's local data folder), for spare copies.
pub const UNSAVED_DIR: &str = "unsaved";

pub const UNSAVED_FORMAT_VERSION: u32 = 1;

/// A meeting record waiting for its group's folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnsavedRecord {
    pub format_version: u32,
    /// The data folder and group whose folder could not take the record.
    pub data_root: PathBuf,
    pub group: String,
    pub record: MeetingRecord,
}

impl UnsavedRecord {
    pub fn new(data: &DataDir, group: &str, record: MeetingRecord) -> Self {
        Self {
            format_version: UNSAVED_FORMAT_VERSION,
            data_root: data.root().to_owned(),
            group: group.to_owned(),
            record,
        }
    }
}

/// Where spare copies go, in order: the data folder's own `unsaved/` (fine when only the
/// group's folder is the problem), then the user's local data folder (when the whole data
/// folder is read-only or on a disk that is full).
pub fn rescue_dirs(data: &DataDir) -> Vec<PathBuf> {
    let mut dirs = vec![data.root().join(UNSAVED_DIR)];
    if let Some(project) = directories::ProjectDirs::from("nl", "Kring", "Kring") {
        let local = project.data_local_dir().join(UNSAVED_DIR);
        if !dirs.contains(&local) {
            dirs.push(local);
        }
    }
    dirs
}

/// Writes a spare copy into the first of `dirs` that takes it (atomically, never over another
/// file). Returns where it went, or every folder's error, in the order of `dirs`, when none did.
pub fn write_rescue_copy(
    dirs: &[PathBuf],
    unsaved: &UnsavedRecord,
) -> Result<PathBuf, Vec<StoreError>> {
    let mut errors = Vec::new();
    let text = match to_ron(unsaved) {
        Ok(text) => text,
        Err(err) => {
            let path = dirs
                .first()
                .map_or_else(|| PathBuf::from(UNSAVED_DIR), Clone::clone);
            return Err(vec![StoreError::serialize(&path, &err)]);
        }
    };
    for dir in dirs {
        let path = free_record_path(dir, &unsaved.record);
        match write_atomic(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(error) => errors.push(error),
        }
    }
    Err(errors)
}

/// The spare copies in `dirs` that belong to `data` and `group`, oldest first. Files that do
/// not read are left alone (they may be from a newer Kring, or another data folder's).
pub fn list_rescue_copies(
    dirs: &[PathBuf],
    data: &DataDir,
    group: &str,
) -> Vec<(PathBuf, UnsavedRecord)> {
    let mut found = Vec::new();
    for dir in dirs {
        let Ok(listing) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in listing.filter_map(Result::ok) {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let Some(unsaved) = read_rescue_copy(&path) else {
                continue;
            };
            if unsaved.data_root == data.root() && unsaved.group == group {
                found.push((path, unsaved));
            }
        }
    }
    found.sort_by_key(|(_, u)| u.record.started_at_ms);
    found
}

fn read_rescue_copy(path: &Path) -> Option<UnsavedRecord> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut unsaved: UnsavedRecord = ron::from_str(&text).ok()?;
    if unsaved.format_version > UNSAVED_FORMAT_VERSION
        || unsaved.record.format_version > RECORD_FORMAT_VERSION
    {
        return None;
    }
    // Older record formats lack only fields that default to empty.
    unsaved.record.format_version = RECORD_FORMAT_VERSION;
    Some(unsaved)
}

/// The spare copy is no longer needed: the record is in its group's folder (or another one
/// the leader chose).
pub fn remove_rescue_copy(path: &Path) {
    if let Err(error) = std::fs::remove_file(path)
        && error.kind() != std::io::ErrorKind::NotFound
    {
        log::warn!("could not remove {}: {error}", path.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spare_copy_goes_to_the_first_folder_that_takes_it_and_is_found_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = DataDir::new(dir.path().join("data")).expect("data");
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, b"a file, not a folder").expect("block");
        let good = dir.path().join("good");
        let protocol = crate::store::Catalog::load(None)
            .get("balint-8-stappen")
            .expect("shipped")
            .protocol
            .clone();
        let meeting = crate::meeting::Meeting::start(protocol, 1_763_900_000_000);
        let record = meeting.to_record(1_763_903_600_000, "2025-11-23 13:13".to_owned());
        let unsaved = UnsavedRecord::new(&data, "g", record.clone());
        let path = write_rescue_copy(&[blocked.clone(), good.clone()], &unsaved).expect("saved");
        assert!(path.starts_with(&good));
        let found = list_rescue_copies(&[blocked.clone(), good.clone()], &data, "g");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.record, record);
        assert!(list_rescue_copies(std::slice::from_ref(&good), &data, "other").is_empty());
        let other = DataDir::new(dir.path().join("elsewhere")).expect("data");
        assert!(list_rescue_copies(&[good], &other, "g").is_empty());

        // No folder takes it: each folder's error, typed, in the order tried; worded in the
        // user's language with the operating system's detail after the sentence.
        let also_blocked = dir.path().join("also-blocked");
        std::fs::write(&also_blocked, b"a file, not a folder").expect("block");
        let errors = write_rescue_copy(&[blocked.clone(), also_blocked.clone()], &unsaved)
            .expect_err("no folder takes it");
        assert_eq!(errors.len(), 2);
        for (error, folder) in errors.iter().zip([&blocked, &also_blocked]) {
            assert_eq!(error.kind, crate::store::StoreErrorKind::CannotMakeFolder);
            assert_eq!(&error.path, folder);
            let nl = crate::i18n::store_error(crate::model::Lang::Nl, error);
            let os = error.os_detail().expect("the system's words");
            assert!(
                nl.starts_with(&format!(
                    "Kring kon de map {} niet maken.",
                    folder.display()
                )),
                "{nl}"
            );
            assert!(nl.ends_with(&format!(" ({os})")), "{nl}");
        }
    }
}
