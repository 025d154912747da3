//! Outside the meeting, through the UI: preparing a case with its privacy check, finding a
//! meeting in the history, carrying a follow-up step into the next meeting.

mod common;
use common::*;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kring::meeting::{Command, ManualClock, Meeting};
use kring::model::{FollowUp, MeetingContent};
use kring::store::{
    Catalog, DEFAULT_GROUP, DataDir, GroupLock, History, LockOutcome, SetAside, save_record,
};
use kring::ui::Screen;

/// A finished meeting record in the default group, with the given advice and follow-up.
fn write_meeting(data: &Path, started_ms: i64, advice: &[&str], follow_up: Option<&str>) {
    let catalog = Catalog::load(None);
    let protocol = catalog
        .get("balint-8-stappen")
        .expect("shipped")
        .protocol
        .clone();
    let mut meeting = Meeting::start(protocol, started_ms);
    meeting.apply(Command::EndEarly, started_ms + 60 * 60_000);
    let mut record = meeting.to_record(started_ms + 60 * 60_000, format!("{started_ms}"));
    let mut content = MeetingContent::default();
    for name in ["An", "Bo", "Cas"] {
        content.add_present(name);
    }
    let id = content.add_problem("Grenzen stellen", "", Some("Bo".into()));
    if let Some(id) = id {
        content.choose(id);
    }
    for text in advice {
        content.advice.add(text, &mut rand::rng());
    }
    if let Some(what) = follow_up {
        content.follow_ups.push(FollowUp {
            what: what.to_owned(),
            who: "Bo".to_owned(),
            by_when: "volgende keer".to_owned(),
            done: false,
        });
    }
    record.content = content;
    record.started_local = format!("2025-0{}-01 19:30", 1 + (started_ms % 8));
    let dir = DataDir::new(data).expect("dir").group_dir(DEFAULT_GROUP);
    let LockOutcome::Acquired(writer) = GroupLock::acquire(&dir, 0) else {
        panic!("the group folder is free before the app starts");
    };
    save_record(&writer, &record).expect("saved");
}

#[test]
fn a_case_is_prepared_with_privacy_warnings_that_replace_and_an_export_that_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    open_new_case(&mut h);
    type_into(&mut h, Role::TextInput, "Titel", "Dreigende vader");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "De situatie, kort",
        "Vandaag sprak ik met Jan de Vries over zijn zoon. Zijn BSN is 111222333.",
    );
    h.get_by_label("naam · Jan de Vries");
    h.get_by_label("BSN · 111222333");
    h.get_by_label_contains("schendt het beroepsgeheim");

    // Exporting with open warnings asks first.
    click(&mut h, "Exporteren…");
    h.get_by_label("Casus exporteren met open waarschuwingen?");
    click(&mut h, "Terug naar de casus");

    click(&mut h, "Vervang door „cliënt A”");
    click(&mut h, "Vervang door „[BSN]”");
    assert!(h.query_by_label("naam · Jan de Vries").is_none());
    let situation = h
        .get_by_role_and_label(Role::MultilineTextInput, "De situatie, kort")
        .value()
        .expect("text");
    assert_eq!(
        situation,
        "Vandaag sprak ik met cliënt A over zijn zoon. Zijn BSN is [BSN]."
    );
    click(&mut h, "Bewaren");
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("cases"))
        .expect("cases folder")
        .collect();
    assert_eq!(saved.len(), 1);
    h.get_by_label("Dreigende vader"); // in the list of my cases
}

#[test]
fn history_search_finds_a_word_that_occurs_only_in_one_advice() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..6 {
        write_meeting(
            dir.path(),
            T0 - (i + 1) * 30 * 86_400_000,
            &["Vraag om steun", "Oefen nee zeggen"],
            None,
        );
    }
    write_meeting(
        dir.path(),
        T0 - 400 * 86_400_000,
        &["Blaas eens een Zeepbel van rust", "Neem pauze"],
        None,
    );
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click(&mut h, "Geschiedenis");
    h.get_by_label("7 bijeenkomsten");
    type_into(&mut h, Role::TextInput, "Zoeken", "zeepbél");
    let hits = h.get_all_by_label_contains("Zeepbel").count();
    assert_eq!(hits, 1, "one meeting matches");
    // Issue 12, point 7: the count follows the search.
    h.get_by_label("1 van 7 bijeenkomsten");
    click_first(&mut h, "Zeepbel");
    // The read-only summary shows the advice (without author), beside the list's snippet.
    assert_eq!(
        h.get_all_by_label_contains("Blaas eens een Zeepbel van rust")
            .count(),
        2
    );
    type_into(&mut h, Role::TextInput, "Zoeken", "xyz");
    h.get_by_label_contains("Niets gevonden");
}

#[test]
fn an_open_follow_up_is_carried_into_the_next_meeting_and_closed_in_the_old_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_meeting(
        dir.path(),
        T0 - 30 * 86_400_000,
        &["Vraag om steun"],
        Some("Teamoverleg agenderen"),
    );
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click_first(&mut h, "Balint in 8 stappen");
    click(&mut h, "Bijeenkomst starten");
    assert_eq!(h.state().screen(), Screen::Setup);
    h.get_by_label("Wat kwam ervan? Open vervolgstappen");
    h.get_by_label("Teamoverleg agenderen");
    click(&mut h, "Meenemen naar vandaag");
    assert_eq!(h.state().content().follow_ups.len(), 1);
    assert_eq!(
        h.state().content().follow_ups[0].what,
        "Teamoverleg agenderen"
    );
    h.get_by_label("Geen open vervolgstappen uit eerdere bijeenkomsten.");
    // On disk the old meeting's step is now done.
    let history = History::load(
        &DataDir::new(dir.path())
            .expect("dir")
            .meetings_dir(DEFAULT_GROUP),
        SetAside::No,
    );
    assert!(history.open_follow_ups().is_empty());
}

/// Issue 12, point 7: the look back names phases by their title, its charts stay put under a
/// plain mouse wheel, and the group's "Hoe vaak" field grows with its text.
#[test]
fn the_look_back_shows_phase_titles_keeps_its_charts_under_the_wheel_and_fields_grow() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..4 {
        write_meeting(dir.path(), T0 - (i + 1) * 30 * 86_400_000, &[], None);
    }
    let first = Catalog::load(None)
        .get("balint-8-stappen")
        .expect("shipped")
        .protocol
        .phases[0]
        .clone();
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click(&mut h, "Terugblik");
    h.get_by_role_and_label(Role::ComboBox, "Fase").click();
    h.run();
    assert!(
        h.query_by_label(&first.title.nl).is_some(),
        "the phase {:?} is listed by its title",
        first.id
    );
    assert!(h.query_by_label(&first.id).is_none(), "not by its id");
    h.key_press(egui::Key::Escape);
    h.run();

    let id = kring::ui::look_back_plot_id("timing");
    let bounds = |h: &H| {
        egui_plot::PlotMemory::load(&h.ctx, id)
            .map(|m| *m.bounds())
            .expect("the chart is drawn")
    };
    let before = bounds(&h);
    let heading = h.get_by_label("Gepland en werkelijk, in minuten").rect();
    let over_chart = heading.left_bottom() + egui::vec2(200.0, 80.0);
    h.hover_at(over_chart);
    for _ in 0..5 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    assert_eq!(bounds(&h), before, "a plain wheel does not pan the chart");

    // The Groep tab ("Groep" also names the group chooser).
    h.state_mut()
        .send(kring::ui::HomeCommand::SetTab(kring::ui::HomeTab::Group));
    h.run();
    let how_often = |h: &H| {
        let field = h
            .get_all_by_label("Hoe vaak")
            .find(|n| n.accesskit_node().role() != Role::Label)
            .expect("the Hoe vaak field");
        (field.accesskit_node().role(), field.rect().height())
    };
    let (role, one_line) = how_often(&h);
    assert_eq!(role, Role::MultilineTextInput, "a field that can grow");
    let field = h.get_by_role_and_label(role, "Hoe vaak");
    field.focus();
    field.type_text(&"elke zes weken op dinsdagavond, behalve in de zomer; ".repeat(4));
    h.run();
    let grown = how_often(&h).1;
    assert!(grown > one_line * 2.0, "{one_line} -> {grown}");
}
