//! The attendance sheet: hours per member with the group's agreement, for registers.

use std::fmt::Write as _;

use super::super::doc::Block;
use super::super::escape::{md_line, md_text};
use super::super::markdown::md_block;
use crate::i18n::{DE, EN, NL, Strings, format_decimal};
use crate::model::{GroupSettings, Lang};

/// Attendance and hours per member, with the group's agreement, as Markdown: proof for
/// registers. `rows` are (name, meetings, minutes), as `History::attendance_hours` gives them.
/// Headings are in Dutch and English, as a register in either may read it, with German first
/// when `lang` is German (for a German register); the hours are written as in `lang` ("4,5"
/// in Dutch and German, "4.5" in English). Every name and the agreement
/// text go through the same escaping as a meeting export: a `|` in a name keeps the table's
/// columns, `<script>` stays text.
pub fn attendance_markdown(
    group: &GroupSettings,
    rows: &[(String, usize, i64)],
    lang: Lang,
) -> String {
    let both = |pick: fn(&Strings) -> &'static str| match lang {
        Lang::De => format!("{} / {} / {}", pick(&DE), pick(&NL), pick(&EN)),
        Lang::Nl | Lang::En => format!("{} / {}", pick(&NL), pick(&EN)),
    };
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
