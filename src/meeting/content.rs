//! Changes to a meeting's content as commands, applied without a screen: the leader screen
//! sends them, tests apply them directly.

use rand::Rng;

use crate::model::{AdviceMark, FollowUp, MeetingContent, QuestionFocus, QuestionKind, Who};

/// Every change to what the group produces in a meeting: who is there, problems and votes,
/// questions, advice, decision, follow-ups and insights. Buttons on the leader screen produce
/// these; [`apply_content`] is the one place they take effect, without a screen.
#[derive(Clone, Debug, PartialEq)]
pub enum ContentCommand {
    AddPresent(String),
    RemovePresent(usize),
    /// A member of the roster ticked (or unticked) as present.
    SetMemberPresent {
        id: u32,
        name: String,
        present: bool,
    },
    SetPresentCount(u32),
    /// The leader or co-leader chosen from the roster (`None`: nobody).
    SetLead {
        lead: crate::model::Lead,
        member: Option<(u32, String)>,
    },
    SetNamesOnWall(bool),
    SetInbrenger(Option<String>),
    AddProblem {
        title: String,
        line: String,
        owner: Option<String>,
    },
    RemoveProblem(u32),
    Vote(u32, i32),
    SetDots(u32),
    Choose(u32),
    AddQuestion {
        text: String,
        kind: QuestionKind,
        focus: QuestionFocus,
    },
    RemoveQuestion(usize),
    EarlyAdvice,
    SetAdviceForm(String),
    /// Corrections in place; what is not given stays as it was.
    EditProblem {
        id: u32,
        title: String,
        line: String,
    },
    EditQuestion {
        index: usize,
        text: String,
        kind: QuestionKind,
        focus: QuestionFocus,
    },
    /// The leader corrects a piece of advice, before or after the reveal; its mark stays.
    EditAdvice {
        index: usize,
        text: String,
    },
    EditFollowUp {
        index: usize,
        what: String,
        by_when: String,
    },
    EditInsight {
        index: usize,
        text: String,
    },
    /// A member hands in advice at the private entry; refused once the number expected is in.
    SubmitAdvice(String),
    /// The leader types advice given aloud; past the number expected, that number goes up.
    AddOralAdvice(String),
    /// Advice members sent from their phones, a batch at a time (see `serve::AdviceBatch`):
    /// each piece at a random place; past the number expected, that number goes up (a member
    /// may send more than one).
    AdviceFromPhones(Vec<String>),
    /// One more piece of advice expected than the group size says.
    ExpectMoreAdvice,
    RevealAdvice,
    RemoveAdvice(usize),
    MakeSubgroups(usize),
    Mark(usize, Option<AdviceMark>),
    /// A follow-up step; `who` says whom its "who" names: a member or the group.
    AddFollowUp(FollowUp, Option<Who>),
    RemoveFollowUp(usize),
    ToggleFollowUpDone(usize),
    AddInsight(String),
    RemoveInsight(usize),
    SetInsightsOnWall(bool),
}

/// Applies one change to the meeting's content. Commands that point at nothing (an index past
/// the end, an empty text) change nothing.
pub fn apply_content(content: &mut MeetingContent, command: ContentCommand, rng: &mut impl Rng) {
    match command {
        ContentCommand::AddPresent(name) => {
            content.add_present(&name);
        }
        ContentCommand::RemovePresent(index) => content.remove_present(index),
        ContentCommand::SetMemberPresent { id, name, present } => {
            content.set_member_present(id, &name, present);
        }
        ContentCommand::SetPresentCount(count) => content.present_count = count,
        ContentCommand::SetLead { lead, member } => {
            content.set_lead(lead, member.as_ref().map(|(id, name)| (*id, name.as_str())));
        }
        ContentCommand::SetNamesOnWall(on) => content.names_on_wall = on,
        ContentCommand::SetInbrenger(name) => content.inbrenger = name,
        ContentCommand::AddProblem { title, line, owner } => {
            content.add_problem(&title, &line, owner);
        }
        ContentCommand::RemoveProblem(id) => {
            content.problems.retain(|p| p.id != id);
            if content.chosen_problem == Some(id) {
                content.chosen_problem = None;
            }
        }
        ContentCommand::Vote(id, delta) => content.vote(id, delta),
        ContentCommand::SetDots(dots) => content.dots_per_member = dots.clamp(1, 10),
        ContentCommand::Choose(id) => {
            content.choose(id);
            // The chosen case's own question is where the inbrenger's question starts.
            if content.question.trim().is_empty()
                && let Some(question) = content.chosen().and_then(|p| p.question.clone())
            {
                content.question = question;
            }
        }
        ContentCommand::AddQuestion { text, kind, focus } => {
            let text = text.trim().to_owned();
            if !text.is_empty() {
                content
                    .questions
                    .push(crate::model::Question { text, kind, focus });
            }
        }
        ContentCommand::RemoveQuestion(index) => {
            if index < content.questions.len() {
                content.questions.remove(index);
            }
        }
        ContentCommand::EditProblem { id, title, line } => {
            let title = title.trim();
            if let Some(problem) = content.problems.iter_mut().find(|p| p.id == id)
                && !title.is_empty()
            {
                problem.title = title.to_owned();
                problem.line = line.trim().to_owned();
            }
        }
        ContentCommand::EditQuestion {
            index,
            text,
            kind,
            focus,
        } => {
            let text = text.trim();
            if let Some(question) = content.questions.get_mut(index)
                && !text.is_empty()
            {
                question.text = text.to_owned();
                question.kind = kind;
                question.focus = focus;
            }
        }
        ContentCommand::EditAdvice { index, text } => content.advice.set_text(index, &text),
        ContentCommand::EditFollowUp {
            index,
            what,
            by_when,
        } => {
            let what = what.trim();
            if let Some(step) = content.follow_ups.get_mut(index)
                && !what.is_empty()
            {
                step.what = what.to_owned();
                step.by_when = by_when.trim().to_owned();
            }
        }
        ContentCommand::EditInsight { index, text } => {
            let text = text.trim();
            if let Some(insight) = content.insights.get_mut(index)
                && !text.is_empty()
            {
                *insight = text.to_owned();
            }
        }
        ContentCommand::EarlyAdvice => content.early_advice += 1,
        ContentCommand::SetAdviceForm(form) => content.advice_form = Some(form),
        ContentCommand::SubmitAdvice(text) => {
            content.submit_private_advice(&text, rng);
        }
        ContentCommand::AddOralAdvice(text) => content.add_oral_advice(&text, rng),
        ContentCommand::AdviceFromPhones(texts) => {
            for text in texts {
                content.add_oral_advice(&text, rng);
            }
        }
        ContentCommand::ExpectMoreAdvice => {
            content.advice_extra = content.advice_extra.saturating_add(1);
        }
        ContentCommand::RevealAdvice => content.advice.reveal(rng),
        ContentCommand::RemoveAdvice(index) => content.advice.remove(index),
        ContentCommand::MakeSubgroups(size) => content.make_subgroups(size, rng),
        ContentCommand::Mark(index, mark) => content.advice.set_mark(index, mark),
        ContentCommand::AddFollowUp(step, who) => {
            if !step.what.trim().is_empty() {
                let name = step.who.trim();
                if let Some(who) = who
                    && !name.is_empty()
                {
                    content.who_is.insert(name.to_owned(), who);
                }
                content.follow_ups.push(step);
            }
        }
        ContentCommand::RemoveFollowUp(index) => {
            if index < content.follow_ups.len() {
                content.follow_ups.remove(index);
            }
        }
        ContentCommand::ToggleFollowUpDone(index) => {
            if let Some(step) = content.follow_ups.get_mut(index) {
                step.done = !step.done;
            }
        }
        ContentCommand::AddInsight(text) => {
            let text = text.trim().to_owned();
            if !text.is_empty() {
                content.insights.push(text);
            }
        }
        ContentCommand::RemoveInsight(index) => {
            if index < content.insights.len() {
                content.insights.remove(index);
            }
        }
        ContentCommand::SetInsightsOnWall(on) => content.insights_on_wall = on,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng as _;

    fn apply_all(content: &mut MeetingContent, commands: Vec<ContentCommand>) {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for command in commands {
            apply_content(content, command, &mut rng);
        }
    }

    fn four_present() -> MeetingContent {
        let mut content = MeetingContent::default();
        apply_all(
            &mut content,
            ["An", "Bo", "Cas", "Dien", "An"]
                .into_iter()
                .map(|n| ContentCommand::AddPresent(n.to_owned()))
                .collect(),
        );
        content
    }

    #[test]
    fn problems_votes_and_the_choice() {
        let mut content = four_present();
        assert_eq!(content.present.len(), 4, "a name is added once");
        apply_all(
            &mut content,
            vec![
                ContentCommand::AddProblem {
                    title: "  Grenzen  ".into(),
                    line: "Ik zeg te vaak ja".into(),
                    owner: Some("Bo".into()),
                },
                ContentCommand::AddProblem {
                    title: "   ".into(),
                    line: String::new(),
                    owner: None,
                },
                ContentCommand::SetDots(0),
            ],
        );
        assert_eq!(content.problems.len(), 1, "an empty title adds nothing");
        assert_eq!(content.problems[0].title, "Grenzen");
        assert_eq!(content.dots_per_member, 1, "at least one dot each");
        let id = content.problems[0].id;
        apply_all(
            &mut content,
            (0..9).map(|_| ContentCommand::Vote(id, 1)).collect(),
        );
        assert_eq!(
            content.problems[0].votes, 4,
            "no more dots than four people have"
        );
        apply_all(&mut content, vec![ContentCommand::Choose(id)]);
        assert_eq!(content.inbrenger.as_deref(), Some("Bo"));
        apply_all(&mut content, vec![ContentCommand::RemoveProblem(id)]);
        assert!(
            content.chosen_problem.is_none(),
            "the choice goes with the problem"
        );
    }

    #[test]
    fn questions_follow_ups_and_insights_ignore_empty_text_and_bad_indexes() {
        let mut content = MeetingContent::default();
        apply_all(
            &mut content,
            vec![
                ContentCommand::AddQuestion {
                    text: " Wat deed je toen? ".into(),
                    kind: QuestionKind::Open,
                    focus: QuestionFocus::Facts,
                },
                ContentCommand::AddQuestion {
                    text: " ".into(),
                    kind: QuestionKind::Closed,
                    focus: QuestionFocus::Facts,
                },
                ContentCommand::RemoveQuestion(5),
                ContentCommand::AddFollowUp(
                    FollowUp {
                        what: "Teamoverleg".into(),
                        ..FollowUp::default()
                    },
                    None,
                ),
                ContentCommand::AddFollowUp(FollowUp::default(), None),
                ContentCommand::ToggleFollowUpDone(0),
                ContentCommand::ToggleFollowUpDone(9),
                ContentCommand::RemoveFollowUp(9),
                ContentCommand::AddInsight("grenzen".into()),
                ContentCommand::AddInsight("".into()),
                ContentCommand::RemoveInsight(3),
                ContentCommand::EarlyAdvice,
            ],
        );
        assert_eq!(content.questions.len(), 1);
        assert_eq!(content.questions[0].text, "Wat deed je toen?");
        assert_eq!(content.follow_ups.len(), 1);
        assert!(content.follow_ups[0].done);
        assert_eq!(content.insights, ["grenzen"]);
        assert_eq!(content.early_advice, 1);
    }

    #[test]
    fn private_advice_stops_at_the_number_expected_until_the_leader_raises_it() {
        let mut content = four_present();
        let expected = content.advice_expected();
        assert_eq!(expected, 3, "everyone but the inbrenger");
        apply_all(
            &mut content,
            (0..5)
                .map(|n| ContentCommand::SubmitAdvice(format!("advies {n}")))
                .collect(),
        );
        assert_eq!(content.advice.len(), 3, "never 4 of 3");
        apply_all(
            &mut content,
            vec![
                ContentCommand::ExpectMoreAdvice,
                ContentCommand::SubmitAdvice("nog één".into()),
                ContentCommand::SubmitAdvice("te veel".into()),
            ],
        );
        assert_eq!((content.advice.len(), content.advice_expected()), (4, 4));
        // Advice given aloud raises the number with it: the leader typed it.
        apply_all(
            &mut content,
            vec![ContentCommand::AddOralAdvice("mondeling".into())],
        );
        assert_eq!((content.advice.len(), content.advice_expected()), (5, 5));
        apply_all(
            &mut content,
            vec![
                ContentCommand::Mark(0, Some(AdviceMark::WillUse)),
                ContentCommand::RemoveAdvice(99),
            ],
        );
        assert_eq!(content.advice.len(), 5);
        assert_eq!(content.advice.items()[0].mark, Some(AdviceMark::WillUse));
    }

    /// Issue 13: phone advice joins the same board, past the number expected too.
    #[test]
    fn advice_from_phones_joins_the_board_and_raises_the_number_expected() {
        let mut content = four_present();
        apply_all(
            &mut content,
            vec![
                ContentCommand::SubmitAdvice("van de pc".into()),
                ContentCommand::AdviceFromPhones(vec![
                    "een".into(),
                    " ".into(),
                    "twee".into(),
                    "drie".into(),
                ]),
            ],
        );
        assert_eq!((content.advice.len(), content.advice_expected()), (4, 4));
        assert!(!content.advice.revealed);
        apply_all(&mut content, vec![ContentCommand::RevealAdvice]);
        let mut texts: Vec<&str> = content
            .advice
            .items()
            .iter()
            .map(|a| a.text.as_str())
            .collect();
        texts.sort_unstable();
        assert_eq!(texts, ["drie", "een", "twee", "van de pc"]);
    }

    /// Issue 12, point 2: presence is ticking members; the inbrenger and a follow-up's "who"
    /// name a member or the group, and the record says which.
    #[test]
    fn members_are_ticked_present_and_follow_ups_go_to_a_member_or_the_group() {
        let mut content = MeetingContent::default();
        apply_all(
            &mut content,
            vec![
                ContentCommand::SetMemberPresent {
                    id: 1,
                    name: "An".into(),
                    present: true,
                },
                ContentCommand::SetMemberPresent {
                    id: 2,
                    name: "Bo".into(),
                    present: true,
                },
                ContentCommand::SetMemberPresent {
                    id: 1,
                    name: "An".into(),
                    present: true,
                },
                ContentCommand::SetInbrenger(Some("Bo".into())),
            ],
        );
        assert_eq!(content.present, ["An", "Bo"], "ticked twice is there once");
        assert_eq!(content.member_of("Bo"), Some(2));
        apply_all(
            &mut content,
            vec![
                ContentCommand::AddFollowUp(
                    FollowUp {
                        what: "Teamleider bellen".into(),
                        who: "Bo".into(),
                        ..FollowUp::default()
                    },
                    Some(Who::Member(2)),
                ),
                ContentCommand::AddFollowUp(
                    FollowUp {
                        what: "Evalueren".into(),
                        who: "de groep".into(),
                        ..FollowUp::default()
                    },
                    Some(Who::Group),
                ),
                ContentCommand::SetMemberPresent {
                    id: 1,
                    name: "An".into(),
                    present: false,
                },
            ],
        );
        assert_eq!(content.present, ["Bo"]);
        assert_eq!(
            content.member_of("An"),
            None,
            "unticked: no longer in the record"
        );
        assert_eq!(content.who_is.get("de groep"), Some(&Who::Group));
        assert_eq!(content.member_of(&content.follow_ups[0].who), Some(2));
        apply_all(
            &mut content,
            vec![ContentCommand::SetMemberPresent {
                id: 2,
                name: "Bo".into(),
                present: false,
            }],
        );
        assert_eq!(
            content.inbrenger, None,
            "an unticked inbrenger is no longer it"
        );
        assert_eq!(
            content.member_of("Bo"),
            Some(2),
            "Bo still has a follow-up step, so the record keeps who Bo is"
        );
    }

    #[test]
    fn choosing_a_case_with_a_question_starts_the_inbrenger_question_from_it() {
        let mut content = four_present();
        apply_all(
            &mut content,
            vec![ContentCommand::AddProblem {
                title: "Grenzen".into(),
                line: String::new(),
                owner: None,
            }],
        );
        content.problems[0].question = Some("Hoe zeg ik nee?".into());
        let id = content.problems[0].id;
        apply_all(&mut content, vec![ContentCommand::Choose(id)]);
        assert_eq!(content.question, "Hoe zeg ik nee?");
        assert_eq!(content.inbrenger_question(), Some("Hoe zeg ik nee?"));
        // Written down in the meeting, the inbrenger's own words win.
        content.question = "Hoe zeg ik nee zonder het contact te verliezen?".into();
        apply_all(&mut content, vec![ContentCommand::Choose(id)]);
        assert_eq!(
            content.inbrenger_question(),
            Some("Hoe zeg ik nee zonder het contact te verliezen?")
        );
    }

    #[test]
    fn problems_questions_advice_follow_ups_and_insights_are_corrected_in_place() {
        let mut content = four_present();
        apply_all(
            &mut content,
            vec![
                ContentCommand::AddProblem {
                    title: "Grenzne".into(),
                    line: "ja zegen".into(),
                    owner: None,
                },
                ContentCommand::AddQuestion {
                    text: "Hoe lang ken je deze familie al".into(),
                    kind: QuestionKind::Untagged,
                    focus: QuestionFocus::Untagged,
                },
                ContentCommand::SubmitAdvice("Vag je team".into()),
                ContentCommand::AddFollowUp(
                    FollowUp {
                        what: "Teamoverleg".into(),
                        ..FollowUp::default()
                    },
                    None,
                ),
                ContentCommand::AddInsight("grenzn".into()),
            ],
        );
        apply_all(
            &mut content,
            vec![ContentCommand::Mark(0, Some(AdviceMark::WillUse))],
        );
        let id = content.problems[0].id;
        apply_all(
            &mut content,
            vec![
                ContentCommand::EditProblem {
                    id,
                    title: "Grenzen".into(),
                    line: "ja zeggen".into(),
                },
                ContentCommand::EditQuestion {
                    index: 0,
                    text: "Hoe lang ken je deze familie al?".into(),
                    kind: QuestionKind::Open,
                    focus: QuestionFocus::Facts,
                },
                ContentCommand::EditAdvice {
                    index: 0,
                    text: "Vraag je team om steun".into(),
                },
                ContentCommand::EditAdvice {
                    index: 0,
                    text: "   ".into(),
                },
                ContentCommand::EditFollowUp {
                    index: 0,
                    what: "Teamoverleg agenderen".into(),
                    by_when: "1 december".into(),
                },
                ContentCommand::EditInsight {
                    index: 0,
                    text: "grenzen".into(),
                },
                ContentCommand::EditInsight {
                    index: 7,
                    text: "nergens".into(),
                },
            ],
        );
        assert_eq!(
            (
                content.problems[0].title.as_str(),
                content.problems[0].line.as_str()
            ),
            ("Grenzen", "ja zeggen")
        );
        let q = &content.questions[0];
        assert_eq!(
            (q.text.as_str(), q.kind, q.focus),
            (
                "Hoe lang ken je deze familie al?",
                QuestionKind::Open,
                QuestionFocus::Facts
            )
        );
        let advice = &content.advice.items()[0];
        assert_eq!(advice.text, "Vraag je team om steun");
        assert_eq!(advice.mark, Some(AdviceMark::WillUse), "the mark stays");
        assert_eq!(content.follow_ups[0].what, "Teamoverleg agenderen");
        assert_eq!(content.follow_ups[0].by_when, "1 december");
        assert_eq!(content.insights, ["grenzen"]);
    }
}
