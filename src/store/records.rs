use std::path::{Path, PathBuf};

use crate::model::{MeetingRecord, RECORD_FORMAT_VERSION};

use super::atomic::write_ron;
use super::error::{StoreError, StoreErrorKind};
use super::lock::GroupLock;
use super::quarantine::Rejection;
use super::to_ron;
use super::version::read_format_version;

/// Why a meeting could not be saved: a [`StoreError`] like every store failure, worded by
/// `crate::i18n::store_error`.
pub type SaveError = StoreError;

/// `2026-11-23_1930_balint-8-stappen.ron`, from the local start time text `2026-11-23 19:30`.
pub fn record_file_name(record: &MeetingRecord) -> String {
    let stamp: String = record
        .started_local
        .chars()
        .take(16)
        .map(|c| match c {
            ' ' => '_',
            ':' => '\0',
            c => c,
        })
        .filter(|&c| c != '\0')
        .collect();
    format!("{stamp}_{}.ron", record.protocol_id)
}

/// The protocol id in a record file name made by [`record_file_name`], without reading the file.
pub fn protocol_id_of_file_name(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".ron")?;
    let id = stem.splitn(3, '_').nth(2)?;
    // A "-2", "-3"... suffix keeps two meetings started in the same minute apart.
    Some(match id.rsplit_once('-') {
        Some((base, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => base,
        _ => id,
    })
}

/// Writes the record atomically into the group's `meetings/` folder under a name of its own
/// (a suffix is added rather than overwrite another meeting's file). Returns the path
/// written. Needs the group's write handle.
pub fn save_record(group: &GroupLock, record: &MeetingRecord) -> Result<PathBuf, SaveError> {
    let path = free_record_path(&group.dir().join("meetings"), record);
    let text = to_ron(record).map_err(|err| StoreError::serialize(&path, &err))?;
    group.write_file(&path, text.as_bytes())?;
    Ok(path)
}

/// The record's file name in `dir`, with "-2", "-3"... when another meeting has it already.
pub(super) fn free_record_path(dir: &Path, record: &MeetingRecord) -> PathBuf {
    let name = record_file_name(record);
    let mut path = dir.join(&name);
    let mut n = 2;
    while path.exists() {
        path = dir.join(name.replace(".ron", &format!("-{n}.ron")));
        n += 1;
    }
    path
}

/// Writes the record into a folder outside any group (one the leader chose for a record the
/// group's folder would not take), under a name of its own. Returns the path written.
pub fn save_record_outside_group(dir: &Path, record: &MeetingRecord) -> Result<PathBuf, SaveError> {
    let path = free_record_path(dir, record);
    write_ron(&path, record)?;
    Ok(path)
}

/// Reads a meeting record file with [`parse_record`]. The error is typed: cannot be read,
/// made by a newer Kring, or damaged (with line and column).
pub fn load_record(path: &Path) -> Result<MeetingRecord, StoreError> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| StoreError::os(StoreErrorKind::CannotRead, path, err))?;
    parse_record(&text)
        .map_err(|rejection| StoreError::rejected(path, rejection, RECORD_FORMAT_VERSION))
}

/// The one place a meeting record is parsed, whoever reads it (the history and its helper
/// threads, [`load_record`] for the command line and the history's detail view, spare
/// copies): the format version first ([`read_format_version`]), so a record from a newer
/// Kring is [`Rejection::newer_format`] whatever new fields it has; then the whole record,
/// migrated to the current format. A byte-order mark is skipped.
pub fn parse_record(text: &str) -> Result<MeetingRecord, Rejection> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    read_format_version(text, RECORD_FORMAT_VERSION, None)?;
    let mut record: MeetingRecord =
        ron::from_str(text).map_err(|err| Rejection::parse_error(&err))?;
    // Older formats lack only fields that default to empty; the record is now current.
    record.format_version = RECORD_FORMAT_VERSION;
    Ok(record)
}

/// The meeting files in a folder, oldest name first. A missing folder has none.
pub fn list_records(dir: &Path) -> Vec<PathBuf> {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = listing
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_format_record_is_migrated_on_load() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meeting-format-1.ron");
        let record = load_record(&path).expect("format 1 loads");
        assert_eq!(record.format_version, RECORD_FORMAT_VERSION);
        assert_eq!(record.protocol_id, "balint-8-stappen");
        assert_eq!(record.phases.len(), 2);
        assert_eq!(record.phases[0].actual_secs, 420);
        assert_eq!(record.breaks.len(), 1);
        assert!(record.content.problems.is_empty());
        assert!(record.content.advice.is_empty());
    }

    #[test]
    fn protocol_id_comes_back_from_the_file_name() {
        assert_eq!(
            protocol_id_of_file_name("2026-11-23_1930_balint-9-fasen.ron"),
            Some("balint-9-fasen")
        );
        assert_eq!(
            protocol_id_of_file_name("2026-11-23_1930_balint-9-fasen-2.ron"),
            Some("balint-9-fasen")
        );
        assert_eq!(protocol_id_of_file_name("notes.ron"), None);
    }
}
