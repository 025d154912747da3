//! The introduction of the method on the group screen: the protocol's name and the title on
//! top, then its explanation and its phases flowed like the wall's material (columns, then
//! pages), so that it fits any projector at the wall's sizes.

use egui::{Pos2, Rect, Ui, vec2};

use super::blocks::Block;
use super::layout::flow_into;
use super::text::{put, text};
use crate::room::IntroView;
use crate::ui::theme::{self, Palette, room};

/// Draws the introduction into `rect`. Returns the free strip at the right of the top line
/// (the leader's window puts its button there) and how many pages the text needed (one on
/// every shipped protocol and projector: a test checks it).
pub fn intro_room_ui(
    ui: &mut Ui,
    rect: Rect,
    view: &IntroView,
    palette: &Palette,
) -> (Rect, usize) {
    let h = rect.height();
    let inner = rect.shrink(0.04 * h);
    let painter = ui.painter_at(rect);
    let top = text(
        &painter,
        &view.protocol_name,
        theme::regular(room::TEXT_MIN * h),
        palette.muted,
        inner.width(),
    );
    let top_height = top.size().y;
    put(ui, inner.min, top);
    let title = text(
        &painter,
        &view.title,
        theme::bold(room::TITLE * h),
        palette.text,
        inner.width(),
    );
    let title_at = inner.min + vec2(0.0, top_height + 0.01 * h);
    let title_height = title.size().y;
    put(ui, title_at, title);
    let material_top = title_at.y + title_height + 0.02 * h;
    let area = Rect::from_min_max(Pos2::new(inner.left(), material_top), inner.max);
    let blocks = |width: f32| {
        let mut blocks = Block::paragraph(
            &painter,
            &view.introduction,
            theme::regular(room::TEXT_MIN * h),
            palette.text,
            width,
        );
        // The phases as one paragraph (no gap between them), each number held to its title
        // by a non-breaking space: "6." never ends a line.
        let phases: Vec<String> = view
            .phases
            .iter()
            .map(|p| p.replacen(". ", ".\u{a0}", 1))
            .collect();
        blocks.extend(Block::paragraph(
            &painter,
            &format!("{}: {}", view.phases_heading, phases.join("   ·   ")),
            theme::regular(room::TEXT_MIN * h),
            palette.muted,
            width,
        ));
        blocks
    };
    let flowed = flow_into(&painter, area, h, palette, 0, &blocks);
    flowed.draw(ui, &painter);
    let strip = Rect::from_min_max(
        Pos2::new(inner.center().x, inner.top()),
        Pos2::new(inner.right(), inner.top() + top_height),
    );
    (strip, flowed.pages)
}
