//! The group screen around the phases: the method explained, a calm welcome while the leader
//! notes who is here, and a calm closing screen after the meeting.

use egui::{Align, Layout, Rect, RichText, Ui, UiBuilder};

use super::theme::{self, Palette, room};
use crate::room::{CalmView, IntroView};

/// The method explained to the room: its structure and its goal. Returns the ui below the
/// text, so the leader's window can add its button there.
pub fn intro_wall_ui(
    ui: &mut Ui,
    rect: Rect,
    view: &IntroView,
    palette: &Palette,
    below: impl FnOnce(&mut Ui, f32),
) {
    // Sizes follow the window's height, as on the rest of the wall: no text below 2.5 %.
    let unit = rect.height();
    let inner = rect.shrink(0.04 * unit);
    ui.scope_builder(
        UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::top_down(Align::Min)),
        |ui| {
            ui.spacing_mut().item_spacing.y = 0.012 * unit;
            ui.label(
                RichText::new(&view.protocol_name)
                    .font(theme::regular(room::TEXT_MIN * unit))
                    .color(palette.muted),
            );
            ui.label(
                RichText::new(&view.title)
                    .font(theme::bold(room::TITLE * unit))
                    .color(palette.text),
            );
            ui.add(
                egui::Label::new(
                    RichText::new(&view.introduction)
                        .font(theme::regular(room::TEXT_MIN * unit))
                        .color(palette.text),
                )
                .wrap(),
            );
            ui.add_space(0.01 * unit);
            ui.label(
                RichText::new(&view.phases_heading)
                    .font(theme::bold(room::TEXT_MIN * unit))
                    .color(palette.text),
            );
            // Each phase whole on its line: "6." never parts from its title.
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 0.03 * unit;
                for phase in &view.phases {
                    ui.add(
                        egui::Label::new(
                            RichText::new(phase)
                                .font(theme::regular(room::TEXT_MIN * unit))
                                .color(palette.muted),
                        )
                        .extend(),
                    );
                }
            });
            ui.add_space(0.02 * unit);
            below(ui, unit);
        },
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
