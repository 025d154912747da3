//! Phases 1-2 and image forming: the problem list with the dot vote and the choice, and the
//! question log.

use egui::{RichText, Ui};

use super::{
    RowAction, RowEdit, ToolCtx, edit_row_ui, enter_pressed, labelled_field, name, row_buttons_ui,
    tag_picker_ui,
};
use crate::i18n::fill;
use crate::meeting::ContentCommand;
use crate::model::{QuestionFocus, QuestionKind};
use crate::ui::command::SessionCommand;
use crate::ui::state::{EditTarget, Editing};
use crate::ui::theme;

pub(super) fn problems_ui(t: &mut ToolCtx, ui: &mut Ui, choosing: bool) {
    let s = t.view.s;
    let palette = t.view.palette;
    if !choosing || t.session.content.problems.is_empty() {
        let title = labelled_field(
            ui,
            s.problem_title,
            &mut t.session.leader.problem_title,
            320.0,
        );
        let line = labelled_field(
            ui,
            s.problem_line,
            &mut t.session.leader.problem_line,
            420.0,
        );
        if !t.session.content.present.is_empty() {
            ui.horizontal(|ui| {
                let label = ui.label(s.problem_owner);
                let shown = t
                    .session
                    .leader
                    .problem_owner
                    .clone()
                    .unwrap_or_else(|| s.problem_owner_none.to_owned());
                egui::ComboBox::from_id_salt("problem_owner")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut t.session.leader.problem_owner,
                            None,
                            s.problem_owner_none,
                        );
                        for name in &t.session.content.present {
                            ui.selectable_value(
                                &mut t.session.leader.problem_owner,
                                Some(name.clone()),
                                name,
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        }
        let add = ui
            .horizontal(|ui| {
                let add = ui.button(s.problem_add).clicked();
                if ui.button(s.bring_in_case).clicked() {
                    t.view.send(SessionCommand::BringInCaseDialog);
                }
                let mine = t.my_cases;
                if !mine.is_empty() {
                    ui.menu_button(s.bring_in_mine, |ui| {
                        for (_, case) in mine {
                            if ui.button(&case.title).clicked() {
                                t.view
                                    .send(SessionCommand::BringInCase(Box::new(case.clone())));
                            }
                        }
                    });
                }
                add
            })
            .inner;
        if (add || enter_pressed(&title) || enter_pressed(&line))
            && !t.session.leader.problem_title.trim().is_empty()
        {
            t.view.send(ContentCommand::AddProblem {
                title: std::mem::take(&mut t.session.leader.problem_title),
                line: std::mem::take(&mut t.session.leader.problem_line),
                owner: t.session.leader.problem_owner.take(),
            });
            title.request_focus();
        }
        ui.add_space(6.0);
    }
    // A vote needs something to choose between: with one problem or case (the 8 steps work
    // on the case the inbrenger prepared) the choice is just "this is the case", no dots.
    let voting = choosing && t.session.content.problems.len() > 1;
    if choosing && t.session.content.problems.is_empty() {
        ui.label(s.choice_none_yet);
        return;
    }
    if voting {
        let mut dots = t.session.content.dots_per_member;
        ui.horizontal(|ui| {
            let label = ui.label(s.choice_dots);
            if ui
                .add(egui::DragValue::new(&mut dots).range(1..=10))
                .labelled_by(label.id)
                .changed()
            {
                t.view.send(ContentCommand::SetDots(dots));
            }
            let total = t.session.content.dots_available();
            if total > 0 {
                ui.label(fill(
                    s.choice_dots_left.get(total),
                    &[
                        ("left", &total.saturating_sub(t.session.content.dots_used())),
                        ("total", &total),
                    ],
                ));
            }
        });
    }
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    egui::Grid::new(("problems", choosing))
        .num_columns(match (choosing, voting) {
            (true, true) => 4,
            (true, false) => 3,
            _ => 2,
        })
        .spacing([12.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            let editing = &mut t.session.leader.editing;
            for problem in &t.session.content.problems {
                let chosen = t.session.content.chosen_problem == Some(problem.id);
                match edit_row_ui(
                    ui,
                    s,
                    editing,
                    EditTarget::Problem(problem.id),
                    Some(s.edit_second_line),
                    false,
                ) {
                    RowEdit::Show => {}
                    RowEdit::Editing => {
                        ui.end_row();
                        continue;
                    }
                    RowEdit::Saved(edit) => {
                        t.view.send(ContentCommand::EditProblem {
                            id: problem.id,
                            title: edit.text,
                            line: edit.second,
                        });
                        ui.end_row();
                        continue;
                    }
                }
                ui.vertical(|ui| {
                    let mut title = RichText::new(&problem.title).strong();
                    if chosen {
                        title = title.color(palette.accent);
                    }
                    ui.label(title);
                    let mut detail = problem.line.clone();
                    if let Some(owner) = &problem.owner {
                        if !detail.is_empty() {
                            detail.push_str(" · ");
                        }
                        detail.push_str(owner);
                    }
                    if !detail.is_empty() {
                        ui.label(RichText::new(detail).color(palette.muted));
                    }
                });
                if voting {
                    ui.horizontal(|ui| {
                        let minus = format!("-1 {}", problem.title);
                        if name(ui.button("−"), &minus).on_hover_text(&minus).clicked() {
                            t.view.send(ContentCommand::Vote(problem.id, -1));
                        }
                        ui.label(RichText::new(problem.votes.to_string()).font(theme::bold(20.0)));
                        let plus = format!("+1 {}", problem.title);
                        if name(ui.button("+"), &plus).on_hover_text(&plus).clicked() {
                            t.view.send(ContentCommand::Vote(problem.id, 1));
                        }
                    });
                }
                if choosing {
                    let pick = if voting {
                        s.choice_pick
                    } else {
                        s.choice_this_case
                    };
                    if chosen {
                        ui.label(RichText::new(s.room_chosen).strong());
                    } else if ui.button(pick).on_hover_text(&problem.title).clicked() {
                        t.view.send(ContentCommand::Choose(problem.id));
                    }
                }
                ui.horizontal(|ui| match row_buttons_ui(ui, s, &problem.title) {
                    RowAction::Remove => t.view.send(ContentCommand::RemoveProblem(problem.id)),
                    RowAction::Edit => {
                        *editing = Some(Editing::new(
                            EditTarget::Problem(problem.id),
                            &problem.title,
                            &problem.line,
                        ));
                    }
                    RowAction::None => {}
                });
                ui.end_row();
            }
        });
    // Below the list, so the rows do not move while the group votes.
    if voting {
        let leaders = t.session.content.vote_leaders();
        if !leaders.is_empty() {
            let titles: Vec<&str> = leaders
                .iter()
                .filter_map(|id| t.session.content.problem(*id).map(|p| p.title.as_str()))
                .collect();
            ui.label(fill(s.choice_leaders, &[("titles", &titles.join(", "))]));
        }
    }
}

pub(super) fn questions_ui(t: &mut ToolCtx, ui: &mut Ui) {
    let s = t.view.s;
    let palette = t.view.palette;
    let response = labelled_field(
        ui,
        s.question_text,
        &mut t.session.leader.question_text,
        460.0,
    );
    // Each new question starts without tags: the last one's never carry over.
    let leader = &mut t.session.leader;
    tag_picker_ui(ui, s, &mut leader.question_kind, &mut leader.question_focus);
    ui.horizontal(|ui| {
        let add = ui.button(s.question_add).clicked();
        if (add || enter_pressed(&response)) && !t.session.leader.question_text.trim().is_empty() {
            let leader = &mut t.session.leader;
            t.view.send(ContentCommand::AddQuestion {
                text: std::mem::take(&mut leader.question_text),
                kind: std::mem::replace(&mut leader.question_kind, QuestionKind::Untagged),
                focus: std::mem::replace(&mut leader.question_focus, QuestionFocus::Untagged),
            });
            response.request_focus();
        }
        ui.separator();
        if ui.button(s.early_advice).clicked() {
            t.view.send(ContentCommand::EarlyAdvice);
        }
        ui.label(
            RichText::new(fill(
                s.early_advice_count,
                &[("count", &t.session.content.early_advice)],
            ))
            .color(palette.warning_text),
        );
    });
    let c = &t.session.content;
    ui.label(fill(
        s.question_summary.get(c.questions.len()),
        &[
            ("count", &c.questions.len()),
            ("open", &c.question_count(QuestionKind::Open)),
            ("closed", &c.question_count(QuestionKind::Closed)),
            ("suggestive", &c.question_count(QuestionKind::Suggestive)),
            ("facts", &c.focus_count(QuestionFocus::Facts)),
            ("experience", &c.focus_count(QuestionFocus::Experience)),
        ],
    ));
    let mut commands = Vec::new();
    let editing = &mut t.session.leader.editing;
    for (index, question) in t.session.content.questions.iter().enumerate().rev() {
        match edit_row_ui(ui, s, editing, EditTarget::Question(index), None, true) {
            RowEdit::Show => {}
            RowEdit::Editing => {
                continue;
            }
            RowEdit::Saved(edit) => {
                commands.push(ContentCommand::EditQuestion {
                    index,
                    text: edit.text,
                    kind: edit.kind,
                    focus: edit.focus,
                });
                continue;
            }
        }
        ui.horizontal(|ui| {
            match row_buttons_ui(ui, s, &question.text) {
                RowAction::Remove => commands.push(ContentCommand::RemoveQuestion(index)),
                RowAction::Edit => {
                    let mut edit = Editing::new(EditTarget::Question(index), &question.text, "");
                    edit.kind = question.kind;
                    edit.focus = question.focus;
                    *editing = Some(edit);
                }
                RowAction::None => {}
            }
            ui.label(format!("{}. {}", index + 1, question.text));
            let tags = crate::i18n::question_tags(s, question.kind, question.focus).join(" · ");
            ui.label(RichText::new(tags).color(palette.muted));
        });
    }
    for command in commands {
        t.view.send(command);
    }
}
