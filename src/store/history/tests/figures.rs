//! Reflection figures: turns, attendance hours, and figures over time.

use super::*;

#[test]
fn turns_put_who_waited_longest_first() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    save_all(
        &dir,
        &[
            meeting(1, &["An", "Bo", "Cas", "Dee"], Some("An"), &[]),
            meeting(2, &["An", "Bo", "Cas", "Dee"], Some("Bo"), &[]),
            meeting(3, &["an ", "Bo", "Cas"], Some("an"), &[]),
            // Eef came once; Dee came twice and never brought a case.
            meeting(4, &["Bo", "Éef"], Some("Bo"), &[]),
            // Only a head count: counts for nobody.
            meeting(5, &[], None, &[]),
        ],
    );
    let history = History::load(&dir, SetAside::Own(root.path()));
    let turns = history.turns();
    let turns: Vec<(&str, usize, Option<i64>, usize)> = turns
        .iter()
        .map(|t| {
            (
                t.name.as_str(),
                t.times_inbrenger,
                t.last_brought_ms.map(|ms| (ms - START_MS) / DAY_MS),
                t.meetings_attended,
            )
        })
        .collect();
    assert_eq!(
        turns,
        [
            ("Cas", 0, None, 3),
            ("Dee", 0, None, 2),
            ("Éef", 0, None, 1),
            ("an", 2, Some(3), 3),
            ("Bo", 2, Some(4), 4),
        ]
    );

    let hours = history.attendance_hours();
    assert_eq!(
        hours,
        [
            ("an".to_owned(), 3, 225),
            ("Bo".to_owned(), 4, 300),
            ("Cas".to_owned(), 3, 225),
            ("Dee".to_owned(), 2, 150),
            ("Éef".to_owned(), 1, 75),
        ]
    );
}

#[test]
fn reflection_figures_run_oldest_first() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    let mut second = meeting(2, &["An"], Some("An"), &[]);
    second.content.early_advice = 3;
    for (kind, focus) in [
        (QuestionKind::Open, QuestionFocus::Experience),
        (QuestionKind::Open, QuestionFocus::Facts),
        (QuestionKind::Closed, QuestionFocus::Facts),
        (QuestionKind::Suggestive, QuestionFocus::Facts),
    ] {
        second.content.questions.push(Question {
            text: "?".into(),
            kind,
            focus,
        });
    }
    second.phases[1].outcome = PhaseOutcome::NotReached;
    save_all(&dir, &[second, meeting(1, &["An"], None, &[])]);
    let history = History::load(&dir, SetAside::Own(root.path()));
    let day1 = START_MS + DAY_MS;
    let day2 = START_MS + 2 * DAY_MS;
    assert_eq!(history.early_advice_over_time(), [(day1, 0), (day2, 3)]);
    assert_eq!(
        history.question_tags_over_time(),
        [(day1, 0, 0, 0, 0, 0), (day2, 2, 1, 1, 3, 1)]
    );
    let timing = history.phase_timing();
    assert_eq!(timing.len(), 2);
    assert_eq!(timing[0].0, day1);
    assert_eq!(timing[0].1, "balint-8-stappen");
    assert_eq!(
        timing[0].2,
        [
            ("vraag".to_owned(), 6, 7),
            ("beeldvorming".to_owned(), 11, 9)
        ]
    );
    assert_eq!(
        timing[1].2,
        [("vraag".to_owned(), 6, 7)],
        "not reached is left out"
    );
}
