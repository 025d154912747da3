//! The room display: the calm, large screen the whole group sees.

use egui::{
    Align, CornerRadius, Frame, Layout, Margin, Rect, RichText, Stroke, Ui, UiBuilder, vec2,
};

use super::ring::ring_ui;
use super::theme::{self, Palette, room};
use crate::meeting::Step;
use crate::room::{BreakView, RoomItem, RoomTool, RoomView, StripItem, StripState};

/// The size unit of the room display: its height, unless the area is narrower than 16:9, in
/// which case the width decides, so that nothing runs off a 4:3 projector.
pub fn room_unit(rect: Rect) -> f32 {
    rect.height().min(rect.width() * 9.0 / 16.0)
}

/// Draws the whole room display into `rect`.
pub fn room_ui(ui: &mut Ui, rect: Rect, view: &RoomView, palette: &Palette) {
    let unit = room_unit(rect);
    let margin = 0.045 * unit;
    let inner = rect.shrink(margin);

    if let Some(on_break) = &view.on_break {
        break_ui(ui, inner, &view.protocol_name, on_break, palette, unit);
        return;
    }

    // Top line: where we are, and when we expect to end.
    let top_height = room::TOP_LINE * unit * 1.4;
    let top = Rect::from_min_size(inner.min, vec2(inner.width(), top_height));
    ui.scope_builder(UiBuilder::new().max_rect(top), |ui| {
        ui.horizontal(|ui| {
            let mut line = format!("{}  ·  {}", view.protocol_name, view.position);
            if let Some(people) = &view.people {
                line.push_str("  ·  ");
                line.push_str(people);
            }
            ui.label(
                RichText::new(line)
                    .font(theme::regular(room::TOP_LINE * unit))
                    .color(palette.muted),
            );
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(
                    RichText::new(&view.ends_around)
                        .font(theme::regular(room::TOP_LINE * unit))
                        .color(palette.muted),
                );
            });
        });
    });

    let strip_height = 0.03 * unit;
    let strip = Rect::from_min_size(
        inner.min + vec2(0.0, top_height + 0.012 * unit),
        vec2(inner.width(), strip_height),
    );
    strip_ui(ui, strip, &view.strip, palette, unit);

    let body_top = strip.bottom() + 0.05 * unit;
    let ring_size = room::RING * unit;
    let ring_column = ring_size + 0.06 * unit;
    let body = Rect::from_min_max(egui::pos2(inner.left(), body_top), inner.max);
    let text_column = Rect::from_min_max(
        body.min,
        egui::pos2(body.right() - ring_column, body.bottom()),
    );
    let ring_rect = Rect::from_center_size(
        egui::pos2(
            body.right() - ring_size / 2.0,
            body.top() + (body.height() / 2.0).max(ring_size / 2.0) - 0.02 * unit,
        ),
        vec2(ring_size, ring_size),
    );

    ui.scope_builder(
        UiBuilder::new()
            .max_rect(text_column)
            .layout(Layout::top_down(Align::Min)),
        |ui| {
            ui.spacing_mut().item_spacing.y = 0.018 * unit;
            step_indicator_ui(ui, view, palette, unit);
            ui.add_space(0.01 * unit);
            ui.add(
                egui::Label::new(
                    RichText::new(&view.title)
                        .font(theme::bold(room::TITLE * unit))
                        .color(palette.text),
                )
                .wrap(),
            );
            if let Some(case) = &view.chosen_case {
                ui.add(
                    egui::Label::new(
                        RichText::new(case)
                            .font(theme::bold(room::BODY * unit))
                            .color(palette.muted),
                    )
                    .wrap(),
                );
            }
            if let Some(notice) = &view.notice {
                let color = if view.notice_is_time_up {
                    palette.warning_text
                } else {
                    palette.text
                };
                ui.add(
                    egui::Label::new(
                        RichText::new(notice)
                            .font(theme::bold(room::PURPOSE * unit))
                            .color(color),
                    )
                    .wrap(),
                );
            }
            if let Some(guard) = &view.guard {
                Frame::new()
                    .fill(palette.guard_fill)
                    .stroke(Stroke::new(0.004 * unit, palette.guard_stroke))
                    .corner_radius(CornerRadius::same((0.012 * unit) as u8))
                    .inner_margin(Margin::symmetric(
                        (0.022 * unit) as i8,
                        (0.014 * unit) as i8,
                    ))
                    .show(ui, |ui| {
                        ui.add(
                            egui::Label::new(
                                RichText::new(guard)
                                    .font(theme::bold(room::GUARD * unit))
                                    .color(palette.text),
                            )
                            .wrap(),
                        );
                    });
            }
            let tool_showing = view.tool != RoomTool::None;
            if !view.purpose.is_empty() {
                // With a tool on the wall the purpose steps back a size.
                let size = if tool_showing {
                    room::BODY
                } else {
                    room::PURPOSE
                };
                ui.add(
                    egui::Label::new(
                        RichText::new(&view.purpose)
                            .font(theme::regular(size * unit))
                            .color(palette.text),
                    )
                    .wrap(),
                );
            }
            if !view.rules.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing = vec2(0.012 * unit, 0.012 * unit);
                    for rule in &view.rules {
                        badge_ui(ui, rule, palette, unit);
                    }
                });
            }
            for (role, instruction) in &view.roles {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{role}: {instruction}"))
                            .font(theme::regular(room::BODY * unit))
                            .color(palette.muted),
                    )
                    .wrap(),
                );
            }
            tool_ui(ui, &view.tool, palette, unit);
        },
    );

    ring_ui(ui, ring_rect, &view.ring, palette, unit);
}

fn break_ui(
    ui: &mut Ui,
    inner: Rect,
    protocol_name: &str,
    view: &BreakView,
    palette: &Palette,
    unit: f32,
) {
    let ring_size = room::RING * unit;
    let title_height = room::TITLE * unit * 1.3;
    ui.scope_builder(
        UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::top_down(Align::Center)),
        |ui| {
            ui.label(
                RichText::new(protocol_name)
                    .font(theme::regular(room::TOP_LINE * unit))
                    .color(palette.muted),
            );
            ui.label(
                RichText::new(&view.title)
                    .font(theme::bold(room::TITLE * unit))
                    .color(palette.text),
            );
        },
    );
    let ring_rect = Rect::from_center_size(
        egui::pos2(
            inner.center().x,
            inner.top() + title_height + 0.06 * unit + ring_size / 2.0,
        ),
        vec2(ring_size, ring_size),
    );
    ring_ui(ui, ring_rect, &view.ring, palette, unit);
    let line_rect = Rect::from_min_max(
        egui::pos2(inner.left(), ring_rect.bottom() + 0.03 * unit),
        inner.max,
    );
    ui.scope_builder(
        UiBuilder::new()
            .max_rect(line_rect)
            .layout(Layout::top_down(Align::Center)),
        |ui| {
            ui.label(
                RichText::new(&view.line)
                    .font(theme::regular(room::PURPOSE * unit))
                    .color(palette.text),
            );
        },
    );
}

/// The four steps of the phase, the current one marked.
fn step_indicator_ui(ui: &mut Ui, view: &RoomView, palette: &Palette, unit: f32) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.035 * unit;
        let shown = Step::ALL
            .iter()
            .zip(&view.step_labels)
            .filter(|(step, _)| **step != Step::Prepare || view.has_prepare);
        for (index, (step, label)) in shown.enumerate() {
            let current = *step == view.step;
            let text = RichText::new(format!("{}  {label}", index + 1)).font(if current {
                theme::bold(room::STEP * unit)
            } else {
                theme::regular(room::STEP * unit)
            });
            let response = ui.label(text.color(if current { palette.text } else { palette.muted }));
            if current {
                let bar = Rect::from_min_size(
                    response.rect.left_bottom() + vec2(0.0, 0.006 * unit),
                    vec2(response.rect.width(), 0.007 * unit),
                );
                ui.painter().rect_filled(bar, 0.0035 * unit, palette.accent);
            }
        }
    });
}

/// The whole protocol as a strip of segments, each as wide as its planned minutes.
fn strip_ui(ui: &mut Ui, rect: Rect, items: &[StripItem], palette: &Palette, unit: f32) {
    let total: f32 = items.iter().map(|i| i.minutes.max(1.0)).sum();
    let gap = 0.006 * unit;
    let usable = rect.width() - gap * (items.len().saturating_sub(1)) as f32;
    let painter = ui.painter_at(rect.expand(4.0));
    let mut x = rect.left();
    // A small fixed radius: egui draws corners up to 5 points with a quarter of the vertices,
    // and every vertex is rasterized again each second on a software-rendered projector PC.
    let radius = 4.0;
    for item in items {
        let width = usable * item.minutes.max(1.0) / total;
        let segment = Rect::from_min_size(egui::pos2(x, rect.top()), vec2(width, rect.height()));
        let (fill, stroke, text_color) = match item.state {
            StripState::Done => (palette.done_fill, Stroke::NONE, palette.muted),
            StripState::Current => (
                palette.badge_fill,
                Stroke::new(0.005 * unit, palette.accent),
                palette.text,
            ),
            StripState::Pending => (
                palette.background,
                Stroke::new(0.002 * unit, palette.badge_stroke),
                palette.muted,
            ),
            StripState::Skipped => (
                palette.background,
                Stroke::new(0.002 * unit, palette.track),
                palette.muted,
            ),
        };
        painter.rect(segment, radius, fill, stroke, egui::StrokeKind::Inside);
        let font = if item.state == StripState::Current {
            theme::bold(0.021 * unit)
        } else {
            theme::regular(0.021 * unit)
        };
        let galley = painter.layout_no_wrap(item.number.to_string(), font, text_color);
        if galley.size().x + 4.0 < width {
            let pos = segment.center() - galley.size() / 2.0;
            if item.state == StripState::Skipped {
                painter.line_segment(
                    [segment.left_center(), segment.right_center()],
                    Stroke::new(0.002 * unit, palette.muted),
                );
            }
            painter.galley(pos, galley, text_color);
        }
        x += width + gap;
    }
}

/// A meeting tool's public content: a list (problems with their dots, revealed advice,
/// subgroups, the decision, insights) or a single count.
fn tool_ui(ui: &mut Ui, tool: &RoomTool, palette: &Palette, unit: f32) {
    match tool {
        RoomTool::None => {}
        RoomTool::Count { text } => {
            ui.label(
                RichText::new(text)
                    .font(theme::bold(room::PURPOSE * 1.2 * unit))
                    .color(palette.text),
            );
        }
        RoomTool::List { heading, items } => {
            ui.label(
                RichText::new(heading)
                    .font(theme::bold(room::BODY * unit))
                    .color(palette.muted),
            );
            // Find the largest legible size and fewest columns at which the list fits, from
            // an estimate of each item's wrapped lines (Atkinson averages ~0.52 em a glyph).
            let available = ui.available_height().max(1.0);
            let width = ui.available_width().max(1.0);
            let gap = ui.spacing().item_spacing.y;
            let height_at = |size: f32, columns: usize| -> f32 {
                let column_width = (width / columns as f32 - size).max(size * 4.0);
                let lines = |text: &str, em: f32| {
                    ((text.chars().count() as f32 * 0.52 * em) / column_width)
                        .ceil()
                        .max(1.0)
                };
                let total: f32 = items
                    .iter()
                    .map(|i| {
                        lines(&i.text, size) * size * 1.3
                            + i.detail
                                .as_deref()
                                .map_or(0.0, |d| lines(d, size * 0.8) * size * 1.05)
                            + gap
                    })
                    .sum();
                total / columns as f32
            };
            let min_size = room::BODY * 0.8 * unit;
            let max_size = room::PURPOSE * unit;
            let mut choice = (min_size, 3);
            'search: for columns in 1..=3 {
                let mut size = max_size;
                while size >= min_size {
                    if height_at(size, columns) <= available {
                        choice = (size, columns);
                        break 'search;
                    }
                    size -= 0.002 * unit;
                }
            }
            let (size, columns) = choice;
            if columns == 1 {
                for item in items {
                    list_item_ui(ui, item, size, palette, unit);
                }
            } else {
                let per_column = items.len().div_ceil(columns);
                ui.columns(columns, |uis| {
                    for (column, chunk) in uis.iter_mut().zip(items.chunks(per_column)) {
                        for item in chunk {
                            list_item_ui(column, item, size, palette, unit);
                        }
                    }
                });
            }
        }
    }
}

fn list_item_ui(ui: &mut Ui, item: &RoomItem, size: f32, palette: &Palette, unit: f32) {
    ui.horizontal(|ui| {
        // A round marker, filled in the accent colour for what stands out (drawn, so no font
        // needs the glyph).
        let (marker, _) =
            ui.allocate_exact_size(egui::vec2(size * 0.6, size * 1.2), egui::Sense::hover());
        let (radius, color) = if item.emphasis {
            (size * 0.22, palette.accent)
        } else {
            (size * 0.12, palette.muted)
        };
        ui.painter().circle_filled(marker.center(), radius, color);
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing.y = 0.002 * unit;
            let font = if item.emphasis {
                theme::bold(size)
            } else {
                theme::regular(size)
            };
            ui.add(
                egui::Label::new(RichText::new(&item.text).font(font).color(palette.text)).wrap(),
            );
            if let Some(detail) = &item.detail {
                ui.add(
                    egui::Label::new(
                        RichText::new(detail)
                            .font(theme::regular(size * 0.8))
                            .color(palette.muted),
                    )
                    .wrap(),
                );
            }
        });
        if let Some(dots) = item.dots {
            dots_ui(ui, dots, size, palette);
        }
    });
}

/// Votes as dots, the way a group puts stickers on a flip-over, with the number beside them.
fn dots_ui(ui: &mut Ui, dots: u32, size: f32, palette: &Palette) {
    let radius = size * 0.22;
    let shown = dots.min(24);
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(shown as f32 * radius * 2.6, size),
        egui::Sense::hover(),
    );
    for i in 0..shown {
        let center = egui::pos2(
            rect.left() + radius * 1.3 + i as f32 * radius * 2.6,
            rect.center().y,
        );
        ui.painter().circle_filled(center, radius, palette.accent);
    }
    ui.label(
        RichText::new(dots.to_string())
            .font(theme::bold(size))
            .color(palette.text),
    );
}

fn badge_ui(ui: &mut Ui, text: &str, palette: &Palette, unit: f32) {
    // Start a new row when the whole badge does not fit on this one, rather than squeezing it.
    let font = theme::regular(room::BADGE * unit);
    let text_width = ui
        .painter()
        .layout_no_wrap(text.to_owned(), font, palette.text)
        .size()
        .x;
    let needed = text_width + 2.0 * (0.018 * unit) + 0.004 * unit;
    if needed > ui.available_width() && ui.available_width() < ui.max_rect().width() {
        ui.end_row();
    }
    Frame::new()
        .fill(palette.badge_fill)
        .stroke(Stroke::new(0.002 * unit, palette.badge_stroke))
        .corner_radius(CornerRadius::same((0.03 * unit).min(255.0) as u8))
        .inner_margin(Margin::symmetric(
            (0.018 * unit) as i8,
            (0.008 * unit) as i8,
        ))
        .show(ui, |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(text)
                        .font(theme::regular(room::BADGE * unit))
                        .color(palette.text),
                )
                .wrap(),
            );
        });
}
