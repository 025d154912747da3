//! Damaged files are set aside, never deleted or overwritten: they are moved into a
//! `quarantine/` folder where a person can look at them, and reported.

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::create_private_dir;
use super::conflicts::{ConflictKind, find_conflicts};
use super::lock::GroupLock;

/// The name of the folder, inside a data or group folder, that holds set-aside files.
pub const QUARANTINE_DIR: &str = "quarantine";

/// How many same-named files may pile up in quarantine before moving gives up.
const MAX_SAME_NAME: u32 = 10_000;

/// A file that could not be loaded: where it was, where it went, and why. The store never
/// words it: `crate::i18n::load_problem` puts it into sentences in the user's language, the
/// parser's or operating system's detail after them; `Display` gives the English ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    /// Where the file was found.
    pub path: PathBuf,
    /// Where it was moved to, or `None` when it is still at `path`.
    pub moved_to: Option<PathBuf>,
    /// What is wrong.
    pub reason: LoadReason,
    /// Why a damaged file is still at `path`, when it is.
    pub left: Option<LeftBecause>,
}

impl LoadProblem {
    /// A problem with a file that stays where it is (nothing to set aside, or not allowed to).
    pub fn left(path: &Path, reason: LoadReason) -> Self {
        Self {
            path: path.to_owned(),
            moved_to: None,
            reason,
            left: None,
        }
    }
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::load_problem(crate::model::Lang::En, self))
    }
}

/// Why a file could not be loaded. Each has its own sentence in `i18n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadReason {
    /// The file is empty (a write or a sync cut off).
    Empty,
    /// Not UTF-8 text; where the first bad byte is, when known.
    NotText { at: Option<(usize, usize)> },
    /// Damaged, or not a Kring file of this kind: where, and the parser's own words.
    Damaged {
        at: Option<(usize, usize)>,
        detail: String,
    },
    /// It has no readable `format_version`, which every file of this kind has.
    NoVersion,
    /// A case file without any of a case's fields (a record or a protocol, perhaps).
    NotACase,
    /// Made by a newer Kring: left where it is.
    NewerFormat { found: u64, current: u32 },
    /// It cannot be read (permissions): left where it is. `os`: the system's words.
    CannotRead { os: String },
    /// The folder cannot be read or listed. `os`: the system's words.
    FolderUnreadable { os: String },
    /// The leader set it aside (an unfinished meeting not to be resumed).
    SetAsideByLeader,
}

impl fmt::Display for LoadReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::load_reason(crate::model::Lang::En, self))
    }
}

/// Why a damaged file was not moved into quarantine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftBecause {
    /// Another Kring has the group open: this one only reads.
    ReadOnly,
    /// Moving it into `dir` failed; `os`: the system's words.
    MoveFailed { dir: PathBuf, os: String },
    /// The file is not inside the group folder whose write handle was used.
    OutsideGroup { group: PathBuf },
}

/// Why a parse function turned a file down, and whether the file should be set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub reason: LoadReason,
    /// Move the file into quarantine (`true`), or leave it where it is (`false`).
    pub set_aside: bool,
}

impl Rejection {
    /// The file is damaged (the parser's words in `detail`): it is moved into quarantine.
    pub fn damaged(detail: impl Into<String>) -> Self {
        Self::aside(LoadReason::Damaged {
            at: None,
            detail: detail.into(),
        })
    }

    /// A file to move into quarantine, for `reason`.
    pub fn aside(reason: LoadReason) -> Self {
        Self {
            reason,
            set_aside: true,
        }
    }

    /// A file to leave where it is, for `reason`: one written by a newer Kring (so that the
    /// newer Kring on another computer sharing the folder still finds it), or one that cannot
    /// be read at all.
    pub fn keep(reason: LoadReason) -> Self {
        Self {
            reason,
            set_aside: false,
        }
    }

    /// The file is sound but written by a newer Kring: left where it is.
    pub fn newer(found: u64, current: u32) -> Self {
        Self::keep(LoadReason::NewerFormat { found, current })
    }

    /// The format a file from a newer Kring says it has, when that is why it was turned down.
    pub fn newer_format(&self) -> Option<u64> {
        match self.reason {
            LoadReason::NewerFormat { found, .. } => Some(found),
            _ => None,
        }
    }
}

/// A plain `String` error means a damaged file (the string: the parser's words).
impl From<String> for Rejection {
    fn from(detail: String) -> Self {
        Self::damaged(detail)
    }
}

impl From<&str> for Rejection {
    fn from(detail: &str) -> Self {
        Self::damaged(detail)
    }
}

/// A conflict copy made by a sync tool, found by [`load_dir`]. It is neither loaded nor
/// moved: a person compares it with the original and keeps the right one. Worded by
/// `crate::i18n::conflict_file`; `Display` gives the English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictFile {
    /// The copy.
    pub path: PathBuf,
    /// The file it is a copy of, in the same folder.
    pub original: PathBuf,
    /// Whether the original is in the folder.
    pub original_exists: bool,
    pub kind: ConflictKind,
}

impl fmt::Display for ConflictFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::conflict_file(crate::model::Lang::En, self))
    }
}

/// What [`load_dir`] found in a folder. Every `*.ron` file it reads ends up in exactly one of
/// the three lists (a file that vanishes between listing and reading, as a sync tool may do,
/// in none); files are in name order within each.
#[derive(Clone, Debug)]
pub struct DirLoad<T> {
    /// The files that were read, with their paths.
    pub items: Vec<(PathBuf, T)>,
    /// Files that could not be read: set aside into quarantine, or left in place when moving
    /// failed, when they could not be read at all, or when a newer Kring wrote them.
    pub problems: Vec<LoadProblem>,
    /// Conflict copies made by sync tools, left alone.
    pub conflicts: Vec<ConflictFile>,
}

impl<T> Default for DirLoad<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            problems: Vec::new(),
            conflicts: Vec::new(),
        }
    }
}

/// What [`load_dir`] does with a damaged file.
#[derive(Clone, Copy, Debug)]
pub enum SetAside<'a> {
    /// Move it into `<root>/quarantine/`. Only for the user's own folders that are in no
    /// group folder (prepared cases).
    Own(&'a Path),
    /// Move it out of a group folder into `<root>/quarantine/`: needs the group's write
    /// handle ([`GroupLock`]).
    Group(&'a GroupLock, &'a Path),
    /// Leave it where it is and list it: a Kring that may only read the group folder.
    No,
}

impl SetAside<'_> {
    fn apply(self, path: &Path, reason: LoadReason) -> LoadProblem {
        match self {
            Self::Own(root) => quarantine(root, path, reason),
            Self::Group(lock, root) => lock.set_aside(root, path, reason),
            Self::No => LoadProblem {
                left: Some(LeftBecause::ReadOnly),
                ..LoadProblem::left(path, reason)
            },
        }
    }
}

impl Rejection {
    /// A damaged file, where the parser found it: line and column kept for the sentence, the
    /// parser's words as its detail.
    pub(crate) fn parse_error(err: &ron::error::SpannedError) -> Self {
        Self::aside(parse_error_reason(err))
    }
}

/// A RON parse error as a [`LoadReason::Damaged`]: where, and the parser's words.
pub fn parse_error_reason(err: &ron::error::SpannedError) -> LoadReason {
    LoadReason::Damaged {
        at: Some((err.span.start.line, err.span.start.col)),
        detail: err.code.to_string(),
    }
}

/// Moves a damaged file into `<dir_root>/quarantine/` (created readable by its owner only),
/// never deleting or overwriting anything: when a file of that name is already there, the
/// new one becomes `name.1.ron`, `name.2.ron`, ... If the move fails, the file stays where it
/// is, `moved_to` is `None` and the reason says so.
pub(crate) fn quarantine(dir_root: &Path, path: &Path, reason: LoadReason) -> LoadProblem {
    let dir = dir_root.join(QUARANTINE_DIR);
    match move_into(&dir, path) {
        Ok(target) => LoadProblem {
            moved_to: Some(target),
            ..LoadProblem::left(path, reason)
        },
        Err(err) => LoadProblem {
            left: Some(LeftBecause::MoveFailed {
                dir,
                os: err.to_string(),
            }),
            ..LoadProblem::left(path, reason)
        },
    }
}

fn move_into(dir: &Path, path: &Path) -> io::Result<PathBuf> {
    create_private_dir(dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path has no file name"))?;
    for n in 0..MAX_SAME_NAME {
        let target = dir.join(numbered(path, name, n));
        match move_no_clobber(path, &target) {
            Ok(()) => {
                sync_dir(dir);
                if let Some(parent) = path.parent() {
                    sync_dir(parent);
                }
                return Ok(target);
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::other(format!(
        "{MAX_SAME_NAME} files of that name are already in quarantine"
    )))
}

/// `name.ron` for 0, `name.1.ron`, `name.2.ron`... after.
fn numbered(path: &Path, name: &std::ffi::OsStr, n: u32) -> OsString {
    if n == 0 {
        return name.to_owned();
    }
    let mut numbered = path.file_stem().unwrap_or(name).to_owned();
    numbered.push(format!(".{n}"));
    if let Some(ext) = path.extension() {
        numbered.push(".");
        numbered.push(ext);
    }
    numbered
}

/// Moves `from` to `to`, failing with `AlreadyExists` rather than replace a file at `to`.
fn move_no_clobber(from: &Path, to: &Path) -> io::Result<()> {
    // A hard link is created only if `to` does not exist, with no gap in between.
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from).inspect_err(|_| {
            // Undo, so the file is not in two places.
            fs::remove_file(to).ok();
        }),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Err(err),
        Err(_) => {
            // File systems without hard links (FAT, some shares): look, then rename.
            if to.symlink_metadata().is_ok() {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            fs::rename(from, to)
        }
    }
}

/// Makes renames in a folder durable, where the platform allows opening a folder.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        handle.sync_all().ok();
    }
}

/// Reads every `*.ron` file in `dir` (not those whose name starts with `.`, such as temporary
/// files, and not folders) and returns what it found; see [`DirLoad`]. A missing folder has
/// nothing in it.
///
/// - Conflict copies made by sync tools ([`find_conflicts`]) are listed in `conflicts`, not
///   read and not moved.
/// - Files that are empty, not UTF-8, or that `parse` turns down with a damaged-file reason
///   are moved into `<root>/quarantine/` with [`quarantine`], or left and listed, as
///   `set_aside` says ([`SetAside`]).
/// - `parse` gets the path and the text (a leading byte-order mark removed). Its error is a
///   [`Rejection`]; a plain `String` counts as damaged. A file from a newer Kring should be
///   turned down with [`Rejection::newer_format`], which leaves it in place.
/// - A file that cannot be read at all (permissions) is reported and left in place.
pub fn load_dir<T, E>(
    dir: &Path,
    set_aside: SetAside<'_>,
    parse: impl Fn(&Path, &str) -> Result<T, E>,
) -> DirLoad<T>
where
    E: Into<Rejection>,
{
    let mut load = DirLoad::default();
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return load,
        Err(err) => {
            let os = err.to_string();
            load.problems
                .push(LoadProblem::left(dir, LoadReason::FolderUnreadable { os }));
            return load;
        }
    };
    // (name, path): the name as text for matching, the path as the file system has it.
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in listing {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let os = err.to_string();
                load.problems
                    .push(LoadProblem::left(dir, LoadReason::FolderUnreadable { os }));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') || !name.ends_with(".ron") || !path.is_file() {
            continue;
        }
        files.push((name, path));
    }
    files.sort();

    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    let conflicts = find_conflicts(&names);
    for (name, path) in files {
        if let Some(conflict) = conflicts.iter().find(|c| c.copy == name) {
            load.conflicts.push(ConflictFile {
                path,
                original: dir.join(&conflict.original),
                original_exists: conflict.original_exists,
                kind: conflict.kind,
            });
            continue;
        }
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            // Gone since the listing (a sync tool moved it): nothing to load.
            Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
            Err(err) => {
                let os = err.to_string();
                load.problems
                    .push(LoadProblem::left(&path, LoadReason::CannotRead { os }));
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let valid = err.as_bytes().get(..err.utf8_error().valid_up_to());
                let at = Some(line_col(valid.unwrap_or_default()));
                load.problems
                    .push(set_aside.apply(&path, LoadReason::NotText { at }));
                continue;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if text.trim().is_empty() {
            load.problems
                .push(set_aside.apply(&path, LoadReason::Empty));
            continue;
        }
        match parse(&path, text) {
            Ok(item) => load.items.push((path, item)),
            Err(err) => {
                let rejection: Rejection = err.into();
                if rejection.set_aside {
                    load.problems.push(set_aside.apply(&path, rejection.reason));
                } else {
                    load.problems
                        .push(LoadProblem::left(&path, rejection.reason));
                }
            }
        }
    }
    load
}

/// Line and column (from 1, columns in characters) just after `valid`, which is UTF-8.
fn line_col(valid: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(valid);
    let line = text.matches('\n').count() + 1;
    let col = text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path) -> String {
        fs::read_to_string(path).expect("read")
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn quarantine_moves_and_never_overwrites() {
        let root = tempfile::tempdir().expect("tempdir");
        let meetings = root.path().join("meetings");
        fs::create_dir(&meetings).expect("mkdir");
        let path = meetings.join("2026-11-23_1930_uitpluizen.ron");

        let mut moved = Vec::new();
        for content in ["first", "second", "third"] {
            fs::write(&path, content).expect("write");
            let problem = quarantine(root.path(), &path, LoadReason::Empty);
            assert_eq!(problem.path, path);
            assert_eq!(problem.reason, LoadReason::Empty);
            assert!(!path.exists(), "the damaged file left its folder");
            moved.push(problem.moved_to.expect("moved"));
        }
        let quarantine_dir = root.path().join(QUARANTINE_DIR);
        assert_eq!(
            moved,
            [
                quarantine_dir.join("2026-11-23_1930_uitpluizen.ron"),
                quarantine_dir.join("2026-11-23_1930_uitpluizen.1.ron"),
                quarantine_dir.join("2026-11-23_1930_uitpluizen.2.ron"),
            ]
        );
        assert_eq!(read(&moved[0]), "first");
        assert_eq!(read(&moved[1]), "second");
        assert_eq!(read(&moved[2]), "third");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&quarantine_dir)
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700);
        }
    }

    #[test]
    fn a_file_that_cannot_be_moved_stays_and_the_reason_says_so() {
        let root = tempfile::tempdir().expect("tempdir");
        // A file where the quarantine folder should be makes the move impossible.
        fs::write(root.path().join(QUARANTINE_DIR), "in the way").expect("write");
        let path = root.path().join("settings.ron");
        fs::write(&path, "(").expect("write");

        let problem = quarantine(root.path(), &path, LoadReason::Empty);
        assert_eq!(problem.moved_to, None);
        assert!(matches!(problem.left, Some(LeftBecause::MoveFailed { .. })));
        assert!(
            problem.to_string().contains("stays where it is"),
            "{problem}"
        );
        assert_eq!(read(&path), "(");
        assert!(problem.to_string().contains("settings.ron"));
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Item {
        format_version: u32,
        name: String,
    }

    fn parse_item(_path: &Path, text: &str) -> Result<Item, Rejection> {
        let item: Item = ron::from_str(text).map_err(|err| Rejection::parse_error(&err))?;
        if item.format_version > 1 {
            return Err(Rejection::newer(u64::from(item.format_version), 1));
        }
        Ok(item)
    }

    #[test]
    fn load_dir_reads_good_files_sets_bad_ones_aside_and_leaves_conflicts() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        fs::create_dir(&dir).expect("mkdir");
        let files: &[(&str, &[u8])] = &[
            ("a-good.ron", b"(format_version: 1, name: \"a\")"),
            (
                "b-bom.ron",
                "\u{feff}(format_version: 1, name: \"b\")".as_bytes(),
            ),
            ("c-empty.ron", b""),
            ("d-blank.ron", b"  \n\t\n"),
            ("e-binary.ron", b"(format_version: 1,\n name: \"\xff\xfe\")"),
            ("f-broken.ron", b"(format_version: 1,\n name: )"),
            ("g-newer.ron", b"(format_version: 7, name: \"g\")"),
            (
                "a-good.sync-conflict-20241123-101500-ABCDEF7.ron",
                b"(format_version: 1, name: \"a2\")",
            ),
            ("a-good-DESKTOP-4F2K9QL.ron", b"garbage"),
            (
                "lost (conflicted copy).ron",
                b"(format_version: 1, name: \"l\")",
            ),
            (".a-good.ron.tmp-123", b"partial"),
            (".hidden.ron", b"garbage"),
            ("notes.txt", b"not ours"),
        ];
        for (name, bytes) in files {
            fs::write(dir.join(name), bytes).expect("write");
        }
        fs::create_dir(dir.join("folder.ron")).expect("mkdir");

        let load = load_dir(&dir, SetAside::Own(root.path()), parse_item);

        let items: Vec<(String, &str)> = load
            .items
            .iter()
            .map(|(p, item)| {
                (
                    p.file_name().expect("name").to_string_lossy().into_owned(),
                    item.name.as_str(),
                )
            })
            .collect();
        assert_eq!(
            items,
            [
                ("a-good.ron".to_owned(), "a"),
                ("b-bom.ron".to_owned(), "b")
            ]
        );

        let problem = |name: &str| {
            load.problems
                .iter()
                .find(|p| p.path == dir.join(name))
                .unwrap_or_else(|| panic!("{name} is reported: {:?}", load.problems))
        };
        assert_eq!(load.problems.len(), 5, "{:?}", load.problems);
        assert!(problem("c-empty.ron").reason.to_string().contains("empty"));
        assert!(problem("d-blank.ron").reason.to_string().contains("empty"));
        let binary = problem("e-binary.ron");
        assert_eq!(binary.reason, LoadReason::NotText { at: Some((2, 9)) });
        assert!(
            binary.to_string().contains("damaged?). (line 2, column 9)"),
            "{binary}"
        );
        let broken = problem("f-broken.ron");
        assert!(
            matches!(
                broken.reason,
                LoadReason::Damaged {
                    at: Some((2, _)),
                    ..
                }
            ),
            "{broken}"
        );
        let newer = problem("g-newer.ron");
        assert_eq!(
            newer.moved_to, None,
            "a newer file stays for the newer Kring"
        );
        assert!(newer.reason.to_string().contains("update Kring"));

        for name in ["c-empty.ron", "d-blank.ron", "e-binary.ron", "f-broken.ron"] {
            assert_eq!(
                problem(name).moved_to,
                Some(root.path().join(QUARANTINE_DIR).join(name))
            );
        }
        assert_eq!(
            names_in(&root.path().join(QUARANTINE_DIR)),
            ["c-empty.ron", "d-blank.ron", "e-binary.ron", "f-broken.ron"]
        );

        let conflicts: Vec<(String, ConflictKind, bool)> = load
            .conflicts
            .iter()
            .map(|c| {
                (
                    c.path
                        .file_name()
                        .expect("name")
                        .to_string_lossy()
                        .into_owned(),
                    c.kind,
                    c.original_exists,
                )
            })
            .collect();
        assert_eq!(
            conflicts,
            [
                (
                    "a-good-DESKTOP-4F2K9QL.ron".to_owned(),
                    ConflictKind::OneDrive,
                    true
                ),
                (
                    "a-good.sync-conflict-20241123-101500-ABCDEF7.ron".to_owned(),
                    ConflictKind::Syncthing,
                    true
                ),
                (
                    "lost (conflicted copy).ron".to_owned(),
                    ConflictKind::Dropbox,
                    false
                ),
            ]
        );
        assert_eq!(load.conflicts[0].original, dir.join("a-good.ron"));

        // Everything not set aside is still where it was, untouched.
        assert_eq!(
            names_in(&dir),
            [
                ".a-good.ron.tmp-123",
                ".hidden.ron",
                "a-good-DESKTOP-4F2K9QL.ron",
                "a-good.ron",
                "a-good.sync-conflict-20241123-101500-ABCDEF7.ron",
                "b-bom.ron",
                "folder.ron",
                "g-newer.ron",
                "lost (conflicted copy).ron",
                "notes.txt",
            ]
        );
    }

    #[test]
    fn a_plain_string_error_sets_the_file_aside() {
        let root = tempfile::tempdir().expect("tempdir");
        fs::write(root.path().join("x.ron"), "()").expect("write");
        let load = load_dir(root.path(), SetAside::Own(root.path()), |_, _| {
            Err::<(), _>(String::from("line 1, column 1: not a meeting"))
        });
        assert!(load.items.is_empty());
        assert_eq!(
            load.problems[0].moved_to,
            Some(root.path().join(QUARANTINE_DIR).join("x.ron"))
        );
        // The quarantine folder inside the loaded folder is not read again.
        let again = load_dir(root.path(), SetAside::Own(root.path()), |_, _| {
            Ok::<_, String>(())
        });
        assert!(again.items.is_empty() && again.problems.is_empty());
    }

    #[test]
    fn a_missing_folder_has_nothing_in_it() {
        let root = tempfile::tempdir().expect("tempdir");
        let load = load_dir(
            &root.path().join("none"),
            SetAside::Own(root.path()),
            |_, _| Ok::<_, String>(()),
        );
        assert!(load.items.is_empty() && load.problems.is_empty() && load.conflicts.is_empty());
    }

    #[test]
    fn messages_say_where_the_file_went() {
        let problem = LoadProblem {
            path: PathBuf::from("/g/meetings/x.ron"),
            moved_to: Some(PathBuf::from("/g/quarantine/x.ron")),
            reason: LoadReason::Damaged {
                at: Some((3, 5)),
                detail: "Expected string".to_owned(),
            },
            left: None,
        };
        let text = problem.to_string();
        assert!(text.starts_with("/g/meetings/x.ron: "), "{text}");
        assert!(
            text.contains("(line 3, column 5: Expected string)"),
            "{text}"
        );
        assert!(text.contains("moved it to /g/quarantine/x.ron"));
    }
}
