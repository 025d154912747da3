//! Issue 14, point 5: `kring attendance` through the built binary: proof over a period as
//! CSV (read back with a real CSV reader), HTML and Markdown; and every kind of bad input
//! answered with a sentence in the user's language and a non-zero exit.

use std::path::Path;
use std::process::{Command, Output};

use kring::model::{
    GroupSettings, Lead, MeetingContent, MeetingRecord, Parts, RECORD_FORMAT_VERSION, Text,
};
use kring::store::{DataDir, GROUP_FILE, to_ron};

const COMMA: &str = "Jansen, Piet";
const QUOTES: &str = "An \"Annie\" de Wit";
const NEWLINE: &str = "Bo\nBerg";

fn kring(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kring"))
        .args(args)
        .env_remove("KRING_DATA_DIR")
        .output()
        .expect("kring runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8")
}

/// A group "Team Noord" with three members whose names hold a comma, quotes and a line
/// break, and two meetings in March 2026: on the 3rd (120 minutes, An leads, Piet came 30
/// minutes late and brought the case) and the 17th (90 minutes, An leads, Bo co-leads).
fn group_folder(dir: &Path) {
    let data = DataDir::new(dir).expect("data dir");
    let group_dir = data.group_dir("team-noord");
    std::fs::create_dir_all(group_dir.join("meetings")).expect("folders");
    let mut group = GroupSettings::named("Team Noord");
    for name in [QUOTES, COMMA, NEWLINE] {
        group.add_member(name);
    }
    std::fs::write(group_dir.join(GROUP_FILE), to_ron(&group).expect("ron")).expect("group");
    for (day, minutes, late, co_lead) in [(3, 120, 30, false), (17, 90, 0, true)] {
        let mut content = MeetingContent::default();
        for (id, name) in [(1, QUOTES), (2, COMMA), (3, NEWLINE)] {
            content.set_member_present(id, name, true);
        }
        content.set_lead(Lead::Leader, Some((1, QUOTES)));
        if co_lead {
            content.set_lead(Lead::CoLeader, Some((3, NEWLINE)));
        }
        if late > 0 {
            content.came_late.insert(COMMA.into(), late);
            content.inbrenger = Some(COMMA.into());
        }
        // 2026-03-01 19:30 in the Netherlands (UTC+1).
        let start = 1_772_389_800_000 + (day - 1) * 86_400_000;
        let record = MeetingRecord {
            format_version: RECORD_FORMAT_VERSION,
            protocol_id: "balint-9-fasen".into(),
            protocol_version: 1,
            protocol_name: Text::new("Balint in 9 fasen", "Balint in 9 phases"),
            parts: Parts::default(),
            started_at_ms: start,
            ended_at_ms: start + minutes * 60_000,
            started_local: format!("2026-03-{day:02} 19:30"),
            ended_early: false,
            planned_minutes: 120,
            phases: Vec::new(),
            breaks: Vec::new(),
            content,
        };
        let path = group_dir
            .join("meetings")
            .join(format!("2026-03-{day:02}_1930_balint-9-fasen.ron"));
        std::fs::write(path, to_ron(&record).expect("ron")).expect("record");
    }
}

fn rows(csv_text: &str, separator: u8) -> Vec<Vec<String>> {
    let body = csv_text.strip_prefix('\u{feff}').expect("byte-order mark");
    csv::ReaderBuilder::new()
        .delimiter(separator)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn a_certificate_as_csv_reads_back_with_the_right_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    group_folder(dir.path());
    let d = dir.path().to_str().expect("path");
    let args = [
        "attendance",
        "--data-dir",
        d,
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--member",
        "jansen, piet",
        "--format",
        "csv",
    ];
    let out = kring(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let sheet = rows(&stdout(&out), b';');
    assert_eq!(sheet.len(), 2);
    assert!(sheet.iter().all(|r| r[0] == COMMA && r[1] == "Team Noord"));
    let minutes: Vec<&str> = sheet.iter().map(|r| r[7].as_str()).collect();
    assert_eq!(minutes, ["90", "90"], "120 less 30 late; 90");
    assert_eq!(sheet[0][8], "1,50");
    assert_eq!(sheet[0][6], "inbrenger");
    assert_eq!(sheet[0][9], QUOTES);

    // The logbook of the co-leader, whose name has a line break, in English.
    let out = kring(&[
        "attendance",
        "--data-dir",
        d,
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--leader",
        NEWLINE,
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = rows(&stdout(&out), b',');
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "2026-03-17");
    assert_eq!(
        (rows[0][7].as_str(), rows[0][8].as_str()),
        ("co-leader", "3")
    );

    // The sign-in sheets: one page per meeting, one signature cell per person.
    let out = kring(&[
        "attendance",
        "--data-dir",
        d,
        "--group",
        "Team Noord",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--format",
        "html",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert_eq!(html.matches("<section class=\"page\">").count(), 2);
    assert_eq!(html.matches("<td class=\"sign\"></td>").count(), 6);
    assert!(html.contains("3 maart 2026"));
    assert!(html.contains("30 min. later gekomen"));
}

#[test]
fn out_writes_a_file_and_never_a_kring_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    group_folder(dir.path());
    let d = dir.path().to_str().expect("path");
    let target = dir.path().join("bewijs.md");
    let out = kring(&[
        "attendance",
        "--data-dir",
        d,
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--member",
        QUOTES,
        "--out",
        target.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Geschreven: "));
    let md = std::fs::read_to_string(&target).expect("written");
    assert!(md.contains("# Bewijs van deelname"), "{md}");
    assert!(md.contains("samen 3,5 uur"), "{md}");

    let ron = dir.path().join("proof.ron");
    let out = kring(&[
        "attendance",
        "--data-dir",
        d,
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--format",
        "csv",
        "--out",
        ron.to_str().expect("path"),
    ]);
    assert!(!out.status.success());
    assert!(!ron.exists());
}

#[test]
fn bad_input_gets_a_sentence_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().expect("tempdir");
    group_folder(dir.path());
    let d = dir.path().to_str().expect("path");
    let run = |extra: &[&str]| {
        let mut args = vec!["attendance", "--data-dir", d, "--format", "csv"];
        args.extend_from_slice(extra);
        let out = kring(&args);
        assert!(!out.status.success(), "{extra:?} must fail");
        // 1: the request cannot be met; 2: the arguments cannot be read.
        assert!(matches!(out.status.code(), Some(1 | 2)), "{:?}", out.status);
        assert!(out.stdout.is_empty(), "nothing half-made on stdout");
        stderr(&out)
    };
    let err = run(&["--from", "2026-02-30", "--to", "2026-03-31"]);
    assert!(err.contains("--from 2026-02-30 is geen datum"), "{err}");
    assert!(err.contains("JJJJ-MM-DD"), "{err}");
    let err = run(&["--from", "1-3-2026", "--to", "2026-03-31", "--lang", "en"]);
    assert!(err.contains("Write the date as YYYY-MM-DD"), "{err}");
    let err = run(&["--from", "2026-04-01", "--to", "2026-03-01"]);
    assert!(
        err.contains("begint (1 april 2026) na haar einde (1 maart 2026)"),
        "{err}"
    );
    let err = run(&[
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--member",
        "Jansen Pit",
    ]);
    assert!(
        err.contains("\"Jansen Pit\" hoort niet bij Team Noord. Bedoel je Jansen, Piet?"),
        "{err}"
    );
    let err = run(&[
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--member",
        "Xavier",
        "--lang",
        "en",
    ]);
    assert!(err.contains("The members are: "), "{err}");
    let err = run(&["--from", "2025-01-01", "--to", "2025-12-31"]);
    assert!(
        err.contains(
            "Team Noord had van 1 januari 2025 tot en met 31 december 2025 geen bijeenkomsten"
        ),
        "{err}"
    );
    let err = run(&[
        "--from",
        "2026-03-18",
        "--to",
        "2026-03-31",
        "--leader",
        QUOTES,
        "--lang",
        "en",
    ]);
    assert!(err.contains("led no meeting of Team Noord"), "{err}");
    let err = run(&[
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--group",
        "Zuid",
    ]);
    assert!(err.contains("Er is geen groep \"Zuid\""), "{err}");
    assert!(err.contains("Team Noord (team-noord)"), "{err}");
    let err = run(&["--from", "2026-03-01", "--to", "2026-03-31", "--lang", "xx"]);
    assert!(
        err.contains("--lang xx is not known: use --lang nl, --lang en or --lang de"),
        "{err}"
    );
    let err = run(&["--from", "2026-03-01"]);
    assert!(err.contains("attendance needs a period"), "{err}");
}

#[test]
fn help_says_what_each_choice_makes() {
    let out = kring(&["attendance", "--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    for words in [
        "--member NAME",
        "--leader NAME",
        "without --member or --leader",
        "byte-order mark",
    ] {
        assert!(help.contains(words), "{words}");
    }
    let out = kring(&["--help"]);
    assert!(stdout(&out).contains("kring attendance"));
}
