//! Prepared cases (casussen): one RON file per case in the member's own data folder,
//! `<data dir>/cases/<id>.ron`, never in a group folder. A case travels to a meeting as an
//! exported `.kringcase` file: the same RON with a header comment.

use std::path::{Path, PathBuf};

use rand::Rng;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::model::{CASE_FORMAT_VERSION, PreparedCase};

use super::version::read_format_version;
use super::{DataDir, DirLoad, LoadReason, Rejection, SetAside, load_dir, to_ron, write_atomic};

/// The extension of an exported case file, without the dot.
pub const CASE_FILE_EXTENSION: &str = "kringcase";

/// The folder, inside the data folder, that holds prepared cases.
pub const CASES_DIR: &str = "cases";

/// `<data dir>/cases`: where [`save_case`] and [`list_cases`] keep the user's own cases.
pub fn cases_dir(data: &DataDir) -> PathBuf {
    data.root().join(CASES_DIR)
}

/// `<dir>/<id>.ron`, the file of the case with this id.
pub fn case_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.ron"))
}

/// The few fields that tell a case file from other Kring files (a meeting record has none of
/// them) and give its format, read before the whole case.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    id: Present,
    #[serde(default)]
    situation: Present,
    #[serde(default)]
    question: Present,
}

/// Whether a field is in the file, whatever its value.
#[derive(Default)]
struct Present(bool);

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer)?;
        Ok(Self(true))
    }
}

/// Reads a case from RON text: checks that it is a case and its format, then migrates an
/// older format (the fields it lacks start empty).
fn parse_case(text: &str) -> Result<PreparedCase, Rejection> {
    let probe: Probe = ron::from_str(text).map_err(|err| Rejection::parse_error(&err))?;
    if !(probe.id.0 || probe.situation.0 || probe.question.0) {
        return Err(Rejection::aside(LoadReason::NotACase));
    }
    // The version, before the whole case: a newer case may have fields this Kring does not know.
    // A case without a format number predates format numbers: the first format.
    read_format_version(text, CASE_FORMAT_VERSION, Some(1))?;
    let mut case: PreparedCase = ron::from_str(text).map_err(|err| Rejection::parse_error(&err))?;
    // Older formats lack only fields that default to empty; the case is now current.
    case.format_version = CASE_FORMAT_VERSION;
    Ok(case)
}

/// The case as the RON text Kring writes, with `header` (comment lines) in front.
fn case_text(case: &PreparedCase, header: &str) -> Result<String, String> {
    let current = PreparedCase {
        format_version: CASE_FORMAT_VERSION,
        ..case.clone()
    };
    let body =
        to_ron(&current).map_err(|err| format!("the case could not be put into words ({err})"))?;
    Ok(format!("{header}{body}\n"))
}

/// Writes the case atomically to `<dir>/<id>.ron` (creating `dir` when needed) and returns
/// the path. The caller sets `updated_at_ms`; this only writes.
pub fn save_case(dir: &Path, case: &PreparedCase) -> Result<PathBuf, String> {
    if !PreparedCase::is_valid_id(&case.id) {
        return Err(format!(
            "the case \"{}\" has no usable id ({:?}), so it cannot be saved in {}; make the case \
             with PreparedCase::new",
            case.title,
            case.id,
            dir.display()
        ));
    }
    let path = case_path(dir, &case.id);
    let text = case_text(case, "").map_err(|err| format!("{}: {err}", path.display()))?;
    write_atomic(&path, text.as_bytes()).map_err(|err| {
        format!(
            "{}: the case could not be saved ({err}); check that the folder exists and that you \
             may write to it, then save again",
            path.display()
        )
    })?;
    Ok(path)
}

/// The cases in `dir`, most recently changed first (then by id). Damaged files are moved into
/// `<quarantine_root>/quarantine/` and reported, files from a newer Kring are reported and
/// left, sync conflict copies are reported; see [`load_dir`]. A blank case (a draft saved
/// before anything was typed) is an ordinary case here.
///
/// A file named after a valid id is that case, whatever id is written inside (a copy made by
/// hand keeps the name of its file), so saving it again writes the same file.
pub fn list_cases(dir: &Path, quarantine_root: &Path) -> DirLoad<PreparedCase> {
    // Cases live in the user's own data folder, in no group folder: no lock guards them.
    let mut load = load_dir(dir, SetAside::Own(quarantine_root), |path, text| {
        let mut case = parse_case(text)?;
        if let Some(stem) = path.file_stem().and_then(|s| s.to_str())
            && PreparedCase::is_valid_id(stem)
        {
            stem.clone_into(&mut case.id);
        }
        Ok::<_, Rejection>(case)
    });
    load.items.sort_by(|(_, a), (_, b)| {
        b.updated_at_ms
            .cmp(&a.updated_at_ms)
            .then_with(|| a.id.cmp(&b.id))
    });
    load
}

/// Reads a case file to import: a `.kringcase` file made by [`export_case`], or a case's
/// `.ron` file. An older format is migrated; a newer one, a damaged file, another kind of
/// Kring file or a case without any text gives an error that names the file and says what to
/// do.
pub fn load_case_file(path: &Path) -> Result<PreparedCase, String> {
    let bytes = std::fs::read(path).map_err(|err| {
        format!(
            "{}: the file cannot be read ({err}); check that it is there and that you may open it",
            path.display()
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "{}: this is not a Kring case file (it is not text); choose a .{CASE_FILE_EXTENSION} \
             file exported from Kring",
            path.display()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let case = parse_case(text).map_err(|err| {
        let hint = if err.set_aside {
            format!(" Choose a .{CASE_FILE_EXTENSION} file exported from Kring.")
        } else {
            String::new()
        };
        format!("{}: {}{hint}", path.display(), err.reason)
    })?;
    if case.is_blank() {
        return Err(format!(
            "{}: this case has no text in it, so there is nothing to import; export the case \
             again after writing it",
            path.display()
        ));
    }
    Ok(case)
}

/// Writes the case to `path` (atomically) as a file to take to a meeting: the same RON as a
/// saved case, with a comment on top that says what it is. The extension is the caller's
/// choice; [`CASE_FILE_EXTENSION`] is Kring's.
pub fn export_case(case: &PreparedCase, path: &Path) -> Result<(), String> {
    let header = format!(
        "// Kring: voorbereide casus / prepared case (case format {CASE_FORMAT_VERSION}).\n\
         // Open het in Kring met Casus importeren / import it into Kring.\n\
         // Het kan over een cliënt gaan: deel het alleen met je intervisiegroep.\n\
         // It may be about a client: share it with your intervision group only.\n"
    );
    let text = case_text(case, &header).map_err(|err| format!("{}: {err}", path.display()))?;
    write_atomic(path, text.as_bytes()).map_err(|err| {
        format!(
            "{}: the case could not be exported ({err}); choose a folder you may write to",
            path.display()
        )
    })
}

/// Imports the case file at `path` into the cases folder `dir` and returns the case as
/// stored there.
///
/// - A case with the same texts already in `dir` (under any id) is returned as it is:
///   importing a file twice makes no copy.
/// - When `dir` already has a file for the case's id (with other texts, or damaged), the
///   imported case gets a fresh id, so nothing is overwritten. So does a case whose id is not
///   usable as a file name.
pub fn import_case(dir: &Path, path: &Path) -> Result<PreparedCase, String> {
    let mut case = load_case_file(path)?;
    if let Some(same) = existing_cases(dir)
        .into_iter()
        .find(|existing| existing.same_content(&case))
    {
        return Ok(same);
    }
    let mut rng = rand::rng();
    while !PreparedCase::is_valid_id(&case.id) || case_path(dir, &case.id).exists() {
        case.id = fresh_id(&mut rng);
    }
    save_case(dir, &case)?;
    Ok(case)
}

/// A new id for now.
fn fresh_id(rng: &mut impl Rng) -> String {
    PreparedCase::new_id(jiff::Timestamp::now().as_millisecond(), rng)
}

/// The cases in `dir` that can be read, without moving or reporting anything (for
/// comparison only; [`list_cases`] reports the rest).
fn existing_cases(dir: &Path) -> Vec<PreparedCase> {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    listing
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            p.extension().is_some_and(|ext| ext == "ron")
                && p.file_name()
                    .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        })
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|text| parse_case(text.strip_prefix('\u{feff}').unwrap_or(&text)).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::QUARANTINE_DIR;

    fn case(id: &str, title: &str, updated_at_ms: i64) -> PreparedCase {
        PreparedCase {
            id: id.to_owned(),
            title: title.to_owned(),
            situation: format!("De situatie van {title}.\nMet een tweede regel."),
            question: "Hoe ga ik hiermee om?".to_owned(),
            what_touched_me: "Het raakte me: \"echt\" (zeer).".to_owned(),
            created_at_ms: 1_000,
            updated_at_ms,
            ..PreparedCase::default()
        }
    }

    #[test]
    fn saved_cases_list_newest_first_and_damaged_ones_are_set_aside() {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join(CASES_DIR);
        let old = case("20260101-100000-00000001", "Oud", 10);
        let new = case("20260102-100000-00000002", "Nieuw", 20);
        let draft = PreparedCase {
            id: "20260103-100000-00000003".into(),
            updated_at_ms: 5,
            ..PreparedCase::default()
        };
        for c in [&old, &new, &draft] {
            let path = save_case(&dir, c).expect("save");
            assert_eq!(path, case_path(&dir, &c.id));
        }
        std::fs::write(dir.join("kapot.ron"), "(id: \"x\", title: ").expect("write");
        std::fs::write(
            dir.join("nieuwer.ron"),
            "(format_version: 99, id: \"nieuwer\", question: \"?\")",
        )
        .expect("write");

        let load = list_cases(&dir, root.path());
        let cases: Vec<&PreparedCase> = load.items.iter().map(|(_, c)| c).collect();
        assert_eq!(cases, [&new, &old, &draft]);
        assert_eq!(load.problems.len(), 2, "{:?}", load.problems);
        let damaged = &load.problems[0];
        assert_eq!(damaged.path, dir.join("kapot.ron"));
        assert_eq!(
            damaged.moved_to,
            Some(root.path().join(QUARANTINE_DIR).join("kapot.ron"))
        );
        let newer = &load.problems[1];
        assert_eq!(
            newer.moved_to, None,
            "a newer case stays for the newer Kring"
        );
        assert!(
            newer.reason.to_string().contains("update Kring"),
            "{}",
            newer.reason
        );

        assert!(save_case(&dir, &PreparedCase::default()).is_err());
        assert!(
            save_case(
                &dir,
                &PreparedCase {
                    id: "../x".into(),
                    ..old
                }
            )
            .is_err()
        );
    }

    #[test]
    fn export_then_import_round_trips_and_a_second_import_makes_no_copy() {
        let mine = tempfile::tempdir().expect("tempdir");
        let theirs = tempfile::tempdir().expect("tempdir");
        let original = case("20260101-100000-0000000a", "Grenzen", 10);
        save_case(mine.path(), &original).expect("save");

        let file = mine.path().join(format!("grenzen.{CASE_FILE_EXTENSION}"));
        export_case(&original, &file).expect("export");
        let text = std::fs::read_to_string(&file).expect("read");
        assert!(text.starts_with("// Kring"), "{text}");
        assert_eq!(load_case_file(&file).expect("load"), original);

        let imported = import_case(theirs.path(), &file).expect("import");
        assert_eq!(imported, original);
        let again = import_case(theirs.path(), &file).expect("import again");
        assert_eq!(again, original);
        let load = list_cases(theirs.path(), theirs.path());
        assert_eq!(load.items.len(), 1, "importing twice keeps one case");

        // Importing into the folder it came from finds itself.
        assert_eq!(
            import_case(mine.path(), &file).expect("import home"),
            original
        );
    }

    #[test]
    fn an_import_whose_id_is_taken_by_another_case_gets_a_fresh_id() {
        let dir = tempfile::tempdir().expect("tempdir");
        let id = "20260101-100000-0000000b";
        let here = case(id, "Hier", 10);
        save_case(dir.path(), &here).expect("save");

        let elsewhere = tempfile::tempdir().expect("tempdir");
        let other = case(id, "Elders", 30);
        let file = elsewhere.path().join("elders.kringcase");
        export_case(&other, &file).expect("export");

        let imported = import_case(dir.path(), &file).expect("import");
        assert_ne!(imported.id, id);
        assert!(PreparedCase::is_valid_id(&imported.id));
        assert!(imported.same_content(&other));
        assert_eq!(imported.updated_at_ms, 30);

        let load = list_cases(dir.path(), dir.path());
        let listed: Vec<(&str, &str)> = load
            .items
            .iter()
            .map(|(_, c)| (c.id.as_str(), c.title.as_str()))
            .collect();
        assert_eq!(listed, [(imported.id.as_str(), "Elders"), (id, "Hier")]);
        // The case that was there is untouched.
        assert_eq!(load.items[1].1, here);

        // Importing the same file again finds the imported copy.
        assert_eq!(import_case(dir.path(), &file).expect("again"), imported);
        assert_eq!(list_cases(dir.path(), dir.path()).items.len(), 2);
    }

    #[test]
    fn import_migrates_older_and_refuses_newer_or_foreign_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let older = dir.path().join("oud.kringcase");
        // A format-0 file: no format number, no timestamps, some fields missing.
        std::fs::write(
            &older,
            "\u{feff}// an old case\n(id: \"oud\", title: \"Oud\", question: \"Wat nu?\")",
        )
        .expect("write");
        let case = load_case_file(&older).expect("older loads");
        assert_eq!(case.format_version, CASE_FORMAT_VERSION);
        assert_eq!((case.title.as_str(), case.situation.as_str()), ("Oud", ""));

        let newer = dir.path().join("nieuw.kringcase");
        std::fs::write(
            &newer,
            "(format_version: 7, id: \"n\", question: \"?\", mood: Calm)",
        )
        .expect("write");
        let err = load_case_file(&newer).expect_err("newer is refused");
        assert!(err.contains("nieuw.kringcase"), "{err}");
        assert!(err.contains("newer Kring"), "{err}");
        assert!(err.contains("update Kring"), "{err}");

        let record = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meeting-format-1.ron");
        let err = load_case_file(&record).expect_err("a meeting is not a case");
        assert!(err.contains("not a Kring case"), "{err}");

        let broken = dir.path().join("kapot.kringcase");
        std::fs::write(&broken, "(id: \"k\",\n question: )").expect("write");
        let err = load_case_file(&broken).expect_err("damaged");
        assert!(err.contains("kapot.kringcase: "), "{err}");
        assert!(err.contains("(line 2, column"), "{err}");

        let blank = dir.path().join("leeg.kringcase");
        std::fs::write(&blank, "(id: \"leeg\", question: \" \")").expect("write");
        assert!(
            load_case_file(&blank)
                .expect_err("blank")
                .contains("no text")
        );

        let missing = load_case_file(&dir.path().join("weg.kringcase")).expect_err("missing");
        assert!(missing.contains("cannot be read"), "{missing}");
    }

    #[test]
    fn a_copied_file_is_the_case_its_name_says() {
        let dir = tempfile::tempdir().expect("tempdir");
        let original = case("20260101-100000-0000000c", "Kopie", 10);
        let text = case_text(&original, "").expect("text");
        std::fs::write(dir.path().join("20260101-100000-0000000d.ron"), text).expect("write");
        let load = list_cases(dir.path(), dir.path());
        assert_eq!(load.items[0].1.id, "20260101-100000-0000000d");
    }
}
