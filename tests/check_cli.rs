//! `kring check` as a group's protocol author uses it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `kring check --lang en FILE...`, with a data folder of its own (no settings in it).
fn kring_check(files: &[PathBuf]) -> (bool, String) {
    kring_check_with(&["--lang", "en"], None, files)
}

/// `kring check OPTIONS FILE...`; the data folder is `data`, or an empty one.
fn kring_check_with(options: &[&str], data: Option<&Path>, files: &[PathBuf]) -> (bool, String) {
    let empty = tempfile::tempdir().expect("tempdir");
    let output = Command::new(env!("CARGO_BIN_EXE_kring"))
        .env("KRING_DATA_DIR", data.unwrap_or(empty.path()))
        .arg("check")
        .args(options)
        .args(files)
        .output()
        .expect("run kring");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// The shipped protocol file called `name`.
fn shipped_file(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("protocols")
        .join(name);
    assert!(path.exists(), "{}", path.display());
    path
}

fn shipped() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("protocols folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn shipped_protocols_pass() {
    let files = shipped();
    assert_eq!(files.len(), 9);
    let (ok, out) = kring_check(&files);
    assert!(ok, "{out}");
    assert_eq!(
        out.lines().filter(|l| l.contains(": ok (")).count(),
        9,
        "{out}"
    );
    // Every shipped text has its German: no warning.
    assert_eq!(out.lines().count(), 9, "{out}");
    // Issue 14, point 7: the four further protocols, with their lengths.
    for line in [
        "balint-internationaal.ron: ok (balint-internationaal; phases: 5, minutes: 70)",
        "balintgruppe-doppelstunde.ron: ok (balintgruppe-doppelstunde; phases: 5, minutes: 90)",
        "incidentmethode.ron: ok (incidentmethode; phases: 10, minutes: 75)",
        "roddelmethode.ron: ok (roddelmethode; phases: 5, minutes: 50)",
    ] {
        assert!(out.contains(line), "{line} in {out}");
    }
}

/// Each broken file fails with `file:line:col: message` in plain words.
#[test]
fn duplicate_id_syntax_error_and_negative_duration_fail_with_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nine = std::fs::read_to_string(shipped_file("balint-9-fasen.ron")).expect("read");
    assert!(nine.contains("id: \"balint-9-fasen\""));

    let cases = [
        (
            "duplicate.ron",
            nine.replacen("id: \"probleemkeuze\"", "id: \"problemen-verzamelen\"", 1),
            "an earlier phase already uses",
        ),
        (
            "syntax.ron",
            nine.replacen("version: 1,\n    name", "version: 1\n    name", 1),
            "A comma is missing",
        ),
        (
            "negative.ron",
            nine.replacen("planned_minutes: 20", "planned_minutes: -20", 1),
            "a phase needs at least 1 minute",
        ),
    ];
    for (name, text, message) in cases {
        assert_ne!(text, nine, "{name}: the test edit applied");
        let path = dir.path().join(name);
        std::fs::write(&path, &text).expect("write");
        let (ok, out) = kring_check(std::slice::from_ref(&path));
        assert!(!ok, "{name} must fail: {out}");
        let line = out.lines().next().expect("a line");
        let prefix = format!("{}:", path.display());
        assert!(line.starts_with(&prefix), "{line}");
        let rest = &line[prefix.len()..];
        let mut parts = rest.splitn(3, ':');
        let line_no: usize = parts.next().and_then(|n| n.parse().ok()).expect("line");
        let col_no: usize = parts.next().and_then(|n| n.parse().ok()).expect("col");
        assert!(line_no > 1 && col_no >= 1, "{line}");
        assert!(line.contains(message), "{line}");
        // The position points at the offending text.
        let offending = text.lines().nth(line_no - 1).expect("line exists");
        match name {
            "duplicate.ron" => assert!(offending.contains("problemen-verzamelen"), "{offending}"),
            "negative.ron" => assert!(offending.contains("-20"), "{offending}"),
            _ => assert!(offending.contains("name"), "{offending}"),
        }
    }

    // Several files: one line per problem, and good files still say ok.
    let mut files = vec![shipped()[0].clone()];
    files.push(dir.path().join("negative.ron"));
    let (ok, out) = kring_check(&files);
    assert!(!ok);
    assert_eq!(out.lines().count(), 2, "{out}");
}

/// Without --lang, the messages are in the language of the settings, else in Dutch; the
/// `file:line:col:` shape and the exit status stay.
#[test]
fn the_language_comes_from_lang_or_the_settings_else_dutch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nine = std::fs::read_to_string(shipped_file("balint-9-fasen.ron")).expect("read");
    let path = dir.path().join("spelfout.ron");
    let text = nine.replacen("prepare_minutes:", "voorbereiding:", 1);
    assert_ne!(text, nine);
    std::fs::write(&path, &text).expect("write");
    let files = [path.clone()];

    let (ok, dutch) = kring_check_with(&[], None, &files);
    assert!(!ok);
    let prefix = format!("{}:", path.display());
    assert!(dutch.starts_with(&prefix), "{dutch}");
    assert!(
        dutch.contains("Het veld `voorbereiding` kent Kring niet in fase "),
        "{dutch}"
    );
    assert!(dutch.contains("`prepare_minutes`"), "{dutch}");
    assert!(
        !dutch.contains("RON") && !dutch.contains("struct "),
        "{dutch}"
    );

    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        data.path().join("settings.ron"),
        "(format_version: 1, language: En)",
    )
    .expect("write");
    let (ok, english) = kring_check_with(&[], Some(data.path()), &files);
    assert!(!ok);
    assert!(
        english.contains("Kring knows no field `voorbereiding`"),
        "{english}"
    );
    let (_, forced) = kring_check_with(&["--lang", "nl"], Some(data.path()), &files);
    assert_eq!(forced, dutch, "--lang wins over the settings");

    let (ok, good) = kring_check_with(
        &["--lang", "nl"],
        None,
        &[shipped_file("balint-8-stappen.ron")],
    );
    assert!(ok, "{good}");
    // The first shipped file is the 8 steps: it counts stappen (issue 12, point 5).
    assert!(
        good.contains("balint-8-stappen.ron: ok (") && good.contains("stappen: "),
        "{good}"
    );
}

/// Issue 14, point 6: a group's own protocol may leave German out. `kring check` says so as a
/// warning after the "ok" line, in the user's language, and still exits 0; a protocol with
/// German everywhere gets no warning.
#[test]
fn a_protocol_without_german_passes_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("eigen.ron");
    std::fs::write(&path, OWN_WITHOUT_GERMAN).expect("write");
    let files = [path.clone()];

    let (ok, english) = kring_check_with(&["--lang", "en"], None, &files);
    assert!(ok, "a warning is not an error: {english}");
    let lines: Vec<&str> = english.lines().collect();
    assert_eq!(lines.len(), 2, "{english}");
    assert!(lines[0].contains("eigen.ron: ok ("), "{english}");
    // The title of phase 1 is the first text without German: line 9 of the file.
    let at = format!("{}:9:", path.display());
    assert!(lines[1].starts_with(&at), "{english}");
    assert!(
        lines[1].contains("warning (not an error): 3 of the 4 texts have no German (`de`)"),
        "{english}"
    );
    assert!(lines[1].contains("`title` in phase 1 \"One\""), "{english}");

    let (ok, german) = kring_check_with(&["--lang", "de"], None, &files);
    assert!(ok, "{german}");
    assert!(german.contains("eigen.ron: in Ordnung ("), "{german}");
    assert!(
        german.contains("Warnung (kein Fehler): 3 von 4 Texten haben keine deutsche Fassung"),
        "{german}"
    );
    assert!(german.contains("den englischen Text"), "{german}");

    let (ok, dutch) = kring_check_with(&["--lang", "nl"], None, &files);
    assert!(ok, "{dutch}");
    assert!(
        dutch.contains("waarschuwing (geen fout): 3 van de 4 teksten hebben geen Duits"),
        "{dutch}"
    );

    // With German added to every text, no warning is left.
    let translated = OWN_WITHOUT_GERMAN
        .replace("en: \"One\")", "en: \"One\", de: \"Eins\")")
        .replace("en: \"Listen\")", "en: \"Listen\", de: \"Zuhören\")")
        .replace("en: \"Talk\")", "en: \"Talk\", de: \"Sprechen\")");
    assert_ne!(translated, OWN_WITHOUT_GERMAN);
    std::fs::write(&path, translated).expect("write");
    let (ok, clean) = kring_check_with(&["--lang", "en"], None, &files);
    assert!(ok, "{clean}");
    assert_eq!(clean.lines().count(), 1, "{clean}");
}

/// A small protocol of a group's own with German only in its name; its empty texts need none.
const OWN_WITHOUT_GERMAN: &str = r#"(
    format_version: 1,
    id: "eigen",
    version: 1,
    name: (nl: "Eigen", en: "Own", de: "Eigene"),
    description: (nl: "", en: ""),
    introduction: (nl: "", en: ""),
    group_size: (min: 3, max: 8),
    phases: [(id: "een", title: (nl: "Een", en: "One"),
            purpose: (nl: "", en: ""),
            instructions: (leader: (nl: "Luister", en: "Listen"), inbrenger: (nl: "Praat", en: "Talk"), members: (nl: "", en: "")),
            planned_minutes: 5,
        ),
    ],
    total_minutes: (min: 5, max: 10),
)"#;
