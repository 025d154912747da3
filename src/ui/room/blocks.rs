//! Blocks: the units of the wall's material that stay together, made of pieces drawn relative
//! to the block's place.

use std::sync::Arc;

use egui::{Color32, FontId, Galley, Painter, Pos2, Rect, Stroke, Ui, Vec2};

use super::text::{breaks_a_word, put, text};

/// Something drawn at a place relative to its block.
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
        let count = galley.rows.len();
        galley
            .rows
            .iter()
            .enumerate()
            .map(|(index, row)| {
                let line: String = row.glyphs.iter().map(|g| g.chr).collect();
                let mut block = Self::text(text(
                    painter,
                    line.trim_end(),
                    font.clone(),
                    color,
                    f32::INFINITY,
                ));
                block.breaks_word = breaks_word;
                block.joined_to_next = index + 1 < count;
                block
            })
            .collect()
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
