//! The meeting tools on the leader's screen: presence, problems and choice, question log,
//! advice board, decision, notes, insights, and the private scratchpad.

use egui::{RichText, TextEdit, Ui};

use std::path::PathBuf;

use super::command::SessionCommand;
use super::context::ViewCtx;
use super::state::{PrivateThing, Session};
use super::theme::{self, Palette};
use crate::i18n::fill;
use crate::meeting::ContentCommand;
use crate::model::{AdviceMark, PreparedCase, QuestionFocus, QuestionKind, Tool};
use crate::room::mark_text;

/// What the tool panels work on: the view, the meeting's session (content and the leader's
/// drafts), my prepared cases, and whether the wall has a window of its own.
pub struct ToolCtx<'a, 'v> {
    pub view: &'a mut ViewCtx<'v>,
    pub session: &'a mut Session,
    pub my_cases: &'a [(PathBuf, PreparedCase)],
    pub room_window: bool,
}

fn tool_frame(ui: &mut Ui, palette: &Palette, title: &str, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new()
        .fill(palette.surface)
        .corner_radius(8)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).font(theme::bold(19.0)));
            ui.add_space(4.0);
            add(ui);
        });
    ui.add_space(10.0);
}

/// A single-line text field with a visible label, named for screen readers and tests.
fn labelled_field(ui: &mut Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(
            TextEdit::singleline(text)
                .desired_width(width)
                .char_limit(super::library::LINE_LIMIT),
        )
        .labelled_by(label.id)
    })
    .inner
}

/// Gives a small button (a "+", a "×") a full name for screen readers and tests.
fn name(response: egui::Response, name: &str) -> egui::Response {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name.to_owned()));
    response
}

fn enter_pressed(response: &egui::Response) -> bool {
    response.lost_focus() && response.ctx.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Who is present: names or initials, or just a count; the inbrenger; names on the wall.
/// Returns the name field, so the setup screen can put the cursor in it.
pub fn presence_ui(ui: &mut Ui, view: &mut ViewCtx, session: &mut Session) -> egui::Response {
    let s = view.s;
    let palette = view.palette;
    let content = &session.content;
    let label = ui.label(s.present_add_label);
    let (response, add_clicked) = ui
        .horizontal(|ui| {
            let field = ui
                .add(TextEdit::singleline(&mut session.leader.name_draft).desired_width(130.0))
                .labelled_by(label.id);
            (field, ui.button(s.present_add).clicked())
        })
        .inner;
    if (add_clicked || enter_pressed(&response)) && !session.leader.name_draft.trim().is_empty() {
        view.send(ContentCommand::AddPresent(std::mem::take(
            &mut session.leader.name_draft,
        )));
        response.request_focus();
    }
    ui.horizontal_wrapped(|ui| {
        for (index, name) in content.present.iter().enumerate() {
            if ui
                .button(format!("{name}  ×"))
                .on_hover_text(s.present_remove)
                .clicked()
            {
                view.send(ContentCommand::RemovePresent(index));
            }
        }
    });
    if content.present.is_empty() {
        let mut count = content.present_count;
        ui.horizontal(|ui| {
            let label = ui.label(s.present_count_label);
            if ui
                .add(egui::DragValue::new(&mut count).range(0..=60))
                .labelled_by(label.id)
                .changed()
            {
                view.send(ContentCommand::SetPresentCount(count));
            }
        });
    }
    ui.label(RichText::new(fill(s.present_total, &[("count", &content.group_size())])).strong());
    if content.is_large_group() {
        ui.label(
            RichText::new(fill(
                s.large_group_title,
                &[("count", &content.group_size())],
            ))
            .strong()
            .color(palette.warning_text),
        );
        ui.add(egui::Label::new(s.large_group_body).wrap());
    }
    let mut names = content.names_on_wall;
    if ui.checkbox(&mut names, s.names_on_wall).changed() {
        view.send(ContentCommand::SetNamesOnWall(names));
    }
    if !content.present.is_empty() {
        let current = content.inbrenger.clone();
        let shown = current
            .clone()
            .unwrap_or_else(|| s.inbrenger_none.to_owned());
        ui.horizontal(|ui| {
            let label = ui.label(s.inbrenger_label);
            egui::ComboBox::from_id_salt("inbrenger")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(current.is_none(), s.inbrenger_none)
                        .clicked()
                    {
                        view.send(ContentCommand::SetInbrenger(None));
                    }
                    for name in &content.present {
                        if ui
                            .selectable_label(current.as_deref() == Some(name), name)
                            .clicked()
                        {
                            view.send(ContentCommand::SetInbrenger(Some(name.clone())));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    response
}

/// The tools of the current phase, in the central area of the leader screen.
pub fn phase_tools_ui(t: &mut ToolCtx, ui: &mut Ui, tools: &[Tool]) {
    let palette = t.view.palette;
    let s = t.view.s;
    for tool in tools {
        match tool {
            Tool::ProblemList => tool_frame(ui, &palette, s.tool_problems, |ui| {
                problems_ui(t, ui, false);
            }),
            Tool::Choice => tool_frame(ui, &palette, s.tool_choice, |ui| {
                problems_ui(t, ui, true);
            }),
            Tool::QuestionLog => tool_frame(ui, &palette, s.tool_questions, |ui| {
                questions_ui(t, ui);
            }),
            Tool::AdviceBoard => tool_frame(ui, &palette, s.tool_advice, |ui| {
                advice_ui(t, ui);
            }),
            Tool::Decision => tool_frame(ui, &palette, s.tool_decision, |ui| {
                decision_ui(t, ui);
            }),
            Tool::Notes => tool_frame(ui, &palette, s.tool_notes, |ui| notes_ui(t, ui)),
            Tool::Insights => tool_frame(ui, &palette, s.tool_insights, |ui| {
                insights_ui(t, ui);
            }),
            // The scratchpad has its own panel: it is private.
            Tool::Scratchpad => {}
        }
    }
}

fn problems_ui(t: &mut ToolCtx, ui: &mut Ui, choosing: bool) {
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
    if choosing {
        if t.session.content.problems.is_empty() {
            ui.label(s.choice_none_yet);
            return;
        }
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
        .num_columns(if choosing { 4 } else { 2 })
        .spacing([12.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for problem in &t.session.content.problems {
                let chosen = t.session.content.chosen_problem == Some(problem.id);
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
                if choosing {
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
                    if chosen {
                        ui.label(RichText::new(s.room_chosen).strong());
                    } else if ui
                        .button(s.choice_pick)
                        .on_hover_text(&problem.title)
                        .clicked()
                    {
                        t.view.send(ContentCommand::Choose(problem.id));
                    }
                }
                if ui
                    .small_button("×")
                    .on_hover_text(s.advice_remove)
                    .clicked()
                {
                    t.view.send(ContentCommand::RemoveProblem(problem.id));
                }
                ui.end_row();
            }
        });
    // Below the list, so the rows do not move while the group votes.
    if choosing {
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

fn questions_ui(t: &mut ToolCtx, ui: &mut Ui) {
    let s = t.view.s;
    let palette = t.view.palette;
    let response = labelled_field(
        ui,
        s.question_text,
        &mut t.session.leader.question_text,
        460.0,
    );
    ui.horizontal(|ui| {
        for (kind, label) in [
            (QuestionKind::Open, s.kind_open),
            (QuestionKind::Closed, s.kind_closed),
            (QuestionKind::Suggestive, s.kind_suggestive),
        ] {
            ui.selectable_value(&mut t.session.leader.question_kind, kind, label);
        }
        ui.separator();
        for (focus, label) in [
            (QuestionFocus::Facts, s.focus_facts),
            (QuestionFocus::Experience, s.focus_experience),
        ] {
            ui.selectable_value(&mut t.session.leader.question_focus, focus, label);
        }
    });
    ui.horizontal(|ui| {
        let add = ui.button(s.question_add).clicked();
        if (add || enter_pressed(&response)) && !t.session.leader.question_text.trim().is_empty() {
            t.view.send(ContentCommand::AddQuestion {
                text: std::mem::take(&mut t.session.leader.question_text),
                kind: t.session.leader.question_kind,
                focus: t.session.leader.question_focus,
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
    for (index, question) in c.questions.iter().enumerate().rev() {
        ui.horizontal(|ui| {
            let kind = match question.kind {
                QuestionKind::Open => s.kind_open,
                QuestionKind::Closed => s.kind_closed,
                QuestionKind::Suggestive => s.kind_suggestive,
            };
            let focus = match question.focus {
                QuestionFocus::Facts => s.focus_facts,
                QuestionFocus::Experience => s.focus_experience,
            };
            if ui
                .small_button("×")
                .on_hover_text(s.advice_remove)
                .clicked()
            {
                t.view.send(ContentCommand::RemoveQuestion(index));
            }
            ui.label(format!("{}. {}", index + 1, question.text));
            ui.label(RichText::new(format!("{kind} · {focus}")).color(palette.muted));
        });
    }
}

fn advice_form_id(t: &ToolCtx) -> Option<String> {
    t.session.content.advice_form.clone().or_else(|| {
        Some(&t.session.meeting)
            .and_then(|m| m.current_phase())
            .and_then(|p| p.variants.first())
            .map(|v| v.id.clone())
    })
}

fn advice_ui(t: &mut ToolCtx, ui: &mut Ui) {
    let s = t.view.s;
    let lang = t.view.lang;
    let palette = t.view.palette;
    let variants = Some(&t.session.meeting)
        .and_then(|m| m.current_phase())
        .map(|p| p.variants.clone())
        .unwrap_or_default();
    let form = advice_form_id(t);
    if !variants.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(s.advice_form);
            for variant in &variants {
                let selected = form.as_deref() == Some(variant.id.as_str());
                if ui
                    .selectable_label(selected, variant.title.get(lang))
                    .on_hover_text(variant.description.get(lang))
                    .clicked()
                {
                    t.view
                        .send(ContentCommand::SetAdviceForm(variant.id.clone()));
                }
            }
        });
    }
    let form = form.unwrap_or_default();
    let oral = form.contains("mondeling") || form.contains("oral");
    let subgroups = form.contains("subgroep") || form.contains("subgroup");
    let board = &t.session.content.advice;

    if subgroups {
        ui.horizontal(|ui| {
            let label = ui.label(s.advice_subgroup_size);
            ui.add(egui::DragValue::new(&mut t.session.leader.subgroup_size).range(2..=8))
                .labelled_by(label.id);
            if ui.button(s.advice_subgroups_make).clicked() {
                t.view.send(ContentCommand::MakeSubgroups(
                    t.session.leader.subgroup_size,
                ));
            }
        });
        for (i, group) in t.session.content.subgroups.iter().enumerate() {
            ui.label(format!(
                "{}: {}",
                fill(s.room_subgroup, &[("n", &(i + 1))]),
                group.join(", ")
            ));
        }
    }

    if oral {
        let response = labelled_field(ui, s.advice_text, &mut t.session.leader.advice_draft, 460.0);
        let add = ui.button(s.advice_oral_add).clicked();
        if (add || enter_pressed(&response)) && !t.session.leader.advice_draft.trim().is_empty() {
            t.view.send(ContentCommand::AddOralAdvice(std::mem::take(
                &mut t.session.leader.advice_draft,
            )));
            response.request_focus();
        }
    } else if ui.button(s.advice_private_entry).clicked() {
        t.view
            .send(SessionCommand::OpenPrivate(PrivateThing::AdviceEntry));
    }

    let expected = t.session.content.advice_expected();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(if expected > 0 {
                fill(s.advice_count, &[("n", &board.len()), ("total", &expected)])
            } else {
                fill(s.advice_count_open, &[("n", &board.len())])
            })
            .strong(),
        );
        // The private entry stops at the number expected; when more advice comes (a guest, a
        // second idea), the leader raises it here, outside the members' screen.
        if expected > 0 && ui.button(s.advice_expect_more).clicked() {
            t.view.send(ContentCommand::ExpectMoreAdvice);
        }
    });
    if board.revealed || oral {
        for (index, advice) in board.items().iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .small_button("×")
                    .on_hover_text(s.advice_remove)
                    .clicked()
                {
                    t.view.send(ContentCommand::RemoveAdvice(index));
                }
                ui.add(egui::Label::new(&advice.text).wrap());
            });
        }
        if !board.revealed && !board.is_empty() && ui.button(s.advice_reveal).clicked() {
            t.view.send(ContentCommand::RevealAdvice);
        }
    } else {
        ui.label(RichText::new(s.advice_hidden).color(palette.muted));
        if !board.is_empty() && ui.button(s.advice_reveal).clicked() {
            t.view.send(ContentCommand::RevealAdvice);
        }
    }
}

/// The private entry screen for write-then-tell: one member at a time types, hands in, and
/// the text is gone from the screen. A locked mode: nothing else is on the screen, no shortcut
/// works but Ctrl+Enter (hand in) and the leader's F4 (close). Nothing moves when a member
/// starts typing: the field keeps its id and its place, so no key is lost.
pub fn advice_entry_ui(ui: &mut Ui, view: &mut ViewCtx, session: &mut Session) {
    let s = view.s;
    let palette = view.palette;
    let expected = session.content.advice_expected();
    let count = session.content.advice.len();
    let full = session.content.advice_full();
    ui.set_max_width(900.0);
    ui.add_space(12.0);
    ui.label(RichText::new(s.advice_entry_title).font(theme::bold(30.0)));
    ui.add(egui::Label::new(RichText::new(s.advice_entry_hint).size(19.0)).wrap());
    ui.add_space(8.0);
    // One status line of fixed height: thanks after handing in, otherwise the count.
    let status = if full {
        fill(s.advice_entry_full, &[("total", &expected)])
    } else if session.leader.advice_thanks {
        s.advice_thanks.to_owned()
    } else if expected > 0 {
        fill(s.advice_count, &[("n", &count), ("total", &expected)])
    } else {
        fill(s.advice_count_open, &[("n", &count)])
    };
    let color = if session.leader.advice_thanks || full {
        palette.accent
    } else {
        palette.muted
    };
    ui.add_sized(
        [ui.available_width(), 56.0],
        egui::Label::new(RichText::new(status).size(19.0).color(color)).wrap(),
    );
    let label = ui.label(RichText::new(s.advice_text).strong());
    let response = ui
        .add_enabled(
            !full,
            TextEdit::multiline(&mut session.leader.advice_draft)
                .id_salt("private_advice_entry")
                .char_limit(super::library::TEXT_LIMIT)
                .desired_rows(6)
                .desired_width(f32::INFINITY)
                .font(theme::regular(20.0)),
        )
        .labelled_by(label.id);
    if response.changed() {
        session.leader.advice_thanks = false;
    }
    // The cursor stays in the field: whatever a member types goes into their advice, never
    // into a leader's shortcut.
    if !full && !response.has_focus() {
        response.request_focus();
    }
    let submit = egui::Button::new(RichText::new(s.advice_submit).font(theme::bold(20.0)))
        .fill(palette.badge_fill)
        .stroke(egui::Stroke::new(2.0, palette.accent));
    let submit_key = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
    let clicked = ui
        .add_enabled(!full, submit)
        .on_hover_text("Ctrl+Enter")
        .clicked();
    if (clicked || submit_key) && !full && !session.leader.advice_draft.trim().is_empty() {
        view.send(ContentCommand::SubmitAdvice(std::mem::take(
            &mut session.leader.advice_draft,
        )));
        session.leader.advice_thanks = true;
        response.request_focus();
    }
}

fn decision_ui(t: &mut ToolCtx, ui: &mut Ui) {
    let s = t.view.s;
    for (index, advice) in t.session.content.advice.items().iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            for mark in [AdviceMark::WillUse, AdviceMark::Maybe, AdviceMark::NotNow] {
                let selected = advice.mark == Some(mark);
                if ui
                    .selectable_label(selected, mark_text(mark, s))
                    .on_hover_text(&advice.text)
                    .clicked()
                {
                    let new = if selected { None } else { Some(mark) };
                    t.view.send(ContentCommand::Mark(index, new));
                }
            }
            ui.add(egui::Label::new(&advice.text).wrap());
        });
    }
    if !t.session.content.advice.is_empty() {
        ui.separator();
    }
    let label = ui.label(RichText::new(s.decision_text).strong());
    ui.add(
        TextEdit::multiline(&mut t.session.content.decision)
            .char_limit(super::library::TEXT_LIMIT)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.add_space(6.0);
    ui.label(RichText::new(s.room_follow_ups).strong());
    let mut follow = std::mem::take(&mut t.session.leader.follow_up);
    ui.horizontal_wrapped(|ui| {
        labelled_field(ui, s.follow_what, &mut follow.what, 260.0);
        labelled_field(ui, s.follow_who, &mut follow.who, 120.0);
        labelled_field(ui, s.follow_when, &mut follow.by_when, 120.0);
        if ui.button(s.follow_add).clicked() && !follow.what.trim().is_empty() {
            t.view
                .send(ContentCommand::AddFollowUp(std::mem::take(&mut follow)));
        }
    });
    t.session.leader.follow_up = follow;
    for (index, step) in t.session.content.follow_ups.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(s.advice_remove)
                .clicked()
            {
                t.view.send(ContentCommand::RemoveFollowUp(index));
            }
            ui.label(format!("{} · {} · {}", step.what, step.who, step.by_when));
        });
    }
}

fn notes_ui(t: &mut ToolCtx, ui: &mut Ui) {
    let s = t.view.s;
    let Some(phase_id) = Some(&t.session.meeting)
        .and_then(|m| m.current_phase())
        .map(|p| p.id.clone())
    else {
        return;
    };
    if !t.session.leader.is_open(PrivateThing::Notes) && !t.room_window {
        // One window: the room sees this screen, so the notes stay closed until the leader
        // chooses to show them here.
        if ui.button(s.notes_show).clicked() {
            t.view
                .send(SessionCommand::OpenPrivate(PrivateThing::Notes));
        }
        return;
    }
    let label = ui.label(s.notes_hint);
    let notes = t.session.content.notes.entry(phase_id).or_default();
    ui.add(
        TextEdit::multiline(notes)
            .char_limit(super::library::TEXT_LIMIT)
            .desired_rows(4)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}

fn insights_ui(t: &mut ToolCtx, ui: &mut Ui) {
    let s = t.view.s;
    let response = labelled_field(
        ui,
        s.insight_text,
        &mut t.session.leader.insight_draft,
        360.0,
    );
    let add = ui.button(s.insight_add).clicked();
    if (add || enter_pressed(&response)) && !t.session.leader.insight_draft.trim().is_empty() {
        t.view.send(ContentCommand::AddInsight(std::mem::take(
            &mut t.session.leader.insight_draft,
        )));
        response.request_focus();
    }
    let mut on_wall = t.session.content.insights_on_wall;
    if ui.checkbox(&mut on_wall, s.insights_on_wall).changed() {
        t.view.send(ContentCommand::SetInsightsOnWall(on_wall));
    }
    ui.horizontal_wrapped(|ui| {
        for (index, insight) in t.session.content.insights.iter().enumerate() {
            if ui
                .button(format!("{insight}  ×"))
                .on_hover_text(s.advice_remove)
                .clicked()
            {
                t.view.send(ContentCommand::RemoveInsight(index));
            }
        }
    });
}

/// The private scratchpad panel.
pub fn scratchpad_ui(ui: &mut Ui, view: &mut ViewCtx, session: &mut Session) {
    let s = view.s;
    let palette = view.palette;
    let title = ui.label(RichText::new(s.tool_scratchpad).font(theme::bold(19.0)));
    ui.add(egui::Label::new(RichText::new(s.scratch_hint).color(palette.muted)).wrap());
    ui.horizontal(|ui| {
        if ui.button(s.scratch_hide).clicked() {
            session.leader.curtain();
        }
        if ui.button(s.scratch_clear).clicked() {
            session.leader.scratchpad.clear();
        }
    });
    let response = ui
        .add(
            TextEdit::multiline(&mut session.leader.scratchpad)
                .char_limit(super::library::TEXT_LIMIT)
                .desired_rows(18)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(title.id);
    if std::mem::take(&mut session.leader.focus_scratchpad) {
        response.request_focus();
    }
}
