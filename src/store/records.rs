use std::path::{Path, PathBuf};

use crate::model::{MeetingRecord, RECORD_FORMAT_VERSION};

use super::lock::GroupLock;
use super::quarantine::Rejection;
use super::version::read_format_version;
use super::{to_ron, write_atomic};

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("the meeting could not be written to {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the meeting could not be put into words for {path}: {source}")]
    Serialize { path: PathBuf, source: ron::Error },
}

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
    let text = to_ron(record).map_err(|source| SaveError::Serialize {
        path: path.clone(),
        source,
    })?;
    group
        .write_file(&path, text.as_bytes())
        .map_err(|source| SaveError::Io {
            path: path.clone(),
            source,
        })?;
    Ok(path)
}

/// The record's file name in `dir`, with "-2", "-3"... when another meeting has it already.
fn free_record_path(dir: &Path, record: &MeetingRecord) -> PathBuf {
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
    let text = to_ron(record).map_err(|source| SaveError::Serialize {
        path: path.clone(),
        source,
    })?;
    write_atomic(&path, text.as_bytes()).map_err(|source| SaveError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

/// Reads a meeting record. The error says what is wrong and where, in plain words.
pub fn load_record(path: &Path) -> Result<MeetingRecord, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|err| format!("{}: cannot be read: {err}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match read_format_version(text, RECORD_FORMAT_VERSION, None) {
        Err(rejection) if !rejection.set_aside => {
            return Err(format!("{}: {}.", path.display(), rejection.reason));
        }
        // Damaged: the full parse below says where, as `file:line:col:` (editors jump there).
        _ => {}
    }
    let mut record: MeetingRecord = ron::from_str(text).map_err(|err| {
        format!(
            "{}:{}:{}: not a readable meeting record: {}",
            path.display(),
            err.span.start.line,
            err.span.start.col,
            err.code
        )
    })?;
    record.format_version = RECORD_FORMAT_VERSION;
    Ok(record)
}

/// Reads a meeting record from its text: the format version first ([`read_format_version`]),
/// so a record from a newer Kring is [`Rejection::newer_format`] whatever new fields it has;
/// then the whole record, migrated to the current format.
pub fn parse_record(text: &str) -> Result<MeetingRecord, Rejection> {
    read_format_version(text, RECORD_FORMAT_VERSION, None)?;
    let mut record: MeetingRecord = ron::from_str(text).map_err(|err| {
        Rejection::damaged(format!(
            "{} (not a readable meeting record)",
            super::parse_error_reason(&err)
        ))
    })?;
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
