//! Outside the meeting: preparing a case, the group's history, the look back, the group itself.

use egui::{RichText, ScrollArea, TextEdit, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoints, Points};

use super::command::{CasesCommand, GroupCommand, HistoryCommand};
use super::context::ViewCtx;
use super::state::{CasesState, Env, GroupState, HistoryState};
use super::theme::{self, Palette};
use crate::i18n::{Strings, fill, format_date_time_text, format_hours};
use crate::model::{MeetingRecord, Retention};
use crate::privacy::FindingKind;
use crate::room::mark_text;

/// Longest text a single-line field takes; a paste of a megabyte is cut here, with a note.
pub const LINE_LIMIT: usize = 500;
/// Longest text a multi-line field takes.
pub const TEXT_LIMIT: usize = 20_000;

/// A labelled multi-line field with a length limit that says so when it is reached.
pub fn text_area(ui: &mut Ui, label: &str, text: &mut String, rows: usize) -> egui::Response {
    let label = ui.label(RichText::new(label).strong());
    let response = ui
        .add(
            TextEdit::multiline(text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY)
                .char_limit(TEXT_LIMIT),
        )
        .labelled_by(label.id);
    limit_note(ui, text, TEXT_LIMIT);
    response
}

/// Tells that a field is full, so a long paste that was cut off does not go unnoticed.
pub fn limit_note(ui: &mut Ui, text: &str, limit: usize) {
    if text.chars().count() >= limit {
        ui.label(
            RichText::new(format!("max. {limit}"))
                .small()
                .color(ui.visuals().warn_fg_color),
        );
    }
}

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
            });
            ScrollArea::vertical()
                .id_salt("summary")
                .show(ui, |ui| summary_ui(ui, record, s, lang, &palette));
        });
}

/// A meeting's full read-only summary. Advice has no author; nothing private was ever saved.
pub fn summary_ui(
    ui: &mut Ui,
    record: &MeetingRecord,
    s: &Strings,
    lang: crate::model::Lang,
    palette: &Palette,
) {
    let c = &record.content;
    ui.heading(record.protocol_name.get(lang));
    ui.label(format_date_time_text(lang, &record.started_local));
    if let Some(problem) = c.chosen() {
        ui.label(RichText::new(&problem.title).font(theme::bold(20.0)));
        if let Some(question) = &problem.question {
            ui.add(egui::Label::new(RichText::new(question).italics()).wrap());
        }
    }
    if let Some(name) = &c.inbrenger {
        ui.label(format!("{}: {name}", s.inbrenger_label));
    }
    let section = |ui: &mut Ui, title: &str| {
        ui.add_space(8.0);
        ui.label(RichText::new(title).font(theme::bold(18.0)));
    };
    egui::Grid::new("summary_phases")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for phase in &record.phases {
                ui.label(phase.title.get(lang));
                ui.label(format!(
                    "{} / {} {}",
                    phase.actual_minutes(),
                    phase.planned_minutes + phase.prepare_minutes,
                    s.home_minutes_short
                ));
                ui.label(match phase.outcome {
                    crate::model::PhaseOutcome::Done => s.outcome_done,
                    crate::model::PhaseOutcome::Skipped => s.outcome_skipped,
                    crate::model::PhaseOutcome::Interrupted => s.outcome_interrupted,
                    crate::model::PhaseOutcome::NotReached => s.outcome_not_reached,
                });
                ui.end_row();
            }
        });
    if !c.present.is_empty() {
        section(ui, s.summary_present);
        ui.label(c.present.join(", "));
    }
    if !c.problems.is_empty() {
        section(ui, s.summary_problems);
        for p in &c.problems {
            ui.label(format!("• {} ({})", p.title, p.votes));
        }
    }
    if !c.questions.is_empty() {
        section(ui, s.summary_questions);
        for q in &c.questions {
            let tags = crate::i18n::question_tags(s, q.kind, q.focus).join(" · ");
            if tags.is_empty() {
                ui.label(format!("• {}", q.text));
            } else {
                ui.label(format!("• {}  ({tags})", q.text));
            }
        }
        ui.label(fill(s.summary_early, &[("count", &c.early_advice)]));
    }
    if !c.advice.is_empty() {
        section(ui, s.summary_advice);
        for a in c.advice.items() {
            let mark = a.mark.map(|m| mark_text(m, s)).unwrap_or_default();
            ui.add(egui::Label::new(format!("• {}  {mark}", a.text)).wrap());
        }
    }
    if !c.decision.trim().is_empty() || !c.follow_ups.is_empty() {
        section(ui, s.summary_decision);
        ui.add(egui::Label::new(&c.decision).wrap());
        for f in &c.follow_ups {
            let done = if f.done { " ✔" } else { "" };
            ui.label(format!("• {} · {} · {}{done}", f.what, f.who, f.by_when));
        }
    }
    if !c.insights.is_empty() {
        section(ui, s.room_insights);
        ui.label(c.insights.join(" · "));
    }
    let notes: Vec<_> = c
        .notes
        .iter()
        .filter(|(_, n)| !n.trim().is_empty())
        .collect();
    if !notes.is_empty() {
        section(ui, s.summary_notes);
        for (phase, note) in notes {
            ui.add(
                egui::Label::new(RichText::new(format!("{phase}: {note}")).color(palette.muted))
                    .wrap(),
            );
        }
    }
}

/// The look back: time per phase, questions and early advice, and whose turn it is.
pub fn reflection_ui(
    ui: &mut Ui,
    view: &mut ViewCtx,
    state: &mut HistoryState,
    group: &GroupState,
    env: &Env,
) {
    let s = view.s;
    let lang = view.lang;
    state.ensure_loaded(env);
    let mut reflection_phase = state.reflection_phase.clone();
    let Some(history) = state.get() else {
        return;
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(20, 14)))
        .show(ui, |ui| {
            if history.len() < 2 {
                ui.label(s.reflection_none);
                return;
            }
            let days = |ms: i64| ms as f64 / 86_400_000.0;
            let height = (ui.available_height() / 3.0 - 40.0).max(140.0);
            ScrollArea::vertical().id_salt("reflection").show(ui, |ui| {
                // Planned against actual minutes of the chosen phase, meeting by meeting.
                let timing = history.phase_timing();
                // Phases by their title in the protocol (the id when the protocol is gone).
                let mut phases: Vec<(String, String)> = Vec::new();
                for (_, protocol, reached) in &timing {
                    for (id, _, _) in reached {
                        if !phases.iter().any(|(known, _)| known == id) {
                            phases.push((id.clone(), phase_title(env, protocol, id, lang)));
                        }
                    }
                }
                phases.sort_by(|a, b| a.1.cmp(&b.1));
                if reflection_phase.is_none() {
                    reflection_phase = phases.first().map(|(id, _)| id.clone());
                }
                ui.horizontal(|ui| {
                    ui.label(RichText::new(s.reflection_timing).font(theme::bold(18.0)));
                    let label = ui.label(s.reflection_phase);
                    let shown = phases
                        .iter()
                        .find(|(id, _)| Some(id) == reflection_phase.as_ref())
                        .map(|(_, title)| title.clone())
                        .unwrap_or_default();
                    egui::ComboBox::from_id_salt("reflection_phase")
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            for (id, title) in &phases {
                                ui.selectable_value(&mut reflection_phase, Some(id.clone()), title);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                let chosen = reflection_phase.clone().unwrap_or_default();
                let mut planned = Vec::new();
                let mut actual = Vec::new();
                for (ms, _, phases) in &timing {
                    if let Some((_, p, a)) = phases.iter().find(|p| p.0 == chosen) {
                        planned.push([days(*ms), f64::from(*p)]);
                        actual.push([days(*ms), *a as f64]);
                    }
                }
                look_back_plot("timing", height).show(ui, |plot| {
                    plot.line(Line::new(s.reflection_planned, PlotPoints::from(planned)));
                    plot.line(Line::new(s.reflection_actual, PlotPoints::from(actual)));
                });

                ui.label(RichText::new(s.reflection_questions).font(theme::bold(18.0)));
                let tags = history.question_tags_over_time();
                let series = |pick: fn(&crate::store::QuestionTags) -> usize| -> Vec<[f64; 2]> {
                    tags.iter().map(|t| [days(t.0), pick(t) as f64]).collect()
                };
                let early: Vec<[f64; 2]> = history
                    .early_advice_over_time()
                    .iter()
                    .map(|(ms, n)| [days(*ms), f64::from(*n)])
                    .collect();
                look_back_plot("questions", height).show(ui, |plot| {
                    plot.line(Line::new(s.kind_open, PlotPoints::from(series(|t| t.1))));
                    plot.line(Line::new(s.kind_closed, PlotPoints::from(series(|t| t.2))));
                    plot.line(Line::new(
                        s.kind_suggestive,
                        PlotPoints::from(series(|t| t.3)),
                    ));
                    plot.line(Line::new(
                        s.focus_experience,
                        PlotPoints::from(series(|t| t.5)),
                    ));
                    plot.points(Points::new(s.early_advice, PlotPoints::from(early)).radius(4.0));
                });

                ui.label(RichText::new(s.reflection_turns).font(theme::bold(18.0)));
                let turns = history.turns(&group.settings.members);
                let waited: Vec<&str> = turns.iter().take(2).map(|t| t.name.as_str()).collect();
                if !waited.is_empty() {
                    ui.label(
                        RichText::new(fill(s.reflection_waited, &[("names", &waited.join(", "))]))
                            .strong(),
                    );
                }
                let names: Vec<String> = turns.iter().map(|t| t.name.clone()).collect();
                let mut brought = Vec::new();
                for summary in history.summaries() {
                    if let Some(name) = &summary.inbrenger
                        && let Some(row) = names.iter().position(|n| n == name)
                    {
                        brought.push([days(summary.started_at_ms), row as f64]);
                    }
                }
                let labels = names.clone();
                // Room for the longest name, so no name is cut off.
                let widest = names
                    .iter()
                    .map(|n| {
                        ui.fonts_mut(|f| {
                            f.layout_no_wrap(
                                n.clone(),
                                egui::FontId::default(),
                                egui::Color32::WHITE,
                            )
                            .size()
                            .x
                        })
                    })
                    .fold(0.0_f32, f32::max);
                look_back_plot("turns", height)
                    .y_axis_min_width(widest + 8.0)
                    .y_axis_formatter(move |mark, _| {
                        let row = mark.value.round();
                        if (mark.value - row).abs() < 1e-6 && row >= 0.0 {
                            labels.get(row as usize).cloned().unwrap_or_default()
                        } else {
                            String::new()
                        }
                    })
                    .show(ui, |plot| {
                        plot.points(
                            Points::new(s.inbrenger_label, PlotPoints::from(brought)).radius(5.0),
                        );
                    });
            });
        });
    state.reflection_phase = reflection_phase;
}

/// The plot id of a look-back chart (`name` is "timing", "questions" or "turns"): fixed, so
/// tests can read its bounds from egui's memory.
pub fn look_back_plot_id(name: &str) -> egui::Id {
    egui::Id::unique(("look_back", name))
}

/// A look-back chart: dates along the bottom, a legend. A plain mouse wheel scrolls the page,
/// never the chart (before, it panned the data out of view); zooming takes Ctrl and the
/// wheel, and a double click puts the chart back. The margins keep the first and last date
/// labels inside the chart.
fn look_back_plot(name: &str, height: f32) -> Plot<'static> {
    Plot::new(name)
        .id(look_back_plot_id(name))
        .height(height)
        .legend(Legend::default())
        .x_axis_formatter(date_axis)
        .allow_scroll(false)
        .allow_drag(false)
        .set_margin_fraction(egui::vec2(0.08, 0.1))
}

/// A phase's title in `lang`, from the protocol in the catalogue; its id when the protocol or
/// the phase is no longer there.
fn phase_title(env: &Env, protocol: &str, id: &str, lang: crate::model::Lang) -> String {
    env.catalog
        .get(protocol)
        .and_then(|entry| entry.protocol.phases.iter().find(|p| p.id == id))
        .map_or_else(|| id.to_owned(), |phase| phase.title.get(lang).to_owned())
}

/// Plots put time in days since 1970 on the x axis; people read months.
fn date_axis(mark: egui_plot::GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    let secs = (mark.value * 86_400.0) as i64;
    jiff::Timestamp::from_second(secs)
        .map(|t| t.strftime("%Y-%m").to_string())
        .unwrap_or_default()
}

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
                {
                    let history = history.ensure_loaded(env);
                    for (name, meetings, minutes) in
                        history.attendance_hours(&group.settings.members)
                    {
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
            });
        });
}
