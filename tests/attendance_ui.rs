//! Issue 14, points 1 and 5 in the app: the leader corrects a past meeting's attendance on
//! the history tab (a forgotten member, the real start), and makes a certificate of
//! attendance from the Groep tab, saved through the export path.

mod common;
use common::*;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kring::meeting::{Command, ManualClock, Meeting};
use kring::model::{GroupSettings, Lead, MeetingContent};
use kring::store::{
    Catalog, DEFAULT_GROUP, DataDir, GroupLock, LockOutcome, list_records, load_record, save_group,
    save_record,
};

/// The default group with An, Bo and Cas on its roster, and one meeting a week before
/// [`T0`]: 16 November 2025, 19:30 to 20:30, An leading and Bo present; Cas was forgotten.
fn group_with_a_meeting(dir: &std::path::Path) {
    let protocol = Catalog::load(None)
        .get("balint-8-stappen")
        .expect("shipped")
        .protocol
        .clone();
    let started = T0 - 7 * 86_400_000;
    let mut meeting = Meeting::start(protocol, started);
    meeting.apply(Command::EndEarly, started + 3_600_000);
    let mut record = meeting.to_record(started + 3_600_000, "2025-11-16 19:30".into());
    let mut group = GroupSettings::named("Team Noord");
    for name in ["An", "Bo", "Cas"] {
        group.add_member(name);
    }
    let mut content = MeetingContent::default();
    content.set_member_present(1, "An", true);
    content.set_member_present(2, "Bo", true);
    content.set_lead(Lead::Leader, Some((1, "An")));
    record.content = content;
    let folder = DataDir::new(dir).expect("dir").group_dir(DEFAULT_GROUP);
    let LockOutcome::Acquired(writer) = GroupLock::acquire(&folder, 0) else {
        panic!("the group folder is free before the app starts");
    };
    save_group(&writer, &group).expect("group saved");
    save_record(&writer, &record).expect("saved");
}

/// Empties the text field `label` and types `text` into it.
fn replace_text(h: &mut H, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    for _ in 0..12 {
        press(h, Key::Backspace);
    }
    type_into(h, Role::TextInput, label, text);
}

fn the_record(dir: &std::path::Path) -> kring::model::MeetingRecord {
    let meetings = DataDir::new(dir).expect("dir").meetings_dir(DEFAULT_GROUP);
    let files = list_records(&meetings);
    assert_eq!(files.len(), 1, "{files:?}");
    load_record(&files[0]).expect("loads")
}

#[test]
fn a_forgotten_member_and_the_real_start_are_corrected_from_the_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    group_with_a_meeting(dir.path());
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click(&mut h, "Geschiedenis");
    click_first(&mut h, "16 november 2025");
    click(&mut h, "Aanwezigheid corrigeren");
    h.get_by_role_and_label(Role::CheckBox, "Cas").click();
    h.run();
    replace_text(&mut h, "Begin (uu:mm)", "19:45");
    click(&mut h, "Opslaan");
    assert!(
        h.query_by_label("De aanwezigheid is bewaard.").is_some(),
        "the correction is confirmed on screen"
    );

    let record = the_record(dir.path());
    assert_eq!(record.content.present, ["An", "Bo", "Cas"]);
    assert_eq!(record.content.member_of("Cas"), Some(3));
    assert_eq!(record.started_local, "2025-11-16 19:45");
    assert_eq!(record.duration_minutes(), 45, "19:45 to the end at 20:30");
    assert_eq!(
        record.content.leader.as_deref(),
        Some("An"),
        "the rest stays"
    );

    // A time that is no time: said, and nothing written.
    click(&mut h, "Aanwezigheid corrigeren");
    replace_text(&mut h, "Einde (uu:mm)", "x");
    click(&mut h, "Opslaan");
    assert!(
        h.query_by_label_contains("schrijf de tijd als uu:mm")
            .is_some(),
        "the bad time is named"
    );
    assert_eq!(the_record(dir.path()), record);
}

#[test]
fn a_certificate_is_made_from_the_group_tab() {
    let dir = tempfile::tempdir().expect("tempdir");
    group_with_a_meeting(dir.path());
    let clock = ManualClock::new(T0);
    let mut h = harness_without_dialog(dir.path(), &clock);
    // The tab (the other "Groep" is the group picker).
    h.get_all_by_label("Groep").nth(1).expect("tab").click();
    h.run();
    h.get_by_label("Exporteren").scroll_to_me();
    h.run();
    h.get_by_label("Wat").click();
    h.run();
    click(&mut h, "Bewijs van deelname van");
    h.get_by_label("Formaat").click();
    h.run();
    click(&mut h, "CSV");
    click(&mut h, "Exporteren");
    let files = exported(dir.path());
    let name = files
        .first()
        .and_then(|f| f.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    assert_eq!(
        name.as_deref(),
        Some("deelname-an-2025-01-01-2025-11-23.csv"),
        "this year up to today, for An (the first member)"
    );
    let text = std::fs::read_to_string(&files[0]).expect("read");
    let body = text.strip_prefix('\u{feff}').expect("byte-order mark");
    let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "An");
    assert_eq!(&rows[0][2], "2025-11-16");
    assert_eq!(&rows[0][6], "gespreksleider");
    assert_eq!(&rows[0][7], "60");

    // A period that is no period: said under the button, nothing saved.
    replace_text(&mut h, "Van", "2025-13-01");
    // The file's line above pushed the button out of view.
    h.get_by_label("Exporteren").scroll_to_me();
    h.run();
    click(&mut h, "Exporteren");
    assert!(
        h.query_by_label_contains("2025-13-01 is geen datum")
            .is_some(),
        "the bad date is named"
    );
    assert_eq!(exported(dir.path()).len(), 1);
}

/// Issue 14, point 1: the leader and co-leader are chosen from the roster at "who is here",
/// and one person holds one role.
#[test]
fn the_leader_and_co_leader_are_chosen_from_the_roster() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click_first(&mut h, "Balint in 9 fasen");
    click(&mut h, "Bijeenkomst starten");
    for name in ["An", "Bo"] {
        type_into(&mut h, Role::TextInput, "Naam of initialen", name);
        press(&mut h, Key::Enter);
    }
    let choose = |h: &mut H, lead: &str, name: &str| {
        h.get_by_role_and_label(Role::ComboBox, lead).click();
        h.run();
        h.get_all_by_label(name)
            .find(|n| n.accesskit_node().role() != Role::CheckBox)
            .expect("an option in the list")
            .click();
        h.run();
    };
    choose(&mut h, "Gespreksleider", "An");
    choose(&mut h, "Tweede gespreksleider", "Bo");
    assert_eq!(h.state().content().leader.as_deref(), Some("An"));
    assert_eq!(h.state().content().co_leader.as_deref(), Some("Bo"));
    choose(&mut h, "Gespreksleider", "Bo");
    assert_eq!(h.state().content().leader.as_deref(), Some("Bo"));
    assert_eq!(h.state().content().co_leader, None, "Bo cannot hold both");
}

/// Issue 14, point 1: a Kring that only reads the group (another one holds it) offers no
/// correction: the button is there, greyed out.
#[test]
fn a_read_only_kring_cannot_correct_attendance() {
    let dir = tempfile::tempdir().expect("tempdir");
    group_with_a_meeting(dir.path());
    let folder = DataDir::new(dir.path())
        .expect("dir")
        .group_dir(DEFAULT_GROUP);
    let LockOutcome::Acquired(_other_kring) = GroupLock::acquire(&folder, T0) else {
        panic!("free");
    };
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click(&mut h, "Geschiedenis");
    click_first(&mut h, "16 november 2025");
    assert!(
        h.get_by_label("Aanwezigheid corrigeren")
            .accesskit_node()
            .is_disabled()
    );
}
