//! Groups on disk: one folder per group under `<data dir>/groups/`, each with its settings
//! in `group.ron` and its meeting records in `meetings/`:
//!
//! ```text
//! groups/mijn-groep/group.ron
//! groups/mijn-groep/meetings/2026-11-23_1930_balint-9-fasen.ron
//! ```
//!
//! The folder name is the group's id. A folder without a `group.ron` is still a group (the
//! first Kring versions wrote only `meetings/`); it has default settings, named after its id.

use std::fs;
use std::io;
use std::path::Path;

use crate::model::{GROUP_FORMAT_VERSION, GroupSettings};

use super::atomic::{create_one_private_dir, create_private_dir};
use super::lock::{GroupLock, LockOutcome};
use super::quarantine::{LoadProblem, LoadReason, QUARANTINE_DIR, Rejection};
use super::version::read_format_version;
use super::{DEFAULT_GROUP, DataDir, GroupError, StoreError, StoreErrorKind, to_ron};

/// The name of a group's settings file inside its folder.
pub const GROUP_FILE: &str = "group.ron";

/// The longest id [`group_id_for`] makes, in characters.
const MAX_ID_CHARS: usize = 40;

/// What [`list_groups`] found.
#[derive(Clone, Debug, Default)]
pub struct GroupList {
    /// (id, settings) of every group, in id order. A group whose `group.ron` could not be
    /// read is here too, with default settings and its id as name.
    pub groups: Vec<(String, GroupSettings)>,
    /// The `group.ron` files that could not be read. Listing moves nothing: a damaged one is
    /// set aside by [`open_group`] when the group is opened with its write handle.
    pub problems: Vec<LoadProblem>,
}

/// Every group in the data folder, in id order. When there is none yet, the default group
/// ([`DEFAULT_GROUP`], "Mijn groep") is listed, so there is always a group to meet in; it
/// gets its folder when something is first saved in it.
pub fn list_groups(data: &DataDir) -> GroupList {
    let mut list = GroupList::default();
    let groups_dir = data.root().join("groups");
    let mut ids: Vec<String> = match fs::read_dir(&groups_dir) {
        Ok(listing) => listing
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_dir())
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|id| check_id(id).is_ok())
            .collect(),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(err) => {
            let os = err.to_string();
            list.problems.push(LoadProblem::left(
                &groups_dir,
                LoadReason::FolderUnreadable { os },
            ));
            Vec::new()
        }
    };
    ids.sort();
    for id in ids {
        let path = data.group_dir(&id).join(GROUP_FILE);
        let settings = match read_group_file(&path) {
            Ok(Some(settings)) => settings,
            Ok(None) => defaults_for(&id),
            Err(rejection) => {
                list.problems
                    .push(LoadProblem::left(&path, rejection.reason));
                GroupSettings::named(id.clone())
            }
        };
        list.groups.push((id, settings));
    }
    if list.groups.is_empty() {
        list.groups
            .push((DEFAULT_GROUP.to_owned(), GroupSettings::default()));
    }
    list
}

/// Makes a new group folder (with `group.ron` and an empty `meetings/`) and returns its id:
/// the name in lower-case letters, digits and dashes ("Team Noord" becomes `team-noord`),
/// with `-2`, `-3`... added when a group already has that id.
pub fn create_group(data: &DataDir, name: &str) -> Result<String, GroupError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(GroupError::NoName);
    }
    let groups_dir = data.root().join("groups");
    create_private_dir(&groups_dir)
        .map_err(|err| StoreError::os(StoreErrorKind::CannotMakeFolder, &groups_dir, err))?;
    let base = group_id_for(name);
    let mut n = 1u32;
    let id = loop {
        let id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let dir = data.group_dir(&id);
        // Creating the folder claims the id, even against another Kring on a synced folder.
        match create_one_private_dir(&dir) {
            Ok(()) => break id,
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => n += 1,
            Err(err) => {
                return Err(StoreError::os(StoreErrorKind::CannotMakeFolder, dir, err).into());
            }
        }
        if n > 10_000 {
            return Err(GroupError::TooManyNamed {
                groups_dir,
                name: name.to_owned(),
            });
        }
    };
    let meetings = data.meetings_dir(&id);
    let result = create_private_dir(&meetings)
        .map_err(|err| StoreError::os(StoreErrorKind::CannotMakeFolder, &meetings, err).into())
        .and_then(|()| {
            // The folder was made just now, so this Kring is the only one that can hold it.
            let now_ms = jiff::Timestamp::now().as_millisecond();
            let lock = match GroupLock::acquire(&data.group_dir(&id), now_ms) {
                LockOutcome::Acquired(lock) | LockOutcome::Unavailable { unlocked: lock, .. } => {
                    lock
                }
                LockOutcome::ReadOnly { .. } => {
                    return Err(GroupError::TakenOver {
                        dir: data.group_dir(&id),
                    });
                }
            };
            save_group(&lock, &GroupSettings::named(name)).map(|_| ())
        });
    if let Err(err) = result {
        // Leave nothing half made behind: both folders are still empty.
        fs::remove_dir(&meetings).ok();
        fs::remove_file(data.group_dir(&id).join(super::LOCK_FILE)).ok();
        fs::remove_dir(data.group_dir(&id)).ok();
        return Err(err);
    }
    Ok(id)
}

/// Reads a group's settings. A group folder without `group.ron` (and the default group, even
/// before it has a folder) has default settings, named after the group. A damaged or newer
/// file is an error that says where and what to do; the file is left as it is.
pub fn load_group(data: &DataDir, id: &str) -> Result<GroupSettings, GroupError> {
    check_id(id)?;
    let dir = data.group_dir(id);
    let path = dir.join(GROUP_FILE);
    match read_group_file(&path) {
        Ok(Some(settings)) => Ok(settings),
        Ok(None) if id == DEFAULT_GROUP || dir.is_dir() => Ok(defaults_for(id)),
        Ok(None) => Err(GroupError::NoSuchGroup {
            id: id.to_owned(),
            groups_dir: data.root().join("groups"),
        }),
        Err(rejection) => Err(GroupError::Unreadable(Box::new(LoadProblem::left(
            &path,
            rejection.reason,
        )))),
    }
}

/// Opens a group's settings in the app, with the group's write handle when this Kring holds
/// it (`None`: it only reads the group).
///
/// A damaged `group.ron` is set aside like every other damaged file: with the write handle it
/// is moved, byte for byte, into the group's `quarantine/` folder (so nothing can be written
/// over it), without it it is left where it is. A file from a newer Kring is left where it
/// is. Either way the problem is returned, to be shown to the leader, and the group runs on
/// default settings named after its id until the leader saves new ones.
pub fn open_group(
    data: &DataDir,
    id: &str,
    writer: Option<&GroupLock>,
) -> (GroupSettings, Option<LoadProblem>) {
    let path = data.group_dir(id).join(GROUP_FILE);
    match read_group_file(&path) {
        Ok(Some(settings)) => (settings, None),
        Ok(None) => (defaults_for(id), None),
        Err(rejection) => {
            let problem = match writer {
                Some(lock) if rejection.set_aside => {
                    lock.set_aside(lock.dir(), &path, rejection.reason)
                }
                _ => LoadProblem::left(&path, rejection.reason),
            };
            (GroupSettings::named(id), Some(problem))
        }
    }
}

/// Writes a group's settings atomically to `<group>/group.ron` (the folder is made when
/// needed), in the current format; needs the group's write handle. A damaged `group.ron`
/// already there is never overwritten: it is first moved into the group's `quarantine/`
/// folder, and that move is returned so it can be reported. A file from a newer Kring is left
/// alone and saving fails.
pub fn save_group(
    group: &GroupLock,
    settings: &GroupSettings,
) -> Result<Option<LoadProblem>, GroupError> {
    let dir = group.dir();
    let path = dir.join(GROUP_FILE);
    let mut set_aside = None;
    if let Err(rejection) = read_group_file(&path) {
        if !rejection.set_aside {
            // A newer Kring's file, or one that cannot be read: it stays as it is.
            return Err(GroupError::NotSaved(Box::new(LoadProblem::left(
                &path,
                rejection.reason,
            ))));
        }
        let problem = group.set_aside(dir, &path, rejection.reason);
        if problem.moved_to.is_none() {
            return Err(GroupError::NotSaved(Box::new(problem)));
        }
        set_aside = Some(problem);
    }
    let mut settings = settings.clone();
    settings.format_version = GROUP_FORMAT_VERSION;
    let text = to_ron(&settings).map_err(|err| StoreError::serialize(&path, &err))?;
    group.write_file(&path, text.as_bytes())?;
    Ok(set_aside)
}

/// The id a new group with this name gets: lower-case letters, digits and dashes, accents
/// dropped ("Één Groep!" becomes `een-groep`), at most 40 characters, never empty.
pub fn group_id_for(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'a'..='z' | '0'..='9' => Some(c.to_string()),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => Some("a".to_owned()),
            'ç' => Some("c".to_owned()),
            'è' | 'é' | 'ê' | 'ë' => Some("e".to_owned()),
            'ì' | 'í' | 'î' | 'ï' => Some("i".to_owned()),
            'ñ' => Some("n".to_owned()),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => Some("o".to_owned()),
            'ù' | 'ú' | 'û' | 'ü' => Some("u".to_owned()),
            'ý' | 'ÿ' => Some("y".to_owned()),
            'ĳ' => Some("ij".to_owned()),
            'ß' => Some("ss".to_owned()),
            'æ' => Some("ae".to_owned()),
            'œ' => Some("oe".to_owned()),
            _ => None,
        };
        match plain {
            Some(text) => id.push_str(&text),
            None if !id.is_empty() && !id.ends_with('-') => id.push('-'),
            None => {}
        }
    }
    let mut id: String = id.chars().take(MAX_ID_CHARS).collect();
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() {
        return "groep".to_owned();
    }
    // Names a folder cannot have on Windows, and the name of the quarantine folder.
    const RESERVED: [&str; 9] = [
        QUARANTINE_DIR,
        "con",
        "prn",
        "aux",
        "nul",
        "com1",
        "com2",
        "lpt1",
        "lpt2",
    ];
    if RESERVED.contains(&id.as_str()) {
        id.push_str("-groep");
    }
    id
}

/// Default settings for a group folder without `group.ron`.
fn defaults_for(id: &str) -> GroupSettings {
    if id == DEFAULT_GROUP {
        GroupSettings::default()
    } else {
        GroupSettings::named(id)
    }
}

/// An id must be one plain folder name: not empty, no path separators, not hidden.
fn check_id(id: &str) -> Result<(), GroupError> {
    let bad = id.is_empty()
        || id.starts_with('.')
        || id == QUARANTINE_DIR
        || id
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ':') || c.is_control());
    if bad {
        Err(GroupError::BadId { id: id.to_owned() })
    } else {
        Ok(())
    }
}

/// `Ok(None)`: there is no file. `Err`: there is one, but it cannot be used.
fn read_group_file(path: &Path) -> Result<Option<GroupSettings>, Rejection> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) if err.kind() == io::ErrorKind::InvalidData => {
            return Err(Rejection::aside(LoadReason::NotText { at: None }));
        }
        Err(err) => {
            // Unreadable (permissions): nothing to set aside, and nothing to overwrite.
            let os = err.to_string();
            return Err(Rejection::keep(LoadReason::CannotRead { os }));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // The version first: a newer file may have fields this Kring does not know. A file
    // without one was written by hand: the first format.
    read_format_version(text, GROUP_FORMAT_VERSION, Some(1))?;
    let mut settings: GroupSettings =
        ron::from_str(text).map_err(|err| Rejection::parse_error(&err))?;
    settings.format_version = GROUP_FORMAT_VERSION;
    Ok(Some(settings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Retention};
    use crate::store::write_atomic;

    fn writer(data: &DataDir, id: &str) -> GroupLock {
        match GroupLock::acquire(&data.group_dir(id), 0) {
            LockOutcome::Acquired(lock) => lock,
            other => panic!("no lock: {other:?}"),
        }
    }

    fn data() -> (tempfile::TempDir, DataDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = DataDir::new(dir.path()).expect("data dir");
        (dir, data)
    }

    #[test]
    fn ids_are_plain_slugs() {
        assert_eq!(group_id_for("Team Noord"), "team-noord");
        assert_eq!(group_id_for("  Één Groep!! "), "een-groep");
        assert_eq!(group_id_for("Mijn groep"), DEFAULT_GROUP);
        assert_eq!(group_id_for("???"), "groep");
        assert_eq!(group_id_for("CON"), "con-groep");
        assert_eq!(group_id_for("quarantine"), "quarantine-groep");
        assert!(group_id_for(&"lang ".repeat(30)).len() <= MAX_ID_CHARS);
        assert!(!group_id_for(&"lang ".repeat(30)).ends_with('-'));
    }

    #[test]
    fn an_empty_data_dir_lists_the_default_group() {
        let (_dir, data) = data();
        let list = list_groups(&data);
        assert_eq!(list.groups.len(), 1);
        assert_eq!(list.groups[0].0, DEFAULT_GROUP);
        assert_eq!(list.groups[0].1.name, "Mijn groep");
        assert!(list.problems.is_empty());
        assert_eq!(
            load_group(&data, DEFAULT_GROUP).expect("default").name,
            "Mijn groep"
        );
        let err = load_group(&data, "no-such-group").expect_err("no such group");
        assert!(matches!(err, GroupError::NoSuchGroup { .. }), "{err:?}");
        assert_eq!(
            crate::i18n::group_error(Lang::Nl, &err),
            format!(
                "Er is geen groep \"no-such-group\" in {}. Kies een van de groepen in die map, \
                 of maak de groep aan.",
                data.root().join("groups").display()
            )
        );
        assert!(
            err.to_string()
                .starts_with("There is no group \"no-such-group\" in "),
            "{err}"
        );
    }

    #[test]
    fn create_save_load_and_list() {
        let (_dir, data) = data();
        let id = create_group(&data, "Team Noord").expect("create");
        assert_eq!(id, "team-noord");
        assert!(data.meetings_dir(&id).is_dir());
        let again = create_group(&data, "Team noord").expect("create again");
        assert_eq!(again, "team-noord-2", "an id is never taken twice");
        let err = create_group(&data, "   ").expect_err("no name");
        assert!(matches!(err, GroupError::NoName), "{err:?}");
        assert_eq!(
            crate::i18n::group_error(Lang::Nl, &err),
            "Een groep heeft een naam nodig: typ er een, bijvoorbeeld \"Intervisie Noord\"."
        );

        let mut settings = load_group(&data, &id).expect("load");
        assert_eq!(settings.name, "Team Noord");
        settings.agreements = "Wat hier gezegd wordt, blijft hier.".to_owned();
        settings.retention = Retention::Months24;
        assert_eq!(
            save_group(&writer(&data, &id), &settings).expect("save"),
            None
        );
        assert_eq!(load_group(&data, &id).expect("reload"), settings);

        // The folder the app has always used, with meetings but no group.ron.
        std::fs::create_dir_all(data.meetings_dir(DEFAULT_GROUP)).expect("legacy folder");
        let list = list_groups(&data);
        let ids: Vec<&str> = list.groups.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, [DEFAULT_GROUP, "team-noord", "team-noord-2"]);
        assert_eq!(list.groups[0].1.name, "Mijn groep");
        assert_eq!(list.groups[1].1, settings);
        assert!(list.problems.is_empty());

        for bad in ["", "..", ".hidden", "a/b", "a\\b", QUARANTINE_DIR] {
            let err = load_group(&data, bad).expect_err("not an id");
            assert!(matches!(err, GroupError::BadId { .. }), "{bad:?}: {err:?}");
        }
        let nl = crate::i18n::group_error(Lang::Nl, &load_group(&data, "a/b").expect_err("id"));
        assert!(nl.starts_with("\"a/b\" kan geen groep zijn:"), "{nl}");
    }

    #[test]
    fn a_damaged_group_file_lists_reports_and_is_set_aside_before_saving() {
        let (_dir, data) = data();
        let id = create_group(&data, "Kring Zuid").expect("create");
        let path = data.group_dir(&id).join(GROUP_FILE);
        std::fs::write(&path, "(format_version: 1, name: \"Kring Zuid\"").expect("damage");

        let list = list_groups(&data);
        assert_eq!(list.groups.len(), 1);
        assert_eq!(list.groups[0].1.name, id, "listed with its id as name");
        assert_eq!(list.problems.len(), 1);
        assert_eq!(list.problems[0].path, path);
        assert!(
            list.problems[0].reason.to_string().contains("line 1"),
            "{:?}",
            list.problems
        );
        assert!(path.exists(), "listing moves nothing");
        let err = load_group(&data, &id).expect_err("damaged");
        assert!(matches!(err, GroupError::Unreadable(_)), "{err:?}");
        let en = err.to_string();
        assert!(en.contains("group.ron") && en.contains("line 1"), "{en}");
        let nl = crate::i18n::group_error(Lang::Nl, &err);
        assert!(
            nl.starts_with(&format!(
                "{}: Het bestand is beschadigd of geen Kring-bestand van deze soort. (regel 1,",
                path.display()
            )),
            "{nl}"
        );

        let problem = save_group(&writer(&data, &id), &GroupSettings::named("Kring Zuid"))
            .expect("save")
            .expect("the damaged file was set aside");
        let moved = problem.moved_to.expect("moved");
        assert!(moved.starts_with(data.group_dir(&id).join(QUARANTINE_DIR)));
        assert!(
            std::fs::read_to_string(&moved)
                .expect("kept")
                .contains("Kring Zuid")
        );
        assert_eq!(load_group(&data, &id).expect("fresh").name, "Kring Zuid");
        // The quarantine folder is not a group.
        assert_eq!(list_groups(&data).groups.len(), 1);
    }

    #[test]
    fn a_newer_group_file_is_neither_read_nor_overwritten() {
        let (_dir, data) = data();
        let path = data.group_dir("toekomst").join(GROUP_FILE);
        write_atomic(&path, b"(format_version: 99, name: \"Toekomst\")").expect("write");
        let err = load_group(&data, "toekomst").expect_err("newer");
        assert!(err.to_string().contains("newer Kring"), "{err}");
        let err = save_group(&writer(&data, "toekomst"), &GroupSettings::default())
            .expect_err("not over a newer file");
        assert!(
            matches!(&err, GroupError::NotSaved(p) if p.moved_to.is_none()),
            "{err:?}"
        );
        assert_eq!(
            crate::i18n::group_error(Lang::Nl, &err),
            format!(
                "Kring heeft de groepsinstellingen niet bewaard, zodat er niets wordt \
                 overschreven. {}: Het bestand is gemaakt door een nieuwere Kring (formaat 99; \
                 deze Kring leest tot en met formaat {GROUP_FORMAT_VERSION}). Werk Kring bij om \
                 het te lezen; het bestand blijft zoals het is.",
                path.display()
            )
        );
        assert!(
            err.to_string().starts_with(
                "Kring did not save the group settings, so that nothing is overwritten."
            ),
            "{err}"
        );
        assert!(
            std::fs::read_to_string(&path)
                .expect("still there")
                .contains("99")
        );
    }

    /// Issue 9, point 10: opening a group with a damaged `group.ron` sets it aside byte for
    /// byte (with the write handle) and reports it; a read-only Kring leaves it and reports it.
    #[test]
    fn opening_a_group_sets_a_damaged_group_file_aside_and_reports_it() {
        let (_dir, data) = data();
        let id = create_group(&data, "Kring West").expect("create");
        let path = data.group_dir(&id).join(GROUP_FILE);
        let damaged: &[u8] = b"(format_version: 1, name: \"Kring West\", agreements: \"Wat \xff";
        std::fs::write(&path, damaged).expect("damage");

        let lock = writer(&data, &id);
        let read_only = open_group(&data, &id, None);
        assert_eq!(read_only.0.name, id);
        let problem = read_only.1.expect("reported");
        assert_eq!(
            (problem.path.as_path(), problem.moved_to),
            (path.as_path(), None)
        );
        assert_eq!(std::fs::read(&path).expect("left"), damaged);

        let (settings, problem) = open_group(&data, &id, Some(&lock));
        assert_eq!(settings.name, id, "default settings, named after the group");
        let problem = problem.expect("reported");
        let moved = problem.moved_to.clone().expect("set aside");
        assert_eq!(
            moved,
            data.group_dir(&id).join(QUARANTINE_DIR).join(GROUP_FILE)
        );
        assert_eq!(
            std::fs::read(&moved).expect("kept"),
            damaged,
            "byte for byte"
        );
        assert!(!path.exists());
        assert!(problem.to_string().contains("group.ron"), "{problem}");
    }

    /// Issue 9, point 4: a newer `group.ron` with fields this Kring does not know is called
    /// newer, not damaged, and opening the group leaves it untouched.
    #[test]
    fn a_newer_group_file_with_unknown_fields_is_left_untouched() {
        let (_dir, data) = data();
        let path = data.group_dir("toekomst").join(GROUP_FILE);
        // A new field, and a retention choice this build does not know.
        let text = "(format_version: 4, name: \"Toekomst\", retention: Years(5), rooms: [Online])";
        write_atomic(&path, text.as_bytes()).expect("write");
        let lock = writer(&data, "toekomst");
        let (_, problem) = open_group(&data, "toekomst", Some(&lock));
        let problem = problem.expect("listed");
        assert_eq!(problem.moved_to, None);
        assert!(
            problem.reason.to_string().contains("newer Kring"),
            "{problem}"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("there"), text);
        assert!(!data.group_dir("toekomst").join(QUARANTINE_DIR).exists());
    }
}
