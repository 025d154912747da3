//! `kring demo-data` and `kring export` as a group uses them: from the library and through
//! the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kring::cli::demo::{DemoOptions, write_demo};
use kring::store::{DEFAULT_GROUP, DataDir, list_records, load_group, load_record};

/// 2026-03-01 12:00 UTC: a fixed "now", so runs can be compared.
const NOW_MS: i64 = 1_772_366_400_000;

fn demo(dir: &Path, meetings: usize, seed: u64) -> kring::cli::demo::DemoReport {
    let data = DataDir::new(dir).expect("data dir");
    let options = DemoOptions {
        meetings,
        seed,
        ..DemoOptions::default()
    };
    write_demo(&data, &options, NOW_MS, &jiff::tz::TimeZone::UTC).expect("demo data")
}

fn meeting_files(dir: &Path) -> Vec<PathBuf> {
    list_records(
        &DataDir::new(dir)
            .expect("data dir")
            .meetings_dir(DEFAULT_GROUP),
    )
}

#[test]
fn demo_data_writes_loadable_varied_meetings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = demo(dir.path(), 20, 42);
    assert_eq!(report.meetings, 20);
    assert_eq!(report.group_id, DEFAULT_GROUP);

    let files = meeting_files(dir.path());
    assert_eq!(files.len(), 20, "{files:?}");
    let records: Vec<_> = files
        .iter()
        .map(|f| load_record(f).expect("every meeting loads"))
        .collect();
    let mut protocols: Vec<&str> = records.iter().map(|r| r.protocol_id.as_str()).collect();
    protocols.sort();
    protocols.dedup();
    assert!(protocols.len() >= 3, "{protocols:?}");
    let open = records
        .iter()
        .flat_map(|r| &r.content.follow_ups)
        .filter(|f| !f.done)
        .count();
    assert!(open >= 1, "the latest follow-ups are still open");
    let done = records
        .iter()
        .flat_map(|r| &r.content.follow_ups)
        .filter(|f| f.done)
        .count();
    assert!(
        done > open,
        "older follow-ups are mostly done: {done} done, {open} open"
    );
    for record in &records {
        assert!(
            (4..=9).contains(&record.content.present.len()),
            "{:?}",
            record.content.present
        );
        assert!(record.content.chosen().is_some());
        assert!(!record.content.insights.is_empty() || record.ended_early);
    }

    let data = DataDir::new(dir.path()).expect("data dir");
    let group = load_group(&data, DEFAULT_GROUP).expect("group.ron");
    assert!(group.agreements.contains("Vertrouwelijkheid"));
    assert_eq!(group.name, "Mijn groep");

    // Never into a group that already has files.
    let again = write_demo(
        &data,
        &DemoOptions::default(),
        NOW_MS,
        &jiff::tz::TimeZone::UTC,
    );
    assert!(again.expect_err("refused").contains("not empty"));
    assert_eq!(meeting_files(dir.path()).len(), 20);
}

#[test]
fn demo_data_is_the_same_for_the_same_seed() {
    let contents = |seed: u64| -> Vec<(String, String)> {
        let dir = tempfile::tempdir().expect("tempdir");
        demo(dir.path(), 20, seed);
        meeting_files(dir.path())
            .iter()
            .map(|f| {
                (
                    f.file_name().expect("name").to_string_lossy().into_owned(),
                    std::fs::read_to_string(f).expect("read"),
                )
            })
            .collect()
    };
    let first = contents(42);
    assert_eq!(first, contents(42), "same seed, same files");
    assert_ne!(first, contents(43), "another seed, another group");
}

fn kring(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kring"))
        .args(args)
        .output()
        .expect("run kring")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_binary_writes_demo_data_and_exports_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("utf-8 path");

    let run = kring(&[
        "demo-data",
        "--data-dir",
        data,
        "--meetings",
        "12",
        "--seed",
        "5",
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let out = text(&run.stdout);
    assert!(out.contains("12 meetings"), "{out}");
    assert!(out.contains("balint-"), "{out}");

    let again = kring(&["demo-data", "--data-dir", data, "--meetings", "3"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("not empty"));

    // The newest meeting with a decision, by its bare file name.
    let files = meeting_files(dir.path());
    assert_eq!(files.len(), 12);
    let (path, record) = files
        .iter()
        .rev()
        .map(|f| (f, load_record(f).expect("loads")))
        .find(|(_, r)| !r.content.decision.is_empty())
        .expect("a meeting with a decision");
    let name = path.file_name().expect("name").to_str().expect("utf-8");

    let md = kring(&["export", "--data-dir", data, name, "--format", "md"]);
    assert!(md.status.success(), "{}", text(&md.stderr));
    let md = text(&md.stdout);
    assert!(md.starts_with("# Verslag van de intervisie"), "{md}");
    // The protocol's own word for its parts (issue 12, point 5).
    let time = match record.parts {
        kring::model::Parts::Phases => "## Tijd per fase",
        kring::model::Parts::Steps => "## Tijd per stap",
    };
    assert!(md.contains(time), "{md}");
    assert!(md.contains(&record.content.decision), "{md}");
    assert!(md.contains(&record.content.follow_ups[0].what), "{md}");
    for advice in record.content.advice.items() {
        assert!(md.contains(&advice.text), "{md}");
    }

    let out_file = dir.path().join("verslag.html");
    let html = kring(&[
        "export",
        path.to_str().expect("utf-8"),
        "--format",
        "html",
        "--lang",
        "en",
        "--out",
        out_file.to_str().expect("utf-8"),
    ]);
    assert!(html.status.success(), "{}", text(&html.stderr));
    assert!(text(&html.stdout).contains("verslag.html"));
    let page = std::fs::read_to_string(&out_file).expect("written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    let time = match record.parts {
        kring::model::Parts::Phases => "Time per phase",
        kring::model::Parts::Steps => "Time per step",
    };
    assert!(page.contains(time) && page.contains("@media print"));
    assert!(page.trim_end().ends_with("</html>"));

    // --out never overwrites a meeting record.
    let over = kring(&[
        "export",
        path.to_str().expect("utf-8"),
        "--format",
        "md",
        "--out",
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(over.status.code(), Some(1));
    assert!(load_record(path).is_ok(), "the record is untouched");
}

#[test]
fn export_says_clearly_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_str().expect("utf-8 path");
    let meetings = DataDir::new(dir.path())
        .expect("data dir")
        .meetings_dir(DEFAULT_GROUP);
    std::fs::create_dir_all(&meetings).expect("folder");
    let damaged = meetings.join("2026-01-06_1930_balint-9-fasen.ron");
    std::fs::write(&damaged, "(format_version: 2, protocol_id: ").expect("write");

    let run = kring(&[
        "export",
        "--data-dir",
        data,
        "2026-01-06_1930_balint-9-fasen.ron",
        "--format",
        "html",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let err = text(&run.stderr);
    assert!(
        err.contains("2026-01-06_1930_balint-9-fasen.ron:1:"),
        "{err}"
    );
    assert!(err.contains("Nothing was exported"), "{err}");
    assert!(run.stdout.is_empty());
    assert!(damaged.exists(), "export moves nothing");

    let missing = kring(&[
        "export",
        "--data-dir",
        data,
        "no-such-meeting.ron",
        "--format",
        "md",
    ]);
    assert_eq!(missing.status.code(), Some(1));
    let err = text(&missing.stderr);
    assert!(err.contains("no such meeting file"), "{err}");
    assert!(err.contains(&meetings.display().to_string()), "{err}");

    let usage = kring(&["export", "x.ron"]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(text(&usage.stderr).contains("--format md or --format html"));
}
