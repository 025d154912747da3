//! The cases tab: my cases on the left, the guided form in the middle, the privacy check on
//! the right.

use egui::{RichText, ScrollArea, TextEdit, Ui};

use super::{LINE_LIMIT, text_area};
use crate::i18n::{Strings, fill};
use crate::privacy::FindingKind;
use crate::ui::command::CasesCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::{CasesState, Env};
use crate::ui::theme;

pub fn kind_label(kind: FindingKind, s: &Strings) -> &'static str {
    match kind {
        FindingKind::PersonName => s.kind_name,
        FindingKind::DateOfBirth => s.kind_birth,
        FindingKind::AgeWithPlace => s.kind_age_place,
        FindingKind::Phone => s.kind_phone,
        FindingKind::Email => s.kind_email,
        FindingKind::Postcode => s.kind_postcode,
        FindingKind::Bsn => s.kind_bsn,
    }
}

/// The case preparation form: my cases on the left, the guided form and the privacy check.
pub fn cases_ui(ui: &mut Ui, view: &mut ViewCtx, cases: &mut CasesState, env: &Env) {
    let s = view.s;
    let palette = view.palette;
    cases.ensure_loaded(env);
    egui::Panel::left("case_list")
        .resizable(false)
        .default_size(300.0)
        .max_size(320.0)
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(14)))
        .show(ui, |ui| {
            ui.label(RichText::new(s.cases_mine).font(theme::bold(19.0)));
            ui.horizontal_wrapped(|ui| {
                if ui.button(s.cases_new).clicked() {
                    view.send(CasesCommand::New);
                }
                if ui.button(s.cases_import).clicked() {
                    view.send(CasesCommand::ImportDialog);
                }
            });
            ui.label(
                RichText::new(s.cases_drop_hint)
                    .small()
                    .color(palette.muted),
            );
            ui.separator();
            ScrollArea::vertical().id_salt("cases").show(ui, |ui| {
                let editing = cases.edit.as_ref().map(|c| c.id.clone());
                for (_, case) in cases.list() {
                    let title = if case.title.trim().is_empty() {
                        s.cases_untitled.to_owned()
                    } else {
                        case.title.clone()
                    };
                    let selected = editing.as_deref() == Some(case.id.as_str());
                    if ui.selectable_label(selected, title).clicked() {
                        view.send(CasesCommand::Edit(case.id.clone()));
                    }
                }
            });
        });

    let findings = cases.findings.clone();
    egui::Panel::right("case_privacy")
        .resizable(false)
        .default_size(340.0)
        .frame(
            egui::Frame::new()
                .fill(palette.surface)
                .inner_margin(egui::Margin::same(14)),
        )
        .show(ui, |ui| {
            ui.label(RichText::new(s.privacy_title).font(theme::bold(19.0)));
            ui.add(egui::Label::new(RichText::new(s.privacy_guidance).color(palette.muted)).wrap());
            ui.add_space(6.0);
            if cases.edit.is_none() {
                return;
            }
            if findings.is_empty() {
                ui.add(egui::Label::new(s.privacy_none).wrap());
            }
            ScrollArea::vertical().id_salt("findings").show(ui, |ui| {
                for (field, finding, replacement) in &findings {
                    ui.group(|ui| {
                        ui.label(
                            RichText::new(format!(
                                "{} · {}",
                                kind_label(finding.kind, s),
                                finding.text
                            ))
                            .strong()
                            .color(palette.warning_text),
                        );
                        if ui
                            .button(fill(s.privacy_replace, &[("with", replacement)]))
                            .clicked()
                        {
                            view.send(CasesCommand::ReplaceFinding {
                                field: field.clone(),
                                finding: finding.clone(),
                                with: replacement.clone(),
                            });
                        }
                    });
                }
            });
        });

    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(20, 14)))
        .show(ui, |ui| {
            let Some(case) = &mut cases.edit else {
                ui.label(s.cases_pick);
                if ui.button(s.cases_new).clicked() {
                    view.send(CasesCommand::New);
                }
                return;
            };
            let mut changed = false;
            // Save and export stand above the form, always in view.
            ui.horizontal(|ui| {
                if ui.button(s.cases_save).clicked() {
                    view.send(CasesCommand::Save);
                }
                if ui.button(s.cases_export).clicked() {
                    view.send(CasesCommand::Export { confirmed: false });
                }
                if let Some(status) = &cases.status {
                    ui.label(RichText::new(status).color(palette.muted));
                }
            });
            ScrollArea::vertical().id_salt("case_form").show(ui, |ui| {
                let label = ui.label(RichText::new(s.case_title).strong());
                changed |= ui
                    .add(
                        TextEdit::singleline(&mut case.title)
                            .desired_width(f32::INFINITY)
                            .char_limit(LINE_LIMIT),
                    )
                    .labelled_by(label.id)
                    .changed();
                for (label, key, rows) in [
                    (s.case_situation, "situation", 4),
                    (s.case_touched, "what_touched_me", 3),
                    (s.case_question, "question", 2),
                    (s.case_tried, "what_i_tried", 3),
                    (s.case_part, "my_part", 3),
                    (s.case_hope, "hope_from_group", 2),
                ] {
                    if key == "question" {
                        ui.add(
                            egui::Label::new(
                                RichText::new(s.case_question_hint).color(palette.muted),
                            )
                            .wrap(),
                        );
                    }
                    if let Some(text) = case.text_field_mut(key) {
                        changed |= text_area(ui, label, text, rows).changed();
                    }
                }
            });
            if changed {
                view.send(CasesCommand::Edited);
            }
        });
}
