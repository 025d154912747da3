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
    let turns = history.turns(&[]);
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

    let hours = history.attendance_hours(&[]);
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

/// Issue 12, point 2: attendance counts by member of the roster. A record that links a name
/// to a member counts for that member under the roster's name (a spelling corrected since
/// is one person); older records' free-text names still count, for the member of that name
/// or on their own.
#[test]
fn attendance_counts_by_member_and_older_names_still_count() {
    use crate::model::{Member, Who};
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    let linked = |day, names: &[(&str, u32)], inbrenger| {
        let present: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        let mut record = meeting(day, &present, inbrenger, &[]);
        for (name, id) in names {
            record
                .content
                .who_is
                .insert((*name).to_owned(), Who::Member(*id));
        }
        record
    };
    save_all(
        &dir,
        &[
            // Before the roster: names typed by hand.
            meeting(1, &["Anne", "Bo", "Gast"], Some("Anne"), &[]),
            // With the roster; Anne was then spelled "Anne B." and Bo's number is 2.
            linked(2, &[("Anne B.", 1), ("Bo", 2)], Some("Bo")),
            linked(3, &[("Anne", 1)], Some("Anne")),
        ],
    );
    let history = History::load(&dir, SetAside::Own(root.path()));
    let roster = [
        Member {
            id: 1,
            name: "Anne".into(),
        },
        Member {
            id: 2,
            name: "Bo".into(),
        },
    ];
    assert_eq!(
        history.attendance_hours(&roster),
        [
            ("Anne".to_owned(), 3, 225),
            ("Bo".to_owned(), 2, 150),
            ("Gast".to_owned(), 1, 75),
        ]
    );
    let turns: Vec<(String, usize, usize)> = history
        .turns(&roster)
        .into_iter()
        .map(|t| (t.name, t.times_inbrenger, t.meetings_attended))
        .collect();
    assert!(turns.contains(&("Anne".to_owned(), 2, 3)), "{turns:?}");
    // Without a roster (a member taken off it, say) the names count as before, matched by
    // name: what a record linked to one member stays one person.
    assert_eq!(
        history.attendance_hours(&[]),
        [
            ("Anne".to_owned(), 3, 225),
            ("Bo".to_owned(), 2, 150),
            ("Gast".to_owned(), 1, 75),
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
