//! The screens around the meeting: the introduction of the method, and the summary at the end.

use egui::{RichText, Ui};

use super::command::AppAction;
use super::context::ViewCtx;
use super::keys::UiCommand;
use super::state::{Finished, UnsavedRecords};
use super::theme::{self, room};
use super::wall_screens::intro_wall_ui;
use crate::i18n::{Strings, fill};
use crate::meeting::Meeting;
use crate::model::{Lang, MeetingRecord, PhaseOutcome};
use crate::room::IntroView;

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

/// After the meeting, a summary worth keeping: the case and its question, the decision, the
/// follow-up steps with who, the insights, and the time planned against actual in minutes
/// both; the export buttons right there, and where the record was saved, or why it could not
/// be.
/// `notices` are the app's latest messages: what an export just did is said here too.
pub fn finished_ui(
    ui: &mut Ui,
    view: &mut ViewCtx,
    finished: &Finished,
    unsaved: &UnsavedRecords,
    notices: &[String],
) {
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
            if let Some(last) = notices
                .get(finished.notices_before..)
                .and_then(<[String]>::last)
            {
                ui.add(egui::Label::new(RichText::new(last).color(palette.muted)).wrap());
            }
            ui.label(format!(
                "{} · {}",
                record.protocol_name.get(lang),
                crate::i18n::format_date_time_text(lang, &record.started_local)
            ));
            ui.add_space(8.0);
            match &finished.saved {
                Ok(path) => {
                    ui.label(fill(s.done_saved, &[("path", &path.display())]));
                    ui.horizontal_wrapped(|ui| {
                        if ui.button(s.done_export_md).clicked() {
                            view.send(AppAction::ExportFinished { html: false });
                        }
                        if ui.button(s.done_export_html).clicked() {
                            view.send(AppAction::ExportFinished { html: true });
                        }
                    });
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
                    // Save again, elsewhere, or export (Markdown, HTML): all in one row.
                    super::overlays::unsaved_actions_ui(ui, view, record.started_at_ms);
                }
            }
            ui.add_space(8.0);
            egui::ScrollArea::vertical()
                .max_height(ui.available_height() - 60.0)
                .show(ui, |ui| summary_ui(ui, s, lang, record));
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

/// What the group produced and how the time went, in the export's words and order of weight:
/// the case and its question, the decision, follow-ups with who, insights, then the time.
fn summary_ui(ui: &mut Ui, s: &Strings, lang: Lang, record: &MeetingRecord) {
    let heading = |ui: &mut Ui, text: &str| {
        ui.add_space(6.0);
        ui.label(RichText::new(text).font(theme::bold(19.0)));
    };
    let content = &record.content;
    let question = content.inbrenger_question();
    if content.chosen().is_some() || question.is_some() {
        heading(ui, s.export_case);
        if let Some(problem) = content.chosen() {
            ui.add(egui::Label::new(RichText::new(&problem.title).strong()).wrap());
        }
        if let Some(question) = question {
            ui.add(egui::Label::new(format!("{}: {question}", s.export_question)).wrap());
        }
    }
    if !content.decision.trim().is_empty() {
        heading(ui, s.export_decision);
        ui.add(egui::Label::new(&content.decision).wrap());
    }
    if !content.follow_ups.is_empty() {
        heading(ui, s.export_follow_ups);
        egui::Grid::new("summary_follow_ups")
            .num_columns(3)
            .striped(true)
            .spacing([20.0, 4.0])
            .show(ui, |ui| {
                for head in [s.follow_what, s.follow_who, s.follow_when] {
                    ui.label(RichText::new(head).strong());
                }
                ui.end_row();
                for f in &content.follow_ups {
                    ui.label(&f.what);
                    ui.label(&f.who);
                    ui.label(&f.by_when);
                    ui.end_row();
                }
            });
    }
    let insights: Vec<&String> = content
        .insights
        .iter()
        .filter(|i| !i.trim().is_empty())
        .collect();
    if !insights.is_empty() {
        heading(ui, s.export_insights);
        for insight in insights {
            ui.add(egui::Label::new(format!("• {insight}")).wrap());
        }
    }
    heading(ui, s.export_time.get(record.parts));
    // Planned and actual in one unit, whole minutes both: "10 min" against "12 min".
    let minutes = |m: i64| format!("{m} {}", s.home_minutes_short);
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
            let mut actual_total = 0;
            for (index, phase) in record.phases.iter().enumerate() {
                ui.label(format!("{}. {}", index + 1, phase.title.get(lang)));
                ui.label(minutes(i64::from(
                    phase.planned_minutes + phase.prepare_minutes,
                )));
                if matches!(
                    phase.outcome,
                    PhaseOutcome::Done | PhaseOutcome::Interrupted
                ) {
                    actual_total += phase.actual_minutes();
                    ui.label(minutes(phase.actual_minutes()));
                } else {
                    ui.label("–");
                }
                ui.label(match phase.outcome {
                    PhaseOutcome::Done => s.outcome_done,
                    PhaseOutcome::Skipped => s.outcome_skipped,
                    PhaseOutcome::Interrupted => s.outcome_interrupted,
                    PhaseOutcome::NotReached => s.outcome_not_reached,
                });
                ui.end_row();
            }
            ui.label(RichText::new(s.export_total).strong());
            ui.label(RichText::new(minutes(i64::from(record.planned_minutes))).strong());
            ui.label(RichText::new(minutes(actual_total)).strong());
            ui.end_row();
        });
    if !record.breaks.is_empty() {
        let secs: i64 = record.breaks.iter().map(|b| b.actual_secs).sum();
        let minutes = (secs + 30) / 60;
        ui.label(fill(
            s.done_breaks.get(minutes),
            &[("count", &record.breaks.len()), ("minutes", &minutes)],
        ));
    }
}
