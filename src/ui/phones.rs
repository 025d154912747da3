//! The join card: the link to the open meeting as a QR code and as text, on the wall (large,
//! for the room) and beside the leader's screen (with how many phones take part).

use egui::{Color32, Rect, RichText, Ui, UiBuilder, pos2, vec2};

use super::theme::{self, Palette};
use crate::i18n::PhoneStrings;
use crate::room::JoinCard;

/// The QR code's quiet zone, in modules (the standard asks for four).
const QUIET: usize = 4;

/// The share of the wall's height the card's column takes beside the wall.
pub const WALL_COLUMN: f32 = 0.34;

/// Draws the QR code as a square of side `side` at `min`: dark modules on white, whatever the
/// theme (a scanner wants dark on light).
fn qr_ui(ui: &Ui, min: egui::Pos2, side: f32, card: &JoinCard) {
    let painter = ui.painter();
    let square = Rect::from_min_size(min, vec2(side, side));
    painter.rect_filled(square, 4.0, Color32::WHITE);
    let modules = (card.width + 2 * QUIET) as f32;
    let size = side / modules;
    for (i, dark) in card.dark.iter().enumerate() {
        if !dark {
            continue;
        }
        let (x, y) = (
            (i % card.width + QUIET) as f32,
            (i / card.width + QUIET) as f32,
        );
        // A hair over a module, so no seams show between neighbours.
        let rect = Rect::from_min_size(
            pos2(min.x + x * size, min.y + y * size),
            vec2(size + 0.5, size + 0.5),
        );
        painter.rect_filled(rect, 0.0, Color32::BLACK);
    }
}

/// The card in a column of the wall, sized on the wall's height `h`.
pub fn wall_card_ui(ui: &mut Ui, rect: Rect, card: &JoinCard, s: &PhoneStrings, palette: &Palette) {
    let h = rect.height();
    let pad = 0.03 * h;
    let inner = rect.shrink(pad);
    ui.painter().rect_filled(rect, 0.0, palette.surface);
    ui.scope_builder(UiBuilder::new().max_rect(inner), |ui| {
        ui.set_width(inner.width());
        ui.label(
            RichText::new(s.phones_title)
                .font(theme::bold(0.035 * h))
                .color(palette.text),
        );
        ui.add_space(0.015 * h);
        let side = inner.width().min(0.55 * h);
        let (at, _) = ui.allocate_exact_size(vec2(side, side), egui::Sense::hover());
        qr_ui(ui, at.min, side, card);
        ui.add_space(0.015 * h);
        for (text, color) in [
            (s.phones_scan, palette.muted),
            (card.url.as_str(), palette.text),
            (s.phones_same_wifi, palette.muted),
        ] {
            ui.add(
                egui::Label::new(
                    RichText::new(text)
                        .font(theme::regular(0.026 * h))
                        .color(color),
                )
                .wrap(),
            );
        }
    });
}

/// The wall's area split: the wall on the left, the card's column on the right.
pub fn split_wall(rect: Rect) -> (Rect, Rect) {
    let width = (WALL_COLUMN * rect.height()).min(rect.width() * 0.4);
    let wall = Rect::from_min_max(rect.min, pos2(rect.right() - width, rect.bottom()));
    let column = Rect::from_min_max(pos2(rect.right() - width, rect.top()), rect.max);
    (wall, column)
}

/// Beside the leader's screen: the card, how many phones take part, or why phones are off.
pub fn leader_panel_ui(
    ui: &mut Ui,
    card: Option<&JoinCard>,
    error: Option<&str>,
    s: &PhoneStrings,
    palette: &Palette,
) {
    ui.label(RichText::new(s.phones_title).font(theme::bold(17.0)));
    if let Some(error) = error {
        ui.add(egui::Label::new(RichText::new(error).color(palette.warning_text)).wrap());
    }
    if let Some(card) = card {
        ui.label(s.phones_devices.n(card.devices));
        let side = ui.available_width().min(220.0);
        let (at, _) = ui.allocate_exact_size(vec2(side, side), egui::Sense::hover());
        qr_ui(ui, at.min, side, card);
        ui.label(RichText::new(s.phones_scan).color(palette.muted));
        ui.add(egui::Label::new(RichText::new(&card.url).monospace()).wrap());
    }
}
