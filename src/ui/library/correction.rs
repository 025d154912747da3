//! Correcting a past meeting's attendance on the history tab: the real start and end, who
//! led and co-led, who was there, who came late or left early (issue 14, point 1).

use egui::{RichText, TextEdit, Ui};

use crate::model::{Lead, name_key};
use crate::ui::command::HistoryCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::Correction;
use crate::ui::theme;

/// The correction form. Edits the draft in place; saving and cancelling are commands.
pub fn correction_ui(ui: &mut Ui, view: &mut ViewCtx, correction: &mut Correction) {
    let w = view.s.attendance;
    let palette = view.palette;
    ui.label(RichText::new(w.correct_title).font(theme::bold(18.0)));
    ui.horizontal(|ui| {
        for (label, text) in [
            (w.start_time, &mut correction.start),
            (w.end_time, &mut correction.end),
        ] {
            let label = ui.label(label);
            ui.add(TextEdit::singleline(text).desired_width(60.0).char_limit(5))
                .labelled_by(label.id);
        }
    });
    let content = &mut correction.draft.content;
    for (lead, label) in [
        (Lead::Leader, w.choose_leader),
        (Lead::CoLeader, w.choose_co_leader),
    ] {
        ui.horizontal(|ui| {
            let label = ui.label(label);
            let current = content.lead(lead).map(str::to_owned);
            egui::ComboBox::from_id_salt(("correct_lead", lead as u8))
                .selected_text(current.clone().unwrap_or_else(|| w.nobody.to_owned()))
                .show_ui(ui, |ui| {
                    if ui.selectable_label(current.is_none(), w.nobody).clicked() {
                        content.set_lead(lead, None);
                    }
                    for member in &correction.roster {
                        let chosen = current.as_deref() == Some(member.name.as_str());
                        if ui.selectable_label(chosen, &member.name).clicked() {
                            content.set_lead(lead, Some((member.id, &member.name)));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    ui.add_space(6.0);
    // Everyone on the roster, then names in the record that are not on it.
    let mut people: Vec<(Option<u32>, String)> = correction
        .roster
        .iter()
        .map(|m| (Some(m.id), m.name.clone()))
        .collect();
    for name in &content.present {
        let on_roster = correction
            .roster
            .iter()
            .any(|m| name_key(&m.name) == name_key(name) || content.member_of(name) == Some(m.id));
        if !on_roster {
            people.push((None, name.clone()));
        }
    }
    egui::Grid::new("correct_people")
        .num_columns(3)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for (id, name) in people {
                // The name as the record writes it, if it is there.
                let written = content
                    .present
                    .iter()
                    .find(|p| *p == &name || id.is_some_and(|id| content.member_of(p) == Some(id)))
                    .cloned();
                let mut here = written.is_some();
                if ui.checkbox(&mut here, &name).changed() {
                    match (id, here) {
                        (Some(id), _) => content.set_member_present(id, &name, here),
                        (None, false) => {
                            if let Some(index) = content.present.iter().position(|p| *p == name) {
                                content.remove_present(index);
                            }
                        }
                        (None, true) => {
                            content.add_present(&name);
                        }
                    }
                }
                match written {
                    Some(written) => {
                        for (map, label) in [
                            (&mut content.came_late, w.late_label),
                            (&mut content.left_early, w.early_label),
                        ] {
                            ui.horizontal(|ui| {
                                let mut minutes = map.get(&written).copied().unwrap_or(0);
                                let changed = ui
                                    .add(egui::DragValue::new(&mut minutes).range(0..=600))
                                    .on_hover_text(format!("{name}: {label}"))
                                    .changed();
                                ui.label(label);
                                if changed {
                                    if minutes == 0 {
                                        map.remove(&written);
                                    } else {
                                        map.insert(written.clone(), minutes);
                                    }
                                }
                            });
                        }
                    }
                    None => {
                        ui.label("");
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(view.may_write, egui::Button::new(view.s.edit_save))
            .clicked()
        {
            view.send(HistoryCommand::CorrectSave);
        }
        if ui.button(view.s.edit_cancel).clicked() {
            view.send(HistoryCommand::CorrectCancel);
        }
    });
    if let Some(error) = &correction.error {
        ui.add(egui::Label::new(RichText::new(error).color(palette.warning_text)).wrap());
    }
}
