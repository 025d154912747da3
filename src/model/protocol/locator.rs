//! Where things stand in a protocol file's text: fields, phases, lines and columns. The
//! parsed value has no positions; problems point at the author's text through this.

/// Finds where a field stands in a protocol's source, so validation problems can point at a
/// line and column although the parsed value has no positions.
pub(super) struct Locator<'a> {
    source: &'a str,
    /// Byte offsets of each phase's start (`Phase(` or the `(` that opens it).
    phase_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(source: &'a str) -> Self {
        let phases_at = find_field(source, 0, "phases");
        let mut phase_starts = Vec::new();
        if let Some(at) = phases_at {
            // Walk the list and record each top-level item's opening bracket.
            let mut depth = 0_i32;
            for (i, b) in CodeBytes::new(source, at) {
                match b {
                    b'[' | b'(' => {
                        depth += 1;
                        if depth == 2 && b == b'(' {
                            phase_starts.push(i);
                        }
                    }
                    b']' | b')' => {
                        depth -= 1;
                        if depth <= 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        Self {
            source,
            phase_starts,
        }
    }

    /// The byte offset of line `line`, column `col` (1-based, columns in characters).
    pub(super) fn offset(&self, line: usize, col: usize) -> usize {
        let line_start: usize = self
            .source
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let line_start = line_start.min(self.source.len());
        self.source[line_start..]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(self.source.len(), |(i, _)| line_start + i)
    }

    /// The phase (from 1) that line `line`, column `col` (1-based, as the parser counts) is
    /// in, if it is in one.
    pub(super) fn phase_at(&self, line: usize, col: usize) -> Option<usize> {
        let offset = self.offset(line, col);
        self.phase_starts
            .iter()
            .rposition(|&start| start <= offset)
            .map(|index| index + 1)
    }

    /// Line and column (1-based) of `field` in the protocol, or in phase `phase` (from 0)
    /// when given; `None` when it is not there.
    pub(super) fn find(&self, phase: Option<usize>, field: &str) -> Option<(usize, usize)> {
        let start = match phase {
            Some(i) => *self.phase_starts.get(i)?,
            None => 0,
        };
        let end = match phase {
            Some(i) => self.phase_starts.get(i + 1).copied(),
            None => None,
        }
        .unwrap_or(self.source.len());
        find_field(&self.source[..end], start, field).map(|at| line_col(self.source, at))
    }

    /// Line and column (1-based) of `field` in the protocol, or in phase `phase` when given.
    pub(super) fn field(&self, phase: Option<usize>, field: &str) -> (usize, usize) {
        let start = match phase {
            Some(i) => self.phase_starts.get(i).copied(),
            None => Some(0),
        };
        let end = match phase {
            Some(i) => self
                .phase_starts
                .get(i + 1)
                .copied()
                .unwrap_or(self.source.len()),
            None => self
                .phase_starts
                .first()
                .copied()
                .unwrap_or(self.source.len()),
        };
        let at = start
            .and_then(|s| find_field(&self.source[..end], s, field))
            .or(start)
            .unwrap_or(0);
        line_col(self.source, at)
    }
}

/// Byte offset of `name:` as a field name (not inside a string or comment) at or after `from`.
fn find_field(source: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    CodeBytes::new(source, from).map(|(i, _)| i).find(|&i| {
        // A match of the whole name starts and ends on character boundaries.
        bytes[i..].starts_with(name.as_bytes())
            && (i == 0 || !is_ident_byte(bytes[i - 1]))
            && source
                .get(i + name.len()..)
                .unwrap_or_default()
                .trim_start()
                .starts_with(':')
    })
}

/// The bytes of RON source from `from` on that are code: not inside a string, not a string's
/// quotes and not in a `//` comment. Both the phase walk and the field search read through it.
struct CodeBytes<'a> {
    bytes: &'a [u8],
    i: usize,
}

impl<'a> CodeBytes<'a> {
    fn new(source: &'a str, from: usize) -> Self {
        Self {
            bytes: source.as_bytes(),
            i: from,
        }
    }
}

impl Iterator for CodeBytes<'_> {
    type Item = (usize, u8);

    fn next(&mut self) -> Option<(usize, u8)> {
        let bytes = self.bytes;
        while let Some(&b) = bytes.get(self.i) {
            let at = self.i;
            self.i += 1;
            match b {
                b'"' => {
                    // Skip to the closing quote, past escaped characters.
                    while let Some(&c) = bytes.get(self.i) {
                        self.i += if c == b'\\' { 2 } else { 1 };
                        if c == b'"' {
                            break;
                        }
                    }
                }
                b'/' if bytes.get(self.i) == Some(&b'/') => {
                    while bytes.get(self.i).is_some_and(|&c| c != b'\n') {
                        self.i += 1;
                    }
                }
                _ => return Some((at, b)),
            }
        }
        None
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rfind('\n').map_or(before.chars().count(), |nl| {
        before[nl + 1..].chars().count()
    }) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Brackets and field names inside strings and comments are not the protocol's own: a
    /// problem must point at the real field, in the right phase.
    #[test]
    fn strings_and_comments_do_not_move_positions() {
        let source = "(\n  // minutes: in a comment\n  name: \"a (b\",\n  phases: [\n    (title: \"x \\\" ) minutes: 1\", minutes: 5),\n    // (not a phase)\n    Phase(minutes: 7),\n  ],\n)\n";
        let locator = Locator::new(source);
        assert_eq!(locator.phase_starts.len(), 2);
        assert_eq!(locator.find(Some(0), "minutes"), Some((5, 34)));
        assert_eq!(locator.find(Some(1), "minutes"), Some((7, 11)));
        assert_eq!(locator.find(None, "minutes"), Some((5, 34)));
        assert_eq!(locator.phase_at(7, 12), Some(2));
    }
}
