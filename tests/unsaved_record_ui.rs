//! A meeting record that cannot be saved is never thrown away: the summary says so and offers
//! to try again, to save it elsewhere and to export it; leaving or quitting asks first; the
//! next start offers it again; the autosave goes only once the record is on disk.

mod common;
use common::*;

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use kring::meeting::ManualClock;
use kring::store::{DEFAULT_GROUP, DataDir, list_records, load_record};
use kring::ui::{Screen, UnsavedCommand};

fn group_dir(data: &Path) -> PathBuf {
    DataDir::new(data).expect("dir").group_dir(DEFAULT_GROUP)
}

/// Starts balint-8-stappen without the introduction and runs phase 1 for a minute; the
/// autosave is on disk.
fn run_a_meeting(h: &mut H, clock: &ManualClock) {
    start_running_meeting(h);
    clock.advance_secs(60);
    h.run();
    clock.advance_secs(2);
    h.run();
}

fn end_meeting(h: &mut H) {
    press(h, Key::E);
    h.get_by_label("Ja, beëindigen").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Finished);
}

/// The group's meeting folder cannot be made: a file stands where it must go (as root, a
/// read-only folder would not stop the tests).
fn block_meetings(data: &Path) -> PathBuf {
    let meetings = DataDir::new(data).expect("dir").meetings_dir(DEFAULT_GROUP);
    if meetings.is_dir() {
        std::fs::remove_dir_all(&meetings).expect("clear");
    }
    std::fs::write(&meetings, b"in the way").expect("block");
    meetings
}

#[test]
fn an_unsaved_record_is_kept_asked_about_offered_again_and_saved_later() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    run_a_meeting(&mut h, &clock);
    let autosave = group_dir(dir.path()).join("in-progress.ron");
    assert!(autosave.exists());
    let meetings = block_meetings(dir.path());
    end_meeting(&mut h);

    // The summary says it plainly and offers every way out.
    h.get_by_label("Deze bijeenkomst is nog niet bewaard.");
    for action in [
        "Opnieuw bewaren",
        "In een andere map bewaren…",
        "Exporteren als tekst (Markdown)…",
        "Exporteren om te printen (HTML)…",
    ] {
        h.get_by_label(action);
    }
    assert!(
        autosave.exists(),
        "the autosave stays until the record is saved"
    );
    let rescue: Vec<_> = std::fs::read_dir(dir.path().join("unsaved"))
        .expect("a spare copy")
        .collect();
    assert_eq!(rescue.len(), 1);

    // Enter (or the button) asks first; "stay" stays.
    press(&mut h, Key::Enter);
    h.get_by_label("Deze bijeenkomst is nog niet bewaard");
    click(&mut h, "Blijven");
    assert_eq!(h.state().screen(), Screen::Finished);
    click(&mut h, "Terug naar het begin");
    click(&mut h, "Toch naar het begin");
    assert_eq!(h.state().screen(), Screen::Home);
    assert_eq!(h.state().unsaved().len(), 1, "kept in memory");
    // Issue 10, point 5: the date is written out, as a Dutch reader writes it.
    h.get_by_label_contains("Nog niet bewaard: de bijeenkomst van 23 november 2025");

    // Closing the window asks too.
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("Niet alles is bewaard");
    h.get_by_label_contains("Een reservekopie staat in");
    click(&mut h, "Blijven");
    drop(h); // the app is closed anyway (power cut, kill)

    // The next start offers it again, not the meeting as if it were still running.
    let mut h = new_harness(dir.path(), &clock);
    assert!(
        h.query_by_label("Verdergaan met de vorige bijeenkomst?")
            .is_none()
    );
    h.get_by_label_contains("Bij de vorige keer kon een bijeenkomst niet worden bewaard");
    assert_eq!(h.state().unsaved().len(), 1);

    // The folder is fine again: "save again" puts it in the group's history; the spare copy
    // and the autosave go.
    std::fs::remove_file(&meetings).expect("unblock");
    click(&mut h, "Opnieuw bewaren");
    assert!(h.state().unsaved().is_empty());
    let files = list_records(&meetings);
    assert_eq!(files.len(), 1);
    let record = load_record(&files[0]).expect("record");
    assert_eq!(record.protocol_id, "balint-8-stappen");
    assert!(!autosave.exists());
    assert_eq!(
        std::fs::read_dir(dir.path().join("unsaved"))
            .expect("folder")
            .count(),
        0
    );
    h.get_by_label_contains("is nu bewaard in");
}

#[test]
fn an_unsaved_record_is_retried_by_itself_and_can_go_to_another_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    run_a_meeting(&mut h, &clock);
    let meetings = block_meetings(dir.path());
    end_meeting(&mut h);
    h.get_by_label("Deze bijeenkomst is nog niet bewaard.");

    // Another folder, as the folder dialog answers it.
    let elsewhere = tempfile::tempdir().expect("elsewhere");
    let started_at_ms = h.state().unsaved()[0].record.started_at_ms;
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        UnsavedCommand::SaveIn {
            started_at_ms,
            dir: elsewhere.path().to_owned(),
        }
        .into(),
    );
    h.run();
    assert!(h.state().unsaved().is_empty());
    assert_eq!(list_records(elsewhere.path()).len(), 1);
    h.get_by_label_contains("Bewaard in");

    // A second meeting fails too, and is saved by the retry once the folder is back.
    click(&mut h, "Terug naar het begin");
    assert_eq!(h.state().screen(), Screen::Home, "saved: no question");
    press(&mut h, Key::Enter);
    h.get_by_label("Verder").click();
    h.run();
    press(&mut h, Key::Space);
    clock.advance_secs(30);
    h.run();
    end_meeting(&mut h);
    assert_eq!(h.state().unsaved().len(), 1);
    std::fs::remove_file(&meetings).expect("unblock");
    clock.advance_secs(31);
    h.run();
    assert!(h.state().unsaved().is_empty(), "retried by itself");
    assert_eq!(list_records(&meetings).len(), 1);
    h.get_by_label_contains("Bewaard in");
}
