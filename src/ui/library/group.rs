//! The group tab: its agreements, how and where it meets, how long history is kept, and
//! attendance.

use egui::{RichText, ScrollArea, TextEdit, Ui};

use super::{LINE_LIMIT, text_area};
use crate::export::ProofFormat;
use crate::i18n::{fill, format_hours};
use crate::model::Retention;
use crate::ui::command::GroupCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::{Env, GroupState, HistoryState, ProofChoice, ProofKind};
use crate::ui::theme;

/// The group: its agreements, how and where it meets, how long history is kept, attendance.
pub fn group_ui(
    ui: &mut Ui,
    view: &mut ViewCtx,
    group: &mut GroupState,
    history: &mut HistoryState,
    env: &Env,
) {
    let s = view.s;
    let lang = view.lang;
    let palette = view.palette;
    group.proof_defaults(env);
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(20, 14)))
        .show(ui, |ui| {
            ScrollArea::vertical().id_salt("group").show(ui, |ui| {
                ui.set_max_width(820.0);
                let g = &mut group.settings;
                let label = ui.label(RichText::new(s.group_name).strong());
                ui.add(TextEdit::singleline(&mut g.name).char_limit(LINE_LIMIT))
                    .labelled_by(label.id);
                text_area(ui, s.group_agreements, &mut g.agreements, 6);
                for (label, text) in [
                    (s.group_how_often, &mut g.meets_how_often),
                    (s.group_where, &mut g.meets_where),
                    (s.group_costs, &mut g.costs),
                ] {
                    // Multi-line from one row: the field grows with its text, nothing is
                    // cut off.
                    let label = ui.label(RichText::new(label).strong());
                    ui.add(
                        TextEdit::multiline(text)
                            .desired_rows(1)
                            .desired_width(500.0)
                            .char_limit(LINE_LIMIT),
                    )
                    .labelled_by(label.id);
                }
                ui.horizontal(|ui| {
                    let label = ui.label(RichText::new(s.group_minutes).strong());
                    ui.add(egui::DragValue::new(&mut g.meeting_minutes).range(15..=480))
                        .labelled_by(label.id);
                });
                ui.horizontal(|ui| {
                    let label = ui.label(RichText::new(s.group_retention).strong());
                    egui::ComboBox::from_id_salt("retention")
                        .selected_text(g.retention.label(lang))
                        .show_ui(ui, |ui| {
                            for choice in Retention::ALL {
                                ui.selectable_value(&mut g.retention, choice, choice.label(lang));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                ui.checkbox(
                    &mut g.phones,
                    crate::i18n::phone_strings(lang).phones_group_setting,
                );
                ui.horizontal(|ui| {
                    // A Kring that only reads this group cannot save or delete in it.
                    let may_write = view.may_write;
                    if ui
                        .add_enabled(may_write, egui::Button::new(s.group_save))
                        .clicked()
                    {
                        view.send(GroupCommand::Save);
                    }
                    if ui
                        .add_enabled(may_write, egui::Button::new(s.retention_check))
                        .clicked()
                    {
                        view.send(GroupCommand::RetentionCheck);
                    }
                });
                if let Some(status) = &group.status {
                    ui.label(RichText::new(status).color(palette.muted));
                }
                ui.add_space(12.0);
                ui.label(RichText::new(s.group_attendance).font(theme::bold(18.0)));
                let mut names: Vec<String> = group
                    .settings
                    .members
                    .iter()
                    .map(|m| m.name.clone())
                    .collect();
                {
                    let history = history.ensure_loaded(env);
                    for (name, meetings, minutes) in
                        history.attendance_hours(&group.settings.members)
                    {
                        if !names.contains(&name) {
                            names.push(name.clone());
                        }
                        ui.label(fill(
                            s.group_attendance_row.get(meetings),
                            &[
                                ("name", &name),
                                ("meetings", &meetings),
                                ("hours", &format_hours(lang, minutes)),
                            ],
                        ));
                    }
                }
                if ui.button(s.group_export_attendance).clicked() {
                    view.send(GroupCommand::ExportAttendance);
                }
                ui.add_space(12.0);
                proof_ui(ui, view, &mut group.proof, &names);
            });
        });
}

/// Proof of attendance over a period: sign-in sheets, a member's certificate or a leader's
/// logbook, as printable HTML, CSV or Markdown. `names`: the members and everyone the
/// history counts.
fn proof_ui(ui: &mut Ui, view: &mut ViewCtx, choice: &mut ProofChoice, names: &[String]) {
    let w = view.s.attendance;
    ui.label(RichText::new(w.export_title).font(theme::bold(18.0)));
    ui.horizontal(|ui| {
        for (label, text) in [
            (w.export_from, &mut choice.from),
            (w.export_to, &mut choice.to),
        ] {
            let label = ui.label(RichText::new(label).strong());
            ui.add(
                TextEdit::singleline(text)
                    .desired_width(120.0)
                    .char_limit(10),
            )
            .labelled_by(label.id);
        }
    });
    let kind_label = |kind: ProofKind| match kind {
        ProofKind::Sheets => w.what_sheets,
        ProofKind::Certificate => w.what_certificate,
        ProofKind::Logbook => w.what_logbook,
    };
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(w.export_what).strong());
        egui::ComboBox::from_id_salt("proof_kind")
            .selected_text(kind_label(choice.kind))
            .show_ui(ui, |ui| {
                for kind in ProofKind::ALL {
                    ui.selectable_value(&mut choice.kind, kind, kind_label(kind));
                }
            })
            .response
            .labelled_by(label.id);
        if choice.kind != ProofKind::Sheets {
            if choice.name.is_empty()
                && let Some(first) = names.first()
            {
                choice.name = first.clone();
            }
            let name_label = ui.label(RichText::new(w.name).strong());
            egui::ComboBox::from_id_salt("proof_name")
                .selected_text(choice.name.clone())
                .show_ui(ui, |ui| {
                    for name in names {
                        ui.selectable_value(&mut choice.name, name.clone(), name);
                    }
                })
                .response
                .labelled_by(name_label.id);
        }
    });
    let format_label = |format: ProofFormat| match format {
        ProofFormat::Html => "HTML",
        ProofFormat::Csv => "CSV",
        ProofFormat::Markdown => "Markdown",
    };
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(w.export_format).strong());
        let current = choice.format.unwrap_or(ProofFormat::Html);
        egui::ComboBox::from_id_salt("proof_format")
            .selected_text(format_label(current))
            .show_ui(ui, |ui| {
                for format in ProofFormat::ALL {
                    if ui
                        .selectable_label(current == format, format_label(format))
                        .clicked()
                    {
                        choice.format = Some(format);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    // Above the button, so it is in view where the button is.
    if let Some(error) = &choice.error {
        ui.add(egui::Label::new(RichText::new(error).color(view.palette.warning_text)).wrap());
    }
    if ui.button(w.export_button).clicked() {
        view.send(GroupCommand::ExportProof);
    }
}
