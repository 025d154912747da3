//! The private advice entry keeps every letter: six members type back to back, with no pause
//! between them, and the record holds their texts letter for letter. The leader corrects a
//! piece of advice after the reveal and the inbrenger's mark stays.

mod common;
use common::*;

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use kring::meeting::ManualClock;
use kring::model::AdviceMark;
use kring::store::{DEFAULT_GROUP, DataDir, list_records, load_record};

const ADVICE: [&str; 6] = [
    "Vraag je leidinggevende om steun bij het volgende gesprek",
    "Schrijf op wanneer je ja zei terwijl je nee voelde",
    "Kijk of je het gesprek met een collega samen kunt voeren",
    "Bespreek je grenzen vooraf met je team, ook de lastige",
    "Oefen één zin waarmee je nee zegt: \"daar kom ik op terug\"",
    "Plan na vier weken een evaluatie met de familie",
];

#[test]
fn six_members_back_to_back_lose_no_letter_and_the_leader_corrects_after_the_reveal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    nine_phases_at(
        &mut h,
        &clock,
        &["An", "Bo", "Cas", "Dien", "Eef", "Fem", "Gijs"],
        "oordeelsvorming",
    );
    click(&mut h, "Privé invoeren (om de beurt)");
    press(&mut h, Key::Enter); // "show it here": one window in this test
    // Every key is its own frame, as at 30 ms a key; Ctrl+Enter hands in and the next member
    // starts typing in the very next frame.
    for advice in ADVICE {
        for c in advice.chars() {
            h.event(Event::Text(c.to_string()));
            h.run();
        }
        h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        h.run();
    }
    let mut stored: Vec<String> = h
        .state()
        .content()
        .advice
        .items()
        .iter()
        .map(|a| a.text.clone())
        .collect();
    stored.sort();
    let mut typed: Vec<String> = ADVICE.iter().map(|a| (*a).to_owned()).collect();
    typed.sort();
    assert_eq!(stored, typed, "every letter of every piece of advice");

    // The leader reveals, the inbrenger marks one, the leader corrects its text: the mark
    // stays.
    press(&mut h, Key::F4);
    click(&mut h, "Alles tegelijk tonen");
    let first = h.state().content().advice.items()[0].text.clone();
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        kring::meeting::ContentCommand::Mark(0, Some(AdviceMark::WillUse)).into(),
    );
    h.run();
    click(&mut h, &format!("Bewerken: {first}"));
    let field = h.get_by_role_and_label(Role::TextInput, "Tekst");
    field.focus();
    field.type_text(" (aangepast)");
    h.run();
    click(&mut h, "Opslaan");
    let advice = &h.state().content().advice.items()[0];
    assert_eq!(advice.text, format!("{first} (aangepast)"));
    assert_eq!(advice.mark, Some(AdviceMark::WillUse));

    press(&mut h, Key::E);
    click(&mut h, "Ja, beëindigen");
    let files = list_records(
        &DataDir::new(dir.path())
            .expect("dir")
            .meetings_dir(DEFAULT_GROUP),
    );
    let record = load_record(&files[0]).expect("record");
    assert_eq!(record.content.advice.len(), 6);
    assert!(
        record
            .content
            .advice
            .items()
            .iter()
            .any(|a| a.text.ends_with("(aangepast)") && a.mark == Some(AdviceMark::WillUse))
    );
}

/// Each new question starts without tags, and a question's text and tags can be corrected.
#[test]
fn a_new_question_starts_without_tags_and_tags_can_be_corrected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    nine_phases_at(&mut h, &clock, &[], "beeldvorming");
    type_into(
        &mut h,
        Role::TextInput,
        "Vraag",
        "Wat deed je toen hij dreigde?",
    );
    click(&mut h, "suggestief");
    click(&mut h, "beleving (onderstroom)");
    click(&mut h, "Vraag noteren");
    type_into(
        &mut h,
        Role::TextInput,
        "Vraag",
        "Hoe lang ken je deze familie al?",
    );
    click(&mut h, "Vraag noteren");
    let questions = &h.state().content().questions;
    use kring::model::{QuestionFocus, QuestionKind};
    assert_eq!(
        (questions[1].kind, questions[1].focus),
        (QuestionKind::Untagged, QuestionFocus::Untagged),
        "the previous question's tags do not carry over"
    );
    click(&mut h, "Bewerken: Hoe lang ken je deze familie al?");
    // The correction's tags stand below the new question's (the row being edited).
    for label in ["open", "feiten (bovenstroom)"] {
        h.get_all_by_label(label).last().expect("tag").click();
        h.run();
    }
    click(&mut h, "Opslaan");
    let q = &h.state().content().questions[1];
    assert_eq!(
        (q.kind, q.focus),
        (QuestionKind::Open, QuestionFocus::Facts)
    );
}
