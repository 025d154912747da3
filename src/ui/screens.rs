//! The screens around the meeting: the introduction of the method, and the summary at the end.

use egui::{RichText, Ui};

use super::app::Finished;
use super::command::AppAction;
use super::context::ViewCtx;
use super::keys::UiCommand;
use super::state::UnsavedRecords;
use super::theme::{self, room};
use super::wall_screens::intro_wall_ui;
use crate::i18n::fill;
use crate::meeting::Meeting;
use crate::model::PhaseOutcome;
use crate::room::{IntroView, format_countdown};

/// Before the first phase, the method is explained to the room: its structure and its goal.
/// Drawn in the room display's style, for the wall.
pub fn intro_ui(ui: &mut Ui, view: &mut ViewCtx, meeting: &Meeting) {
    let s = view.s;
    let palette = view.palette;
    let intro = IntroView::new(meeting.protocol(), view.lang, s);
    let mut begin = false;
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| {
            let rect = ui.max_rect();
            intro_wall_ui(ui, rect, &intro, &palette, |ui, unit| {
                let button = egui::Button::new(
                    RichText::new(format!(
                        "{}  ({})",
                        s.intro_begin.get(meeting.protocol().parts),
                        UiCommand::BeginPhases.key_text(s)
                    ))
                    .font(theme::bold(room::TEXT_MIN * unit)),
                )
                .fill(palette.badge_fill)
                .stroke(egui::Stroke::new(2.0, palette.accent));
                if ui.add(button).clicked() {
                    begin = true;
                }
            });
        });
    if begin {
        view.send(AppAction::BeginPhases);
    }
}

/// After the meeting: planned against actual time per phase, breaks, and where the record was
/// saved, or why it could not be.
pub fn finished_ui(ui: &mut Ui, view: &mut ViewCtx, finished: &Finished, unsaved: &UnsavedRecords) {
    let s = view.s;
    let lang = view.lang;
    let palette = view.palette;
    let record = &finished.record;
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(32, 24)))
        .show(ui, |ui| {
            ui.heading(if record.ended_early {
                s.done_ended_early
            } else {
                s.done_title
            });
            ui.label(format!(
                "{} · {}",
                record.protocol_name.get(lang),
                crate::i18n::format_date_time_text(lang, &record.started_local)
            ));
            ui.add_space(8.0);
            match &finished.saved {
                Ok(path) => {
                    ui.label(fill(s.done_saved, &[("path", &path.display())]));
                }
                Err(error) => {
                    ui.label(
                        RichText::new(s.done_not_saved)
                            .font(theme::bold(22.0))
                            .color(palette.warning_text),
                    );
                    ui.add(
                        egui::Label::new(
                            RichText::new(fill(s.done_save_failed, &[("error", error)]))
                                .color(palette.warning_text),
                        )
                        .wrap(),
                    );
                    ui.add(egui::Label::new(s.done_retrying).wrap());
                    let rescue = unsaved
                        .get(record.started_at_ms)
                        .and_then(|u| u.rescue.as_ref());
                    ui.add(
                        egui::Label::new(match rescue {
                            Some(path) => fill(s.done_rescue_copy, &[("path", &path.display())]),
                            None => s.done_no_rescue_copy.to_owned(),
                        })
                        .wrap(),
                    );
                    super::overlays::unsaved_actions_ui(ui, view, record.started_at_ms);
                }
            }
            ui.add_space(8.0);
            egui::ScrollArea::vertical()
                .max_height(ui.available_height() - 60.0)
                .show(ui, |ui| {
                    egui::Grid::new("summary")
                        .num_columns(4)
                        .striped(true)
                        .spacing([20.0, 6.0])
                        .show(ui, |ui| {
                            ui.label(RichText::new(s.plan_col_phase.get(record.parts)).strong());
                            ui.label(RichText::new(s.plan_col_planned).strong());
                            ui.label(RichText::new(s.plan_col_actual).strong());
                            ui.label("");
                            ui.end_row();
                            for (index, phase) in record.phases.iter().enumerate() {
                                ui.label(format!("{}. {}", index + 1, phase.title.get(lang)));
                                ui.label(format!(
                                    "{} {}",
                                    phase.planned_minutes + phase.prepare_minutes,
                                    s.home_minutes_short
                                ));
                                ui.label(format_countdown(phase.actual_secs));
                                ui.label(match phase.outcome {
                                    PhaseOutcome::Done => s.outcome_done,
                                    PhaseOutcome::Skipped => s.outcome_skipped,
                                    PhaseOutcome::Interrupted => s.outcome_interrupted,
                                    PhaseOutcome::NotReached => s.outcome_not_reached,
                                });
                                ui.end_row();
                            }
                        });
                    if !record.breaks.is_empty() {
                        let secs: i64 = record.breaks.iter().map(|b| b.actual_secs).sum();
                        let minutes = (secs + 30) / 60;
                        ui.label(fill(
                            s.done_breaks.get(minutes),
                            &[("count", &record.breaks.len()), ("minutes", &minutes)],
                        ));
                    }
                });
            ui.add_space(8.0);
            if ui
                .button(s.done_home)
                .on_hover_text(UiCommand::BackHome.tooltip(s, record.parts))
                .clicked()
            {
                view.send(AppAction::BackHome);
            }
        });
}
