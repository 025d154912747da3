//! Where data lives and how it is written: the data dir, atomic RON files, protocols,
//! meeting records and settings. No screen.

mod atomic;
mod cases;
mod catalog;
mod conflicts;
mod data_dir;
mod error;
mod exports;
mod groups;
mod history;
mod lock;
mod quarantine;
mod records;
mod settings;
mod unsaved;
mod version;

pub use atomic::{Durability, remove_own_file, write_atomic, write_atomic_no_sync, write_file};
pub use cases::{
    CASE_FILE_EXTENSION, CASES_DIR, case_path, cases_dir, export_case, import_case, list_cases,
    load_case_file, save_case,
};
pub use catalog::{Catalog, ProtocolEntry, ProtocolSource, builtin_protocol_sources};
pub use conflicts::{ConflictCopy, ConflictKind, conflict_kind, find_conflicts};
pub use data_dir::{DATA_DIR_ENV, DEFAULT_GROUP, DataDir, DataDirError};
pub use error::{CaseError, GroupError, StoreError, StoreErrorKind};
pub use exports::{EXPORTS_DIR, exports_dir, save_new_file};
pub use groups::{
    GROUP_FILE, GroupList, create_group, group_id_for, list_groups, load_group, open_group,
    save_group,
};
pub use history::{
    History, HitField, MeetingSummary, MemberTurns, PhaseTiming, QuestionTags, SearchHit,
    fold_for_search,
};
pub use lock::{GroupLock, HOLDER_FILE, LOCK_FILE, LockInfo, LockOutcome};
pub use quarantine::{
    ConflictFile, DirLoad, LeftBecause, LoadProblem, LoadReason, QUARANTINE_DIR, Rejection,
    SetAside, load_dir, parse_error_reason,
};
pub use records::{
    SaveError, list_records, load_record, parse_record, protocol_id_of_file_name, record_file_name,
    save_record, save_record_outside_group,
};
pub use settings::{
    SETTINGS_FORMAT_VERSION, Settings, SettingsLoad, Theme, load_settings, save_settings,
    settings_language,
};
pub use unsaved::{
    UNSAVED_DIR, UnsavedRecord, list_rescue_copies, remove_rescue_copy, rescue_dirs,
    write_rescue_copy,
};
pub use version::{Versioned, read_format_version};

/// Writes a value as pretty RON, the way every Kring file looks.
pub fn to_ron<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .struct_names(false)
        .indentor("    ".to_owned());
    ron::ser::to_string_pretty(value, config)
}
