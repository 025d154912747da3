//! The meeting tools on the leader's screen: presence and the tools of the phase (problems and
//! choice, question log, advice board, decision, notes, insights, the private scratchpad), each
//! group in a file of its own.

mod advice;
mod notes;
mod problems;

pub use advice::advice_entry_ui;
use advice::{advice_ui, decision_ui};
pub use notes::scratchpad_ui;
use notes::{insights_ui, notes_ui, question_ui};
use problems::{problems_ui, questions_ui};

use egui::{RichText, TextEdit, Ui};

use std::path::PathBuf;

use super::command::SessionCommand;
use super::context::ViewCtx;
use super::state::{self as state_leader, Session};
use super::theme::{self, Palette};
use crate::i18n::fill;
use crate::meeting::ContentCommand;
use crate::model::{PreparedCase, Tool};

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
                .char_limit(crate::ui::library::LINE_LIMIT),
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

/// What happened to a correction in progress this frame.
#[derive(PartialEq)]
enum EditOutcome {
    Editing,
    Save,
    Cancel,
}

/// Where a row stands with its correction this frame.
enum RowEdit {
    /// Not this row: draw it as usual.
    Show,
    /// Being corrected: its fields are drawn in its place.
    Editing,
    /// Saved now: the corrected values.
    Saved(state_leader::Editing),
}

/// Draws the correction fields in place of the row `target` while it is being corrected.
fn edit_row_ui(
    ui: &mut Ui,
    s: &crate::i18n::Strings,
    editing: &mut Option<state_leader::Editing>,
    target: state_leader::EditTarget,
    second: Option<&str>,
    tags: bool,
) -> RowEdit {
    let Some(edit) = editing.as_mut().filter(|e| e.target == target) else {
        return RowEdit::Show;
    };
    match edit_fields_ui(ui, s, edit, second, tags) {
        EditOutcome::Editing => RowEdit::Editing,
        EditOutcome::Save => editing.take().map_or(RowEdit::Editing, RowEdit::Saved),
        EditOutcome::Cancel => {
            *editing = None;
            RowEdit::Editing
        }
    }
}

/// What a row's two small buttons were asked.
#[derive(PartialEq)]
enum RowAction {
    None,
    Remove,
    Edit,
}

/// A row's "×" (remove) and "edit" buttons, the edit one named after the row.
fn row_buttons_ui(ui: &mut Ui, s: &crate::i18n::Strings, text: &str) -> RowAction {
    let mut action = RowAction::None;
    if ui
        .small_button("×")
        .on_hover_text(s.advice_remove)
        .clicked()
    {
        action = RowAction::Remove;
    }
    if edit_button(ui, s, text) {
        action = RowAction::Edit;
    }
    action
}

/// A row's "edit" button, named after the row for screen readers and tests.
fn edit_button(ui: &mut Ui, s: &crate::i18n::Strings, text: &str) -> bool {
    let label = fill(s.edit_item, &[("text", &text)]);
    name(ui.small_button(s.edit_button), &label)
        .on_hover_text(&label)
        .clicked()
}

/// The fields of a row being corrected: its text, a second line when it has one, the
/// question tags when it is a question. Enter or "Opslaan" saves, Esc or "Annuleren" not.
fn edit_fields_ui(
    ui: &mut Ui,
    s: &crate::i18n::Strings,
    editing: &mut state_leader::Editing,
    second: Option<&str>,
    tags: bool,
) -> EditOutcome {
    let mut outcome = EditOutcome::Editing;
    ui.vertical(|ui| {
        let text = labelled_field(ui, s.edit_text, &mut editing.text, 420.0);
        if !ui.memory(|m| m.focused().is_some()) {
            text.request_focus();
        }
        let mut enter = enter_pressed(&text);
        if let Some(label) = second {
            let line = labelled_field(ui, label, &mut editing.second, 420.0);
            enter |= enter_pressed(&line);
        }
        if tags {
            tag_picker_ui(ui, s, &mut editing.kind, &mut editing.focus);
        }
        ui.horizontal(|ui| {
            if ui.button(s.edit_save).clicked() || enter {
                outcome = EditOutcome::Save;
            }
            if ui.button(s.edit_cancel).clicked()
                || text.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                outcome = EditOutcome::Cancel;
            }
        });
    });
    outcome
}

/// The question's tags: kind and focus, each chosen or not (a second click unchooses).
fn tag_picker_ui(
    ui: &mut Ui,
    s: &crate::i18n::Strings,
    kind: &mut crate::model::QuestionKind,
    focus: &mut crate::model::QuestionFocus,
) {
    use crate::model::{QuestionFocus, QuestionKind};
    ui.horizontal_wrapped(|ui| {
        for (choice, label) in [
            (QuestionKind::Open, s.kind_open),
            (QuestionKind::Closed, s.kind_closed),
            (QuestionKind::Suggestive, s.kind_suggestive),
        ] {
            if ui.selectable_label(*kind == choice, label).clicked() {
                *kind = if *kind == choice {
                    QuestionKind::Untagged
                } else {
                    choice
                };
            }
        }
        ui.separator();
        for (choice, label) in [
            (QuestionFocus::Facts, s.focus_facts),
            (QuestionFocus::Experience, s.focus_experience),
        ] {
            if ui.selectable_label(*focus == choice, label).clicked() {
                *focus = if *focus == choice {
                    QuestionFocus::Untagged
                } else {
                    choice
                };
            }
        }
    });
}

fn enter_pressed(response: &egui::Response) -> bool {
    response.lost_focus() && response.ctx.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Who is present: the group's members ticked, a new name added once (it joins the roster),
/// or just a count; the inbrenger; names on the wall. Returns the new-name field, so the setup
/// screen can put the cursor in it.
pub fn presence_ui(ui: &mut Ui, view: &mut ViewCtx, session: &mut Session) -> egui::Response {
    let s = view.s;
    let palette = view.palette;
    let content = &session.content;
    if session.roster.is_empty() && content.present.is_empty() {
        ui.add(egui::Label::new(RichText::new(s.roster_empty).color(palette.muted)).wrap());
    }
    ui.horizontal_wrapped(|ui| {
        for member in &session.roster {
            let was = content
                .present
                .iter()
                .any(|p| p == &member.name || content.member_of(p) == Some(member.id));
            let mut here = was;
            if ui.checkbox(&mut here, &member.name).changed() {
                view.send(ContentCommand::SetMemberPresent {
                    id: member.id,
                    name: member.name.clone(),
                    present: here,
                });
            }
        }
        // Names present that are not (or no longer) on the roster: a meeting resumed from
        // before the roster, say. Unticking takes them off.
        for (index, name) in content.present.iter().enumerate() {
            let on_roster = session
                .roster
                .iter()
                .any(|m| &m.name == name || content.member_of(name) == Some(m.id));
            if on_roster {
                continue;
            }
            let mut here = true;
            if ui
                .checkbox(&mut here, name)
                .on_hover_text(s.present_not_on_roster)
                .changed()
            {
                view.send(ContentCommand::RemovePresent(index));
            }
        }
    });
    lead_ui(ui, view, session);
    let label = ui.label(s.present_add_label);
    let (response, add_clicked) = ui
        .horizontal(|ui| {
            let field = ui
                // A fixed id: the roster's boxes above it grow as names are added, and the
                // field must keep the cursor for the next name.
                .add(
                    TextEdit::singleline(&mut session.leader.name_draft)
                        .id_salt("present_name")
                        .desired_width(130.0),
                )
                .labelled_by(label.id);
            (field, ui.button(s.present_add).clicked())
        })
        .inner;
    if (add_clicked || enter_pressed(&response)) && !session.leader.name_draft.trim().is_empty() {
        view.send(SessionCommand::AddMember(std::mem::take(
            &mut session.leader.name_draft,
        )));
        response.request_focus();
    }
    if content.present.is_empty() {
        let mut count = content.present_count;
        // Wrapped: in the narrow panel beside the leader's screen the field goes under its
        // label rather than past the panel's edge.
        ui.horizontal_wrapped(|ui| {
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
            Tool::Question => tool_frame(ui, &palette, s.tool_question, |ui| {
                question_ui(t, ui);
            }),
            // The scratchpad has its own panel: it is private.
            Tool::Scratchpad => {}
        }
    }
}

/// Who leads the meeting and who co-leads it, chosen from the group's roster (a role in the
/// meeting, kept in its record for the sign-in sheet and the leader's logbook).
fn lead_ui(ui: &mut Ui, view: &mut ViewCtx, session: &Session) {
    use crate::model::Lead;
    if session.roster.is_empty() {
        return;
    }
    let w = view.s.attendance;
    ui.horizontal_wrapped(|ui| {
        for (lead, label) in [
            (Lead::Leader, w.choose_leader),
            (Lead::CoLeader, w.choose_co_leader),
        ] {
            let label = ui.label(label);
            let current = session.content.lead(lead);
            egui::ComboBox::from_id_salt(("lead", lead as u8))
                .selected_text(current.unwrap_or(w.nobody))
                .show_ui(ui, |ui| {
                    if ui.selectable_label(current.is_none(), w.nobody).clicked() {
                        view.send(ContentCommand::SetLead { lead, member: None });
                    }
                    for member in &session.roster {
                        let chosen = current == Some(member.name.as_str());
                        if ui.selectable_label(chosen, &member.name).clicked() {
                            view.send(ContentCommand::SetLead {
                                lead,
                                member: Some((member.id, member.name.clone())),
                            });
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        }
    });
}
