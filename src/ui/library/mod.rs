//! Outside the meeting: preparing a case, the group's history, the look back, the group itself.
//!
//! One file a home tab; here the field limits and the fields that keep to them, which the
//! meeting's tools use too.

mod cases;
mod correction;
mod group;
mod history;
mod reflection;
mod summary;

use egui::{RichText, TextEdit, Ui};

pub use self::cases::cases_ui;
pub use self::group::group_ui;
pub use self::history::history_ui;
pub use self::reflection::{look_back_plot_id, reflection_ui};

/// Longest text a single-line field takes; a paste of a megabyte is cut here, with a note.
pub const LINE_LIMIT: usize = 500;
/// Longest text a multi-line field takes.
pub const TEXT_LIMIT: usize = 20_000;

/// A labelled multi-line field with a length limit that says so when it is reached.
pub fn text_area(ui: &mut Ui, label: &str, text: &mut String, rows: usize) -> egui::Response {
    let label = ui.label(RichText::new(label).strong());
    let response = ui
        .add(
            TextEdit::multiline(text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY)
                .char_limit(TEXT_LIMIT),
        )
        .labelled_by(label.id);
    limit_note(ui, text, TEXT_LIMIT);
    response
}

/// Tells that a field is full, so a long paste that was cut off does not go unnoticed.
pub fn limit_note(ui: &mut Ui, text: &str, limit: usize) {
    if text.chars().count() >= limit {
        ui.label(
            RichText::new(format!("max. {limit}"))
                .small()
                .color(ui.visuals().warn_fg_color),
        );
    }
}
