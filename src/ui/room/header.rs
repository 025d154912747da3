//! The header's parts: the phase's steps with the current one underlined, and the strip of the
//! whole protocol.

use egui::{Painter, Rect, Stroke, Ui, pos2, vec2};

use super::blocks::{Block, Piece};
use super::text::{breaks_a_word, text};
use crate::meeting::Step;
use crate::room::{RoomView, StripItem, StripState};
use crate::ui::theme::{self, Palette, room};

/// The four steps of the phase, the current one underlined; they wrap between steps.
pub(super) fn steps_block(
    painter: &Painter,
    view: &RoomView,
    palette: &Palette,
    h: f32,
    width: f32,
) -> Block {
    let shown = Step::ALL
        .iter()
        .zip(&view.step_labels)
        .filter(|(step, _)| **step != Step::Prepare || view.has_prepare);
    let items = shown
        .enumerate()
        .map(|(index, (step, label))| {
            let current = *step == view.step;
            let font = if current {
                theme::bold(room::BODY * h)
            } else {
                theme::regular(room::BODY * h)
            };
            let color = if current { palette.text } else { palette.muted };
            (
                text(
                    painter,
                    &format!("{}  {label}", index + 1),
                    font,
                    color,
                    width,
                ),
                current,
            )
        })
        .collect::<Vec<_>>();
    let gap = 0.035 * h;
    let bar = 0.007 * h;
    let mut block = Block::default();
    let (mut x, mut y, mut row_height) = (0.0_f32, 0.0_f32, 0.0_f32);
    for (galley, current) in items {
        let size = galley.size();
        if x > 0.0 && x + size.x > width {
            x = 0.0;
            y += row_height + 2.0 * bar;
            row_height = 0.0;
        }
        block.breaks_word |= breaks_a_word(&galley);
        if current {
            block.pieces.push(Piece::Bar {
                rect: Rect::from_min_size(pos2(x, y + size.y + 0.002 * h), vec2(size.x, bar)),
                color: palette.accent,
            });
        }
        block.pieces.push(Piece::Text {
            at: vec2(x, y),
            galley,
        });
        x += size.x + gap;
        row_height = row_height.max(size.y);
        block.size.x = block.size.x.max(x - gap);
    }
    block.size.y = y + row_height + 2.0 * bar;
    block.rows = (y / (row_height + 2.0 * bar)).round() as usize + 1;
    block
}

/// The whole protocol as a strip of segments, each as wide as its planned minutes.
pub(super) fn strip_ui(
    ui: &Ui,
    painter: &Painter,
    rect: Rect,
    items: &[StripItem],
    palette: &Palette,
    h: f32,
) {
    let total: f32 = items.iter().map(|i| i.minutes.max(1.0)).sum();
    let gap = 0.006 * h;
    let usable = rect.width() - gap * (items.len().saturating_sub(1)) as f32;
    let mut x = rect.left();
    // A small fixed radius: egui draws corners up to 5 points with a quarter of the vertices,
    // and every vertex is rasterized again each second on a software-rendered projector PC.
    let radius = 4.0;
    for item in items {
        let width = usable * item.minutes.max(1.0) / total;
        let segment = Rect::from_min_size(pos2(x, rect.top()), vec2(width, rect.height()));
        let (fill, stroke, text_color) = match item.state {
            StripState::Done => (palette.done_fill, Stroke::NONE, palette.muted),
            StripState::Current => (
                palette.badge_fill,
                Stroke::new(0.005 * h, palette.accent),
                palette.text,
            ),
            StripState::Pending => (
                palette.background,
                Stroke::new(0.002 * h, palette.badge_stroke),
                palette.muted,
            ),
            StripState::Skipped => (
                palette.background,
                Stroke::new(0.002 * h, palette.track),
                palette.muted,
            ),
        };
        painter.rect(segment, radius, fill, stroke, egui::StrokeKind::Inside);
        let font = if item.state == StripState::Current {
            theme::bold(room::TEXT_MIN * h)
        } else {
            theme::regular(room::TEXT_MIN * h)
        };
        let galley = painter.layout_no_wrap(item.number.to_string(), font, text_color);
        // The number only where it fits; the top line says "phase 3 of 9" anyway.
        if galley.size().x + 0.01 * h < width && galley.size().y <= segment.height() + 0.5 {
            if item.state == StripState::Skipped {
                painter.line_segment(
                    [segment.left_center(), segment.right_center()],
                    Stroke::new(0.002 * h, palette.muted),
                );
            }
            let size = galley.size();
            ui.painter().with_clip_rect(segment).galley(
                segment.center() - size / 2.0,
                galley,
                text_color,
            );
        }
        x += width + gap;
    }
}
