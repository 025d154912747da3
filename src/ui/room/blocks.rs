//! Blocks: the units of the wall's material that stay together, made of pieces drawn relative
//! to the block's place.

use std::sync::Arc;

use egui::{Color32, FontId, Galley, Painter, Pos2, Rect, Stroke, Ui, Vec2};

use super::text::{breaks_a_word, put, text};

/// Something drawn at a place relative to its block.
#[derive(Clone)]
pub(super) enum Piece {
    Text {
        at: Vec2,
        galley: Arc<Galley>,
    },
    Dot {
        at: Vec2,
        radius: f32,
        color: Color32,
    },
    Bar {
        rect: Rect,
        color: Color32,
    },
    Frame {
        rect: Rect,
        fill: Color32,
        stroke: Stroke,
    },
}

/// A unit of the wall's material that stays together: a paragraph, the rules, a list item.
#[derive(Default)]
pub(super) struct Block {
    pub(super) size: Vec2,
    pub(super) pieces: Vec<Piece>,
    /// A heading: it goes to the next column with the first item under it.
    pub(super) keep_with_next: bool,
    /// Some word did not fit the width and was broken (only when a single word is wider).
    pub(super) breaks_word: bool,
    /// The next block goes on this one's paragraph: no space between them.
    pub(super) joined_to_next: bool,
    /// Rows of the steps (for the header).
    pub(super) rows: usize,
    /// The same block a line at a time (the lines joined), for when it is taller than a
    /// column; empty when it has no lines to part at.
    pub(super) lines: Vec<Block>,
}

impl Block {
    pub(super) fn text(galley: Arc<Galley>) -> Self {
        Self {
            size: galley.size(),
            breaks_word: breaks_a_word(&galley),
            pieces: vec![Piece::Text {
                at: Vec2::ZERO,
                galley,
            }],
            keep_with_next: false,
            joined_to_next: false,
            rows: 0,
            lines: Vec::new(),
        }
    }

    /// A paragraph: one block, or one block a line when it is long, so that it can go on in
    /// the next column or on the next page rather than run off the bottom.
    pub(super) fn paragraph(
        painter: &Painter,
        content: &str,
        font: FontId,
        color: Color32,
        width: f32,
    ) -> Vec<Self> {
        let galley = text(painter, content, font.clone(), color, width);
        if galley.rows.len() <= 3 {
            return vec![Self::text(galley)];
        }
        let breaks_word = breaks_a_word(&galley);
        let mut lines: Vec<Self> = row_galleys(painter, &galley, &font, color)
            .into_iter()
            .map(|line| {
                let mut block = Self::text(line);
                block.breaks_word = breaks_word;
                block.joined_to_next = true;
                block
            })
            .collect();
        if let Some(last) = lines.last_mut() {
            last.joined_to_next = false;
        }
        lines
    }

    /// Blocks taller than `height` replaced by their lines, where they have them.
    pub(super) fn split_taller_than(blocks: Vec<Self>, height: f32) -> Vec<Self> {
        let mut out = Vec::with_capacity(blocks.len());
        for mut block in blocks {
            if block.size.y > height && !block.lines.is_empty() {
                let mut lines = std::mem::take(&mut block.lines);
                if let Some(last) = lines.last_mut() {
                    last.joined_to_next = block.joined_to_next;
                    last.keep_with_next = block.keep_with_next;
                }
                out.extend(lines);
            } else {
                out.push(block);
            }
        }
        out
    }

    pub(super) fn draw(&self, ui: &mut Ui, painter: &Painter, origin: Pos2) {
        for piece in &self.pieces {
            match piece {
                Piece::Text { .. } => {}
                Piece::Dot { at, radius, color } => {
                    painter.circle_filled(origin + *at, *radius, *color);
                }
                Piece::Bar { rect, color } => {
                    painter.rect_filled(
                        rect.translate(origin.to_vec2()),
                        rect.height() / 2.0,
                        *color,
                    );
                }
                Piece::Frame { rect, fill, stroke } => {
                    painter.rect(
                        rect.translate(origin.to_vec2()),
                        4.0,
                        *fill,
                        *stroke,
                        egui::StrokeKind::Inside,
                    );
                }
            }
        }
        // Text last, as labels, over the frames.
        for piece in &self.pieces {
            if let Piece::Text { at, galley } = piece {
                put(ui, origin + *at, galley.clone());
            }
        }
    }
}

/// Each row of `galley` as a galley of its own, in the same font and colour.
pub(super) fn row_galleys(
    painter: &Painter,
    galley: &Galley,
    font: &FontId,
    color: Color32,
) -> Vec<Arc<Galley>> {
    galley
        .rows
        .iter()
        .map(|row| {
            let line: String = row.glyphs.iter().map(|g| g.chr).collect();
            text(painter, line.trim_end(), font.clone(), color, f32::INFINITY)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sized(height: f32) -> Block {
        Block {
            size: Vec2::new(100.0, height),
            ..Block::default()
        }
    }

    #[test]
    fn only_a_block_taller_than_a_column_goes_a_line_at_a_time() {
        let lines = || {
            let mut lines = vec![sized(100.0), sized(100.0), sized(100.0)];
            for line in &mut lines[..2] {
                line.joined_to_next = true;
            }
            lines
        };
        let tall = Block {
            keep_with_next: true,
            lines: lines(),
            ..sized(300.0)
        };
        let short = Block {
            lines: lines(),
            ..sized(150.0)
        };
        let no_lines = sized(400.0);
        let out = Block::split_taller_than(vec![tall, short, no_lines], 200.0);
        let heights: Vec<f32> = out.iter().map(|b| b.size.y).collect();
        assert_eq!(heights, [100.0, 100.0, 100.0, 150.0, 400.0]);
        assert!(out[0].joined_to_next && out[1].joined_to_next);
        assert!(
            !out[2].joined_to_next && out[2].keep_with_next,
            "the last line carries what the whole block had"
        );
    }
}
