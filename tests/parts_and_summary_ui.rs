//! Issue 12, points 5 and 6: the 8-step protocol says *stap* on every screen and works on one
//! case without a dot vote; the end summary shows the case, its question, the decision, the
//! follow-ups with who, the insights and the time in minutes, with the export buttons there.

mod common;
use common::*;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use kring::meeting::{ContentCommand, ManualClock, Step};
use kring::model::{FollowUp, PreparedCase};
use kring::ui::{Screen, SessionCommand};

/// Every text on screen (labels and buttons), for "no word of phases anywhere".
fn texts(h: &H) -> Vec<String> {
    h.query_all(By::new().predicate(|_| true))
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.value().or_else(|| node.label())
        })
        .collect()
}

fn no_phase_word(h: &H, screen: &str) {
    for text in texts(h) {
        let lower = text.to_lowercase();
        assert!(
            !lower.contains("fase") && !lower.contains("stippen"),
            "{screen}: \"{text}\""
        );
    }
}

/// From the home screen with "Balint in 8 stappen" selected, past "who is here".
fn start_eight_steps(h: &mut H, introduction: bool) {
    click_first(h, "Balint in 8 stappen");
    let ticked = h
        .get_by_label("Eerst de methode uitleggen aan de groep")
        .accesskit_node()
        .toggled()
        .is_some_and(|t| t == egui::accesskit::Toggled::True);
    if ticked != introduction {
        click(h, "Eerst de methode uitleggen aan de groep");
    }
    press(h, Key::Enter);
    click(h, "Verder");
}

/// Point 5: the protocol says stappen, so the home list, the details, the introduction, the
/// wall line, the controls, the time plan and the hints say stap; with its single case the
/// choice is "this is the case", no dots; the hint in step 1 points nowhere else.
#[test]
fn the_eight_steps_say_stap_everywhere_and_choose_their_case_without_a_vote() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);

    // The home list: "8 stappen · 75 min" next to "9 fasen · …".
    h.get_by_label_contains("8 stappen · ");
    h.get_by_label_contains("9 fasen · ");
    click_first(&mut h, "Balint in 8 stappen");
    h.get_by_label("Stappen");
    assert!(h.query_by_label("Fasen").is_none());

    start_eight_steps(&mut h, true);
    assert_eq!(h.state().screen(), Screen::Intro);
    h.get_by_label_contains("De stappen");
    h.get_by_label_contains("Begin met stap 1");
    no_phase_word(&h, "introduction");
    press(&mut h, Key::Space);
    assert_eq!(h.state().screen(), Screen::Meeting);

    // The leader screen of step 1, the choice tool empty: say what to do here.
    h.get_by_label_contains("Stap 1 van 8");
    h.get_by_label("Stap starten");
    h.get_by_label("Stap overslaan");
    press(&mut h, Key::F2); // the leader screen
    press(&mut h, Key::Space); // start step 1
    h.get_by_label("Voeg hierboven het probleem of de casus toe waarmee de groep werkt.");
    no_phase_word(&h, "step 1");
    press(&mut h, Key::P);
    assert!(h.query_all_by_label("Stap").next().is_some());
    no_phase_word(&h, "time plan");
    press(&mut h, Key::P);

    // One case: no dot vote, the choice is "this is the case".
    type_into(&mut h, Role::TextInput, "Titel", "Grenzen stellen");
    click(&mut h, "Probleem toevoegen");
    assert_eq!(h.state().content().problems.len(), 1);
    assert!(h.query_by_label("Stippen per persoon").is_none());
    assert!(h.query_by_label("+1 Grenzen stellen").is_none());
    no_phase_word(&h, "one case");
    click(&mut h, "Dit is de casus");
    let content = h.state().content();
    assert_eq!(
        content.chosen().map(|p| p.title.as_str()),
        Some("Grenzen stellen")
    );
    h.get_by_label("gekozen");

    // The same words when closing and in the shortcut overview.
    press(&mut h, Key::ArrowRight);
    assert_eq!(h.state().meeting().expect("meeting").step(), Step::Close);
    h.get_by_label("Volgende stap");
    press(&mut h, Key::Questionmark);
    h.get_by_label("Deze stap overslaan");
    no_phase_word(&h, "shortcuts");
}

/// The 9 phases keep their phases, and with two problems the group still votes.
#[test]
fn the_nine_phases_keep_fase_and_their_dot_vote() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = new_harness(dir.path(), &clock);
    click_first(&mut h, "Balint in 9 fasen");
    h.get_by_label("Fasen");
    press(&mut h, Key::Enter);
    click(&mut h, "Verder");
    if h.state().screen() == Screen::Intro {
        h.get_by_label_contains("Begin met fase 1");
        press(&mut h, Key::Space);
    }
    h.get_by_label_contains("Fase 1 van 9");
    press(&mut h, Key::F2); // the leader screen
    for title in ["Grenzen stellen", "Een lastig gesprek"] {
        h.state_mut().send(ContentCommand::AddProblem {
            title: title.into(),
            line: String::new(),
            owner: None,
        });
    }
    h.run();
    h.get_by_label("Fase overslaan").click();
    h.run();
    h.get_by_label_contains("Fase 2 van 9");
    click(&mut h, "Fase starten");
    h.get_by_label("Stippen per persoon");
    h.get_by_label("+1 Grenzen stellen");
}

/// Point 6: the summary at the end holds what is worth keeping, the time in minutes both, and
/// exports from right there.
#[test]
fn the_end_summary_shows_question_decision_follow_ups_insights_minutes_and_exports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = harness_without_dialog(dir.path(), &clock);
    start_eight_steps(&mut h, false);
    assert_eq!(h.state().screen(), Screen::Meeting);

    press(&mut h, Key::F2); // the leader screen
    press(&mut h, Key::Space); // start step 1 (5 min planned)
    // Step 1: the inbrenger's prepared case with its question; it is the case.
    let case = PreparedCase {
        title: "Grenzen stellen".into(),
        question: "Hoe blijf ik vriendelijk en toch duidelijk?".into(),
        ..PreparedCase::default()
    };
    h.state_mut()
        .send(SessionCommand::BringInCase(Box::new(case)));
    h.run();
    click(&mut h, "Dit is de casus");
    clock.advance_secs(12 * 60);
    h.run();
    press(&mut h, Key::ArrowRight); // close
    press(&mut h, Key::ArrowRight); // on to step 2
    assert_eq!(h.state().meeting().expect("meeting").cursor(), 1);
    for _ in 1..6 {
        click(&mut h, "Stap overslaan");
    }
    assert_eq!(h.state().meeting().expect("meeting").cursor(), 6);
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Wat de inbrenger gaat doen",
        "Ik bespreek het met mijn teamleider",
    );
    h.state_mut().send(ContentCommand::AddFollowUp(
        FollowUp {
            what: "Gesprek plannen".into(),
            who: "Anna".into(),
            by_when: "vrijdag".into(),
            done: false,
        },
        None,
    ));
    h.state_mut().send(ContentCommand::AddInsight(
        "Boosheid is machteloosheid".into(),
    ));
    h.run();
    press(&mut h, Key::Escape); // leave the decision field
    press(&mut h, Key::E);
    click(&mut h, "Ja, beëindigen");
    assert_eq!(h.state().screen(), Screen::Finished);

    h.get_by_label("Grenzen stellen");
    h.get_by_label("Vraag: Hoe blijf ik vriendelijk en toch duidelijk?");
    h.get_by_label("Besluit van de inbrenger");
    h.get_by_label("Ik bespreek het met mijn teamleider");
    h.get_by_label("Vervolgstappen");
    h.get_by_label("Gesprek plannen");
    h.get_by_label("Anna");
    h.get_by_label("vrijdag");
    h.get_by_label("• Boosheid is machteloosheid");
    // Time in one unit: step 1 planned 5 min, took 12 min; no "12:00" clock time.
    h.get_by_label("Tijd per stap");
    h.get_by_label("Stap");
    // (Several steps plan 5 min; the total took 12 min too.)
    assert!(h.query_all_by_label("5 min").next().is_some());
    assert!(h.query_all_by_label("12 min").next().is_some());
    h.get_by_label("75 min"); // the planned total
    assert!(h.query_by_label("12:00").is_none());
    assert!(h.query_by_label("0:00").is_none());

    // Export right there: Markdown and HTML (no dialog here: into exports/).
    click(&mut h, "Exporteren als tekst (Markdown)…");
    click(&mut h, "Exporteren om te printen (HTML)…");
    let files = exported(dir.path());
    assert_eq!(files.len(), 2, "{files:?}");
    let markdown = files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "md"))
        .expect("markdown");
    let text = std::fs::read_to_string(markdown).expect("read");
    for needle in [
        "Hoe blijf ik vriendelijk en toch duidelijk?",
        "Ik bespreek het met mijn teamleider",
        "Gesprek plannen",
        "Tijd per stap",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    assert!(
        files
            .iter()
            .any(|f| f.extension().is_some_and(|e| e == "html"))
    );
}
