//! The meeting tools used as a leader uses them, through the UI, and what ends up saved.

mod common;
use common::*;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kring::meeting::ManualClock;
use kring::model::{AdviceMark, QuestionFocus, QuestionKind};
use kring::store::{DEFAULT_GROUP, DataDir, list_records, load_record};
use kring::ui::Screen;

const SECRET: &str = "Mijn geheime associatie: zij lijkt op mijn zus";

/// Clicks "next step" until the next phase opens (or the meeting ends).
fn next_phase(harness: &mut H, clock: &ManualClock) {
    let start = harness.state().meeting().map(|m| m.cursor());
    for _ in 0..6 {
        clock.advance_secs(120);
        // "Next step" until closing; after closing, the main action goes on.
        let label = ["Volgende stap", "Volgende fase", "Bijeenkomst afronden"]
            .into_iter()
            .find(|l| harness.query_by_label(l).is_some())
            .expect("a button that goes on");
        click(harness, label);
        let now = harness.state().meeting().map(|m| m.cursor());
        if now != start || harness.state().screen() == Screen::Finished {
            return;
        }
    }
    panic!("the phase did not end");
}

fn current_phase_id(harness: &H) -> String {
    let meeting = harness.state().meeting().expect("meeting");
    meeting.protocol().phases[meeting.cursor()].id.clone()
}

#[test]
fn a_whole_balint_9_fasen_meeting_with_every_tool_is_saved_without_the_scratchpad() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);

    click_first(&mut h, "Balint in 9 fasen");
    click(&mut h, "Bijeenkomst starten");

    // Who is here: six people.
    for name in ["An", "Bo", "Cas", "Dien", "Eef", "Fem"] {
        type_into(&mut h, Role::TextInput, "Naam of initialen", name);
        press(&mut h, Key::Enter);
    }
    h.get_by_label("6 aanwezig");
    click(&mut h, "Verder");
    assert_eq!(h.state().screen(), Screen::Intro);
    press(&mut h, Key::Space);
    assert_eq!(h.state().screen(), Screen::Meeting);
    press(&mut h, Key::F2); // the leader screen
    h.get_by_label(SINGLE_SCREEN_WARNING);

    // Phase 1: three problems; Bo brings the second.
    assert_eq!(current_phase_id(&h), "problemen-verzamelen");
    for (title, line) in [
        ("Agressieve vader", "Hij dreigt bij elk gesprek"),
        ("Grenzen stellen", "Ik zeg te vaak ja"),
        ("Collega zwijgt", "Ze ontwijkt het overleg"),
    ] {
        type_into(&mut h, Role::TextInput, "Titel", title);
        type_into(&mut h, Role::TextInput, "In één zin", line);
        if title == "Grenzen stellen" {
            h.get_by_role_and_label(Role::ComboBox, "Van").click();
            h.run();
            h.get_all_by_label("Bo")
                .last()
                .expect("Bo in the list")
                .click();
            h.run();
        }
        click(&mut h, "Probleem toevoegen");
    }
    assert_eq!(h.state().content().problems.len(), 3);
    next_phase(&mut h, &clock);

    // Phase 2: a dot vote; the room sees the tally without names.
    assert_eq!(current_phase_id(&h), "probleemkeuze");
    click(&mut h, "Fase starten");
    for (problem, dots) in [
        ("Agressieve vader", 4),
        ("Grenzen stellen", 9),
        ("Collega zwijgt", 3),
    ] {
        for _ in 0..dots {
            h.get_by_label(&format!("+1 {problem}")).click();
            h.run();
        }
    }
    press(&mut h, Key::F2); // the wall
    h.get_by_label("9");
    h.get_by_label("Grenzen stellen");
    assert!(
        h.query_by_label_contains("Bo").is_none(),
        "no names on the wall"
    );
    press(&mut h, Key::F2);
    h.get_by_label("Meeste stippen: Grenzen stellen");
    h.get_all_by_label("Kies deze")
        .nth(1)
        .expect("second")
        .click();
    h.run();
    assert_eq!(h.state().content().inbrenger.as_deref(), Some("Bo"));
    next_phase(&mut h, &clock);
    next_phase(&mut h, &clock); // phase 3: problem statement

    // Phase 4: association. On one window the room sees this screen: the scratchpad opens
    // only when the leader chooses so.
    assert_eq!(current_phase_id(&h), "associatiemoment");
    assert!(h.query_by_label("Kladblok (privé)").is_none());
    press(&mut h, Key::K);
    click(&mut h, "Toch hier tonen (Enter)");
    type_into(&mut h, Role::MultilineTextInput, "Kladblok (privé)", SECRET);
    assert_eq!(h.state().scratchpad_text(), SECRET);
    assert!(h.query_by_value(SECRET).is_some());
    press(&mut h, Key::F2); // the wall: what to do and the ring only
    assert!(h.query_by_value(SECRET).is_none());
    assert!(h.query_by_label_contains("geheime").is_none());
    assert!(h.query_by_label("Kladblok (privé)").is_none());
    press(&mut h, Key::F2);
    press(&mut h, Key::F4); // the curtain
    assert!(h.query_by_value(SECRET).is_none(), "the curtain hides it");
    next_phase(&mut h, &clock);

    // Phase 5: four tagged questions and one piece of advice given too early.
    assert_eq!(current_phase_id(&h), "beeldvorming");
    let questions = [
        ("Wat gebeurde er precies?", "open", "feiten (bovenstroom)"),
        ("Was je bang?", "gesloten", "beleving (onderstroom)"),
        (
            "Heb je al aan een time-out gedacht?",
            "suggestief",
            "feiten (bovenstroom)",
        ),
        (
            "Wat voelde je toen hij dreigde?",
            "open",
            "beleving (onderstroom)",
        ),
    ];
    for (text, kind, focus) in questions {
        type_into(&mut h, Role::TextInput, "Vraag", text);
        click(&mut h, kind);
        click(&mut h, focus);
        click(&mut h, "Vraag noteren");
    }
    click(&mut h, "Advies te vroeg (A)");
    next_phase(&mut h, &clock);

    // Phase 6: write, then tell; five members in turn at the shared PC.
    assert_eq!(current_phase_id(&h), "oordeelsvorming");
    click(&mut h, "Privé invoeren (om de beurt)");
    click(&mut h, "Toch hier tonen (Enter)");
    let advice = [
        "Bespreek je grenzen vooraf met je team",
        "Oefen een zin waarmee je nee zegt",
        "Vraag je leidinggevende om steun",
        "Schrijf op wanneer je ja zei terwijl je nee voelde",
        "Plan een evaluatie na vier weken",
    ];
    for text in advice {
        type_into(&mut h, Role::MultilineTextInput, "Advies", text);
        click(&mut h, "Inleveren");
        assert!(
            h.query_by_label_contains(text).is_none(),
            "handed-in advice disappears from the screen"
        );
    }
    h.get_by_label_contains("Alle verwachte adviezen zijn binnen (5)");
    press(&mut h, Key::F4); // the leader's way out
    press(&mut h, Key::F2);
    h.get_by_label("5 van 5 adviezen binnen");
    assert!(
        h.query_by_label(advice[0]).is_none(),
        "hidden until revealed"
    );
    press(&mut h, Key::F2);
    click(&mut h, "Alles tegelijk tonen");
    press(&mut h, Key::F2);
    for text in advice {
        h.get_by_label(text);
    }
    press(&mut h, Key::F2);
    next_phase(&mut h, &clock);

    // Phase 7: the inbrenger marks the advice; a decision with two follow-up steps.
    assert_eq!(current_phase_id(&h), "besluitvorming");
    for (index, label) in [
        "gaat ermee aan de slag",
        "misschien",
        "nu niet",
        "gaat ermee aan de slag",
        "misschien",
    ]
    .into_iter()
    .enumerate()
    {
        h.get_all_by_label(label)
            .nth(index)
            .expect("mark button")
            .click();
        h.run();
    }
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Wat de inbrenger gaat doen",
        "Ik bespreek mijn grenzen in het teamoverleg.",
    );
    for (what, who, when) in [
        ("Teamoverleg agenderen", "Bo", "1 december"),
        ("Evaluatie plannen", "de groep", "over 4 weken"),
    ] {
        type_into(&mut h, Role::TextInput, "Wat", what);
        // "Wie" is picked, never typed: one of those present, or the group.
        h.get_by_role_and_label(Role::ComboBox, "Wie").click();
        h.run();
        h.get_all_by_label(who).last().expect("in the list").click();
        h.run();
        type_into(&mut h, Role::TextInput, "Wanneer", when);
        click(&mut h, "Stap toevoegen");
    }
    next_phase(&mut h, &clock);
    next_phase(&mut h, &clock);
    next_phase(&mut h, &clock);
    assert_eq!(h.state().screen(), Screen::Finished);

    // The saved record holds all of it, and nothing of the scratchpad.
    let files = list_records(
        &DataDir::new(dir.path())
            .expect("dir")
            .meetings_dir(DEFAULT_GROUP),
    );
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(&files[0]).expect("read");
    assert!(
        !text.contains("geheime"),
        "the scratchpad is not in the file"
    );
    let record = load_record(&files[0]).expect("record");
    let c = &record.content;
    assert_eq!(c.present, ["An", "Bo", "Cas", "Dien", "Eef", "Fem"]);
    assert_eq!(c.problems.len(), 3);
    let chosen = c.chosen().expect("chosen");
    assert_eq!(
        (chosen.title.as_str(), chosen.votes),
        ("Grenzen stellen", 9)
    );
    assert_eq!(c.inbrenger.as_deref(), Some("Bo"));
    let tags: Vec<_> = c.questions.iter().map(|q| (q.kind, q.focus)).collect();
    assert_eq!(
        tags,
        [
            (QuestionKind::Open, QuestionFocus::Facts),
            (QuestionKind::Closed, QuestionFocus::Experience),
            (QuestionKind::Suggestive, QuestionFocus::Facts),
            (QuestionKind::Open, QuestionFocus::Experience),
        ]
    );
    assert_eq!(c.early_advice, 1);
    let mut stored: Vec<&str> = c.advice.items().iter().map(|a| a.text.as_str()).collect();
    stored.sort_unstable();
    let mut entered = advice.to_vec();
    entered.sort_unstable();
    assert_eq!(stored, entered);
    let marks: Vec<_> = c.advice.items().iter().filter_map(|a| a.mark).collect();
    assert_eq!(marks.len(), 5);
    assert_eq!(
        marks.iter().filter(|m| **m == AdviceMark::WillUse).count(),
        2
    );
    assert_eq!(c.decision, "Ik bespreek mijn grenzen in het teamoverleg.");
    assert_eq!(c.follow_ups.len(), 2);
    assert_eq!(c.follow_ups[1].by_when, "over 4 weken");
    assert!(text.contains("Teamoverleg agenderen"));

    // Issue 12, point 2: the names typed once are the group's members now, in group.ron;
    // the record says which member each name is, and that the second step is the group's.
    let data = DataDir::new(dir.path()).expect("dir");
    let group = kring::store::load_group(&data, DEFAULT_GROUP).expect("group.ron");
    let members: Vec<&str> = group.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(members, ["An", "Bo", "Cas", "Dien", "Eef", "Fem"]);
    let bo = group.member_named("Bo").expect("Bo").id;
    assert_eq!(c.member_of("Bo"), Some(bo));
    assert_eq!(c.follow_ups[0].who, "Bo");
    assert_eq!(c.member_of(&c.follow_ups[0].who), Some(bo));
    assert_eq!(
        c.who_is.get(&c.follow_ups[1].who),
        Some(&kring::model::Who::Group)
    );

    // Issue 12, point 7: the group has now met with this protocol, so the introduction is
    // no longer ticked for its next meeting.
    click(&mut h, "Terug naar het begin");
    let intro = h.get_by_label("Eerst de methode uitleggen aan de groep");
    assert_eq!(
        intro.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );

    // At the next meeting nobody types a name again: the members are ticked.
    click(&mut h, "Bijeenkomst starten");
    for name in ["An", "Bo", "Dien"] {
        h.get_by_role_and_label(Role::CheckBox, name).click();
        h.run();
    }
    h.get_by_label("3 aanwezig");
    assert_eq!(
        h.state().content().member_of("Dien"),
        group.member_named("Dien").map(|m| m.id)
    );
    // A new name joins the roster once, however it is written the second time.
    type_into(&mut h, Role::TextInput, "Naam of initialen", "Gijs");
    press(&mut h, Key::Enter);
    type_into(&mut h, Role::TextInput, "Naam of initialen", "gijs");
    press(&mut h, Key::Enter);
    h.get_by_label("4 aanwezig");
    let group = kring::store::load_group(&data, DEFAULT_GROUP).expect("group.ron");
    assert_eq!(group.members.len(), 7, "saved right away, once");
}

const SINGLE_SCREEN_WARNING: &str = "Dit venster is nu ook wat de groep ziet. Zet het groepsscherm in een eigen venster (F3) voordat iemand iets privé invoert.";

#[test]
fn scratchpad_text_never_reaches_the_wall_window_the_record_or_its_serialized_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click(&mut h, "Bijeenkomst starten");
    // The wall in its own window (embedded in the test), the leader screen here.
    press(&mut h, Key::F3);
    // Enter in the empty name field goes on (the wall window, embedded in the test, covers
    // the button); the introduction shows on the wall too.
    press(&mut h, Key::Enter);
    assert_eq!(
        h.query_all_by_label("Zo werken we vandaag").count(),
        2,
        "the introduction is on the leader's window and on the wall's"
    );
    press(&mut h, Key::Space);
    press(&mut h, Key::K);
    type_into(&mut h, Role::MultilineTextInput, "Kladblok (privé)", SECRET);

    // The wall window's subtree holds the phase, never the pad.
    // Walk up from the wall window's title to the first node that also holds the phase title.
    let mut wall_window = h.get_by_label("Kring · groepsscherm");
    while wall_window
        .query_by_label("Verzamelen van problemen")
        .is_none()
    {
        wall_window = wall_window.parent().expect("an ancestor holds the wall");
    }
    assert!(
        wall_window
            .query_by_label_contains("Fase 1 van 9")
            .is_some()
    );
    assert!(wall_window.query_by_label_contains("geheime").is_none());
    assert!(wall_window.query_by_value(SECRET).is_none());
    assert!(
        h.query_by_value(SECRET).is_some(),
        "it is on the leader screen"
    );

    // End the meeting: neither the record value, its RON form nor the file has it. (Keys
    // type into the focused pad, so the button is used.)
    click(&mut h, "Stoppen");
    click(&mut h, "Ja, beëindigen");
    let finished = h.state().finished().expect("finished");
    let serialized = kring::store::to_ron(&finished.record).expect("ron");
    assert!(!serialized.contains("geheime"));
    assert!(!format!("{:?}", finished.record).contains("geheime"));
    let path = finished.saved.as_ref().expect("saved");
    assert!(
        !std::fs::read_to_string(path)
            .expect("file")
            .contains("geheime")
    );
}
