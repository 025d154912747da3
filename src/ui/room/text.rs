//! Text on the wall: laid out to wrap between words, checked for broken words, and put as a
//! real label.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Color32, FontId, Galley, Painter, Pos2, Rect, Ui};

/// Text laid out to wrap between words at `width`.
pub(super) fn text(
    painter: &Painter,
    text: &str,
    font: FontId,
    color: Color32,
    width: f32,
) -> Arc<Galley> {
    painter.layout_job(LayoutJob::simple(text.to_owned(), font, color, width))
}

/// Whether the layout broke a word over two lines (egui does that only when a single word is
/// wider than the line).
pub fn breaks_a_word(galley: &Galley) -> bool {
    galley.rows.windows(2).any(|pair| {
        !pair[0].ends_with_newline
            && pair[0]
                .glyphs
                .last()
                .is_some_and(|g| g.chr.is_alphanumeric())
            && pair[1]
                .glyphs
                .first()
                .is_some_and(|g| g.chr.is_alphanumeric())
    })
}

/// A real label (screen readers and tests find it) at exactly this place.
pub(super) fn put(ui: &mut Ui, at: Pos2, galley: Arc<Galley>) {
    if galley.is_empty() {
        return;
    }
    let rect = Rect::from_min_size(at, galley.size());
    ui.put(rect, egui::Label::new(galley).selectable(false));
}
