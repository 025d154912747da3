//! The material below the title in reading order: the chosen case, a notice, the guard, the
//! rules, the phase's purpose and roles, and the tool (a count or a list of items).

use egui::{Painter, Pos2, Rect, Stroke, vec2};

use super::badges::badges_blocks;
use super::blocks::{Block, Piece, row_galleys};
use super::text::{breaks_a_word, text};
use crate::room::{RoomItem, RoomTool, RoomView};
use crate::ui::theme::{self, Palette, room};

/// The material below the title, in reading order, laid out for a column `width` wide.
pub(super) fn material_blocks(
    painter: &Painter,
    view: &RoomView,
    palette: &Palette,
    h: f32,
    width: f32,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let list_up = matches!(view.tool, RoomTool::List { .. });
    // The case and the inbrenger's question: what the whole meeting works on, large and in
    // the text colour, first on the page.
    if let Some(case) = &view.chosen_case {
        blocks.extend(Block::paragraph(
            painter,
            case,
            theme::bold(room::PURPOSE * h),
            palette.text,
            width,
        ));
    }
    if let Some(notice) = &view.notice {
        let color = if view.notice_is_time_up {
            palette.warning_text
        } else {
            palette.text
        };
        blocks.extend(Block::paragraph(
            painter,
            notice,
            theme::bold(room::PURPOSE * h),
            color,
            width,
        ));
    }
    if let Some(guard) = &view.guard {
        let pad = vec2(0.022 * h, 0.012 * h);
        let galley = text(
            painter,
            guard,
            theme::bold(room::GUARD * h),
            palette.text,
            width - 2.0 * pad.x,
        );
        let size = galley.size() + 2.0 * pad;
        blocks.push(Block {
            size,
            breaks_word: breaks_a_word(&galley),
            pieces: vec![
                Piece::Frame {
                    rect: Rect::from_min_size(Pos2::ZERO, size),
                    fill: palette.guard_fill,
                    stroke: Stroke::new(0.004 * h, palette.guard_stroke),
                },
                Piece::Text { at: pad, galley },
            ],
            keep_with_next: false,
            joined_to_next: false,
            rows: 0,
            lines: Vec::new(),
        });
    }
    if !view.rules.is_empty() {
        blocks.extend(badges_blocks(painter, &view.rules, palette, h, width));
    }
    // While a list is up, the group's material comes before the phase's explanation, so the
    // first page shows it.
    let explanation = |blocks: &mut Vec<Block>| {
        if !view.purpose.is_empty() {
            // With a list on the wall the purpose steps back a size.
            let size = if list_up { room::BODY } else { room::PURPOSE };
            blocks.extend(Block::paragraph(
                painter,
                &view.purpose,
                theme::regular(size * h),
                palette.text,
                width,
            ));
        }
        for (role, instruction) in &view.roles {
            blocks.extend(Block::paragraph(
                painter,
                &format!("{role}: {instruction}"),
                theme::regular(room::BODY * h),
                palette.muted,
                width,
            ));
        }
    };
    if !list_up {
        explanation(&mut blocks);
    }
    match &view.tool {
        RoomTool::None => {}
        RoomTool::Count { text: count } => {
            blocks.push(Block::text(text(
                painter,
                count,
                theme::bold(room::PURPOSE * 1.2 * h),
                palette.text,
                width,
            )));
        }
        RoomTool::List { sections } => {
            for section in sections {
                let mut heading = Block::text(text(
                    painter,
                    &section.heading,
                    theme::bold(room::BODY * h),
                    palette.muted,
                    width,
                ));
                heading.keep_with_next = !section.items.is_empty();
                blocks.push(heading);
                for item in &section.items {
                    blocks.push(item_block(painter, item, palette, h, width));
                }
            }
        }
    }
    if list_up {
        explanation(&mut blocks);
    }
    blocks
}

/// One item of a list: a marker, its text, its detail (a mark, who and when) as large as the
/// text, and its dots. A long item can also be had a line at a time, for a column it does not
/// fit whole.
fn item_block(painter: &Painter, item: &RoomItem, palette: &Palette, h: f32, width: f32) -> Block {
    let size = room::BODY * h;
    let marker = size * 0.7;
    let dot_radius = size * 0.2;
    let dots = item.dots.unwrap_or(0);
    // Dots up to a quarter of the width (ten at most); the number says how many there are.
    let fit = (0.25 * width / (dot_radius * 2.6)).floor().max(0.0) as u32;
    let shown = dots.min(10).min(fit);
    let number = item.dots.map(|dots| {
        text(
            painter,
            &dots.to_string(),
            theme::bold(size),
            palette.text,
            f32::INFINITY,
        )
    });
    let dots_width = number.as_ref().map_or(0.0, |n| {
        shown as f32 * dot_radius * 2.6 + 0.01 * h + n.size().x + 0.02 * h
    });
    let text_width = (width - marker - dots_width).max(size * 4.0);
    let font = if item.emphasis {
        theme::bold(size)
    } else {
        theme::regular(size)
    };
    let main = text(painter, &item.text, font.clone(), palette.text, text_width);
    let first_row = main
        .rows
        .first()
        .map_or(main.size().y, |r| r.rect().height());

    // The marker, the dots and their number, on the first line.
    let mut head = Vec::new();
    let (radius, color) = if item.emphasis {
        (size * 0.2, palette.accent)
    } else {
        (size * 0.1, palette.muted)
    };
    head.push(Piece::Dot {
        at: vec2(marker * 0.45, first_row / 2.0),
        radius,
        color,
    });
    let mut head_right = marker;
    if let Some(number) = number {
        let mut x = marker + text_width + 0.01 * h;
        for _ in 0..shown {
            head.push(Piece::Dot {
                at: vec2(x + dot_radius * 1.3, first_row / 2.0),
                radius: dot_radius,
                color: palette.accent,
            });
            x += dot_radius * 2.6;
        }
        x += 0.01 * h;
        head_right = x + number.size().x;
        head.push(Piece::Text {
            at: vec2(x, (first_row - number.size().y) / 2.0),
            galley: number,
        });
    }
    let detail = item.detail.as_ref().map(|detail| {
        text(
            painter,
            detail,
            theme::regular(size),
            palette.muted,
            text_width,
        )
    });

    let breaks_word = breaks_a_word(&main) || detail.as_ref().is_some_and(|d| breaks_a_word(d));
    let text_block = |galley: std::sync::Arc<egui::Galley>, joined: bool| Block {
        size: vec2(marker + galley.size().x, galley.size().y),
        pieces: vec![Piece::Text {
            at: vec2(marker, 0.0),
            galley,
        }],
        breaks_word,
        joined_to_next: joined,
        ..Block::default()
    };
    let lines = if main.rows.len() > 3 {
        let mut lines: Vec<Block> = row_galleys(painter, &main, &font, palette.text)
            .into_iter()
            .map(|row| text_block(row, true))
            .collect();
        if let Some(first) = lines.first_mut() {
            first.size.x = first.size.x.max(head_right);
            first.pieces.extend(head.iter().cloned());
        }
        match &detail {
            Some(detail) => lines.push(text_block(detail.clone(), false)),
            None => {
                if let Some(last) = lines.last_mut() {
                    last.joined_to_next = false;
                }
            }
        }
        lines
    } else {
        Vec::new()
    };

    let mut height = main.size().y;
    let mut right = head_right.max(marker + main.size().x);
    let mut pieces = head;
    pieces.push(Piece::Text {
        at: vec2(marker, 0.0),
        galley: main,
    });
    if let Some(detail) = detail {
        right = right.max(marker + detail.size().x);
        pieces.push(Piece::Text {
            at: vec2(marker, height),
            galley: detail.clone(),
        });
        height += detail.size().y;
    }
    Block {
        size: vec2(right, height),
        pieces,
        breaks_word,
        lines,
        ..Block::default()
    }
}
