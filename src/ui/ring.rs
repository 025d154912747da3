//! The countdown ring: a calm circle that empties as time passes.

use egui::epaint::PathShape;
use egui::{Pos2, Rect, Stroke, Ui, vec2};

use super::theme::{self, Palette};
use crate::room::{RingState, RingView};

/// Points on a full circle; an arc uses its share of them.
const FULL_CIRCLE_POINTS: usize = 180;

/// Draws the ring centred in `rect` (a square), with the time and a status word as real labels
/// in its middle. `unit` is the room's size unit (its height).
pub fn ring_ui(ui: &mut Ui, rect: Rect, view: &RingView, palette: &Palette, unit: f32) {
    let center = rect.center();
    let width = theme::room::RING_WIDTH * unit;
    let radius = rect.width().min(rect.height()) / 2.0 - width / 2.0;
    let painter = ui.painter_at(rect.expand(width));

    painter.add(PathShape::closed_line(
        arc_points(center, radius, 1.0),
        Stroke::new(width, palette.track),
    ));
    let (color, fraction) = match view.state {
        RingState::Idle => (palette.idle, 1.0),
        RingState::Running => (palette.accent, view.fraction_left),
        RingState::Paused => (palette.idle, view.fraction_left),
        RingState::Overrun => (palette.overrun, 1.0),
    };
    if fraction >= 0.999 {
        painter.add(PathShape::closed_line(
            arc_points(center, radius, 1.0),
            Stroke::new(width, color),
        ));
    } else if fraction > 0.0 {
        painter.add(PathShape::line(
            arc_points(center, radius, fraction),
            Stroke::new(width, color),
        ));
    }

    let time_size = if view.state == RingState::Overrun {
        theme::room::TIME_OVERRUN
    } else {
        theme::room::TIME
    } * unit;
    let status_size = theme::room::RING_STATUS * unit;
    let time_rect = Rect::from_center_size(
        center - vec2(0.0, status_size * 0.55),
        vec2(radius * 2.0 - width, time_size * 1.1),
    );
    let status_rect = Rect::from_center_size(
        center + vec2(0.0, time_size * 0.5 + status_size * 0.3),
        vec2(radius * 1.6, status_size * 1.4),
    );
    ui.put(
        time_rect,
        egui::Label::new(
            egui::RichText::new(&view.time_text)
                .font(theme::bold(time_size))
                .color(palette.text),
        )
        .selectable(false),
    );
    ui.put(
        status_rect,
        egui::Label::new(
            egui::RichText::new(&view.status_text)
                .font(theme::regular(status_size))
                .color(palette.muted),
        )
        .selectable(false),
    );
}

/// Points of an arc that starts at twelve o'clock and runs clockwise for `fraction` of a turn.
fn arc_points(center: Pos2, radius: f32, fraction: f32) -> Vec<Pos2> {
    let full = fraction >= 0.999;
    let count = ((FULL_CIRCLE_POINTS as f32 * fraction).ceil() as usize).max(2);
    let steps = if full { count } else { count + 1 };
    (0..steps)
        .map(|i| {
            let t = if full {
                i as f32 / count as f32
            } else {
                fraction * i as f32 / count as f32
            };
            let angle = -std::f32::consts::FRAC_PI_2 + t * std::f32::consts::TAU;
            center + radius * vec2(angle.cos(), angle.sin())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arc_starts_at_twelve_and_runs_clockwise() {
        let points = arc_points(Pos2::ZERO, 10.0, 0.25);
        let first = points[0];
        let last = points[points.len() - 1];
        assert!(
            first.x.abs() < 1e-4 && (first.y + 10.0).abs() < 1e-4,
            "{first:?}"
        );
        assert!(
            (last.x - 10.0).abs() < 1e-3 && last.y.abs() < 1e-3,
            "{last:?}"
        );
    }
}
