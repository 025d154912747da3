//! Issue 9, "Nothing lost, nothing leaked", through the app: files from a newer Kring are left
//! alone (point 4), a Kring that only reads a group writes nothing into it (point 5), and a
//! damaged `group.ron` is set aside and told to the leader (point 10).

mod common;
use common::*;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kring::meeting::{Command, ManualClock, Meeting};
use kring::model::{GroupSettings, Retention};
use kring::store::{
    Catalog, DEFAULT_GROUP, DataDir, GROUP_FILE, GroupLock, LockOutcome, QUARANTINE_DIR,
    save_group, save_record,
};
use kring::ui::GroupCommand;

const DAY: i64 = 86_400_000;

fn data(dir: &Path) -> DataDir {
    DataDir::new(dir).expect("data dir")
}

/// The default group's write handle: "another Kring" that holds the group.
fn other_kring(data: &DataDir) -> GroupLock {
    match GroupLock::acquire(&data.group_dir(DEFAULT_GROUP), T0) {
        LockOutcome::Acquired(lock) => lock,
        other => panic!("no lock: {other:?}"),
    }
}

/// Every file under `dir`, with its bytes, in path order.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((
                    path.display().to_string(),
                    std::fs::read(&path).expect("read"),
                ));
            }
        }
    }
    files.sort();
    files
}

/// Point 4: an autosave made by a newer Kring (a field and a stage this Kring does not know)
/// is left where it is, untouched, and the leader is told to update. Before, it was parsed
/// whole, called damaged and moved to quarantine.
#[test]
fn an_autosave_from_a_newer_kring_is_left_untouched_and_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = data(dir.path())
        .group_dir(DEFAULT_GROUP)
        .join("in-progress.ron");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    let text = "(format_version: 7, saved_at_ms: 12, stage: Reflection, phones: [(id: 1)])";
    std::fs::write(&file, text).expect("write");
    let clock = ManualClock::new(T0);
    let h = new_harness(dir.path(), &clock);
    h.get_by_label_contains("is gemaakt door een nieuwere Kring");
    assert_eq!(std::fs::read_to_string(&file).expect("there"), text);
    assert!(!dir.path().join(QUARANTINE_DIR).exists());
}

/// Point 5: with another Kring holding the group, this one deletes nothing through the
/// retention clear-out, writes no `group.ron` through the Groep tab, and leaves a damaged
/// record where it is. Before, all three went ahead.
#[test]
fn a_read_only_kring_deletes_rewrites_and_moves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = data(dir.path());
    let other = other_kring(&data);
    save_group(
        &other,
        &GroupSettings {
            retention: Retention::Months6,
            ..GroupSettings::default()
        },
    )
    .expect("group");
    let protocol = Catalog::load(None)
        .get("uitpluizen")
        .expect("shipped")
        .protocol
        .clone();
    let start = T0 - 400 * DAY;
    let mut meeting = Meeting::start(protocol, start);
    meeting.apply(Command::EndEarly, start + 3_600_000);
    let record = meeting.to_record(start + 3_600_000, "2024-10-19 19:30".to_owned());
    save_record(&other, &record).expect("saved");
    let damaged = data
        .meetings_dir(DEFAULT_GROUP)
        .join("2025-01-01_1930_uitpluizen.ron");
    std::fs::write(&damaged, "(format_version: 2,\n protocol_id: ").expect("write");
    let before = snapshot(&data.group_dir(DEFAULT_GROUP));

    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    h.get_by_label_contains("Dit venster kan alleen lezen");
    h.get_by_role_and_label(Role::Button, "Geschiedenis")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Groep").click();
    h.run();
    // The buttons that would write are off; and the commands behind them, sent directly,
    // are refused by the store (only the lock holder gets a write handle).
    for label in ["Verlopen gegevens opruimen…", "Groep bewaren"] {
        assert!(
            h.get_by_role_and_label(Role::Button, label)
                .accesskit_node()
                .is_disabled(),
            "{label} is off in a read-only Kring"
        );
    }
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, GroupCommand::RetentionCheck.into());
    h.state_mut()
        .apply(&ctx, GroupCommand::RetentionConfirm.into());
    h.run();
    h.get_by_label_contains("Niet gedaan: een andere Kring heeft deze groep open");
    let name = h.get_by_role_and_label(Role::TextInput, "Naam");
    name.focus();
    name.type_text(" (hernoemd)");
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Naam")
            .value()
            .as_deref(),
        Some("Mijn groep (hernoemd)")
    );
    h.state_mut().apply(&ctx, GroupCommand::Save.into());
    h.run();
    h.get_by_label_contains("Niet gedaan: een andere Kring heeft deze groep open");

    assert_eq!(
        snapshot(&data.group_dir(DEFAULT_GROUP)),
        before,
        "nothing in the group folder was deleted, rewritten or moved"
    );
    assert!(!dir.path().join(QUARANTINE_DIR).exists());
    drop(other);
}

/// Point 10: a damaged `group.ron` is set aside byte for byte, the leader is told on the
/// home screen and on the Groep tab, and nothing is written in its place until the leader
/// saves the group there. Before, it was left in place and reported nowhere.
#[test]
fn a_damaged_group_file_is_set_aside_and_told_on_home_and_group_tab() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = data(dir.path());
    let group_file = data.group_dir(DEFAULT_GROUP).join(GROUP_FILE);
    std::fs::create_dir_all(data.meetings_dir(DEFAULT_GROUP)).expect("mkdir");
    let damaged: &[u8] =
        b"(format_version: 1, name: \"Intervisie Noord\", agreements: \"Wat hier \xe9\xe9n";
    std::fs::write(&group_file, damaged).expect("write");

    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    h.get_by_label_contains("Het groepsbestand kon niet worden gelezen");
    let kept = data
        .group_dir(DEFAULT_GROUP)
        .join(QUARANTINE_DIR)
        .join(GROUP_FILE);
    assert_eq!(std::fs::read(&kept).expect("set aside"), damaged);
    assert!(!group_file.exists(), "nothing written in its place yet");

    h.get_by_role_and_label(Role::Button, "Groep").click();
    h.run();
    let told = h
        .query_all_by_label_contains("Het groepsbestand kon niet worden gelezen")
        .count();
    assert!(told >= 2, "on the home screen and the Groep tab: {told}");
    assert!(!group_file.exists());

    press_button(&mut h, "Groep bewaren");
    assert!(group_file.exists(), "the leader saved new settings");
    assert_eq!(std::fs::read(&kept).expect("still kept"), damaged);
}

/// Clicks a button wherever it is on the page (below the fold too: the long notices at the
/// bottom of the home screen can cover it).
fn press_button(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::Button, label).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}
