//! Summaries of a meeting for people: Markdown, and a printable HTML page.
//!
//! Both are made from one [`Doc`] built from the [`MeetingRecord`] alone, so they say the same
//! things and nothing else: the record has no scratchpad and no advice authors, so neither can
//! reach an export. Every text from the record is escaped for the format it goes into.

mod escape;

use std::fmt::Write as _;

pub use escape::escape_html;
use escape::{md_cell, md_line, md_text};

use crate::model::{
    AdviceMark, GroupSettings, Lang, MeetingRecord, PhaseOutcome, QuestionFocus, QuestionKind,
};

/// The formats a meeting can be exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    /// The format for a command-line word or a file extension: `md`, `markdown`, `html`, `htm`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            _ => None,
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
        }
    }

    /// The meeting in this format.
    pub fn render(self, record: &MeetingRecord, lang: Lang) -> String {
        match self {
            Self::Markdown => meeting_markdown(record, lang),
            Self::Html => meeting_html(record, lang),
        }
    }
}

/// The meeting as Markdown (CommonMark with a GFM table), headings in `lang`.
pub fn meeting_markdown(record: &MeetingRecord, lang: Lang) -> String {
    render_markdown(&document(record, lang))
}

/// The meeting as one self-contained HTML page (inline CSS, no scripts, no outside files)
/// that prints well on A4, headings in `lang`.
pub fn meeting_html(record: &MeetingRecord, lang: Lang) -> String {
    render_html(&document(record, lang), lang)
}

/// Attendance and hours per member, with the group's agreement, as Markdown: proof for
/// registers. `rows` are (name, meetings, minutes), as `History::attendance_hours` gives them.
/// Headings are in both languages, as a register in either may read it; the hours are
/// written as in `lang` ("4,5" in Dutch, "4.5" in English). Every name and the agreement
/// text go through the same escaping as a meeting export: a `|` in a name keeps the table's
/// columns, `<script>` stays text.
pub fn attendance_markdown(
    group: &GroupSettings,
    rows: &[(String, usize, i64)],
    lang: Lang,
) -> String {
    let both = |pick: fn(&Strings) -> &'static str| format!("{} / {}", pick(&NL), pick(&EN));
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_line(&group.name));
    let _ = writeln!(out, "## {}\n", both(|s| s.attendance_agreements));
    let agreements = md_text(&group.agreements, "");
    if !agreements.is_empty() {
        let _ = writeln!(out, "{agreements}\n");
    }
    let table = Block::Table {
        head: vec![
            both(|s| s.attendance_name),
            both(|s| s.attendance_meetings),
            both(|s| s.attendance_hours),
        ],
        rows: rows
            .iter()
            .map(|(name, meetings, minutes)| {
                vec![
                    name.clone(),
                    meetings.to_string(),
                    format_decimal(lang, *minutes as f64 / 60.0, 1),
                ]
            })
            .collect(),
        total_row: false,
    };
    md_block(&mut out, &table);
    out
}

// ---------------------------------------------------------------------------------------
// The document: what is said, in which order, without any format.

struct Doc {
    title: String,
    /// Label and value lines under the title.
    meta: Vec<(String, String)>,
    sections: Vec<Section>,
    footer: String,
}

struct Section {
    heading: String,
    blocks: Vec<Block>,
}

enum Block {
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

struct Item {
    text: String,
    tags: Vec<String>,
}

use crate::i18n::{EN, NL, Strings, fill, format_decimal, format_long_date_time_text, strings};

fn document(record: &MeetingRecord, lang: Lang) -> Doc {
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
        if let Some(question) = problem.question.as_ref().filter(|q| !q.trim().is_empty()) {
            case.push((w.export_question.to_owned(), question.clone()));
        }
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
                    tags: vec![
                        match q.kind {
                            QuestionKind::Open => w.kind_open,
                            QuestionKind::Closed => w.kind_closed,
                            QuestionKind::Suggestive => w.kind_suggestive,
                        }
                        .to_owned(),
                        w.export_focuses[match q.focus {
                            QuestionFocus::Facts => 0,
                            QuestionFocus::Experience => 1,
                        }]
                        .to_owned(),
                    ],
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
            heading: w.export_notes.to_owned(),
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
        heading: w.export_time.to_owned(),
        blocks: vec![Block::Table {
            head: vec![
                w.export_phase.to_owned(),
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

// ---------------------------------------------------------------------------------------
// Markdown

fn render_markdown(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_line(&doc.title));
    for (label, value) in &doc.meta {
        let _ = writeln!(out, "- **{}:** {}", md_line(label), md_text(value, "  "));
    }
    for section in &doc.sections {
        let _ = writeln!(out, "\n## {}", md_line(&section.heading));
        for block in &section.blocks {
            out.push('\n');
            md_block(&mut out, block);
        }
    }
    let _ = writeln!(out, "\n---\n\n_{}_", md_line(&doc.footer));
    out
}

fn md_block(out: &mut String, block: &Block) {
    match block {
        Block::Para(text) => {
            let _ = writeln!(out, "{}", md_text(text, ""));
        }
        Block::Fields(fields) => {
            for (label, value) in fields {
                let _ = writeln!(out, "- **{}:** {}", md_line(label), md_text(value, "  "));
            }
        }
        Block::List { ordered, items } => {
            for (n, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}. ", n + 1)
                } else {
                    "- ".to_owned()
                };
                let indent = " ".repeat(marker.len());
                let _ = write!(out, "{marker}{}", md_text(&item.text, &indent));
                if !item.tags.is_empty() {
                    let tags: Vec<String> = item.tags.iter().map(|t| md_line(t)).collect();
                    let _ = write!(out, " _({})_", tags.join(", "));
                }
                out.push('\n');
            }
        }
        Block::Table {
            head,
            rows,
            total_row,
        } => {
            let cells = |row: &[String]| -> String {
                let cells: Vec<String> = row.iter().map(|c| md_cell(c)).collect();
                format!("| {} |", cells.join(" | "))
            };
            let _ = writeln!(out, "{}", cells(head));
            let rule: Vec<&str> = head.iter().map(|_| "---").collect();
            let _ = writeln!(out, "| {} |", rule.join(" | "));
            for (n, row) in rows.iter().enumerate() {
                if *total_row && n + 1 == rows.len() {
                    let bold: Vec<String> = row
                        .iter()
                        .map(|c| {
                            if c.is_empty() {
                                String::new()
                            } else {
                                format!("**{}**", md_line(c))
                            }
                        })
                        .collect();
                    let _ = writeln!(out, "| {} |", bold.join(" | "));
                } else {
                    let _ = writeln!(out, "{}", cells(row));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// HTML

const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0; padding: 2.5rem 1.5rem; background: #ffffff; color: #1f2328;
  font-family: "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", system-ui, -apple-system,
    "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 17px; line-height: 1.55;
}
main { max-width: 46rem; margin: 0 auto; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid #d0d7de; }
p, li, td, dd { white-space: pre-line; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { font-weight: 700; }
dd { margin: 0; }
ol, ul { padding-left: 1.6rem; margin: 0.4rem 0; }
li { margin: 0.25rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.6rem; border-bottom: 1px solid #d0d7de; }
th { border-bottom: 2px solid #8c959f; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-bottom: none; border-top: 2px solid #8c959f; }
.tag { display: inline-block; margin-left: 0.4rem; padding: 0 0.45rem; border: 1px solid #8c959f;
  border-radius: 0.6rem; font-size: 0.8em; color: #424a53; white-space: nowrap; }
footer { margin-top: 2.5rem; padding-top: 0.6rem; border-top: 1px solid #d0d7de; color: #424a53; font-size: 0.9em; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { padding: 0; font-size: 11pt; color: #000000; }
  main { max-width: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, li, dt, dd { break-inside: avoid; page-break-inside: avoid; }
  .tag { color: #000000; border-color: #000000; }
}
"#;

fn render_html(doc: &Doc, lang: Lang) -> String {
    let code = match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Kring\">\n<title>{}</title>\n<style>{CSS}</style>\n\
         </head>\n<body>\n<main>\n<header>\n<h1>{}</h1>\n<dl>\n",
        escape_html(&doc.title),
        escape_html(&doc.title)
    );
    for (label, value) in &doc.meta {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape_html(label),
            escape_html(value)
        );
    }
    out.push_str("</dl>\n</header>\n");
    for section in &doc.sections {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape_html(&section.heading));
        for block in &section.blocks {
            html_block(&mut out, block);
        }
        out.push_str("</section>\n");
    }
    let _ = write!(
        out,
        "<footer>{}</footer>\n</main>\n</body>\n</html>\n",
        escape_html(&doc.footer)
    );
    out
}

fn html_block(out: &mut String, block: &Block) {
    match block {
        Block::Para(text) => {
            let _ = writeln!(out, "<p>{}</p>", escape_html(text.trim()));
        }
        Block::Fields(fields) => {
            out.push_str("<dl>\n");
            for (label, value) in fields {
                let _ = writeln!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    escape_html(label),
                    escape_html(value.trim())
                );
            }
            out.push_str("</dl>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for item in items {
                let _ = write!(out, "<li>{}", escape_html(item.text.trim()));
                for t in &item.tags {
                    let _ = write!(out, "<span class=\"tag\">{}</span>", escape_html(t));
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table {
            head,
            rows,
            total_row,
        } => {
            // Columns whose cells (after the heading) all start with a digit are numbers.
            let numeric: Vec<bool> = (0..head.len())
                .map(|col| {
                    !rows.is_empty()
                        && rows.iter().all(|r| {
                            r.get(col).is_some_and(|c| {
                                c.starts_with(|ch: char| ch.is_ascii_digit()) || c == "–"
                            })
                        })
                })
                .collect();
            let class = |col: usize| {
                if numeric.get(col).copied().unwrap_or(false) {
                    " class=\"n\""
                } else {
                    ""
                }
            };
            out.push_str("<table>\n<thead><tr>");
            for (col, cell) in head.iter().enumerate() {
                let _ = write!(out, "<th{}>{}</th>", class(col), escape_html(cell));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for (n, row) in rows.iter().enumerate() {
                if *total_row && n + 1 == rows.len() {
                    out.push_str("<tr class=\"total\">");
                } else {
                    out.push_str("<tr>");
                }
                for (col, cell) in row.iter().enumerate() {
                    let _ = write!(out, "<td{}>{}</td>", class(col), escape_html(cell.trim()));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use rand::SeedableRng as _;

    use super::*;
    use crate::model::{
        BreakRecord, FollowUp, MeetingContent, PhaseRecord, Question, RECORD_FORMAT_VERSION, Text,
    };

    /// What a leader screen holds besides the record: private, never to be exported.
    struct LeaderScreen {
        scratchpad: String,
        advice_draft: String,
        advice_author_by_entry: Vec<(String, String)>,
    }

    const SCRATCH: &str = "KLADBLOK-GEHEIM-4711 mijn eerste gedachte over de vader";
    const DRAFT: &str = "HALFGESCHREVEN-ADVIES-0815";
    const AUTHOR: &str = "Zeldzame-Auteursnaam";

    fn phase(id: &str, nl: &str, outcome: PhaseOutcome, planned: i32, actual: i64) -> PhaseRecord {
        PhaseRecord {
            id: id.to_owned(),
            title: Text::new(nl, format!("{nl} (en)")),
            outcome,
            planned_minutes: planned,
            prepare_minutes: 1,
            adjusted_minutes: 0,
            actual_secs: actual,
            run_secs: actual - 60,
            overrun_secs: 0,
        }
    }

    fn sample() -> (MeetingRecord, LeaderScreen) {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let mut content = MeetingContent::default();
        for name in ["Anouk", "Bram", "Carla", "Dewi", "Eva"] {
            content.add_present(name);
        }
        let chosen = content
            .add_problem(
                "Een boze vader aan de balie",
                "Hij dreigde met een klacht & ik bleef rustig",
                Some("Bram".into()),
            )
            .expect("problem");
        content.add_problem("Grenzen stellen", "Elke avond bellen", Some("Eva".into()));
        content.choose(chosen);
        content.questions = vec![
            Question {
                text: "Wat zei hij precies?".into(),
                kind: QuestionKind::Open,
                focus: QuestionFocus::Facts,
            },
            Question {
                text: "Voelde je je bedreigd?".into(),
                kind: QuestionKind::Closed,
                focus: QuestionFocus::Experience,
            },
            Question {
                text: "Heb je al overwogen om je teamleider erbij te halen?".into(),
                kind: QuestionKind::Suggestive,
                focus: QuestionFocus::Facts,
            },
        ];
        content.early_advice = 2;
        let screen = LeaderScreen {
            scratchpad: SCRATCH.into(),
            advice_draft: DRAFT.into(),
            advice_author_by_entry: vec![(AUTHOR.into(), "Benoem wat je ziet".into())],
        };
        for text in [
            "Benoem wat je ziet",
            "Spreek een vervolgafspraak af <script>alert(1)</script>",
            "Vraag een collega mee",
            "Schrijf op wat je raakte",
        ] {
            content.advice.add(text, &mut rng);
        }
        content.advice.reveal(&mut rng);
        content.advice.set_mark(0, Some(AdviceMark::WillUse));
        content.advice.set_mark(1, Some(AdviceMark::NotNow));
        content.advice.set_mark(2, Some(AdviceMark::Maybe));
        content.decision =
            "Ik bel de vader terug en vraag mijn teamleider\nom bij het gesprek te zijn.".into();
        content.follow_ups = vec![
            FollowUp {
                what: "Vader terugbellen".into(),
                who: "Bram".into(),
                by_when: "vrijdag".into(),
                done: false,
            },
            FollowUp {
                what: "Casus bespreken met teamleider".into(),
                who: "Bram".into(),
                by_when: "volgende bijeenkomst".into(),
                done: true,
            },
        ];
        content.notes.insert(
            "beeldvorming".into(),
            "Veel vragen over de onderstroom".into(),
        );
        content.insights = vec!["Boosheid is vaak machteloosheid".into(), "#1 rust".into()];
        let record = MeetingRecord {
            format_version: RECORD_FORMAT_VERSION,
            protocol_id: "balint-9-fasen".into(),
            protocol_version: 1,
            protocol_name: Text::new("Balint in 9 fasen", "Balint in 9 phases"),
            started_at_ms: 1_764_000_000_000,
            ended_at_ms: 1_764_000_000_000 + 100 * 60_000,
            started_local: "2025-11-24 19:30".into(),
            ended_early: true,
            planned_minutes: 40,
            phases: vec![
                phase(
                    "probleemstelling",
                    "Probleemstelling",
                    PhaseOutcome::Done,
                    10,
                    700,
                ),
                phase("beeldvorming", "Beeldvorming", PhaseOutcome::Done, 20, 1500),
                phase(
                    "oordeelsvorming",
                    "Oordeelsvorming",
                    PhaseOutcome::Skipped,
                    5,
                    0,
                ),
                phase(
                    "besluitvorming",
                    "Besluitvorming",
                    PhaseOutcome::NotReached,
                    1,
                    0,
                ),
            ],
            breaks: vec![BreakRecord {
                during_phase: "beeldvorming".into(),
                planned_secs: 600,
                actual_secs: 720,
            }],
            content,
        };
        (record, screen)
    }

    fn word_set(text: &str) -> BTreeSet<String> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    }

    /// The same record with every text but the date replaced by "x": what an export says of
    /// its own.
    fn blanked(record: &MeetingRecord) -> MeetingRecord {
        let ron = crate::store::to_ron(record).expect("ron");
        let mut out = String::new();
        let mut chars = ron.chars();
        while let Some(c) = chars.next() {
            if c == '"' {
                let mut escaped = false;
                for d in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == '"' {
                        break;
                    }
                }
                out.push_str("\"x\"");
            } else {
                out.push(c);
            }
        }
        let mut blank: MeetingRecord = ron::from_str(&out).expect("blanked record reads");
        // The date is record data too, but the export spells it out in words.
        blank.started_local = record.started_local.clone();
        blank
    }

    #[test]
    fn both_formats_carry_the_meeting() {
        let (record, _) = sample();
        for lang in Lang::ALL {
            for (format, out) in [
                ("md", meeting_markdown(&record, lang)),
                ("html", meeting_html(&record, lang)),
            ] {
                for needle in [
                    "Ik bel de vader terug en vraag mijn teamleider",
                    "om bij het gesprek te zijn.",
                    "Benoem wat je ziet",
                    "Vraag een collega mee",
                    "Schrijf op wat je raakte",
                    "Vader terugbellen",
                    "Casus bespreken met teamleider",
                    "volgende bijeenkomst",
                    "Een boze vader aan de balie",
                    "Anouk, Bram, Carla, Dewi, Eva",
                    "Wat zei hij precies?",
                    "Voelde je je bedreigd?",
                    "Veel vragen over de onderstroom",
                    "Boosheid is vaak machteloosheid",
                ] {
                    assert!(out.contains(needle), "{format} {lang:?} lacks {needle:?}");
                }
                // Marks, tags and the early-advice count.
                let (will_use, suggestive, early) = match lang {
                    Lang::Nl => ("gaat ermee aan de slag", "suggestief", "2 keer"),
                    Lang::En => ("will use", "suggestive", "2 times"),
                };
                for needle in [will_use, suggestive, early] {
                    assert!(out.contains(needle), "{format} {lang:?} lacks {needle:?}");
                }
            }
        }
        let nl = meeting_markdown(&record, Lang::Nl);
        let en = meeting_markdown(&record, Lang::En);
        assert!(nl.contains("## Besluit van de inbrenger") && nl.contains("## Vervolgstappen"));
        assert!(en.contains("## The inbrenger's decision") && en.contains("## Follow-up steps"));
        assert!(nl.contains("maandag 24 november 2025, 19:30"), "{nl}");
        assert!(en.contains("Monday 24 November 2025, 19:30"), "{en}");
        assert!(nl.contains("overgeslagen") && nl.contains("niet aan toe gekomen"));
        assert!(nl.contains("eerder beëindigd"));
        assert!(
            nl.contains("| Vader terugbellen | Bram | vrijdag | nee |"),
            "{nl}"
        );
    }

    #[test]
    fn advice_keeps_the_stored_order() {
        let (record, _) = sample();
        for out in [
            meeting_markdown(&record, Lang::Nl),
            meeting_html(&record, Lang::Nl),
        ] {
            let positions: Vec<usize> = record
                .content
                .advice
                .items()
                .iter()
                .map(|a| {
                    let head: String = a.text.chars().take(15).collect();
                    out.find(&head).expect("advice present")
                })
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
        }
    }

    #[test]
    fn record_text_is_escaped() {
        let (record, _) = sample();
        let html = meeting_html(&record, Lang::Nl);
        assert!(!html.contains("<script"), "no script element, ever");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("klacht &amp; ik bleef rustig"));
        let md = meeting_markdown(&record, Lang::Nl);
        assert!(!md.contains("<script>"), "raw HTML in Markdown would run");
        assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
        assert!(
            md.contains("- \\#1 rust"),
            "a leading # is no heading: {md}"
        );
    }

    #[test]
    fn html_is_a_complete_self_contained_printable_page() {
        let (record, _) = sample();
        let html = meeting_html(&record, Lang::En);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.trim_end().ends_with("</html>"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("@media print"));
        assert!(html.contains("Atkinson Hyperlegible"));
        for outside in ["src=", "href=", "url(", "@import", "http"] {
            assert!(!html.contains(outside), "reaches outside with {outside}");
        }
        assert_eq!(
            html.matches("<section>").count(),
            html.matches("</section>").count()
        );
    }

    #[test]
    fn nothing_but_the_record_reaches_an_export() {
        let (record, screen) = sample();
        let labels_only = blanked(&record);
        let record_words = word_set(&crate::store::to_ron(&record).expect("ron"));
        for lang in Lang::ALL {
            for (out, own) in [
                (
                    meeting_markdown(&record, lang),
                    meeting_markdown(&labels_only, lang),
                ),
                (
                    meeting_html(&record, lang),
                    meeting_html(&labels_only, lang),
                ),
            ] {
                for private in [
                    SCRATCH,
                    "KLADBLOK",
                    DRAFT,
                    AUTHOR,
                    screen.scratchpad.as_str(),
                    screen.advice_draft.as_str(),
                    screen.advice_author_by_entry[0].0.as_str(),
                ] {
                    assert!(!out.contains(private), "{private:?} leaked into {lang:?}");
                }
                // Every word is either the export's own (it is there with all record text
                // blanked) or comes from the record.
                let allowed: BTreeSet<String> = word_set(&own)
                    .union(&record_words)
                    .cloned()
                    .chain(["amp", "quot"].map(String::from))
                    .collect();
                let strays: Vec<String> = word_set(&out).difference(&allowed).cloned().collect();
                assert!(
                    strays.is_empty(),
                    "{lang:?}: words from nowhere: {strays:?}"
                );
            }
        }
    }

    #[test]
    fn an_empty_record_exports_without_empty_sections() {
        let (mut record, _) = sample();
        record.content = MeetingContent::default();
        record.breaks.clear();
        let md = meeting_markdown(&record, Lang::Nl);
        assert!(md.contains("## Tijd per fase"));
        for absent in [
            "## Adviezen",
            "## Besluit",
            "## Vervolgstappen",
            "## Casus",
            "## Pauzes",
        ] {
            assert!(!md.contains(absent), "{absent} in {md}");
        }
        assert!(meeting_html(&record, Lang::Nl).contains("</html>"));
    }

    /// The `|` a Markdown table row has outside backslash escapes: its column count + 1.
    fn table_pipes(line: &str) -> usize {
        let mut count = 0;
        let mut escaped = false;
        for c in line.chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '|' if !escaped => count += 1,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        count
    }

    /// Issue 9, point 7: what people type stays text in the attendance export.
    #[test]
    fn attendance_escapes_names_and_agreements() {
        let group = GroupSettings {
            name: "Team | Noord <script>alert(1)</script>".into(),
            agreements: "# Wat hier gezegd wordt, blijft hier.\n\n*Altijd* aanwezig, [link](x)."
                .into(),
            ..GroupSettings::default()
        };
        let rows = vec![
            ("Anouk | de Vries".to_owned(), 3, 270),
            ("Bram\nvan Dijk".to_owned(), 1, 90),
            ("<script>alert(2)</script>".to_owned(), 2, 180),
        ];
        let md = attendance_markdown(&group, &rows, Lang::En);
        assert!(
            !md.contains("<script>"),
            "raw HTML in Markdown would run: {md}"
        );
        assert!(md.contains("\\<script\\>alert(2)\\</script\\>"), "{md}");
        assert!(md.starts_with("# Team \\| Noord"), "{md}");
        assert!(
            md.contains("\n\\# Wat hier"),
            "no heading from the agreement: {md}"
        );
        assert!(
            md.contains("\\*Altijd\\*") && md.contains("\\[link\\](x)"),
            "{md}"
        );
        let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(table.len(), 2 + rows.len(), "one line per member: {md}");
        for line in &table {
            assert_eq!(table_pipes(line), 4, "three columns in {line:?}");
        }
        // A line break in a cell becomes " / "; "4.5" is escaped as a line start would be.
        assert!(md.contains("| Anouk \\| de Vries | 3 | 4\\.5 |"), "{md}");
        assert!(md.contains("| Bram / van Dijk | 1 | 1\\.5 |"), "{md}");
        // In Dutch the hours have a decimal comma; the headings stay in both languages.
        let md = attendance_markdown(&group, &rows, Lang::Nl);
        assert!(md.contains("| Anouk \\| de Vries | 3 | 4,5 |"), "{md}");
        assert!(
            md.contains("| naam / name | bijeenkomsten / meetings | uren / hours |"),
            "{md}"
        );
        assert!(md.contains("## Afspraken / Agreements"), "{md}");
    }

    /// Issue 9, point 7: a `|` or a line break typed into a meeting keeps its tables whole,
    /// and a placeholder in a (group-made) phase title is not filled.
    #[test]
    fn meeting_tables_keep_their_columns_and_titles_their_braces() {
        let (mut record, _) = sample();
        record.content.follow_ups[0].who = "Bram | Eva\nen Carla".into();
        record.phases[1].title = Text::new("Beeld {planned} | vorming", "Image {planned}");
        let md = meeting_markdown(&record, Lang::Nl);
        let mut tables = 0;
        let mut columns = None;
        for line in md.lines() {
            if line.starts_with('|') {
                let pipes = table_pipes(line);
                if line.starts_with("| ---") {
                    tables += 1;
                    columns = Some(pipes);
                }
                if let Some(columns) = columns {
                    assert_eq!(pipes, columns, "{line:?} in\n{md}");
                }
            } else {
                columns = None;
            }
        }
        assert!(tables >= 2, "{md}");
        assert!(md.contains("Bram \\| Eva / en Carla"), "{md}");
        assert!(
            md.contains("Tijdens Beeld \\{planned\\} \\| vorming: 10 min"),
            "{md}"
        );
        let html = meeting_html(&record, Lang::Nl);
        assert!(
            html.contains("Tijdens Beeld {planned} | vorming: 10 min"),
            "{html}"
        );
    }
}
