//! The room display: the calm, large screen the whole group sees from its chairs.
//!
//! The layout is computed from the size of the area it gets (the window, not the operating
//! system's scale factor). Its rules:
//! - every text is at least [`room::TEXT_MIN`] of the height (capitals ≥ 2.5 %), the title
//!   [`room::TITLE`] (≥ 6 %), the countdown [`room::TIME`] (≥ 12 %); nothing shrinks below that;
//! - text wraps between words only; a width at which a word would break is not used;
//! - while the step shows only its own text, a large ring stands beside it; while a list is up
//!   (or the text needs the width) the time moves into the header beside a small ring and the
//!   material gets the full width;
//! - the material flows top to bottom into as few columns as hold it, then onto pages the
//!   leader turns (the wall shows "1/3"); nothing is drawn outside the area.

mod badges;
mod beside;
mod blocks;
mod break_screen;
mod clock;
mod header;
mod intro;
mod layout;
mod material;
mod text;

use egui::{Rect, Ui, pos2, vec2};

use self::beside::ring_beside;
use self::break_screen::break_ui;
use self::clock::clock_galleys;
use self::header::{steps_block, strip_ui};
use self::layout::flow_into;
use self::material::material_blocks;
use self::text::{put, text};
use super::ring::ring_ui;
use super::theme::{self, Palette, room};
use crate::room::{RoomTool, RoomView};

pub use self::intro::intro_room_ui;
pub use self::text::breaks_a_word;

/// The size unit of the introduction screen: its height, unless the area is narrower than
/// 16:9. The wall itself sizes everything on its height and lays out for the width.
pub fn room_unit(rect: Rect) -> f32 {
    rect.height().min(rect.width() * 9.0 / 16.0)
}

/// Which page of its material the wall shows, of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallPages {
    /// 0-based, already limited to the last page.
    pub page: usize,
    pub count: usize,
}

/// Draws the whole room display into `rect`; says which page of a long list it shows.
pub fn room_ui(ui: &mut Ui, rect: Rect, view: &RoomView, palette: &Palette) -> WallPages {
    // Every size is a share of the height: the minimum sizes are shares of the height.
    let h = rect.height();
    let inner = Rect::from_min_max(
        rect.min + vec2(0.04 * h, 0.035 * h),
        rect.max - vec2(0.04 * h, 0.035 * h),
    );
    let painter = ui.painter_at(rect);
    let one_page = WallPages { page: 0, count: 1 };

    if let Some(on_break) = &view.on_break {
        break_ui(
            ui,
            &painter,
            inner,
            &view.protocol_name,
            on_break,
            palette,
            h,
        );
        return one_page;
    }

    // Top line: where we are, and when we expect to end.
    let top_font = theme::regular(room::BODY * h);
    let ends = text(
        &painter,
        &view.ends_around,
        top_font.clone(),
        palette.muted,
        f32::INFINITY,
    );
    let left_width = (inner.width() - ends.size().x - 0.03 * h).max(h * 0.2);
    let mut parts = vec![view.protocol_name.as_str(), view.position.as_str()];
    parts.extend(view.people.as_deref());
    // On a narrow screen the protocol's name gives way (the leader knows it), then who is
    // there, so the line stays one line.
    let line = |parts: &[&str]| {
        text(
            &painter,
            &parts.join("  ·  "),
            top_font.clone(),
            palette.muted,
            left_width,
        )
    };
    let mut where_we_are = line(&parts);
    if where_we_are.rows.len() > 1 {
        where_we_are = line(&parts[1..]);
    }
    if where_we_are.rows.len() > 1 {
        where_we_are = line(&parts[1..2]);
    }
    put(ui, inner.min, where_we_are.clone());
    put(
        ui,
        pos2(inner.right() - ends.size().x, inner.top()),
        ends.clone(),
    );
    let mut y = inner.top() + where_we_are.size().y.max(ends.size().y) + 0.008 * h;

    let strip = Rect::from_min_size(pos2(inner.left(), y), vec2(inner.width(), room::STRIP * h));
    strip_ui(ui, &painter, strip, &view.strip, palette, h);
    y = strip.bottom() + 0.022 * h;
    let body = Rect::from_min_max(pos2(inner.left(), y), inner.max);

    let blocks = |width: f32| material_blocks(&painter, view, palette, h, width);
    let (time_galley, status_galley) = clock_galleys(&painter, &view.ring, palette, h);

    // A large ring beside the phase's own text, when no list is up and everything fits.
    if !matches!(view.tool, RoomTool::List { .. })
        && let Some(wide) = ring_beside(
            &painter,
            view,
            palette,
            h,
            body,
            &time_galley,
            &status_galley,
            &blocks,
        )
    {
        wide.draw(ui, &painter, view, palette, h);
        return one_page;
    }

    // The time in the header beside a small ring; the material gets the full width. The
    // clock is as high as the digits and the status word under them: the time's line has
    // empty space above its digits (they have no descenders either).
    let time_em = room::TIME * h;
    let above_digits = (ASCENT - room::CAP_HEIGHT) * time_em;
    let block_height = room::CAP_HEIGHT * time_em + 0.012 * h + status_galley.size().y;
    let has_time = !view.ring.time_text.is_empty();
    // The small ring only where the width allows it beside the title (not on 4:3).
    let small_ring = if has_time && inner.width() > 1.55 * inner.height() {
        0.85 * block_height
    } else {
        0.0
    };
    // Measured with every digit a zero, so the layout does not shift as the seconds change.
    let widest_time = text(
        &painter,
        &view
            .ring
            .time_text
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect::<String>(),
        theme::bold(room::TIME * h),
        palette.text,
        f32::INFINITY,
    );
    let clock_width = if has_time {
        small_ring
            + 0.025 * h
            + widest_time
                .size()
                .x
                .max(time_galley.size().x)
                .max(status_galley.size().x)
    } else {
        0.0
    };
    let header_left = (body.width() - clock_width - 0.04 * h).max(0.0);
    let title_font = theme::bold(room::TITLE * h);
    // The steps beside the clock when they fit on one line; otherwise the status word under
    // the time names the step.
    let steps = Some(steps_block(&painter, view, palette, h, header_left))
        .filter(|steps| !steps.breaks_word && steps.rows == 1)
        .unwrap_or_default();
    let clock_rect = Rect::from_min_size(
        pos2(body.right() - clock_width, body.top()),
        vec2(clock_width, block_height),
    );
    // The title beside the clock under the steps, or (when that is higher or breaks a word)
    // the steps beside the clock and the title under both, across the full width.
    let title_beside = text(
        &painter,
        &view.title,
        title_font.clone(),
        palette.text,
        header_left,
    );
    let title_under = text(
        &painter,
        &view.title,
        title_font,
        palette.text,
        body.width(),
    );
    let gap = 0.004 * h;
    let beside_height = block_height.max(steps.size.y + gap + title_beside.size().y);
    let under_height = block_height.max(steps.size.y) + gap + title_under.size().y;
    let beside = !breaks_a_word(&title_beside) && beside_height <= under_height;
    steps.draw(ui, &painter, body.min);
    let (title, title_top) = if beside {
        (title_beside, body.top() + steps.size.y + gap)
    } else {
        (
            title_under,
            body.top() + block_height.max(steps.size.y) + gap,
        )
    };
    put(ui, pos2(body.left(), title_top), title.clone());
    let header_bottom = (title_top + title.size().y).max(clock_rect.bottom());
    if has_time {
        if small_ring > 0.0 {
            let ring_center = pos2(clock_rect.left() + small_ring / 2.0, clock_rect.center().y);
            ring_ui(
                ui,
                ring_center,
                small_ring,
                room::SMALL_RING_WIDTH * h,
                &view.ring,
                palette,
            );
        }
        let right = clock_rect.right();
        put(
            ui,
            pos2(
                right - time_galley.size().x,
                clock_rect.top() - above_digits,
            ),
            time_galley.clone(),
        );
        let status_top = clock_rect.bottom() - status_galley.size().y;
        put(
            ui,
            pos2(right - status_galley.size().x, status_top),
            status_galley.clone(),
        );
    }

    let area = Rect::from_min_max(pos2(body.left(), header_bottom + 0.02 * h), body.max);
    let flowed = flow_into(&painter, area, h, palette, view.page, &blocks);
    flowed.draw(ui, &painter);
    WallPages {
        page: flowed.page,
        count: flowed.pages,
    }
}

/// Atkinson Hyperlegible's ascent per em (hhea 950 of 1000): the top of a line to its baseline.
const ASCENT: f32 = 0.95;
