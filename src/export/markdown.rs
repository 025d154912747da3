//! The document as Markdown (CommonMark with GFM tables); every text goes through
//! [`super::escape`].

use std::fmt::Write as _;

use super::doc::{Block, Doc};
use super::escape::{md_cell, md_line, md_text};

pub(super) fn render_markdown(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_line(&doc.title));
    md_fields(&mut out, &doc.meta);
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

pub(super) fn md_block(out: &mut String, block: &Block) {
    match block {
        Block::Para(text) => {
            let _ = writeln!(out, "{}", md_text(text, ""));
        }
        Block::Fields(fields) => md_fields(out, fields),
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

/// Label and value pairs, one list item each, the value's lines kept inside the item.
fn md_fields(out: &mut String, fields: &[(String, String)]) {
    for (label, value) in fields {
        let _ = writeln!(out, "- **{}:** {}", md_line(label), md_text(value, "  "));
    }
}
