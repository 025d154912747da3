//! The countdown ring: a calm circle that empties as time passes.

use egui::epaint::PathShape;
use egui::{Pos2, Rect, Stroke, Ui, vec2};

use super::theme::Palette;
use crate::room::{RingState, RingView};

/// Points on a full circle; an arc uses its share of them.
const FULL_CIRCLE_POINTS: usize = 180;

/// Draws the ring as a circle of outer diameter `diameter` around `center`, with a stroke
/// `width` wide. The time and the status word are real labels the wall puts in or beside it.
pub fn ring_ui(
    ui: &Ui,
    center: Pos2,
    diameter: f32,
    width: f32,
    view: &RingView,
    palette: &Palette,
) {
    let radius = diameter / 2.0 - width / 2.0;
    let painter =
        ui.painter_at(Rect::from_center_size(center, vec2(diameter, diameter)).expand(width));

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
