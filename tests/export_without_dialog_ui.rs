//! Issue 9, point 11: where no file dialog can open, "Exporteren…" still leaves a file, in
//! the data folder's `exports/`, and says so with its path, on the screen where it was
//! pressed: the case tab, the history, the group tab.

mod common;
use common::*;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kring::meeting::{Command, ManualClock, Meeting};
use kring::model::MeetingContent;
use kring::store::{
    Catalog, DEFAULT_GROUP, DataDir, EXPORTS_DIR, GroupLock, LockOutcome, save_record,
};

/// The sentence with `path` is on screen, and says why the file is there.
fn path_on_screen(h: &H, path: &Path) {
    let shown = path.display().to_string();
    // A label's text is its accesskit value.
    let nodes: Vec<String> = h
        .get_all_by_label_contains(&shown)
        .filter_map(|n| n.accesskit_node().value())
        .collect();
    assert!(!nodes.is_empty(), "{shown} is not on screen");
    assert!(
        nodes
            .iter()
            .all(|l| l.contains("geen venster") && l.contains("exportmap")),
        "{nodes:?}"
    );
}

/// The button is below the group's settings, out of view at 1280 × 800.
fn export_attendance(h: &mut H) {
    h.get_by_label("Aanwezigheid en afspraken exporteren")
        .scroll_to_me();
    h.run();
    click(h, "Aanwezigheid en afspraken exporteren");
}

#[test]
fn attendance_goes_into_exports_and_the_group_tab_shows_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = harness_without_dialog(dir.path(), &clock);
    // The tab (the other "Groep" is the group picker).
    h.get_all_by_label("Groep").nth(1).expect("tab").click();
    h.run();
    export_attendance(&mut h);
    let files = exported(dir.path());
    assert_eq!(
        files,
        vec![dir.path().join(EXPORTS_DIR).join("aanwezigheid.md")]
    );
    assert!(
        std::fs::read_to_string(&files[0])
            .expect("read")
            .contains("| naam / name |")
    );
    path_on_screen(&h, &files[0]);

    // Again: a second file, the first one untouched.
    let first = std::fs::read(&files[0]).expect("read");
    export_attendance(&mut h);
    let files = exported(dir.path());
    let exports = dir.path().join(EXPORTS_DIR);
    let second = exports.join("aanwezigheid (2).md");
    assert_eq!(files, vec![second.clone(), exports.join("aanwezigheid.md")]);
    assert_eq!(
        std::fs::read(exports.join("aanwezigheid.md")).expect("read"),
        first
    );
    path_on_screen(&h, &second);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(dir.path().join(EXPORTS_DIR))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "the exports folder is private");
    }
}

#[test]
fn a_meeting_goes_into_exports_and_the_history_shows_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    let protocol = Catalog::load(None)
        .get("balint-8-stappen")
        .expect("shipped")
        .protocol
        .clone();
    let started = T0 - 7 * 86_400_000;
    let mut meeting = Meeting::start(protocol, started);
    meeting.apply(Command::EndEarly, started + 3_600_000);
    let mut record = meeting.to_record(started + 3_600_000, "2025-11-16 19:30".into());
    let mut content = MeetingContent::default();
    content.add_present("An");
    content.insights.push("Een Zeepbel van rust".into());
    record.content = content;
    record.started_local = "2025-11-16 19:30".into();
    let group = DataDir::new(dir.path())
        .expect("dir")
        .group_dir(DEFAULT_GROUP);
    {
        let LockOutcome::Acquired(writer) = GroupLock::acquire(&group, 0) else {
            panic!("the group folder is free before the app starts");
        };
        save_record(&writer, &record).expect("saved");
    }

    let clock = ManualClock::new(T0);
    let mut h = harness_without_dialog(dir.path(), &clock);
    click(&mut h, "Geschiedenis");
    type_into(&mut h, Role::TextInput, "Zoeken", "Zeepbel");
    click_first(&mut h, "Zeepbel");
    click(&mut h, "Exporteren als Markdown…");
    let files = exported(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].extension().is_some_and(|e| e == "md"));
    assert!(
        std::fs::read_to_string(&files[0])
            .expect("read")
            .contains("Zeepbel")
    );
    path_on_screen(&h, &files[0]);
}

#[test]
fn a_case_goes_into_exports_and_the_case_tab_shows_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = harness_without_dialog(dir.path(), &clock);
    open_new_case(&mut h);
    type_into(&mut h, Role::TextInput, "Titel", "Grenzen/stellen");
    click(&mut h, "Exporteren…");
    let files = exported(dir.path());
    assert_eq!(
        files,
        vec![
            dir.path()
                .join(EXPORTS_DIR)
                .join("Grenzen_stellen.kringcase")
        ]
    );
    let case = kring::store::load_case_file(&files[0]).expect("a case file Kring reads");
    assert_eq!(case.title, "Grenzen/stellen");
    path_on_screen(&h, &files[0]);
}

/// Issue 10: when the exports folder cannot be made either, the screen says so in the user's
/// language: the folder, what to do, and the operating system's words last.
#[test]
fn an_exports_folder_that_cannot_be_made_is_said_in_dutch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exports = dir.path().join(EXPORTS_DIR);
    std::fs::write(&exports, "a file where the folder should be").expect("block");
    let clock = ManualClock::new(T0);
    let mut h = harness_without_dialog(dir.path(), &clock);
    h.get_all_by_label("Groep").nth(1).expect("tab").click();
    h.run();
    export_attendance(&mut h);
    let shown: Vec<String> = h
        .get_all_by_label_contains("lukte ook niet")
        .filter_map(|n| n.accesskit_node().value())
        .collect();
    assert!(!shown.is_empty(), "the failure is on screen");
    let folder = exports.display();
    for text in &shown {
        assert!(
            text.starts_with(&format!(
                "Hier kan geen venster openen om een plek voor het bestand te kiezen, en bewaren \
                 in de exportmap {folder} lukte ook niet. Kring kon de map {folder} niet maken. \
                 Controleer of je daar mag schrijven. ("
            )),
            "{text}"
        );
        assert!(text.ends_with(')'), "the system's words last: {text}");
    }
    assert!(exports.is_file(), "the file in the way is left as it is");
}
