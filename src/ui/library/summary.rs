//! A meeting's summary as the history tab shows it, read-only.

use egui::{RichText, Ui};

use crate::i18n::{Strings, fill, format_date_time_text};
use crate::model::MeetingRecord;
use crate::room::mark_text;
use crate::ui::theme::{self, Palette};

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
    // Who led, and who came late or left early (issue 14).
    let w = s.attendance;
    for (label, name) in [(w.leader, &c.leader), (w.co_leader, &c.co_leader)] {
        if let Some(name) = name {
            ui.label(format!("{label}: {name}"));
        }
    }
    for (map, template) in [(&c.came_late, w.came_late), (&c.left_early, w.left_early)] {
        for (name, minutes) in map {
            ui.label(format!(
                "{name}: {}",
                fill(template, &[("minutes", minutes)])
            ));
        }
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
