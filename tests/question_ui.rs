//! The inbrenger's question has its own field from the problem statement on: it is on the
//! group screen from then on, and in the record, the history's search and the exports.

mod common;
use common::*;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use kring::meeting::ManualClock;
use kring::model::Lang;
use kring::store::{DEFAULT_GROUP, DataDir, History, SetAside, list_records, load_record};

const QUESTION: &str = "Hoe blijf ik in gesprek met een vader die bij elk bezoek dreigt, zonder dat ik mijn eigen grenzen kwijtraak of het contact met zijn dochter verlies, en wat heb ik daarvoor nodig van mijn team en van mijn leidinggevende in de komende weken?";

#[test]
fn the_question_is_written_down_shown_on_the_wall_and_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    nine_phases_at(&mut h, &clock, &[], "probleemstelling");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "De vraag in de woorden van de inbrenger; vanaf nu staat ze op het groepsscherm.",
        QUESTION,
    );
    assert!(QUESTION.chars().count() > 200);
    press(&mut h, Key::Escape); // leave the field
    press(&mut h, Key::F2); // the wall
    h.get_by_label_contains("Hoe blijf ik");
    // From then on: the next phase's wall still shows it.
    clock.advance_secs(120);
    for _ in 0..4 {
        press(&mut h, Key::ArrowRight);
    }
    h.get_by_label_contains("Hoe blijf ik");

    // The record, the search and the exports have it.
    press(&mut h, Key::E);
    click(&mut h, "Ja, beëindigen");
    let meetings = DataDir::new(dir.path())
        .expect("dir")
        .meetings_dir(DEFAULT_GROUP);
    let files = list_records(&meetings);
    let record = load_record(&files[0]).expect("record");
    assert_eq!(record.content.question, QUESTION);
    let history = History::load(&meetings, SetAside::No);
    assert_eq!(history.search("leidinggevende").len(), 1);
    let markdown = kring::export::meeting_markdown(&record, Lang::Nl);
    assert!(markdown.contains("Hoe blijf ik in gesprek"), "{markdown}");
    let html = kring::export::meeting_html(&record, Lang::En);
    assert!(html.contains("Hoe blijf ik in gesprek"));
}
