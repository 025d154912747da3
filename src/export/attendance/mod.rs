//! Proof of attendance for registers and training bodies (issue 14): a sign-in sheet per
//! meeting, a certificate per member over a period, the leader's logbook; as printable HTML
//! (A4), Markdown or CSV. And the older overview of hours per member (`totals`).
//!
//! The files: `figures` works out who was where for how long, `pages` puts that into pages
//! (title, fields, a table, lines to sign), `render` writes the pages as HTML or Markdown and
//! the rows as CSV.
//!
//! CSV, decided for the spreadsheets and registers' portals people paste into: UTF-8 with a
//! byte-order mark (so Excel reads accents right); the separator is `;` in a language that
//! writes a decimal comma (Dutch: what Excel there expects) and `,` otherwise; dates are ISO
//! (`2026-12-02`), times `19:30`; minutes are a whole number, hours have two decimals in the
//! language's own decimal sign; one row per meeting (per person for the sign-in sheets) and
//! no total row, so every row is data a portal or a spreadsheet can take as it is.

mod figures;
mod pages;
mod render;
#[cfg(test)]
mod tests;
mod totals;

pub use figures::{
    Attendee, Meeting, Person, Role, find_person, find_person_or_say, known_names, meetings_in,
    near_names,
};
pub use totals::attendance_markdown;

use jiff::civil::Date;

use crate::i18n::{fill, format_date, strings};
use crate::model::{GroupSettings, Lang, MeetingRecord};

/// A day as `YYYY-MM-DD`, or the sentence that says how to write it; `field` names where it
/// was typed (`--from`, or the field's label).
pub fn parse_day(lang: Lang, field: &str, text: &str) -> Result<Date, String> {
    Date::strptime("%Y-%m-%d", text.trim()).map_err(|_| {
        fill(
            strings(lang).attendance.bad_date,
            &[
                ("option", &field),
                ("value", &text),
                ("example", &"2026-12-02"),
            ],
        )
    })
}

/// What to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proof {
    /// A sign-in sheet for every meeting in the period (as CSV: one row per person per
    /// meeting).
    Sheets,
    /// A certificate of attendance for one person.
    Certificate(Person),
    /// The logbook of one leader: the meetings they led and co-led.
    Logbook(Person),
}

/// The formats proof comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProofFormat {
    Csv,
    Html,
    Markdown,
}

impl ProofFormat {
    pub const ALL: [Self; 3] = [Self::Html, Self::Csv, Self::Markdown];

    /// The format for a command-line word or a file extension.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "html" | "htm" => Some(Self::Html),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Html => "html",
            Self::Markdown => "md",
        }
    }
}

/// Everything a proof is made from.
#[derive(Clone, Copy, Debug)]
pub struct ProofInput<'a> {
    pub group: &'a GroupSettings,
    /// The group's meeting records, in any order.
    pub records: &'a [MeetingRecord],
    pub from: Date,
    pub to: Date,
    pub lang: Lang,
}

/// The proof asked for, in `format`. The error is a sentence in the input's language: no
/// meetings in the period (for that person).
pub fn proof(input: &ProofInput<'_>, what: &Proof, format: ProofFormat) -> Result<String, String> {
    let meetings = meetings_in(input.records, input.from, input.to);
    let w = strings(input.lang).attendance;
    let period = |template: &str, name: &str| {
        fill(
            template,
            &[
                ("group", &input.group.name),
                ("name", &name),
                ("from", &format_date(input.lang, input.from)),
                ("to", &format_date(input.lang, input.to)),
            ],
        )
    };
    let rows = match what {
        Proof::Sheets => None,
        Proof::Certificate(person) => Some(figures::certificate(&meetings, person)),
        Proof::Logbook(person) => Some(figures::logbook(&meetings, person)),
    };
    match (what, &rows) {
        (Proof::Sheets, _) if meetings.is_empty() => return Err(period(w.empty_period, "")),
        (Proof::Certificate(p), Some(rows)) if rows.is_empty() => {
            return Err(period(w.empty_for_member, &p.name));
        }
        (Proof::Logbook(p), Some(rows)) if rows.is_empty() => {
            return Err(period(w.empty_for_leader, &p.name));
        }
        _ => {}
    }
    let pages = match (what, rows) {
        (Proof::Certificate(person), Some(rows)) => {
            vec![pages::certificate(input, person, &rows)]
        }
        (Proof::Logbook(person), Some(rows)) => vec![pages::logbook(input, person, &rows)],
        _ => meetings.iter().map(|m| pages::sheet(input, m)).collect(),
    };
    Ok(match format {
        ProofFormat::Html => render::html(&pages, input.lang),
        ProofFormat::Markdown => render::markdown(&pages),
        ProofFormat::Csv => {
            let table = match what {
                Proof::Sheets => pages::sheets_csv(input, &meetings),
                Proof::Certificate(person) => {
                    pages::certificate_csv(input, person, &figures::certificate(&meetings, person))
                }
                Proof::Logbook(person) => {
                    pages::logbook_csv(input, &figures::logbook(&meetings, person))
                }
            };
            render::csv(&table, input.lang)
        }
    })
}
