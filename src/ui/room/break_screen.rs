//! The break: the protocol's name, the break's title, a large ring with the time left and one
//! line for the group, all centred.

use std::sync::Arc;

use egui::{Galley, Painter, Rect, Ui, pos2};

use super::clock::{clock_galleys, put_in_ring};
use super::text::{put, text};
use crate::room::BreakView;
use crate::ui::ring::ring_ui;
use crate::ui::theme::{self, Palette, room};

pub(super) fn break_ui(
    ui: &mut Ui,
    painter: &Painter,
    inner: Rect,
    protocol_name: &str,
    view: &BreakView,
    palette: &Palette,
    h: f32,
) {
    let width = inner.width();
    let name = text(
        painter,
        protocol_name,
        theme::regular(room::BODY * h),
        palette.muted,
        width,
    );
    let title = text(
        painter,
        &view.title,
        theme::bold(room::TITLE * h),
        palette.text,
        width,
    );
    let line = text(
        painter,
        &view.line,
        theme::regular(room::PURPOSE * h),
        palette.text,
        width,
    );
    let (time, status) = clock_galleys(painter, &view.ring, palette, h);
    let centered =
        |galley: &Arc<Galley>, top: f32| pos2(inner.center().x - galley.size().x / 2.0, top);
    let mut y = inner.top();
    put(ui, centered(&name, y), name.clone());
    y += name.size().y;
    put(ui, centered(&title, y), title.clone());
    y += title.size().y + 0.02 * h;
    let line_top = inner.bottom() - line.size().y;
    put(ui, centered(&line, line_top), line);
    let space = (line_top - 0.02 * h - y).max(0.0);
    let diameter = space
        .min(room::RING * h)
        .min(width)
        .max(time.size().x + 2.0 * room::RING_WIDTH * h + 0.04 * h);
    let center = pos2(inner.center().x, y + space / 2.0);
    ring_ui(
        ui,
        center,
        diameter,
        room::RING_WIDTH * h,
        &view.ring,
        palette,
    );
    put_in_ring(ui, center, time, status);
}
