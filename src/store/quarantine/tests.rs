//! Setting files aside and reading folders: what moves, what stays, and what is said.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::store::ConflictKind;

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
