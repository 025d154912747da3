//! The document: what an export says, in which order, without any format. [`document`]
//! builds it from the record alone; the Markdown and HTML writers only lay it out.

use crate::i18n::{fill, format_long_date_time_text, strings};
use crate::model::{AdviceMark, Lang, MeetingRecord, PhaseOutcome, QuestionFocus, QuestionKind};

pub(super) struct Doc {
    pub(super) title: String,
    /// Label and value lines under the title.
    pub(super) meta: Vec<(String, String)>,
    pub(super) sections: Vec<Section>,
    pub(super) footer: String,
}

pub(super) struct Section {
    pub(super) heading: String,
    pub(super) blocks: Vec<Block>,
}

pub(super) enum Block {
    Para(String),
    /// Label and value, one per line.
    Fields(Vec<(String, String)>),
    List {
        ordered: bool,
        items: Vec<Item>,
    },
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
        /// The last row sums up the others.
        total_row: bool,
    },
}

pub(super) struct Item {
    pub(super) text: String,
    pub(super) tags: Vec<String>,
}

pub(super) fn document(record: &MeetingRecord, lang: Lang) -> Doc {
    let w = strings(lang);
    let content = &record.content;
    let mut duration = fill(
        w.export_minutes_planned.get(record.duration_minutes()),
        &[
            ("actual", &record.duration_minutes()),
            ("planned", &record.planned_minutes),
        ],
    );
    if record.ended_early {
        duration.push_str(" · ");
        duration.push_str(w.export_ended_early);
    }
    let mut meta = vec![
        (
            w.export_protocol.to_owned(),
            record.protocol_name.get(lang).to_owned(),
        ),
        (
            w.export_date.to_owned(),
            format_long_date_time_text(lang, &record.started_local),
        ),
        (w.export_duration.to_owned(), duration),
    ];
    if !content.present.is_empty() {
        meta.push((w.export_present.to_owned(), content.present.join(", ")));
    } else if content.present_count > 0 {
        meta.push((
            w.export_present.to_owned(),
            w.export_persons.n(content.present_count),
        ));
    }

    let mut sections = vec![time_section(record, lang)];

    if !record.breaks.is_empty() {
        let items = record
            .breaks
            .iter()
            .map(|b| Item {
                text: fill(
                    w.export_break_line,
                    &[
                        ("phase", &phase_title(record, &b.during_phase, lang)),
                        ("planned", &minutes(b.planned_secs)),
                        ("actual", &minutes(b.actual_secs)),
                    ],
                ),
                tags: Vec::new(),
            })
            .collect();
        sections.push(Section {
            heading: w.export_breaks.to_owned(),
            blocks: vec![Block::List {
                ordered: false,
                items,
            }],
        });
    }

    let mut case = Vec::new();
    if let Some(problem) = content.chosen() {
        case.push((w.export_problem.to_owned(), problem.title.clone()));
        if !problem.line.trim().is_empty() {
            case.push((w.export_problem_line.to_owned(), problem.line.clone()));
        }
    }
    if let Some(question) = content.inbrenger_question() {
        case.push((w.export_question.to_owned(), question.to_owned()));
    }
    if let Some(inbrenger) = content.inbrenger.as_ref().filter(|i| !i.trim().is_empty()) {
        case.push((w.export_inbrenger.to_owned(), inbrenger.clone()));
    }
    if !case.is_empty() {
        sections.push(Section {
            heading: w.export_case.to_owned(),
            blocks: vec![Block::Fields(case)],
        });
    }

    if !content.questions.is_empty() || content.early_advice > 0 {
        let mut blocks = Vec::new();
        if !content.questions.is_empty() {
            blocks.push(Block::Para(fill(
                w.export_question_summary.get(content.questions.len()),
                &[
                    ("count", &content.questions.len()),
                    ("open", &content.question_count(QuestionKind::Open)),
                    ("closed", &content.question_count(QuestionKind::Closed)),
                    (
                        "suggestive",
                        &content.question_count(QuestionKind::Suggestive),
                    ),
                    ("facts", &content.focus_count(QuestionFocus::Facts)),
                    (
                        "experience",
                        &content.focus_count(QuestionFocus::Experience),
                    ),
                ],
            )));
        }
        if content.early_advice > 0 {
            blocks.push(Block::Para(w.export_early_advice.n(content.early_advice)));
        }
        if !content.questions.is_empty() {
            let items = content
                .questions
                .iter()
                .map(|q| Item {
                    text: q.text.clone(),
                    tags: [
                        match q.kind {
                            QuestionKind::Open => Some(w.kind_open),
                            QuestionKind::Closed => Some(w.kind_closed),
                            QuestionKind::Suggestive => Some(w.kind_suggestive),
                            QuestionKind::Untagged => None,
                        },
                        match q.focus {
                            QuestionFocus::Facts => Some(w.export_focuses[0]),
                            QuestionFocus::Experience => Some(w.export_focuses[1]),
                            QuestionFocus::Untagged => None,
                        },
                    ]
                    .into_iter()
                    .flatten()
                    .map(str::to_owned)
                    .collect(),
                })
                .collect();
            blocks.push(Block::List {
                ordered: true,
                items,
            });
        }
        sections.push(Section {
            heading: w.export_questions.to_owned(),
            blocks,
        });
    }

    if !content.advice.is_empty() {
        // The stored order: random by design, never the order of entry. No author exists.
        let items = content
            .advice
            .items()
            .iter()
            .map(|a| Item {
                text: a.text.clone(),
                tags: vec![
                    match a.mark {
                        Some(AdviceMark::WillUse) => w.mark_will_use,
                        Some(AdviceMark::Maybe) => w.mark_maybe,
                        Some(AdviceMark::NotNow) => w.mark_not_now,
                        None => w.export_not_marked,
                    }
                    .to_owned(),
                ],
            })
            .collect();
        sections.push(Section {
            heading: w.export_advice.to_owned(),
            blocks: vec![
                Block::Para(w.export_advice_note.to_owned()),
                Block::List {
                    ordered: true,
                    items,
                },
            ],
        });
    }

    if !content.decision.trim().is_empty() {
        sections.push(Section {
            heading: w.export_decision.to_owned(),
            blocks: vec![Block::Para(content.decision.clone())],
        });
    }

    if !content.follow_ups.is_empty() {
        let rows = content
            .follow_ups
            .iter()
            .map(|f| {
                vec![
                    f.what.clone(),
                    f.who.clone(),
                    f.by_when.clone(),
                    if f.done { w.export_yes } else { w.export_no }.to_owned(),
                ]
            })
            .collect();
        sections.push(Section {
            heading: w.export_follow_ups.to_owned(),
            blocks: vec![Block::Table {
                head: vec![
                    w.follow_what.to_owned(),
                    w.follow_who.to_owned(),
                    w.follow_when.to_owned(),
                    w.followup_done.to_owned(),
                ],
                rows,
                total_row: false,
            }],
        });
    }

    let notes = phase_notes(record, lang);
    if !notes.is_empty() {
        sections.push(Section {
            heading: w.export_notes.get(record.parts).to_owned(),
            blocks: vec![Block::Fields(notes)],
        });
    }

    let insights: Vec<Item> = content
        .insights
        .iter()
        .filter(|i| !i.trim().is_empty())
        .map(|i| Item {
            text: i.clone(),
            tags: Vec::new(),
        })
        .collect();
    if !insights.is_empty() {
        sections.push(Section {
            heading: w.export_insights.to_owned(),
            blocks: vec![Block::List {
                ordered: false,
                items: insights,
            }],
        });
    }

    Doc {
        title: format!(
            "{}: {}",
            w.export_title,
            format_long_date_time_text(lang, &record.started_local)
        ),
        meta,
        sections,
        footer: w.export_footer.to_owned(),
    }
}

fn time_section(record: &MeetingRecord, lang: Lang) -> Section {
    let w = strings(lang);
    let mut rows = Vec::new();
    let mut actual_total = 0;
    for phase in &record.phases {
        let planned = phase.planned_minutes + phase.prepare_minutes;
        let planned_text = if phase.adjusted_minutes == 0 {
            planned.to_string()
        } else {
            format!(
                "{planned} ({} {:+})",
                w.export_adjusted, phase.adjusted_minutes
            )
        };
        let ran = matches!(
            phase.outcome,
            PhaseOutcome::Done | PhaseOutcome::Interrupted
        );
        let actual_text = if ran {
            actual_total += phase.actual_minutes();
            phase.actual_minutes().to_string()
        } else {
            "–".to_owned()
        };
        let mut outcome = match phase.outcome {
            PhaseOutcome::Done => w.outcome_done,
            PhaseOutcome::Skipped => w.outcome_skipped,
            PhaseOutcome::Interrupted => w.outcome_interrupted,
            PhaseOutcome::NotReached => w.outcome_not_reached,
        }
        .to_owned();
        let overrun_minutes = minutes(phase.overrun_secs);
        if ran && overrun_minutes > 0 {
            outcome.push_str(", ");
            outcome.push_str(&fill(w.export_overrun, &[("minutes", &overrun_minutes)]));
        }
        rows.push(vec![
            phase.title.get(lang).to_owned(),
            planned_text,
            actual_text,
            outcome,
        ]);
    }
    rows.push(vec![
        w.export_total.to_owned(),
        record.planned_minutes.to_string(),
        actual_total.to_string(),
        String::new(),
    ]);
    Section {
        heading: w.export_time.get(record.parts).to_owned(),
        blocks: vec![Block::Table {
            head: vec![
                w.export_phase.get(record.parts).to_owned(),
                w.export_planned.to_owned(),
                w.export_actual.to_owned(),
                w.export_outcome.to_owned(),
            ],
            rows,
            total_row: true,
        }],
    }
}

/// Notes in the order of the phases; notes on a phase id the record does not know last.
fn phase_notes(record: &MeetingRecord, lang: Lang) -> Vec<(String, String)> {
    let notes = &record.content.notes;
    let mut out: Vec<(String, String)> = record
        .phases
        .iter()
        .filter_map(|p| {
            notes
                .get(&p.id)
                .filter(|n| !n.trim().is_empty())
                .map(|n| (p.title.get(lang).to_owned(), n.clone()))
        })
        .collect();
    for (id, note) in notes {
        if !note.trim().is_empty() && !record.phases.iter().any(|p| &p.id == id) {
            out.push((id.clone(), note.clone()));
        }
    }
    out
}

fn phase_title(record: &MeetingRecord, id: &str, lang: Lang) -> String {
    record
        .phases
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_owned(), |p| p.title.get(lang).to_owned())
}

fn minutes(secs: i64) -> i64 {
    (secs + 30).div_euclid(60)
}
