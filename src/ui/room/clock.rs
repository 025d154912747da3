//! The countdown and its status word: laid out the same on every screen, and put in the middle
//! of a large ring.

use std::sync::Arc;

use egui::{Galley, Painter, Pos2, Ui, pos2};

use super::text::{put, text};
use crate::room::RingView;
use crate::ui::theme::{self, Palette, room};

/// The time left (large) and the status word under it, each on one line.
pub(super) fn clock_galleys(
    painter: &Painter,
    ring: &RingView,
    palette: &Palette,
    h: f32,
) -> (Arc<Galley>, Arc<Galley>) {
    let time = text(
        painter,
        &ring.time_text,
        theme::bold(room::TIME * h),
        palette.text,
        f32::INFINITY,
    );
    let status = text(
        painter,
        &ring.status_text,
        theme::regular(room::BODY * h),
        palette.muted,
        f32::INFINITY,
    );
    (time, status)
}

/// The time and the status word centred on `center`, the word tucked under the digits.
pub(super) fn put_in_ring(ui: &mut Ui, center: Pos2, time: Arc<Galley>, status: Arc<Galley>) {
    let time_size = time.size();
    let status_size = status.size();
    let time_top = center.y - (time_size.y + status_size.y * 0.6) / 2.0;
    let status_top = time_top + time_size.y - status_size.y * 0.4;
    put(ui, pos2(center.x - time_size.x / 2.0, time_top), time);
    put(ui, pos2(center.x - status_size.x / 2.0, status_top), status);
}
