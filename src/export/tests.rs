//! Tests of the exports: what reaches them, escaping, and the shape of both formats.

use std::collections::BTreeSet;

use rand::SeedableRng as _;

use super::*;
use crate::model::{
    AdviceMark, BreakRecord, FollowUp, GroupSettings, MeetingContent, Parts, PhaseOutcome,
    PhaseRecord, Question, QuestionFocus, QuestionKind, RECORD_FORMAT_VERSION, Text,
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
        parts: Default::default(),
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
                Lang::De => ("wird aufgegriffen", "suggestiv", "2 Mal"),
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
    let de = meeting_markdown(&record, Lang::De);
    assert!(
        de.contains("## Die Entscheidung der Fallgeberin oder des Fallgebers")
            && de.contains("## Nächste Schritte"),
        "{de}"
    );
    assert!(de.contains("Montag, 24. November 2025, 19:30 Uhr"), "{de}");
    assert!(
        de.contains("übersprungen") && de.contains("vorzeitig beendet"),
        "{de}"
    );
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
    // German pages say so, for hyphenation and screen readers.
    let german = meeting_html(&record, Lang::De);
    assert!(german.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
    assert!(german.contains("Protokoll einer Intervisionssitzung"));
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
        agreements: "# Wat hier gezegd wordt, blijft hier.\n\n*Altijd* aanwezig, [link](x).".into(),
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
    // In German the German heading comes first, the hours with a comma.
    let md = attendance_markdown(&group, &rows, Lang::De);
    assert!(md.contains("| Anouk \\| de Vries | 3 | 4,5 |"), "{md}");
    assert!(
        md.contains(
            "| Name / naam / name | Sitzungen / bijeenkomsten / meetings | Stunden / uren / hours |"
        ),
        "{md}"
    );
    assert!(
        md.contains("## Vereinbarungen / Afspraken / Agreements"),
        "{md}"
    );
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

/// Issue 12, point 5: an export of a protocol of steps says steps, in both languages and
/// both formats; one of phases says phases.
#[test]
fn an_export_says_the_protocols_word_for_its_parts() {
    let (mut record, _) = sample();
    for (parts, nl, en, de) in [
        (
            Parts::Phases,
            "Tijd per fase",
            "Time per phase",
            "Zeit pro Phase",
        ),
        (
            Parts::Steps,
            "Tijd per stap",
            "Time per step",
            "Zeit pro Schritt",
        ),
    ] {
        record.parts = parts;
        for (lang, word) in [(Lang::Nl, nl), (Lang::En, en), (Lang::De, de)] {
            for out in [meeting_markdown(&record, lang), meeting_html(&record, lang)] {
                assert!(out.contains(word), "{parts:?} {lang:?}");
            }
        }
    }
    let steps = meeting_markdown(&record, Lang::Nl);
    assert!(!steps.contains("per fase") && steps.contains("Notities per stap"));
}
