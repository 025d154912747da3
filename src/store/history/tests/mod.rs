//! Tests of the history, on records written to a temporary folder: loading (order, damaged,
//! newer and conflict files) here; searching, follow-ups, figures and the 10,000-meeting
//! measurement in the files beside this one.

mod figures;
mod follow_ups;
mod scale;
mod search;

use std::time::Instant;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::search::snippet;
use super::*;
use crate::model::{
    FollowUp, MeetingContent, PhaseOutcome, PhaseRecord, Problem, Question, QuestionFocus,
    QuestionKind, RECORD_FORMAT_VERSION, Text,
};
use crate::store::{GroupLock, QUARANTINE_DIR, SetAside, load_dir, save_record, to_ron};

const MINUTE_MS: i64 = 60_000;
const DAY_MS: i64 = 24 * 60 * MINUTE_MS;
/// 2026-01-05 19:30 UTC.
const START_MS: i64 = 1_767_641_400_000;

fn local(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .expect("time")
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

fn phase(id: &str, planned_minutes: i32, actual_secs: i64) -> PhaseRecord {
    PhaseRecord {
        id: id.to_owned(),
        title: Text::new(id, id),
        outcome: PhaseOutcome::Done,
        planned_minutes,
        prepare_minutes: 1,
        adjusted_minutes: 0,
        actual_secs,
        run_secs: actual_secs,
        overrun_secs: 0,
    }
}

/// A meeting on day `day` after [`START_MS`] with these people, this inbrenger (who
/// brings the chosen problem) and these pieces of advice.
fn meeting(day: i64, present: &[&str], inbrenger: Option<&str>, advice: &[&str]) -> MeetingRecord {
    let started_at_ms = START_MS + day * DAY_MS;
    let mut content = MeetingContent::default();
    for name in present {
        content.add_present(name);
    }
    let id = content
        .add_problem(
            &format!("Casus van dag {day}"),
            "Een regel",
            inbrenger.map(str::to_owned),
        )
        .expect("problem");
    content.choose(id);
    content.inbrenger = inbrenger.map(str::to_owned);
    let mut rng = StdRng::seed_from_u64(day as u64);
    for text in advice {
        content.advice.add(text, &mut rng);
    }
    record(
        started_at_ms,
        75,
        vec![phase("vraag", 5, 420), phase("beeldvorming", 10, 540)],
        content,
    )
}

/// A record of a Balint meeting (70 minutes planned) that started at `started_at_ms` and took
/// `minutes`, without breaks.
fn record(
    started_at_ms: i64,
    minutes: i64,
    phases: Vec<PhaseRecord>,
    content: MeetingContent,
) -> MeetingRecord {
    MeetingRecord {
        format_version: RECORD_FORMAT_VERSION,
        protocol_id: "balint-8-stappen".into(),
        protocol_version: 1,
        protocol_name: Text::new("Balint, 8 stappen", "Balint, 8 steps"),
        parts: crate::model::Parts::Steps,
        started_at_ms,
        ended_at_ms: started_at_ms + minutes * MINUTE_MS,
        started_local: local(started_at_ms),
        ended_early: false,
        planned_minutes: 70,
        phases,
        breaks: Vec::new(),
        content,
    }
}

/// The write handle of the group folder that holds `meetings`.
fn writer(meetings: &Path) -> GroupLock {
    match GroupLock::acquire(meetings.parent().expect("group folder"), 0) {
        crate::store::LockOutcome::Acquired(lock) => lock,
        other => panic!("no lock: {other:?}"),
    }
}

fn save_all(dir: &Path, records: &[MeetingRecord]) {
    for record in records {
        save_record(&writer(dir), record).expect("save");
    }
}

#[test]
fn meetings_come_newest_first_with_their_summary() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    save_all(
        &dir,
        &[
            meeting(7, &["An", "Bo"], Some("Bo"), &[]),
            meeting(1, &["An"], None, &[]),
            meeting(30, &["An", "Cas"], Some("An"), &[]),
        ],
    );
    let history = History::load(&dir, SetAside::Own(root.path()));
    let days: Vec<i64> = history
        .summaries()
        .iter()
        .map(|s| (s.started_at_ms - START_MS) / DAY_MS)
        .collect();
    assert_eq!(days, [30, 7, 1]);
    let newest = &history.summaries()[0];
    assert_eq!(newest.inbrenger.as_deref(), Some("An"));
    assert_eq!(newest.case_title.as_deref(), Some("Casus van dag 30"));
    assert_eq!((newest.planned_minutes, newest.actual_minutes), (70, 75));
    assert_eq!(newest.protocol_id, "balint-8-stappen");
    assert!(newest.path.starts_with(&dir));
    assert_eq!(
        history.record(0).map(|r| r.started_at_ms).ok(),
        Some(newest.started_at_ms)
    );
    let err = history.record(3).expect_err("there are three");
    assert_eq!(err.kind, StoreErrorKind::ChangedElsewhere, "{err}");
    assert!(history.problems().is_empty() && history.conflicts().is_empty());
}

/// Issue 9, point 4: a record from a newer Kring with a field and a variant this build
/// does not know is left where it is and listed, not called damaged.
#[test]
fn a_newer_record_with_unknown_fields_stays_in_place_and_is_listed() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    save_all(&dir, &[meeting(1, &["An"], None, &[])]);
    let mut future = meeting(2, &["An"], None, &[]);
    future.format_version = 99;
    // A new field, and a known field in a shape this build cannot parse.
    let old_start = format!("started_local: \"{}\"", future.started_local);
    let text = to_ron(&future)
        .expect("ron")
        .replacen(
            "(",
            "(\n    seating: Circle(chairs: 9, empty_chair: true),",
            1,
        )
        .replace(
            &old_start,
            "started_local: Local(date: \"2026-01-02\", time: \"19:30\")",
        );
    assert!(text.contains("Local(date"), "{text}");
    let newer = dir.join("2026-01-02_1930_balint-8-stappen.ron");
    std::fs::write(&newer, &text).expect("write");

    let lock = writer(&dir);
    let history = History::load(&dir, SetAside::Group(&lock, root.path()));
    assert_eq!(history.len(), 1);
    let problem = &history.problems()[0];
    assert_eq!(problem.path, newer);
    assert_eq!(problem.moved_to, None, "{problem}");
    assert!(
        problem.reason.to_string().contains("newer Kring"),
        "{problem}"
    );
    assert!(
        problem.reason.to_string().contains("update Kring"),
        "{problem}"
    );
    assert_eq!(std::fs::read_to_string(&newer).expect("untouched"), text);
    assert!(!root.path().join(QUARANTINE_DIR).exists());
    let err = load_record(&newer).expect_err("newer");
    assert!(err.to_string().contains("newer Kring"), "{err}");
}

/// Issue 9, point 5: a Kring without the write handle (another Kring has the group) leaves
/// a damaged record where it is and lists it.
#[test]
fn a_read_only_kring_leaves_a_damaged_record_in_place() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    save_all(&dir, &[meeting(1, &["An"], None, &[])]);
    let damaged = dir.join("2026-02-01_1930_balint-8-stappen.ron");
    std::fs::write(&damaged, "(format_version: 2,\n protocol_id: ").expect("write");
    let _other_kring = writer(&dir);
    let history = History::load(&dir, SetAside::No);
    assert_eq!(history.len(), 1);
    let problem = &history.problems()[0];
    assert_eq!(
        (problem.path.as_path(), problem.moved_to.as_ref()),
        (damaged.as_path(), None)
    );
    assert!(problem.to_string().contains("only reads"), "{problem}");
    assert!(damaged.exists());
    assert!(!root.path().join(QUARANTINE_DIR).exists());
}

#[test]
fn a_damaged_file_is_set_aside_and_a_conflict_copy_is_not_a_meeting() {
    // With and without helper threads: they must judge files alike.
    for helpers in [0, 1, 2] {
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("meetings");
        let records: Vec<MeetingRecord> = (1..=6)
            .map(|day| meeting(day, &["An"], None, &[]))
            .collect();
        save_all(&dir, &records);
        let damaged = dir.join("2026-02-01_1930_balint-8-stappen.ron");
        std::fs::write(&damaged, "(format_version: 2,\n protocol_id: ").expect("write");
        let newer = dir.join("2026-02-02_1930_balint-8-stappen.ron");
        let mut future = meeting(40, &["An"], None, &[]);
        future.format_version = RECORD_FORMAT_VERSION + 1;
        std::fs::write(&newer, to_ron(&future).expect("ron")).expect("write");
        let original = save_record(&writer(&dir), &meeting(7, &["Cas"], None, &["Uniek woord"]))
            .expect("save");
        let copy =
            dir.join("2026-01-12_1930_balint-8-stappen.sync-conflict-20260112-201500-ABCDEF7.ron");
        std::fs::copy(&original, &copy).expect("copy");

        let history = History::load_with_helpers(&dir, SetAside::Own(root.path()), helpers);
        assert_eq!(history.len(), 7, "helpers: {helpers}");
        let days: Vec<i64> = history
            .summaries()
            .iter()
            .map(|s| (s.started_at_ms - START_MS) / DAY_MS)
            .collect();
        assert_eq!(days, [7, 6, 5, 4, 3, 2, 1]);
        assert_eq!(history.problems().len(), 2, "{:?}", history.problems());
        let problem = &history.problems()[0];
        assert_eq!(problem.path, damaged);
        assert_eq!(
            problem.moved_to,
            Some(
                root.path()
                    .join(QUARANTINE_DIR)
                    .join("2026-02-01_1930_balint-8-stappen.ron")
            )
        );
        assert!(
            problem.reason.to_string().contains("(line 2, column"),
            "{}",
            problem.reason
        );
        assert!(!damaged.exists());
        let newer_problem = &history.problems()[1];
        assert_eq!(newer_problem.path, newer);
        assert_eq!(newer_problem.moved_to, None, "left for the newer Kring");
        assert!(newer_problem.reason.to_string().contains("update Kring"));
        assert!(newer.exists());
        assert_eq!(history.conflicts().len(), 1);
        assert_eq!(history.conflicts()[0].path, copy);
        assert_eq!(history.conflicts()[0].original, original);
        assert!(copy.exists(), "a conflict copy is left alone");
        assert_eq!(
            history.search("uniek woord").len(),
            1,
            "the copy is not searched"
        );
    }
}
