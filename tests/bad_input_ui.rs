//! Bad input and housekeeping through the UI: huge pastes, odd characters, a data folder that
//! is a file, retention that lists what goes before anything is deleted.

mod common;
use common::*;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use kring::meeting::{Command, ManualClock, Meeting};
use kring::model::{GroupSettings, PreparedCase, Retention};
use kring::store::{
    Catalog, DEFAULT_GROUP, DataDir, DataDirError, GroupLock, LockOutcome, cases_dir, save_case,
    save_group, save_record,
};

const DAY: i64 = 86_400_000;

#[test]
fn a_megabyte_pasted_into_a_field_is_cut_to_its_limit_and_the_app_stays_usable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness_allowing_missing_glyphs(dir.path(), &clock);
    open_new_case(&mut h);
    let megabyte = "Lorem ipsum dolor sit amet. ".repeat(40_000);
    assert!(megabyte.len() > 1_000_000);
    let field = h.get_by_role_and_label(Role::MultilineTextInput, "De situatie, kort");
    field.focus();
    field.type_text(&megabyte);
    h.run();
    let kept = h
        .get_by_role_and_label(Role::MultilineTextInput, "De situatie, kort")
        .value()
        .expect("value");
    assert_eq!(kept.chars().count(), 20_000, "cut to the field's limit");
    h.get_by_label("max. 20000");
    // Control characters, right-to-left text and combining marks are kept as typed.
    let field = h.get_by_role_and_label(Role::TextInput, "Titel");
    field.focus();
    field.type_text("Casus\u{7}\u{200F} مرحبا e\u{301}");
    h.run();
    click(&mut h, "Bewaren");
    let files: Vec<_> = std::fs::read_dir(dir.path().join("cases"))
        .expect("saved")
        .collect();
    assert_eq!(files.len(), 1);
    h.get_by_label("Geschiedenis").click();
    h.run();
    h.get_by_label("Nog geen bijeenkomsten in deze groep.");
}

#[test]
fn a_data_folder_that_is_a_file_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").expect("write");
    let err = DataDir::new(&file).expect_err("a file is no data folder");
    assert!(matches!(err, DataDirError::NotAFolder { .. }));
    let message = err.to_string();
    assert!(message.contains("is a file, not a folder"), "{message}");
    assert!(message.contains("--data-dir"), "says what to do: {message}");

    // Issue 10: on the home screen it is said in the user's language (Dutch here), with the
    // folder used instead.
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    h.state_mut().report_data_dir_fallback(&err);
    h.run();
    h.get_by_label(&format!(
        "De gegevensmap kon niet worden gebruikt: {} is een bestand en geen map, dus Kring kan \
         er geen gegevens in bewaren. Kring gebruikt nu tijdelijk {}. Start Kring met \
         --data-dir MAP om een andere map te kiezen.",
        file.display(),
        dir.path().display()
    ));
}

#[test]
fn retention_lists_expired_meetings_and_cases_and_deletes_only_after_confirmation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::new(dir.path()).expect("dir");
    let settings = GroupSettings {
        retention: Retention::Months6,
        ..GroupSettings::default()
    };
    let writer = group_writer(&data);
    save_group(&writer, &settings).expect("group");
    let protocol = Catalog::load(None)
        .get("uitpluizen")
        .expect("shipped")
        .protocol
        .clone();
    for (age_days, label) in [(400, "old"), (30, "recent")] {
        let start = T0 - age_days * DAY;
        let mut meeting = Meeting::start(protocol.clone(), start);
        meeting.apply(Command::EndEarly, start + 3_600_000);
        let mut record = meeting.to_record(
            start + 3_600_000,
            format!("2025-01-0{} 19:30", age_days % 9),
        );
        record.protocol_id = format!("uitpluizen-{label}");
        save_record(&writer, &record).expect("saved");
    }
    drop(writer); // The app takes the lock itself.
    let mut old_case = PreparedCase::new(T0 - 500 * DAY, &mut rand::rng());
    old_case.title = "Oude casus".to_owned();
    old_case.updated_at_ms = T0 - 500 * DAY;
    save_case(&cases_dir(&data), &old_case).expect("case");

    let clock = ManualClock::new(T0);
    let mut h = new_harness_allowing_missing_glyphs(dir.path(), &clock);
    h.get_by_role_and_label(Role::Button, "Groep").click();
    h.run();
    click(&mut h, "Verlopen gegevens opruimen…");
    h.get_by_label("Deze gegevens zijn ouder dan de bewaartermijn");
    h.get_by_label("Na bevestigen worden deze 2 bestanden verwijderd:");
    h.get_by_label_contains("uitpluizen-old");
    assert!(h.query_by_label_contains("uitpluizen-recent").is_none());
    click(&mut h, "Nee, bewaren");
    let meetings = data.meetings_dir(DEFAULT_GROUP);
    assert_eq!(
        std::fs::read_dir(&meetings).expect("dir").count(),
        2,
        "nothing gone yet"
    );

    click(&mut h, "Verlopen gegevens opruimen…");
    click(&mut h, "Ja, verwijderen");
    let left: Vec<String> = std::fs::read_dir(&meetings)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 1);
    assert!(left[0].contains("uitpluizen-recent"));
    assert_eq!(std::fs::read_dir(cases_dir(&data)).expect("dir").count(), 0);
    h.get_by_label("2 bestanden verwijderd.");
}

/// The default group's write handle, as a Kring that holds its lock has it.
fn group_writer(data: &DataDir) -> GroupLock {
    match GroupLock::acquire(&data.group_dir(DEFAULT_GROUP), T0) {
        LockOutcome::Acquired(lock) => lock,
        other => panic!("no lock: {other:?}"),
    }
}
