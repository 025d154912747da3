//! The judgement and decision phases: the anonymous advice board in its three forms, the
//! locked private entry, and the inbrenger's marks, decision and follow-up steps.

use egui::{RichText, TextEdit, Ui};

use super::{
    RowAction, RowEdit, ToolCtx, edit_row_ui, enter_pressed, labelled_field, row_buttons_ui,
};
use crate::i18n::fill;
use crate::meeting::ContentCommand;
use crate::model::{AdviceMark, MeetingContent, Parts, Who};
use crate::room::mark_text;
use crate::ui::command::SessionCommand;
use crate::ui::context::ViewCtx;
use crate::ui::keys::UiCommand;
use crate::ui::state::{EditTarget, Editing};
use crate::ui::state::{PrivateThing, Session};
use crate::ui::theme;

fn advice_form_id(t: &ToolCtx) -> Option<String> {
    t.session.content.advice_form.clone().or_else(|| {
        Some(&t.session.meeting)
            .and_then(|m| m.current_phase())
            .and_then(|p| p.variants.first())
            .map(|v| v.id.clone())
    })
}

pub(super) fn advice_ui(t: &mut ToolCtx, ui: &mut Ui) {
    let s = t.view.s;
    // The form shown as chosen is the one the record keeps, also when nobody clicked it.
    if t.session.content.advice_form.is_none()
        && let Some(form) = advice_form_id(t)
    {
        t.view.send(ContentCommand::SetAdviceForm(form));
    }
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
        advice_list_ui(t, ui);
        let board = &t.session.content.advice;
        if !board.revealed && !board.is_empty() && ui.button(s.advice_reveal).clicked() {
            t.view.send(ContentCommand::RevealAdvice);
        }
    } else {
        ui.label(RichText::new(s.advice_hidden).color(palette.muted));
        // Before the reveal the leader can check and correct the texts, on a window the
        // room does not see (the group screen in its own window).
        if t.room_window && !board.is_empty() {
            egui::CollapsingHeader::new(s.advice_review)
                .id_salt("advice_review")
                .show(ui, |ui| advice_list_ui(t, ui));
        }
        let board = &t.session.content.advice;
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
                .char_limit(crate::ui::library::TEXT_LIMIT)
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
    // The keys, from the table: the members need only the first.
    ui.label(
        RichText::new(format!(
            "{}: {}",
            UiCommand::HandIn.key_text(s),
            UiCommand::HandIn.help(s, Parts::Phases)
        ))
        .size(17.0)
        .color(view.palette.muted),
    );
}

pub(super) fn decision_ui(t: &mut ToolCtx, ui: &mut Ui) {
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
            .char_limit(crate::ui::library::TEXT_LIMIT)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.add_space(6.0);
    ui.label(RichText::new(s.room_follow_ups).strong());
    let mut follow = std::mem::take(&mut t.session.leader.follow_up);
    let mut who = t.session.leader.follow_up_who.take();
    ui.horizontal_wrapped(|ui| {
        let what = labelled_field(ui, s.follow_what, &mut follow.what, 260.0);
        follow_who_ui(ui, s, &t.session.content, &mut follow.who, &mut who);
        let when = labelled_field(ui, s.follow_when, &mut follow.by_when, 120.0);
        // Enter in "Wat" or "Wanneer" adds the step, as in every other list, and the cursor
        // goes back to "Wat" for the next one.
        let enter = enter_pressed(&what) || enter_pressed(&when);
        if (ui.button(s.follow_add).clicked() || enter) && !follow.what.trim().is_empty() {
            t.view.send(ContentCommand::AddFollowUp(
                std::mem::take(&mut follow),
                who.take(),
            ));
            what.request_focus();
        }
    });
    t.session.leader.follow_up = follow;
    t.session.leader.follow_up_who = who;
    let editing = &mut t.session.leader.editing;
    for (index, step) in t.session.content.follow_ups.iter().enumerate() {
        match edit_row_ui(
            ui,
            s,
            editing,
            EditTarget::FollowUp(index),
            Some(s.follow_when),
            false,
        ) {
            RowEdit::Show => {}
            RowEdit::Editing => {
                continue;
            }
            RowEdit::Saved(edit) => {
                t.view.send(ContentCommand::EditFollowUp {
                    index,
                    what: edit.text,
                    by_when: edit.second,
                });
                continue;
            }
        }
        ui.horizontal(|ui| {
            match row_buttons_ui(ui, s, &step.what) {
                RowAction::Remove => t.view.send(ContentCommand::RemoveFollowUp(index)),
                RowAction::Edit => {
                    *editing = Some(Editing::new(
                        EditTarget::FollowUp(index),
                        &step.what,
                        &step.by_when,
                    ));
                }
                RowAction::None => {}
            }
            ui.label(format!("{} · {} · {}", step.what, step.who, step.by_when));
        });
    }
}

/// A follow-up step's "who": one of those present or the group, never typed, so the record
/// knows which member it is. A name present but not on the roster (a meeting resumed from
/// before the roster) stays text only.
fn follow_who_ui(
    ui: &mut Ui,
    s: &crate::i18n::Strings,
    content: &MeetingContent,
    name: &mut String,
    who: &mut Option<Who>,
) {
    let label = ui.label(s.follow_who);
    let shown = if name.trim().is_empty() {
        s.follow_who_none.to_owned()
    } else {
        name.clone()
    };
    egui::ComboBox::from_id_salt("follow_up_who")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(name.is_empty(), s.follow_who_none)
                .clicked()
            {
                name.clear();
                *who = None;
            }
            if ui
                .selectable_label(*who == Some(Who::Group), s.follow_group)
                .clicked()
            {
                *name = s.follow_group.to_owned();
                *who = Some(Who::Group);
            }
            for present in &content.present {
                if ui
                    .selectable_label(name == present && *who != Some(Who::Group), present)
                    .clicked()
                {
                    name.clone_from(present);
                    *who = content.member_of(present).map(Who::Member);
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The advice with remove and correct buttons; a correction keeps the inbrenger's mark.
fn advice_list_ui(t: &mut ToolCtx, ui: &mut Ui) {
    let s = t.view.s;
    let mut commands = Vec::new();
    let editing = &mut t.session.leader.editing;
    for (index, advice) in t.session.content.advice.items().iter().enumerate() {
        match edit_row_ui(ui, s, editing, EditTarget::Advice(index), None, false) {
            RowEdit::Show => {}
            RowEdit::Editing => {
                continue;
            }
            RowEdit::Saved(edit) => {
                commands.push(ContentCommand::EditAdvice {
                    index,
                    text: edit.text,
                });
                continue;
            }
        }
        ui.horizontal(|ui| {
            match row_buttons_ui(ui, s, &advice.text) {
                RowAction::Remove => commands.push(ContentCommand::RemoveAdvice(index)),
                RowAction::Edit => {
                    *editing = Some(Editing::new(EditTarget::Advice(index), &advice.text, ""));
                }
                RowAction::None => {}
            }
            ui.add(egui::Label::new(&advice.text).wrap());
        });
    }
    for command in commands {
        t.view.send(command);
    }
}
