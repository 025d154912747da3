//! The look back: charts of time per phase, of questions and early advice, and of whose turn
//! it was to bring a case.

use egui::{RichText, ScrollArea, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoints, Points};

use crate::i18n::fill;
use crate::ui::context::ViewCtx;
use crate::ui::state::{Env, GroupState, HistoryState};
use crate::ui::theme;

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
