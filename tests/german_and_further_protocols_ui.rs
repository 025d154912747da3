//! Issue 14, points 6 and 7: German chosen on the home screen carries through a whole meeting
//! to its summary and export; each of the four further protocols runs through a whole meeting
//! to the summary and is saved.

mod common;
use common::*;

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use jiff::tz::TimeZone;
use kring::i18n::DE;
use kring::meeting::ManualClock;
use kring::model::{Lang, PhaseOutcome};
use kring::room::RoomView;
use kring::store::{DEFAULT_GROUP, DataDir, list_records, load_record};
use kring::ui::Screen;

/// From the running meeting, one phase after the other with Right, a minute apart, until the
/// meeting is finished; calls `each` once in every phase, as it opens.
fn walk_to_the_end(h: &mut H, clock: &ManualClock, mut each: impl FnMut(&mut H, usize)) {
    let mut seen = None;
    for _ in 0..200 {
        if h.state().screen() == Screen::Finished {
            return;
        }
        let cursor = h.state().meeting().expect("meeting").cursor();
        if seen != Some(cursor) {
            seen = Some(cursor);
            each(h, cursor);
        }
        clock.advance_secs(60);
        press(h, Key::ArrowRight);
    }
    panic!("the meeting did not finish");
}

/// The one saved record of the default group.
fn the_record(data: &std::path::Path) -> kring::model::MeetingRecord {
    let files = list_records(&DataDir::new(data).expect("dir").meetings_dir(DEFAULT_GROUP));
    assert_eq!(files.len(), 1, "{files:?}");
    load_record(&files[0]).expect("record")
}

/// Point 7: each further protocol is in the home list, starts, runs phase by phase to the
/// summary and is saved with every phase done.
#[test]
fn each_further_protocol_runs_a_whole_meeting_to_the_summary() {
    for (name, id, phases) in [
        ("Internationale Balintgroep", "balint-internationaal", 5),
        (
            "Balintgroep van een dubbel uur",
            "balintgruppe-doppelstunde",
            5,
        ),
        ("Incidentmethode", "incidentmethode", 10),
        ("Roddelmethode", "roddelmethode", 5),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = ManualClock::new(T0);
        let mut h = new_harness(dir.path(), &clock);
        click_first(&mut h, name);
        click(&mut h, "Bijeenkomst starten");
        click(&mut h, "Verder");
        assert_eq!(h.state().screen(), Screen::Intro, "{name}");
        press(&mut h, Key::Space);
        assert_eq!(h.state().screen(), Screen::Meeting, "{name}");
        let mut titles = Vec::new();
        walk_to_the_end(&mut h, &clock, |h, cursor| {
            let meeting = h.state().meeting().expect("meeting");
            let title = meeting.protocol().phases[cursor].title.nl.clone();
            h.get_by_label_contains(&format!("Fase {} van {phases}", cursor + 1));
            titles.push(title);
        });
        assert_eq!(titles.len(), phases, "{name}: {titles:?}");
        h.get_by_label("De bijeenkomst is afgerond");
        let record = the_record(dir.path());
        assert_eq!(record.protocol_id, id);
        assert_eq!(record.phases.len(), phases);
        assert!(
            record
                .phases
                .iter()
                .all(|p| p.outcome == PhaseOutcome::Done),
            "{name}"
        );
        assert!(!record.ended_early);
    }
}

/// Point 7: in the group discussion of the international Balint group the wall shows, as
/// badges, that the presenter sits outside the circle and does not chip in; in German too.
#[test]
fn the_presenter_outside_the_circle_is_a_badge_on_the_wall() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click(&mut h, "Deutsch");
    click_first(&mut h, "Internationale Balintgruppe");
    click(&mut h, "Sitzung beginnen");
    click(&mut h, "Weiter");
    press(&mut h, Key::Space);
    walk_to_phase(&mut h, &clock, "groepsbespreking");
    let tz = TimeZone::UTC;
    let view = RoomView::new(
        h.state().meeting().expect("meeting"),
        h.state().content(),
        Lang::De,
        &DE,
        T0,
        &tz,
    );
    assert_eq!(view.title, "Gruppengespräch");
    assert_eq!(view.position, "Phase 3 von 5");
    assert!(
        view.rules
            .contains(&"Fallgeber/in sitzt außerhalb des Kreises und hört zu".to_owned()),
        "{:?}",
        view.rules
    );
    assert!(
        view.rules
            .contains(&"Fallgeber/in mischt sich nicht ein".to_owned()),
        "{:?}",
        view.rules
    );
    assert_eq!(
        view.guard.as_deref(),
        Some("Fallgeber/in hört von außerhalb des Kreises zu")
    );
}

/// Point 6: German chosen on the home screen is remembered; the home screen, the
/// introduction, every phase on the group and leader screens, the summary and the record's
/// export are in German, numbers and dates the German way.
#[test]
fn a_whole_meeting_in_german() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click(&mut h, "Deutsch");
    h.get_by_label("Sitzung beginnen");
    h.get_by_label("Methode wählen");
    drop(h);

    // Remembered: a new start opens in German.
    let mut h = new_harness(dir.path(), &clock);
    h.get_by_label("Sitzung beginnen");
    assert!(h.query_by_label("Bijeenkomst starten").is_none());
    click_first(&mut h, "Balint in 9 Phasen");
    h.get_by_label_contains("9 Phasen · ");
    click(&mut h, "Sitzung beginnen");
    h.get_by_label("Wer ist heute da?");
    for name in ["Anna", "Bernd", "Clara", "Dieter", "Eva"] {
        type_into(
            &mut h,
            egui::accesskit::Role::TextInput,
            "Name oder Initialen",
            name,
        );
        press(&mut h, Key::Enter);
    }
    click(&mut h, "Weiter");
    assert_eq!(h.state().screen(), Screen::Intro);
    h.get_by_label("So arbeiten wir heute");
    h.get_by_label_contains("Heute arbeiten wir mit der Balint-Methode");
    press(&mut h, Key::Space);

    let mut german_titles = Vec::new();
    walk_to_the_end(&mut h, &clock, |h, cursor| {
        let meeting = h.state().meeting().expect("meeting");
        let title = meeting.protocol().phases[cursor]
            .title
            .get(Lang::De)
            .to_owned();
        h.get_by_label(&title);
        h.get_by_label_contains(&format!("Phase {} von 9", cursor + 1));
        if cursor == 4 {
            // Image forming on the leader screen: the question log in German.
            press(h, Key::F2);
            h.get_by_label("Fragenprotokoll");
            h.get_by_label("Frage notieren");
            press(h, Key::F2);
        }
        german_titles.push(title);
    });
    assert_eq!(
        german_titles,
        [
            "Anliegen sammeln",
            "Fallwahl",
            "Problemstellung",
            "Assoziationsmoment",
            "Bildgestaltung",
            "Urteilsbildung",
            "Entscheidung",
            "Verhalten in der Gruppe",
            "Verhalten in ähnlichen Situationen",
        ]
    );
    h.get_by_label("Die Sitzung ist beendet");
    h.get_by_label("Zurück zum Start");

    let record = the_record(dir.path());
    assert_eq!(record.protocol_id, "balint-9-fasen");
    let md = kring::export::meeting_markdown(&record, Lang::De);
    assert!(md.contains("# Protokoll einer Intervisionssitzung"), "{md}");
    assert!(md.contains("Balint in 9 Phasen"), "{md}");
    assert!(md.contains("November 2025"), "{md}");
    assert!(md.contains(" Uhr"), "{md}");
    assert!(md.contains("Zeit pro Phase"), "{md}");
    assert!(md.contains("Anliegen sammeln"), "{md}");
}
