//! The app driven as a leader drives it: clicks and keys, with a clock the test moves.

mod common;
use common::*;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kring::meeting::{ManualClock, Step};
use kring::model::{Parts, PhaseOutcome};
use kring::store::{DEFAULT_GROUP, DataDir, list_records, load_record};
use kring::ui::{KringApp, Screen};

fn select(harness: &mut Harness<'static, KringApp>, protocol_name: &str) {
    // The protocol list comes before the selected protocol's heading.
    harness
        .get_all_by_label_contains(protocol_name)
        .next()
        .expect("protocol in the list")
        .click();
    harness.run();
}

/// Starts the protocol and passes "who is here" without names.
fn start(harness: &mut Harness<'static, KringApp>, protocol_name: &str) {
    select(harness, protocol_name);
    harness.get_by_label("Bijeenkomst starten").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Setup);
    harness.get_by_label("Verder").click();
    harness.run();
}

#[test]
fn a_whole_balint_8_stappen_meeting_through_the_ui_is_saved_with_actual_minutes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut harness = new_harness(dir.path(), &clock);

    start(&mut harness, "Balint in 8 stappen");
    assert_eq!(harness.state().screen(), Screen::Intro);
    harness.get_by_label("Zo werken we vandaag");
    press(&mut harness, Key::Space);
    assert_eq!(harness.state().screen(), Screen::Meeting);

    // The group takes a little more or less than planned in each step.
    let run_minutes = [6, 10, 17, 9, 10, 12, 5, 4];
    let mut expected_actual = Vec::new();
    for (index, run) in run_minutes.into_iter().enumerate() {
        let meeting = harness.state().meeting().expect("meeting");
        assert_eq!((meeting.cursor(), meeting.step()), (index, Step::Explain));
        let title = meeting.protocol().phases[index].title.nl.clone();
        let planned = meeting.protocol().phases[index].planned_minutes;
        let prepare = meeting.protocol().phases[index].prepare_minutes;
        harness.get_by_label(&title);
        harness.get_by_label_contains(&format!("Stap {} van 8", index + 1));
        harness.get_by_label(&format!("{planned}:00"));

        clock.advance_secs(60); // explaining the phase
        press(&mut harness, Key::Space);
        if prepare > 0 {
            assert_eq!(
                harness.state().meeting().expect("meeting").step(),
                Step::Prepare
            );
            clock.advance_secs(i64::from(prepare) * 60);
            press(&mut harness, Key::ArrowRight);
        }
        assert_eq!(
            harness.state().meeting().expect("meeting").step(),
            Step::Run
        );
        clock.advance_secs(60);
        harness.run();
        harness.get_by_label(&format!("{}:00", planned - 1));
        clock.advance_secs((run - 1) * 60);
        harness.run();
        if run > i64::from(planned) {
            harness.get_by_label(&format!("+{}:00", run - i64::from(planned)));
            harness.get_by_label("De tijd is om. Rond rustig af.");
        }
        press(&mut harness, Key::ArrowRight); // close
        clock.advance_secs(30);
        press(&mut harness, Key::ArrowRight); // next phase, or the end
        let open_secs = 60 + i64::from(prepare) * 60 + run * 60 + 30;
        expected_actual.push((open_secs + 30) / 60); // rounded to the nearest minute
    }

    assert_eq!(harness.state().screen(), Screen::Finished);
    harness.get_by_label("De bijeenkomst is afgerond");
    let files = list_records(
        &DataDir::new(dir.path())
            .expect("dir")
            .meetings_dir(DEFAULT_GROUP),
    );
    assert_eq!(files.len(), 1);
    let record = load_record(&files[0]).expect("record");
    assert_eq!(record.protocol_id, "balint-8-stappen");
    assert_eq!(record.phases.len(), 8);
    let actual: Vec<i64> = record.phases.iter().map(|p| p.actual_minutes()).collect();
    assert_eq!(actual, expected_actual);
    let planned: Vec<i32> = record.phases.iter().map(|p| p.planned_minutes).collect();
    assert_eq!(planned, [5, 10, 15, 10, 10, 10, 5, 5]);
    assert!(
        record
            .phases
            .iter()
            .all(|p| p.outcome == PhaseOutcome::Done)
    );
    assert!(!record.ended_early);
    assert_eq!(record.phases[2].overrun_secs, 2 * 60);
}

#[test]
fn buttons_pause_add_minutes_take_a_break_and_skip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut harness = new_harness(dir.path(), &clock);
    select(&mut harness, "Balint in 8 stappen");
    harness
        .get_by_label("Eerst de methode uitleggen aan de groep")
        .click();
    harness.run();
    press(&mut harness, Key::Enter); // Enter starts the selected protocol
    harness.get_by_label("Verder").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Meeting, "no introduction");

    harness.get_by_label("Stap starten").click();
    harness.run();
    harness.get_by_label("+1 min").click();
    harness.run();
    harness.get_by_label("6:00");
    harness.get_by_label("Klok stilzetten").click();
    harness.run();
    clock.advance_secs(120);
    harness.run();
    harness.get_by_label("6:00");
    harness.get_by_label("klok staat stil");
    harness.get_by_label("Klok laten lopen").click();
    harness.run();

    press(&mut harness, Key::B);
    harness.get_by_label("Rustpauze");
    harness.get_by_label("10:00");
    clock.advance_secs(4 * 60);
    harness.run();
    harness.get_by_label("6:00");
    // One button ends the rest break: the main action.
    assert_eq!(
        harness.query_all_by_label("Rustpauze beëindigen").count(),
        1
    );
    assert!(harness.query_by_label("Klok laten lopen").is_none());
    harness.get_by_label("Rustpauze beëindigen").click();
    harness.run();
    assert!(!harness.state().meeting().expect("meeting").on_break());

    harness.get_by_label("Stap overslaan").click();
    harness.run();
    let meeting = harness.state().meeting().expect("meeting");
    assert_eq!(meeting.cursor(), 1);
    assert_eq!(meeting.breaks().len(), 1);
}

#[test]
fn ending_early_asks_first_and_saves_what_was_done() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut harness = new_harness(dir.path(), &clock);
    start(&mut harness, "Balint in 9 fasen");
    press(&mut harness, Key::Space);
    press(&mut harness, Key::Space);
    clock.advance_secs(5 * 60);

    press(&mut harness, Key::E);
    harness.get_by_label("Bijeenkomst nu beëindigen?");
    harness.get_by_label("Nee, doorgaan").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Meeting);
    assert!(
        harness
            .query_by_label("Bijeenkomst nu beëindigen?")
            .is_none()
    );

    harness.get_by_label("Stoppen").click();
    harness.run();
    harness.get_by_label("Ja, beëindigen").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Finished);
    harness.get_by_label("De bijeenkomst is eerder beëindigd");
    let record = &harness.state().finished().expect("finished").record;
    assert!(record.ended_early);
    assert_eq!(record.phases[0].outcome, PhaseOutcome::Interrupted);
    assert_eq!(record.phases[1].outcome, PhaseOutcome::NotReached);
    assert!(harness.state().finished().expect("finished").saved.is_ok());

    harness.get_by_label("Terug naar het begin").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Home);

    // The group has met with this protocol now: no introduction by default the next time,
    // but still for a protocol it has not used.
    start(&mut harness, "Balint in 9 fasen");
    assert_eq!(harness.state().screen(), Screen::Meeting);
    press(&mut harness, Key::E);
    harness.get_by_label("Ja, beëindigen").click();
    harness.run();
    harness.get_by_label("Terug naar het begin").click();
    harness.run();
    start(&mut harness, "Uitpluizen");
    assert_eq!(harness.state().screen(), Screen::Intro);
}

#[test]
fn the_language_choice_is_remembered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut harness = new_harness(dir.path(), &clock);
    harness.get_by_label("Bijeenkomst starten");
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Start meeting");
    drop(harness);

    let mut harness = new_harness(dir.path(), &clock);
    harness.get_by_label("Start meeting");
    harness.get_by_label("Dark").click();
    harness.run();
    harness.get_by_label("Nederlands").click();
    harness.run();
    harness.get_by_label("Bijeenkomst starten");
}

#[test]
fn shortcuts_overview_opens_with_questionmark_and_closes_with_escape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut harness = new_harness(dir.path(), &clock);
    start(&mut harness, "Uitpluizen");
    press(&mut harness, Key::Space);
    press(&mut harness, Key::Questionmark);
    assert!(harness.query_by_label("Een minuut erbij").is_some());
    harness.get_by_label("Pijl rechts");
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label("Een minuut erbij").is_none());
}

/// The help overlay is drawn from the command table: every command that has a key is in it,
/// with what it does and its key, in both languages.
#[test]
fn every_command_with_a_key_is_in_the_help() {
    use kring::ui::keys::UiCommand;
    for (lang_button, lang) in [
        (None, kring::model::Lang::Nl),
        (Some("English"), kring::model::Lang::En),
        (Some("Deutsch"), kring::model::Lang::De),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = ManualClock::new(T0);
        let mut harness = new_harness(dir.path(), &clock);
        if let Some(button) = lang_button {
            harness.get_by_label(button).click();
            harness.run();
        }
        let s = kring::i18n::strings(lang);
        press(&mut harness, Key::Questionmark);
        for command in UiCommand::ALL {
            assert!(!command.shortcuts().is_empty(), "{command:?} has a key");
            assert!(
                harness
                    .query_all_by_label(command.help(s, Parts::Phases))
                    .next()
                    .is_some(),
                "{command:?}: \"{}\" is missing from the help",
                command.help(s, Parts::Phases)
            );
            assert!(
                harness
                    .query_all_by_label(&command.key_text(s))
                    .next()
                    .is_some(),
                "{command:?}: its key \"{}\" is missing from the help",
                command.key_text(s)
            );
        }
    }
}

#[test]
fn a_broken_protocol_file_is_reported_by_name_and_the_app_stays_usable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let protocols = dir.path().join("protocols");
    std::fs::create_dir_all(&protocols).expect("mkdir");
    std::fs::write(
        protocols.join("kapot.ron"),
        "(\n  format_version: 1,\n  id: \"kapot\"\n  version: 1,\n)",
    )
    .expect("write");
    let clock = ManualClock::new(T0);
    let mut harness = new_harness(dir.path(), &clock);
    harness.get_by_label("Niet geladen werkvormen");
    harness.get_by_label_contains("kapot.ron:4:3");
    start(&mut harness, "Geen oplossing geven");
    assert_eq!(harness.state().screen(), Screen::Intro);
}

/// One keyboard model: Space is the main action of the moment and that action is the
/// highlighted button (in the silent moment of preparation: start the phase); never two
/// buttons for one thing; Esc leaves a text field.
#[test]
fn space_is_the_main_action_and_one_button_does_one_thing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut harness = new_harness(dir.path(), &clock);
    start(&mut harness, "Balint in 8 stappen");
    press(&mut harness, Key::Space); // the introduction
    let step = |h: &H| {
        let m = h.state().meeting().expect("meeting");
        (m.cursor(), m.step(), m.is_paused())
    };
    // Step 1 has no silent moment: the main action starts it.
    harness.get_by_label("Stap starten");
    press(&mut harness, Key::Space);
    assert_eq!(step(&harness), (0, Step::Run, false));
    // Running: Space stops the clock and lets it run again.
    press(&mut harness, Key::Space);
    assert_eq!(step(&harness), (0, Step::Run, true));
    harness.get_by_label("Klok laten lopen");
    press(&mut harness, Key::Space);
    assert_eq!(step(&harness), (0, Step::Run, false));
    // Closing: the main action goes on to the next phase; no second "next" button.
    press(&mut harness, Key::ArrowRight);
    assert_eq!(step(&harness), (0, Step::Close, false));
    harness.get_by_label("Volgende stap");
    assert!(harness.query_by_label("Verder in deze stap").is_none());
    press(&mut harness, Key::Space);
    // Step 2 has a silent moment: the main action starts it; in it, the main action starts
    // the phase (it used to stop the clock of the silent moment); stopping the clock is apart.
    harness.get_by_label("Voorbereiding starten");
    press(&mut harness, Key::Space);
    assert_eq!(step(&harness), (1, Step::Prepare, false));
    harness.get_by_label("Stap starten");
    harness.get_by_label("Klok stilzetten");
    press(&mut harness, Key::Space);
    assert_eq!(step(&harness), (1, Step::Run, false));
}

/// Esc leaves a text field (the cursor goes), and does nothing else.
#[test]
fn escape_leaves_a_text_field_and_nothing_more() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut harness = new_harness(dir.path(), &clock);
    harness.get_by_label("Bijeenkomst starten").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Setup);
    assert!(
        harness.ctx.memory(|m| m.focused().is_some()),
        "the name field has the cursor"
    );
    press(&mut harness, Key::Escape);
    assert!(harness.ctx.memory(|m| m.focused().is_none()));
    assert_eq!(harness.state().screen(), Screen::Setup);
}

/// "Who is here": after Enter adds a name the cursor stays in the field, so the next name
/// can be typed at once (the roster's boxes above it grow as names are added).
#[test]
fn names_go_in_one_after_the_other_without_touching_the_mouse() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut harness = new_harness(dir.path(), &clock);
    press(&mut harness, Key::Enter); // start
    assert_eq!(harness.state().screen(), Screen::Setup);
    for name in ["Anna", "Bram", "Cees"] {
        harness.event(egui::Event::Text(name.to_owned()));
        harness.run();
        press(&mut harness, Key::Enter);
    }
    assert_eq!(harness.state().content().present, ["Anna", "Bram", "Cees"]);
    press(&mut harness, Key::Enter); // the empty field goes on
    assert_ne!(harness.state().screen(), Screen::Setup);
}
