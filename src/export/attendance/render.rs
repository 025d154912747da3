//! The attendance pages written out: printable HTML (A4, whole pages, a table's head on every
//! page, no row split over two pages), Markdown, and CSV through the `csv` crate (RFC 4180
//! quoting).

use std::fmt::Write as _;

use super::super::doc::Block;
use super::super::escape::{escape_html, md_line};
use super::super::markdown::md_block;
use super::pages::{CsvTable, Page};
use crate::i18n::format_decimal;
use crate::model::Lang;

const CSS: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0; padding: 2rem 1.5rem; background: #ffffff; color: #1f2328;
  font-family: "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", system-ui, -apple-system,
    "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.45;
}
section.page { max-width: 52rem; margin: 0 auto 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.8rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 0.8rem; }
dt { font-weight: 700; }
dd { margin: 0; white-space: pre-line; }
p { margin: 0.5rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
  border-bottom: 1px solid #8c959f; white-space: pre-line; }
th { border-bottom: 2px solid #1f2328; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.d { white-space: nowrap; }
td.sign, th.sign { width: 34%; }
td.sign { height: 2.6rem; }
tr.total td { font-weight: 700; border-top: 2px solid #1f2328; border-bottom: none; }
.signlines { margin-top: 1.6rem; }
.signline { display: flex; align-items: flex-end; gap: 0.8rem; margin-top: 1.6rem; }
.signline span { white-space: nowrap; }
.signline i { flex: 1; border-bottom: 1px solid #1f2328; height: 1.4rem; }
footer { margin-top: 1.2rem; color: #424a53; font-size: 0.85em; }
@media print {
  @page { size: A4; margin: 15mm 15mm 16mm; }
  body { padding: 0; font-size: 10.5pt; color: #000000; }
  section.page { max-width: none; margin: 0; }
  section.page + section.page { break-before: page; page-break-before: always; }
  tr, .signline, dl, h2 { break-inside: avoid; page-break-inside: avoid; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  .signlines { break-inside: avoid; page-break-inside: avoid; }
  footer { color: #000000; }
}
"#;

/// The pages as one self-contained HTML document: inline CSS, no scripts, no outside files;
/// every text escaped. Each page starts on a new sheet of paper.
pub(super) fn html(pages: &[Page], lang: Lang) -> String {
    let code = format!("{lang:?}").to_lowercase();
    let title = pages.first().map(|p| p.title.as_str()).unwrap_or("");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Kring\">\n<title>{}</title>\n<style>{CSS}</style>\n\
         </head>\n<body>\n",
        escape_html(title)
    );
    for page in pages {
        html_page(&mut out, page);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn html_page(out: &mut String, page: &Page) {
    let _ = writeln!(
        out,
        "<section class=\"page\">\n<h1>{}</h1>\n<dl>",
        escape_html(&page.title)
    );
    for (label, value) in &page.fields {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape_html(label),
            escape_html(value)
        );
    }
    out.push_str("</dl>\n");
    if let Some(intro) = &page.intro {
        let _ = writeln!(out, "<p>{}</p>", escape_html(intro));
    }
    let class = |n: usize| {
        if page.numeric.contains(&n) {
            " class=\"n\""
        } else if page.nowrap.contains(&n) {
            " class=\"d\""
        } else if page.sign_column && n + 1 == page.head.len() {
            " class=\"sign\""
        } else {
            ""
        }
    };
    out.push_str("<table>\n<thead><tr>");
    for (n, head) in page.head.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(n), escape_html(head));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &page.rows {
        out.push_str("<tr>");
        for (n, cell) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(n), escape_html(cell));
        }
        out.push_str("</tr>\n");
    }
    if let Some(total) = &page.total {
        out.push_str("<tr class=\"total\">");
        for (n, cell) in total.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(n), escape_html(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(((heading, first), rest)) = page.agreement.split_first() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<p>{}</p>",
            escape_html(heading),
            escape_html(first)
        );
        if !rest.is_empty() {
            out.push_str("<dl>\n");
            for (label, value) in rest {
                let _ = writeln!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    escape_html(label),
                    escape_html(value)
                );
            }
            out.push_str("</dl>\n");
        }
    }
    if !page.sign_lines.is_empty() {
        out.push_str("<div class=\"signlines\">\n");
        for label in &page.sign_lines {
            let _ = writeln!(
                out,
                "<div class=\"signline\"><span>{}</span><i></i></div>",
                escape_html(label)
            );
        }
        out.push_str("</div>\n");
    }
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</section>",
        escape_html(&page.footer)
    );
}

/// The pages as Markdown: each a heading, its fields, the table (with the total) and the
/// lines to sign, separated by a rule.
pub(super) fn markdown(pages: &[Page]) -> String {
    let mut out = String::new();
    for (n, page) in pages.iter().enumerate() {
        if n > 0 {
            out.push_str("\n---\n\n");
        }
        let _ = writeln!(out, "# {}\n", md_line(&page.title));
        md_block(&mut out, &Block::Fields(page.fields.clone()));
        out.push('\n');
        if let Some(intro) = &page.intro {
            md_block(&mut out, &Block::Para(intro.clone()));
            out.push('\n');
        }
        let mut rows = page.rows.clone();
        rows.extend(page.total.clone());
        md_block(
            &mut out,
            &Block::Table {
                head: page.head.clone(),
                rows,
                total_row: page.total.is_some(),
            },
        );
        if let Some(((heading, first), rest)) = page.agreement.split_first() {
            let _ = writeln!(out, "\n## {}\n", md_line(heading));
            md_block(&mut out, &Block::Para(first.clone()));
            if !rest.is_empty() {
                out.push('\n');
                md_block(&mut out, &Block::Fields(rest.to_vec()));
            }
        }
        if !page.sign_lines.is_empty() {
            out.push('\n');
            for label in &page.sign_lines {
                let _ = writeln!(out, "{}: ______________________________\n", md_line(label));
            }
        }
        let _ = writeln!(out, "\n_{}_", md_line(&page.footer));
    }
    out
}

/// The separator a spreadsheet in this language expects: `;` where the decimal sign is a
/// comma (Dutch Excel), `,` otherwise.
pub fn csv_separator(lang: Lang) -> u8 {
    if format_decimal(lang, 0.5, 1).contains(',') {
        b';'
    } else {
        b','
    }
}

/// The table as CSV: UTF-8 with a byte-order mark, [`csv_separator`], RFC 4180 quoting
/// (a field with the separator, a quote or a line break is quoted, quotes doubled), lines
/// ending in CRLF.
pub(super) fn csv(table: &CsvTable, lang: Lang) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(csv_separator(lang))
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into memory cannot fail; a row of another length would be a fault here, and
    // every row is built from the head's columns.
    for row in std::iter::once(&table.head).chain(&table.rows) {
        if let Err(err) = writer.write_record(row) {
            log::error!("attendance CSV row not written: {err}");
        }
    }
    let bytes = writer.into_inner().unwrap_or_else(|err| {
        log::error!("attendance CSV not finished: {err}");
        Vec::new()
    });
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}
