//! Summaries of a meeting for people: Markdown, and a printable HTML page.
//!
//! Both are made from one document (`doc::Doc`) built from the [`MeetingRecord`] alone, so
//! they say the same things and nothing else: the record has no scratchpad and no advice
//! authors, so neither can reach an export. Every text from the record is escaped for the
//! format it goes into.
//!
//! The files: `doc` builds the document (what is said, in which order), `markdown` and
//! `html` write it out, `escape` is the one escaping path, `attendance` is the attendance
//! sheet for registers.

mod attendance;
mod doc;
mod escape;
mod html;
mod markdown;
#[cfg(test)]
mod tests;

pub use attendance::{
    Attendee, Meeting, Person, Proof, ProofFormat, ProofInput, Role, attendance_markdown,
    find_person, find_person_or_say, known_names, meetings_in, near_names, parse_day, proof,
};
pub use escape::escape_html;

use crate::model::{Lang, MeetingRecord};
use doc::document;
use html::render_html;
use markdown::render_markdown;

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
