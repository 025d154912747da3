//! The group screen around the phases: the method explained, a calm welcome while the leader
//! notes who is here, and a calm closing screen after the meeting.

use egui::{Align, Layout, Rect, RichText, Ui, UiBuilder};

use super::theme::{self, Palette, room};
use crate::room::{CalmView, IntroView};

/// The method explained to the room: its structure and its goal, flowed like the wall's
/// material so it fits any projector. `below` draws into the strip kept free at the bottom
/// (the leader's window puts its button there).
pub fn intro_wall_ui(
    ui: &mut Ui,
    rect: Rect,
    view: &IntroView,
    palette: &Palette,
    below: impl FnOnce(&mut Ui, f32),
) {
    let h = rect.height();
    let (strip, _pages) = super::room::intro_room_ui(ui, rect, view, palette);
    ui.scope_builder(
        UiBuilder::new()
            .max_rect(strip)
            .layout(Layout::right_to_left(Align::Center)),
        |ui| below(ui, h),
    );
}

/// A title and one line, centred and calm.
pub fn calm_wall_ui(ui: &mut Ui, rect: Rect, view: &CalmView, palette: &Palette) {
    let unit = rect.height();
    let inner = rect.shrink(0.04 * unit);
    ui.scope_builder(
        UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::top_down(Align::Center)),
        |ui| {
            ui.spacing_mut().item_spacing.y = 0.03 * unit;
            ui.label(
                RichText::new(&view.top_line)
                    .font(theme::regular(room::TEXT_MIN * unit))
                    .color(palette.muted),
            );
            ui.add_space(inner.height() * 0.25);
            ui.add(
                egui::Label::new(
                    RichText::new(&view.title)
                        .font(theme::bold(room::TITLE * unit))
                        .color(palette.text),
                )
                .wrap(),
            );
            ui.add(
                egui::Label::new(
                    RichText::new(&view.line)
                        .font(theme::regular(room::PURPOSE * unit))
                        .color(palette.muted),
                )
                .wrap(),
            );
        },
    );
}
