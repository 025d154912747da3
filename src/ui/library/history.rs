//! The history tab: search, the meetings newest first, and the chosen meeting's summary.

use egui::{RichText, ScrollArea, TextEdit, Ui};

use super::LINE_LIMIT;
use super::summary::summary_ui;
use crate::i18n::{fill, format_date_time_text};
use crate::ui::command::HistoryCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::{Env, HistoryState};

/// The group's history: search, the list newest first, and a meeting's summary.
pub fn history_ui(ui: &mut Ui, view: &mut ViewCtx, state: &mut HistoryState, env: &Env) {
    let s = view.s;
    let lang = view.lang;
    let palette = view.palette;
    state.ensure_loaded(env);
    let mut query = state.query.clone();
    let Some(history) = state.get() else {
        return;
    };
    egui::Panel::left("history_list")
        .resizable(true)
        .default_size(460.0)
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(14)))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(s.history_search);
                let response = ui
                    .add(
                        TextEdit::singleline(&mut query)
                            .desired_width(300.0)
                            .char_limit(LINE_LIMIT),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    view.send(HistoryCommand::Search(query.clone()));
                }
            });
            // During a search the count says how many of all are shown.
            let count = match &state.hits {
                Some(hits) => fill(
                    s.history_count_of.get(history.len()),
                    &[("shown", &hits.len()), ("count", &history.len())],
                ),
                None => s.history_count.n(history.len()),
            };
            ui.label(RichText::new(count).color(palette.muted));
            if !history.problems().is_empty() || !history.conflicts().is_empty() {
                ui.add(
                    egui::Label::new(
                        RichText::new(fill(
                            s.history_problems,
                            &[
                                ("files", &s.count_files.n(history.problems().len())),
                                (
                                    "conflicts",
                                    &s.count_conflict_copies.n(history.conflicts().len()),
                                ),
                            ],
                        ))
                        .color(palette.warning_text),
                    )
                    .wrap(),
                )
                .on_hover_text(
                    history
                        .problems()
                        .iter()
                        .map(|p| crate::i18n::load_problem(lang, p))
                        .chain(
                            history
                                .conflicts()
                                .iter()
                                .map(|c| crate::i18n::conflict_file(lang, c)),
                        )
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            if history.is_empty() {
                ui.label(s.history_empty);
                return;
            }
            let rows: Vec<(usize, Option<String>)> = match &state.hits {
                Some(hits) => hits
                    .iter()
                    .map(|h| (h.index, Some(h.snippet.clone())))
                    .collect(),
                None => (0..history.len()).map(|i| (i, None)).collect(),
            };
            if rows.is_empty() {
                ui.label(fill(s.history_no_hits, &[("query", &state.query)]));
            }
            let row_height = 46.0;
            ScrollArea::vertical().id_salt("history_rows").show_rows(
                ui,
                row_height,
                rows.len(),
                |ui, range| {
                    for (index, snippet) in &rows[range] {
                        let Some(summary) = history.summaries().get(*index) else {
                            continue;
                        };
                        let mut line = format!(
                            "{}  ·  {}",
                            format_date_time_text(lang, &summary.started_local),
                            summary.protocol_name.get(lang)
                        );
                        if let Some(name) = &summary.inbrenger {
                            line.push_str(&format!("  ·  {name}"));
                        }
                        let second = snippet
                            .clone()
                            .or_else(|| summary.case_title.clone())
                            .unwrap_or_default();
                        let selected = state.selected == Some(*index);
                        let text = format!("{line}\n{second}");
                        let clicked = ui
                            .with_layout(
                                egui::Layout::top_down_justified(egui::Align::LEFT),
                                |ui| {
                                    ui.add(
                                        egui::Button::selectable(selected, text)
                                            .min_size(egui::vec2(0.0, row_height - 4.0)),
                                    )
                                    .clicked()
                                },
                            )
                            .inner;
                        if clicked {
                            view.send(HistoryCommand::Select(*index));
                        }
                    }
                },
            );
        });
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(20, 14)))
        .show(ui, |ui| {
            let record = match &state.record {
                Some(Ok(record)) => record,
                Some(Err(error)) => {
                    ui.label(RichText::new(error).color(palette.warning_text));
                    return;
                }
                None => {
                    ui.label(s.history_pick);
                    return;
                }
            };
            let index = state.selected.unwrap_or_default();
            ui.horizontal(|ui| {
                if ui.button(s.history_export_md).clicked() {
                    view.send(HistoryCommand::Export { index, html: false });
                }
                if ui.button(s.history_export_html).clicked() {
                    view.send(HistoryCommand::Export { index, html: true });
                }
                // A Kring that only reads this group cannot correct its records.
                if state.correction.is_none()
                    && ui
                        .add_enabled(view.may_write, egui::Button::new(s.attendance.correct))
                        .clicked()
                {
                    view.send(HistoryCommand::CorrectStart(index));
                }
            });
            if let Some(status) = &state.status {
                ui.label(RichText::new(status).color(palette.muted));
            }
            ScrollArea::vertical().id_salt("summary").show(ui, |ui| {
                if let Some(correction) = &mut state.correction {
                    super::correction::correction_ui(ui, view, correction);
                    ui.separator();
                }
                summary_ui(ui, record, s, lang, &palette);
            });
        });
}
