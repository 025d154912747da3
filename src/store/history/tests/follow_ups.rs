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
