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
            let bytes = source.as_bytes();
            let mut depth = 0_i32;
            let mut in_string = false;
            let mut i = at;
            while i < bytes.len() {
                let b = bytes[i];
                if in_string {
                    if b == b'\\' {
                        i += 1;
                    } else if b == b'"' {
                        in_string = false;
                    }
                } else {
                    match b {
                        b'"' => in_string = true,
                        b'/' if bytes.get(i + 1) == Some(&b'/') => {
                            while i < bytes.len() && bytes[i] != b'\n' {
                                i += 1;
                            }
                        }
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
                i += 1;
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
    let mut in_string = false;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if b == b'\\' {
                i += 1;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if bytes[i..].starts_with(name.as_bytes()) {
            // A match of the whole name starts and ends on character boundaries.
            let before_ok = i == 0 || !is_ident_byte(bytes[i - 1]);
            let rest = source
                .get(i + name.len()..)
                .unwrap_or_default()
                .trim_start();
            if before_ok && rest.starts_with(':') {
                return Some(i);
            }
        }
        i += 1;
    }
    None
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
