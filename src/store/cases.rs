//! Prepared cases (casussen): one RON file per case in the member's own data folder,
//! `<data dir>/cases/<id>.ron`, never in a group folder. A case travels to a meeting as an
//! exported `.kringcase` file: the same RON with a header comment.

use std::path::{Path, PathBuf};

use rand::Rng;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::model::{CASE_FORMAT_VERSION, PreparedCase};

use super::version::read_format_version;
use super::{
    CaseError, DataDir, DirLoad, LoadReason, Rejection, SetAside, StoreError, StoreErrorKind,
    load_dir, to_ron, write_atomic,
};

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

/// The case as the RON text Kring writes for `path`, with `header` (comment lines) in front.
fn case_text(case: &PreparedCase, header: &str, path: &Path) -> Result<String, StoreError> {
    let current = PreparedCase {
        format_version: CASE_FORMAT_VERSION,
        ..case.clone()
    };
    let body = to_ron(&current).map_err(|err| StoreError::serialize(path, &err))?;
    Ok(format!("{header}{body}\n"))
}

/// Writes the case atomically to `<dir>/<id>.ron` (creating `dir` when needed) and returns
/// the path. The caller sets `updated_at_ms`; this only writes.
pub fn save_case(dir: &Path, case: &PreparedCase) -> Result<PathBuf, CaseError> {
    // A case made with `PreparedCase::new` always has a usable id: this is a fault in Kring.
    if !PreparedCase::is_valid_id(&case.id) {
        return Err(CaseError::BadId {
            dir: dir.to_owned(),
            title: case.title.clone(),
            id: case.id.clone(),
        });
    }
    let path = case_path(dir, &case.id);
    let text = case_text(case, "", &path)?;
    write_atomic(&path, text.as_bytes())?;
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
pub fn load_case_file(path: &Path) -> Result<PreparedCase, CaseError> {
    let bytes =
        std::fs::read(path).map_err(|err| StoreError::os(StoreErrorKind::CannotRead, path, err))?;
    let text = String::from_utf8(bytes).map_err(|_| CaseError::NotImportable {
        path: path.to_owned(),
        reason: LoadReason::NotText { at: None },
        choose_another: true,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let case = parse_case(text).map_err(|rejection| CaseError::NotImportable {
        path: path.to_owned(),
        reason: rejection.reason,
        // Damaged or of another kind: another file is the way; a newer Kring's is not.
        choose_another: rejection.set_aside,
    })?;
    if case.is_blank() {
        return Err(CaseError::Blank {
            path: path.to_owned(),
        });
    }
    Ok(case)
}

/// Writes the case to `path` (atomically) as a file to take to a meeting: the same RON as a
/// saved case, with a comment on top that says what it is. The extension is the caller's
/// choice; [`CASE_FILE_EXTENSION`] is Kring's.
pub fn export_case(case: &PreparedCase, path: &Path) -> Result<(), StoreError> {
    let header = format!(
        "// Kring: voorbereide casus / prepared case (case format {CASE_FORMAT_VERSION}).\n\
         // Open het in Kring met Casus importeren / import it into Kring.\n\
         // Het kan over een cliënt gaan: deel het alleen met je intervisiegroep.\n\
         // It may be about a client: share it with your intervision group only.\n"
    );
    let text = case_text(case, &header, path)?;
    write_atomic(path, text.as_bytes())
}

/// Imports the case file at `path` into the cases folder `dir` and returns the case as
/// stored there.
///
/// - A case with the same texts already in `dir` (under any id) is returned as it is:
///   importing a file twice makes no copy.
/// - When `dir` already has a file for the case's id (with other texts, or damaged), the
///   imported case gets a fresh id, so nothing is overwritten. So does a case whose id is not
///   usable as a file name.
pub fn import_case(dir: &Path, path: &Path) -> Result<PreparedCase, CaseError> {
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
    use crate::model::Lang;
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
        assert!(
            matches!(
                &err,
                CaseError::NotImportable {
                    reason: LoadReason::NewerFormat { found: 7, .. },
                    choose_another: false,
                    ..
                }
            ),
            "{err:?}"
        );
        let en = err.to_string();
        assert!(en.contains("nieuw.kringcase"), "{en}");
        assert!(en.contains("newer Kring"), "{en}");
        assert!(en.contains("update Kring"), "{en}");
        let nl = crate::i18n::case_error(Lang::Nl, &err);
        assert!(
            nl.contains("nieuwere Kring") && nl.contains("Werk Kring bij"),
            "{nl}"
        );
        assert!(
            !nl.contains("Kies een"),
            "a newer file is not the wrong file: {nl}"
        );

        let record = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/meeting-format-1.ron");
        let err = load_case_file(&record).expect_err("a meeting is not a case");
        assert!(err.to_string().contains("not a Kring case"), "{err}");
        assert_eq!(
            crate::i18n::case_error(Lang::Nl, &err),
            format!(
                "{}: Dit is geen casus van Kring: er staat geen id, situatie of vraag in (is het \
                 een verslag van een bijeenkomst, of een protocol?). Kies een .kringcase-bestand \
                 dat met Kring is geëxporteerd.",
                record.display()
            )
        );

        // Damaged: the sentence, what to do, then the parser's detail (line, column) last.
        let broken = dir.path().join("kapot.kringcase");
        std::fs::write(&broken, "(id: \"k\",\n question: )").expect("write");
        let err = load_case_file(&broken).expect_err("damaged");
        let en = err.to_string();
        assert!(en.contains("kapot.kringcase: "), "{en}");
        assert!(en.contains("(line 2, column"), "{en}");
        let nl = crate::i18n::case_error(Lang::Nl, &err);
        assert!(
            nl.starts_with(&format!(
                "{}: Het bestand is beschadigd of geen Kring-bestand van deze soort. Kies een \
                 .kringcase-bestand dat met Kring is geëxporteerd. (regel 2, kolom ",
                broken.display()
            )),
            "{nl}"
        );
        assert!(nl.ends_with(')'), "{nl}");

        let not_text = dir.path().join("binair.kringcase");
        std::fs::write(&not_text, b"(id: \"\xff\")").expect("write");
        let nl =
            crate::i18n::case_error(Lang::Nl, &load_case_file(&not_text).expect_err("not text"));
        assert!(nl.contains(": Het bestand is geen tekst in UTF-8"), "{nl}");

        let blank = dir.path().join("leeg.kringcase");
        std::fs::write(&blank, "(id: \"leeg\", question: \" \")").expect("write");
        let err = load_case_file(&blank).expect_err("blank");
        assert!(matches!(err, CaseError::Blank { .. }), "{err:?}");
        assert!(err.to_string().contains("no text"), "{err}");
        assert_eq!(
            crate::i18n::case_error(Lang::Nl, &err),
            format!(
                "{}: in deze casus staat geen tekst, dus er is niets te importeren. Schrijf de \
                 casus eerst en exporteer hem dan opnieuw.",
                blank.display()
            )
        );

        // Cannot be read: Kring's sentence, the operating system's words after it.
        let gone = dir.path().join("weg.kringcase");
        let missing = load_case_file(&gone).expect_err("missing");
        let CaseError::Store(store) = &missing else {
            panic!("{missing:?}");
        };
        assert_eq!(store.kind, StoreErrorKind::CannotRead);
        let os = store.os_detail().expect("the system's words");
        let nl = crate::i18n::case_error(Lang::Nl, &missing);
        assert_eq!(
            nl,
            format!(
                "Kring kon {} niet lezen. Controleer of het bestand er nog is en of je het mag \
                 lezen. ({os})",
                gone.display()
            )
        );
        assert!(
            missing.to_string().starts_with("Kring could not read "),
            "{missing}"
        );
    }

    /// A case without a usable id is a fault in Kring, and said to be one.
    #[test]
    fn a_case_without_a_usable_id_is_not_saved_and_the_words_say_why() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = PreparedCase {
            id: "../x".into(),
            title: "Grenzen".into(),
            ..PreparedCase::default()
        };
        let err = save_case(dir.path(), &bad).expect_err("no usable id");
        assert!(matches!(err, CaseError::BadId { .. }), "{err:?}");
        assert_eq!(
            crate::i18n::case_error(Lang::Nl, &err),
            format!(
                "Kring kon de casus \"Grenzen\" niet in {} bewaren: de casus heeft geen \
                 bruikbaar id (\"../x\"). Dit is een fout in Kring; meld het graag.",
                dir.path().display()
            )
        );
        assert!(
            err.to_string()
                .starts_with("Kring could not save the case \"Grenzen\" in "),
            "{err}"
        );
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
    }

    #[test]
    fn a_copied_file_is_the_case_its_name_says() {
        let dir = tempfile::tempdir().expect("tempdir");
        let original = case("20260101-100000-0000000c", "Kopie", 10);
        let text = case_text(&original, "", dir.path()).expect("text");
        std::fs::write(dir.path().join("20260101-100000-0000000d.ron"), text).expect("write");
        let load = list_cases(dir.path(), dir.path());
        assert_eq!(load.items[0].1.id, "20260101-100000-0000000d");
    }
}
