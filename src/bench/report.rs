//! The table `kring bench` prints: figure, measured, budget, verdict.

/// What a row says about its budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    Over,
    /// A reference figure (the bare window, the floor) or a detail; no budget of its own.
    Info,
    /// Not measured, and why.
    Skipped(String),
}

impl Verdict {
    /// `ok` when `within`, `OVER` when not; a figure that could not be computed (NaN) is over.
    pub fn within(within: bool) -> Self {
        if within { Self::Ok } else { Self::Over }
    }

    fn text(&self) -> String {
        match self {
            Self::Ok => "ok".to_owned(),
            Self::Over => "OVER".to_owned(),
            Self::Info => "info".to_owned(),
            Self::Skipped(_) => "skipped".to_owned(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Row {
    pub figure: String,
    pub measured: String,
    pub budget: String,
    pub verdict: Verdict,
}

impl Row {
    pub fn new(
        figure: impl Into<String>,
        measured: impl Into<String>,
        budget: impl Into<String>,
        verdict: Verdict,
    ) -> Self {
        Self {
            figure: figure.into(),
            measured: measured.into(),
            budget: budget.into(),
            verdict,
        }
    }

    /// A row for a figure that was not measured.
    pub fn skipped(figure: impl Into<String>, budget: impl Into<String>, why: &str) -> Self {
        Self::new(
            figure,
            format!("skipped: {why}"),
            budget,
            Verdict::Skipped(why.to_owned()),
        )
    }
}

/// The rows as a Markdown table with aligned columns (it reads as plain text as well).
pub fn table(rows: &[Row]) -> String {
    let header = ["figure", "measured", "budget", "verdict"];
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|r| {
            [
                r.figure.clone(),
                r.measured.clone(),
                r.budget.clone(),
                r.verdict.text(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    let mut out = line(header);
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    out.push_str(&format!("|-{}-|\n", rule.join("-|-")));
    for row in &cells {
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3]]));
    }
    out
}

/// Milliseconds with a sensible number of decimals.
pub fn ms(value: f64) -> String {
    if !value.is_finite() {
        "n/a".to_owned()
    } else if value < 10.0 {
        format!("{value:.2} ms")
    } else if value < 100.0 {
        format!("{value:.1} ms")
    } else {
        format!("{value:.0} ms")
    }
}

/// KiB as MB (10^6 bytes), as `ps` and most people read memory.
pub fn mb(kib: u64) -> String {
    format!("{:.1} MB", kib as f64 * 1024.0 / 1e6)
}

/// The median of some values (the lower middle one for an even count); NaN when empty.
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n => sorted.get((n - 1) / 2).copied().unwrap_or(f64::NAN),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lines_up_and_says_over() {
        let rows = [
            Row::new("start-up", "120 ms", "≤ 1.2 × bare", Verdict::Ok),
            Row::new("search", "80 ms", "< 50 ms", Verdict::Over),
            Row::skipped("CPU", "< 1 %", "no Xvfb"),
        ];
        let text = table(&rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5);
        let width = lines[0].chars().count();
        assert!(lines.iter().all(|l| l.chars().count() == width), "{text}");
        assert!(lines[3].contains("OVER"));
        assert!(lines[4].contains("skipped: no Xvfb"));
    }

    #[test]
    fn median_takes_the_middle() {
        assert_eq!(median(&[5.0, 1.0, 3.0]), 3.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.0);
        assert!(median(&[]).is_nan());
    }
}
