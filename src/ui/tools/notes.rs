//! Notes per phase, key words and insights (the digital flip-over), and the leader's private
//! scratchpad.

use egui::{RichText, TextEdit, Ui};

use super::{RowEdit, ToolCtx, edit_button, edit_row_ui, enter_pressed, labelled_field};
use crate::meeting::ContentCommand;
use crate::ui::command::SessionCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::{EditTarget, Editing};
use crate::ui::state::{PrivateThing, Session};
use crate::ui::theme;

pub(super) fn notes_ui(t: &mut ToolCtx, ui: &mut Ui) {
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
    let label = ui.label(s.notes_hint.get(t.session.meeting.protocol().parts));
    let notes = t.session.content.notes.entry(phase_id).or_default();
    ui.add(
        TextEdit::multiline(notes)
            .char_limit(crate::ui::library::TEXT_LIMIT)
            .desired_rows(4)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}

pub(super) fn insights_ui(t: &mut ToolCtx, ui: &mut Ui) {
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
    let editing = &mut t.session.leader.editing;
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for (index, insight) in t.session.content.insights.iter().enumerate() {
            match edit_row_ui(ui, s, editing, EditTarget::Insight(index), None, false) {
                RowEdit::Show => {}
                RowEdit::Editing => {
                    continue;
                }
                RowEdit::Saved(edit) => {
                    commands.push(ContentCommand::EditInsight {
                        index,
                        text: edit.text,
                    });
                    continue;
                }
            }
            if ui
                .button(format!("{insight}  ×"))
                .on_hover_text(s.advice_remove)
                .clicked()
            {
                commands.push(ContentCommand::RemoveInsight(index));
            }
            if edit_button(ui, s, insight) {
                *editing = Some(Editing::new(EditTarget::Insight(index), insight, ""));
            }
        }
    });
    for command in commands {
        t.view.send(command);
    }
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
                .char_limit(crate::ui::library::TEXT_LIMIT)
                .desired_rows(18)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(title.id);
    if std::mem::take(&mut session.leader.focus_scratchpad) {
        response.request_focus();
    }
}

/// The inbrenger's question, in their words: on the group screen from the moment it is
/// written down, and in the record, the history and the exports.
pub(super) fn question_ui(t: &mut ToolCtx, ui: &mut Ui) {
    let s = t.view.s;
    let label = ui.label(s.question_field_hint);
    ui.add(
        TextEdit::multiline(&mut t.session.content.question)
            .id_salt("inbrenger_question")
            .char_limit(crate::ui::library::TEXT_LIMIT)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}
