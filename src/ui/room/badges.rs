//! The phase's rules as badges: framed, side by side where they fit, one block a row.

use egui::{Painter, Rect, Stroke, pos2, vec2};

use super::blocks::{Block, Piece};
use super::text::{breaks_a_word, text};
use crate::ui::theme::{self, Palette, room};

/// The phase's rules as badges, side by side where they fit, each wrapping between words.
pub(super) fn badges_blocks(
    painter: &Painter,
    rules: &[String],
    palette: &Palette,
    h: f32,
    width: f32,
) -> Vec<Block> {
    let pad = vec2(0.018 * h, 0.008 * h);
    let gap = 0.012 * h;
    // One block a row of badges, so the rows can go on in the next column.
    let mut rows = vec![Block::default()];
    let mut x = 0.0_f32;
    for rule in rules {
        let galley = text(
            painter,
            rule,
            theme::regular(room::BODY * h),
            palette.text,
            width - 2.0 * pad.x,
        );
        let size = galley.size() + 2.0 * pad;
        if x > 0.0 && x + size.x > width {
            x = 0.0;
            rows.push(Block::default());
        }
        let Some(row) = rows.last_mut() else {
            continue;
        };
        row.breaks_word |= breaks_a_word(&galley);
        row.pieces.push(Piece::Frame {
            rect: Rect::from_min_size(pos2(x, 0.0), size),
            fill: palette.badge_fill,
            stroke: Stroke::new(0.002 * h, palette.badge_stroke),
        });
        row.pieces.push(Piece::Text {
            at: vec2(x, 0.0) + pad,
            galley,
        });
        x += size.x + gap;
        row.size.x = row.size.x.max(x - gap);
        row.size.y = row.size.y.max(size.y);
    }
    let count = rows.len();
    for (index, row) in rows.iter_mut().enumerate() {
        if index + 1 < count {
            row.joined_to_next = true;
            row.size.y += gap;
        }
    }
    rows
}
