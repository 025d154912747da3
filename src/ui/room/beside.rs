//! The wide layout: while the step shows only its own text, a large ring with the time stands
//! beside it, when that text fits one page beside it without breaking a word.

use std::sync::Arc;

use egui::{Galley, Painter, Pos2, Rect, Ui, pos2, vec2};

use super::blocks::Block;
use super::clock::put_in_ring;
use super::header::steps_block;
use super::layout::{Flowed, flow_into_columns};
use super::text::{breaks_a_word, put, text};
use crate::room::RoomView;
use crate::ui::ring::ring_ui;
use crate::ui::theme::{self, Palette, room};

/// The ring-beside layout, when the step's own text fits beside a large ring on one page.
pub(super) struct RingBeside {
    steps: Block,
    title: Arc<Galley>,
    column: Rect,
    flowed: Flowed,
    ring_center: Pos2,
    ring_diameter: f32,
    time: Arc<Galley>,
    status: Arc<Galley>,
}

#[expect(clippy::too_many_arguments)]
pub(super) fn ring_beside(
    painter: &Painter,
    view: &RoomView,
    palette: &Palette,
    h: f32,
    body: Rect,
    time: &Arc<Galley>,
    status: &Arc<Galley>,
    blocks: &dyn Fn(f32) -> Vec<Block>,
) -> Option<RingBeside> {
    let stroke = room::RING_WIDTH * h;
    let needed = time.size().x.max(status.size().x) + 2.0 * stroke + 0.06 * h;
    let diameter = (room::RING * h)
        .min(body.height())
        .min(0.45 * body.width())
        .max(needed);
    if diameter > 0.5 * body.width() || diameter > body.height() {
        return None;
    }
    let column_width = body.width() - diameter - 0.05 * h;
    let steps = steps_block(painter, view, palette, h, column_width);
    let title = text(
        painter,
        &view.title,
        theme::bold(room::TITLE * h),
        palette.text,
        column_width,
    );
    if steps.breaks_word || breaks_a_word(&title) {
        return None;
    }
    let top = body.top() + steps.size.y + 0.004 * h + title.size().y + 0.02 * h;
    let column = Rect::from_min_size(body.min, vec2(column_width, body.height()));
    let area = Rect::from_min_max(pos2(column.left(), top), column.max);
    let flowed = flow_into_columns(painter, area, h, palette, 0, blocks, 1..=1);
    if flowed.pages > 1 || flowed.flawed {
        return None;
    }
    let ring_center = pos2(
        body.right() - diameter / 2.0,
        body.top() + (body.height() / 2.0).max(diameter / 2.0) - 0.02 * h,
    );
    let ring_center = pos2(
        ring_center.x,
        ring_center
            .y
            .clamp(body.top() + diameter / 2.0, body.bottom() - diameter / 2.0),
    );
    Some(RingBeside {
        steps,
        title,
        column,
        flowed,
        ring_center,
        ring_diameter: diameter,
        time: time.clone(),
        status: status.clone(),
    })
}

impl RingBeside {
    pub(super) fn draw(
        self,
        ui: &mut Ui,
        painter: &Painter,
        view: &RoomView,
        palette: &Palette,
        h: f32,
    ) {
        self.steps.draw(ui, painter, self.column.min);
        put(
            ui,
            pos2(
                self.column.left(),
                self.column.top() + self.steps.size.y + 0.004 * h,
            ),
            self.title,
        );
        self.flowed.draw(ui, painter);
        ring_ui(
            ui,
            self.ring_center,
            self.ring_diameter,
            room::RING_WIDTH * h,
            &view.ring,
            palette,
        );
        if !view.ring.time_text.is_empty() {
            put_in_ring(ui, self.ring_center, self.time, self.status);
        }
    }
}
