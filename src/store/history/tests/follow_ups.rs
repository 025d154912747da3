//! Follow-up steps: listing the open ones and marking one done in its file.

use super::*;

#[test]
fn a_follow_up_marked_done_is_saved_and_no_longer_open() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    let mut record = meeting(1, &["An"], Some("An"), &["Advies"]);
    for (what, done) in [("Bellen", false), ("Mailen", true), ("Plannen", false)] {
        record.content.follow_ups.push(FollowUp {
            what: what.into(),
            who: "An".into(),
            by_when: String::new(),
            done,
        });
    }
    save_all(&dir, &[record, meeting(2, &["Bo"], None, &[])]);
    let mut history = History::load(&dir, SetAside::Own(root.path()));
    let open: Vec<(usize, usize, &str)> = history
        .open_follow_ups()
        .into_iter()
        .map(|(m, f, step)| (m, f, step.what.as_str()))
        .collect();
    assert_eq!(open, [(1, 0, "Bellen"), (1, 2, "Plannen")]);

    let path = history.summaries()[1].path.clone();
    let before = std::fs::read_to_string(&path).expect("read");
    history
        .mark_follow_up(&writer(&dir), 1, 2, true)
        .expect("mark");
    let after = std::fs::read_to_string(&path).expect("read");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0].0.trim(), "done: false,");
    assert_eq!(changed[0].1.trim(), "done: true,");
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(history.open_follow_ups().len(), 1);

    let reloaded = History::load(&dir, SetAside::Own(root.path()));
    let open: Vec<(usize, usize)> = reloaded
        .open_follow_ups()
        .into_iter()
        .map(|(m, f, _)| (m, f))
        .collect();
    assert_eq!(open, [(1, 0)]);
    assert!(reloaded.record(1).expect("record").content.follow_ups[2].done);

    // And back.
    let mut history = reloaded;
    history
        .mark_follow_up(&writer(&dir), 1, 1, false)
        .expect("unmark");
    assert_eq!(
        History::load(&dir, SetAside::Own(root.path()))
            .open_follow_ups()
            .len(),
        2
    );

    assert!(history.mark_follow_up(&writer(&dir), 5, 0, true).is_err());
    let err = history
        .mark_follow_up(&writer(&dir), 1, 9, true)
        .expect_err("no such step");
    assert_eq!(err.kind, StoreErrorKind::ChangedElsewhere, "{err}");
}

#[test]
fn marking_a_step_in_a_file_changed_elsewhere_is_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    let mut record = meeting(1, &["An"], Some("An"), &[]);
    record.content.follow_ups.push(FollowUp {
        what: "Bellen".into(),
        ..FollowUp::default()
    });
    save_all(&dir, &[record.clone()]);
    let mut history = History::load(&dir, SetAside::Own(root.path()));
    record.content.follow_ups[0].what = "Mailen".into();
    let path = history.summaries()[0].path.clone();
    std::fs::write(&path, to_ron(&record).expect("ron")).expect("write");
    let err = history
        .mark_follow_up(&writer(&dir), 0, 0, true)
        .expect_err("changed");
    assert!(err.to_string().contains("changed elsewhere"), "{err}");
    let on_disk = load_record(&path).expect("load");
    assert!(
        !on_disk.content.follow_ups[0].done,
        "the file is left alone"
    );
}

/// Issue 14, point 1: the leader corrects who was there and for how long; the file keeps
/// everything else, the history shows the new length, and a file changed elsewhere since it
/// was shown is left alone.
#[test]
fn attendance_is_corrected_in_its_file() {
    use crate::model::{AttendanceFields, Lead};
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    let mut record = meeting(1, &["An", "Bo"], Some("An"), &["Advies"]);
    record.content.decision = "Ik bel haar".into();
    save_all(&dir, &[record]);
    let mut history = History::load(&dir, SetAside::Own(root.path()));
    let shown = history.record(0).expect("record");
    let before = AttendanceFields::of(&shown);
    let mut draft = shown.clone();
    draft.content.set_member_present(3, "Cas", true);
    draft.content.came_late.insert("Bo".into(), 15);
    draft.content.set_lead(Lead::Leader, Some((3, "Cas")));
    let start = draft.local_start().expect("start");
    let start = start
        .checked_add(jiff::SignedDuration::from_mins(10))
        .expect("later");
    let end = draft.local_end().expect("end").time();
    assert!(draft.set_local_times(start, end));
    history
        .correct_attendance(&writer(&dir), 0, &before, AttendanceFields::of(&draft))
        .expect("corrected");
    let back = History::load(&dir, SetAside::Own(root.path()))
        .record(0)
        .expect("record");
    assert_eq!(back.content.present, ["An", "Bo", "Cas"]);
    assert_eq!(back.content.came_late.get("Bo"), Some(&15));
    assert_eq!(back.content.leader.as_deref(), Some("Cas"));
    assert_eq!(back.content.decision, "Ik bel haar", "the rest stays");
    assert_eq!(back.duration_minutes(), shown.duration_minutes() - 10);
    assert_eq!(
        history.summaries()[0].actual_minutes,
        shown.duration_minutes() - 10
    );

    // Shown before the correction, saved after it: refused, nothing written.
    let text = std::fs::read_to_string(&history.summaries()[0].path).expect("read");
    let err = history
        .correct_attendance(&writer(&dir), 0, &before, AttendanceFields::of(&shown))
        .expect_err("changed elsewhere");
    assert_eq!(err.kind, StoreErrorKind::ChangedElsewhere);
    assert_eq!(
        std::fs::read_to_string(&history.summaries()[0].path).expect("read"),
        text
    );
}
