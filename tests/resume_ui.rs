//! Nothing is lost: the meeting in progress is on disk within seconds, a crash is followed by
//! an offer to resume, a second Kring on the same group only reads, a failing disk is retried.

mod common;
use common::*;

use std::path::Path;

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use kring::meeting::{ManualClock, Step};
use kring::store::{DEFAULT_GROUP, DataDir};
use kring::ui::Screen;

fn in_progress_file(data: &Path) -> std::path::PathBuf {
    DataDir::new(data)
        .expect("dir")
        .group_dir(DEFAULT_GROUP)
        .join("in-progress.ron")
}

#[test]
fn a_crash_mid_phase_is_offered_for_resume_with_the_gap_as_pause_or_as_running() {
    for gap_as_pause in [true, false] {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = ManualClock::new(T0);
        let mut h = new_harness(dir.path(), &clock);
        start_running_meeting(&mut h);
        clock.advance_secs(60);
        h.run();
        clock.advance_secs(2);
        h.run(); // the autosave is due within two seconds of the change
        let file = in_progress_file(dir.path());
        assert!(file.exists(), "autosaved");
        assert!(
            !std::fs::read_to_string(&file)
                .expect("read")
                .contains("scratchpad")
        );
        // The app dies without finishing: nothing but the autosave is left.
        drop(h);

        clock.advance_secs(10 * 60); // ten minutes until Kring is started again
        let mut h = new_harness(dir.path(), &clock);
        h.get_by_label("Verdergaan met de vorige bijeenkomst?");
        assert!(h.state().meeting().is_none());
        let choice = if gap_as_pause {
            "Verdergaan: de tussentijd telt als pauze"
        } else {
            "Verdergaan: de tussentijd telt mee"
        };
        h.get_by_label(choice).click();
        h.run();
        assert_eq!(h.state().screen(), Screen::Meeting);
        let now = h.state().now_ms();
        let meeting = h.state().meeting().expect("resumed");
        assert_eq!((meeting.cursor(), meeting.step()), (0, Step::Run));
        let remaining = meeting.countdown(now).expect("countdown").display_secs();
        if gap_as_pause {
            // The last write was the heartbeat at 60 s; from then on the app counts as closed
            // (the heartbeat's 5 s is the precision), and that time does not count.
            assert_eq!(remaining, 5 * 60 - 60);
        } else {
            assert_eq!(remaining, 5 * 60 - 62 - 10 * 60);
        }
        // Finishing the meeting removes the autosave.
        press(&mut h, Key::E);
        h.get_by_label("Ja, beëindigen").click();
        h.run();
        assert_eq!(h.state().screen(), Screen::Finished);
        assert!(!in_progress_file(dir.path()).exists());
    }
}

#[test]
fn not_now_keeps_the_meeting_and_set_aside_moves_it_to_quarantine() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    start_running_meeting(&mut h);
    clock.advance_secs(3);
    h.run();
    drop(h);

    let mut h = new_harness(dir.path(), &clock);
    h.get_by_label("Niet nu").click();
    h.run();
    assert!(in_progress_file(dir.path()).exists(), "kept for later");
    drop(h);

    let mut h = new_harness(dir.path(), &clock);
    h.get_by_label("Apart zetten en opnieuw beginnen").click();
    h.run();
    assert!(!in_progress_file(dir.path()).exists());
    let quarantined: Vec<_> = std::fs::read_dir(dir.path().join("quarantine"))
        .expect("quarantine folder")
        .collect();
    assert_eq!(quarantined.len(), 1, "set aside, never deleted");
    h.get_by_label_contains("apart gezet (niet gewist)");
}

#[test]
fn a_damaged_autosave_is_quarantined_and_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = in_progress_file(dir.path());
    std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    std::fs::write(&file, "(format_version: 1, saved_at_ms: 12, stage: Meet").expect("write");
    let clock = ManualClock::new(T0);
    let h = new_harness(dir.path(), &clock);
    h.get_by_label_contains("was beschadigd en is apart gezet");
    assert!(!file.exists());
    assert!(dir.path().join("quarantine/in-progress.ron").exists());
}

#[test]
fn a_second_kring_on_the_same_group_only_reads_and_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let first = new_harness(dir.path(), &clock);
    let mut second = new_harness(dir.path(), &clock);
    second.get_by_label_contains("Dit venster kan alleen lezen");
    press(&mut second, Key::Enter);
    assert_eq!(
        second.state().screen(),
        Screen::Home,
        "no meeting can start"
    );
    drop(first);
    drop(second);
    // Once the first has gone (or crashed), the next one writes again.
    let mut third = new_harness(dir.path(), &clock);
    assert!(third.query_by_label_contains("alleen lezen").is_none());
    press(&mut third, Key::Enter);
    assert_eq!(third.state().screen(), Screen::Setup);
}

#[test]
fn a_failing_autosave_keeps_the_meeting_in_memory_says_so_and_retries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    start_running_meeting(&mut h);
    // Make the autosave impossible: a folder stands where the file must go.
    let file = in_progress_file(dir.path());
    std::fs::remove_file(&file).ok();
    std::fs::create_dir_all(file.join("blocker")).expect("mkdir");
    press(&mut h, Key::Plus); // a change
    clock.advance_secs(2);
    h.run();
    // In Dutch: the store's sentence names the file, the system's words come after it.
    h.get_by_label_contains(&format!(
        "Automatisch bewaren lukt nu niet: Kring kon {} niet opslaan. Controleer",
        file.display()
    ));
    assert_eq!(h.state().meeting().expect("still there").cursor(), 0);

    std::fs::remove_dir_all(&file).expect("unblock");
    clock.advance_secs(6);
    h.run();
    assert!(
        h.query_by_label_contains("Automatisch bewaren lukt nu niet")
            .is_none()
    );
    assert!(file.is_file(), "saved on the retry");
}

/// An autosave that parses but could never have been written by Kring (the cursor past the last
/// phase, no phase states) is set aside and reported, never offered: resuming it used to panic
/// at the first key.
#[test]
fn an_inconsistent_autosave_is_set_aside_and_never_crashes_the_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    start_running_meeting(&mut h);
    clock.advance_secs(3);
    h.run();
    drop(h);
    let file = in_progress_file(dir.path());
    let good = std::fs::read_to_string(&file).expect("autosave");
    let phases_start = good.find("\n        phases: [").expect("phases");
    let phases_end = phases_start + good[phases_start..].find("\n        ],").expect("end") + 11;
    let broken = [
        good.replacen("cursor: 0,", "cursor: 42,", 1),
        format!(
            "{}\n        phases: [],{}",
            &good[..phases_start],
            &good[phases_end..]
        ),
    ];
    for text in broken {
        assert_ne!(text, good);
        std::fs::write(&file, &text).expect("write");
        let mut h = new_harness(dir.path(), &clock);
        h.get_by_label_contains("was beschadigd en is apart gezet");
        assert!(
            h.query_by_label("Verdergaan met de vorige bijeenkomst?")
                .is_none()
        );
        for key in [
            Key::Space,
            Key::ArrowRight,
            Key::ArrowLeft,
            Key::Plus,
            Key::S,
        ] {
            press(&mut h, key);
        }
        assert!(!file.exists(), "moved out of the way");
        drop(h);
        std::fs::remove_dir_all(dir.path().join("quarantine")).expect("clean");
    }
}
