//! The document as one self-contained, printable HTML page (inline CSS, no scripts); every
//! text goes through [`escape_html`].

use std::fmt::Write as _;

use super::doc::{Block, Doc};
use super::escape::escape_html;
use crate::model::Lang;

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

pub(super) fn render_html(doc: &Doc, lang: Lang) -> String {
    let code = match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
        Lang::De => "de",
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
        html_field(&mut out, label, value);
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
                html_field(out, label, value.trim());
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

/// One label and value of a `<dl>`.
fn html_field(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{}</dd>",
        escape_html(label),
        escape_html(value)
    );
}
