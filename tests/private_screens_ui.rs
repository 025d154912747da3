//! Nothing private reaches the room by surprise: on one window (a laptop mirrored to the
//! projector) the scratchpad, the private advice entry and the notes open only after the
//! leader chose so; the private entry is a locked mode a member cannot leave or misuse.

mod common;
use common::*;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use kring::meeting::ManualClock;
use kring::ui::Screen;

const ROOM_SEES: &str = "De groep ziet dit scherm";

/// Starts "Balint in 9 fasen" with six people and walks to the phase with `phase_id`, on one
/// window with the leader screen shown.
fn meeting_at(h: &mut H, clock: &ManualClock, phase_id: &str) {
    nine_phases_at(
        h,
        clock,
        &["An", "Bo", "Cas", "Dien", "Eef", "Fem"],
        phase_id,
    );
    assert_eq!(h.state().screen(), Screen::Meeting);
}

#[test]
fn on_one_window_the_association_phase_does_not_open_the_scratchpad_and_k_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    meeting_at(&mut h, &clock, "associatiemoment");
    assert!(
        h.query_by_label("Kladblok (privé)").is_none(),
        "not by itself"
    );

    // K: the leader is told the room sees this screen; Esc leaves the pad closed.
    press(&mut h, Key::K);
    h.get_by_label(ROOM_SEES);
    assert!(h.query_by_label("Kladblok (privé)").is_none());
    press(&mut h, Key::Escape);
    assert!(h.query_by_label(ROOM_SEES).is_none());
    assert!(h.query_by_label("Kladblok (privé)").is_none());

    // Enter answers "show it here": the pad opens with the cursor in it, so the next keys
    // type into it (an "e" there must not end the meeting).
    press(&mut h, Key::K);
    press(&mut h, Key::Enter);
    for c in ["e", "n", "d"] {
        h.key_press(Key::E);
        h.event(egui::Event::Text(c.to_owned()));
        h.run();
    }
    assert_eq!(h.state().scratchpad_text(), "end");
    assert!(h.query_by_label("Bijeenkomst nu beëindigen?").is_none());
    press(&mut h, Key::F4);

    // The button on the leader screen asks too; the answer "own window" moves the group
    // screen to a window of its own, and only then the pad opens here.
    click(&mut h, "Kladblok (K)");
    h.get_by_label(ROOM_SEES);
    click(&mut h, "Groepsscherm in een eigen venster (F3)");
    h.get_by_role_and_label(Role::MultilineTextInput, "Kladblok (privé)");
    assert!(
        h.query_by_label("Kring · groepsscherm").is_some(),
        "the wall has its own window"
    );

    // Closing that window again hides everything private at once.
    press(&mut h, Key::F3);
    assert!(h.query_by_label("Kladblok (privé)").is_none());
}

#[test]
fn on_one_window_notes_and_the_private_entry_open_only_after_the_leader_chose_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    meeting_at(&mut h, &clock, "oordeelsvorming");

    click(&mut h, "Privé invoeren (om de beurt)");
    h.get_by_label(ROOM_SEES);
    assert!(h.query_by_label("Jouw advies, anoniem").is_none());
    click(&mut h, "Annuleren (Esc)");
    assert!(h.query_by_label("Jouw advies, anoniem").is_none());

    click(&mut h, "Andere hulpmiddelen");
    click(&mut h, "Notities tonen…");
    h.get_by_label(ROOM_SEES);
    press(&mut h, Key::Enter); // "show it here", an explicit choice in the question
    h.get_by_role_and_label(
        Role::MultilineTextInput,
        "Notities bij deze fase; ze komen in het verslag.",
    );
}

#[test]
fn the_private_entry_is_locked_and_never_takes_more_than_expected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    meeting_at(&mut h, &clock, "oordeelsvorming");
    click(&mut h, "Privé invoeren (om de beurt)");
    click(&mut h, "Toch hier tonen (Enter)");
    h.get_by_label("Jouw advies, anoniem");

    // Nothing but the field and "hand in": no meeting buttons, no names to remove.
    for gone in [
        "Stoppen",
        "Fase overslaan",
        "Volgende stap",
        "Groepsscherm in eigen venster (F3)",
        "Kladblok (K)",
        "Inbrenger",
    ] {
        assert!(h.query_by_label(gone).is_none(), "{gone} is not reachable");
    }
    assert!(h.query_by_label_contains("×").is_none());

    // No key reaches the meeting: not Space, arrows, S, E, F2, F3, F11 or Esc.
    let before = {
        let m = h.state().meeting().expect("meeting");
        (m.cursor(), m.step())
    };
    for key in [
        Key::Escape,
        Key::Space,
        Key::ArrowRight,
        Key::S,
        Key::E,
        Key::F2,
        Key::F3,
        Key::B,
    ] {
        h.key_press(key);
        h.run();
    }
    let m = h.state().meeting().expect("meeting");
    assert_eq!((m.cursor(), m.step()), before);
    assert!(!m.on_break());
    h.get_by_label("Jouw advies, anoniem");
    assert_eq!(h.state().screen(), Screen::Meeting);

    // Five members are expected (six present, one brings the case); the sixth cannot hand in.
    for n in 1..=6 {
        let field = h.get_by_role_and_label(Role::MultilineTextInput, "Advies");
        field.type_text(&format!("Advies nummer {n}"));
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Enter);
        h.run();
    }
    assert_eq!(h.state().content().advice.len(), 5, "never 6 of 5");
    h.get_by_label_contains("Alle verwachte adviezen zijn binnen (5)");

    // The leader's way out (F4, named in the README); then the leader raises the number.
    press(&mut h, Key::F4);
    assert!(h.query_by_label("Jouw advies, anoniem").is_none());
    h.get_by_label("5 van 5 binnen");
    click(&mut h, "Eén advies meer verwachten");
    h.get_by_label("5 van 6 binnen");
    click(&mut h, "Privé invoeren (om de beurt)");
    click(&mut h, "Toch hier tonen (Enter)");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Advies",
        "Nog een laatste idee",
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Enter);
    h.run();
    assert_eq!(h.state().content().advice.len(), 6);
    assert_eq!(
        h.state().meeting().expect("meeting").step(),
        before.1,
        "still the same step"
    );
}
