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

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Color32, FontId, Galley, Painter, Pos2, Rect, Stroke, Ui, Vec2, pos2, vec2};

use super::ring::ring_ui;
use super::theme::{self, Palette, room};
use crate::meeting::Step;
use crate::room::{BreakView, RoomItem, RoomTool, RoomView, StripItem, StripState};

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
    let time_galley = text(
        &painter,
        &view.ring.time_text,
        theme::bold(room::TIME * h),
        palette.text,
        f32::INFINITY,
    );
    let status_galley = text(
        &painter,
        &view.ring.status_text,
        theme::regular(room::BODY * h),
        palette.muted,
        f32::INFINITY,
    );

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

/// The ring-beside layout, when the step's own text fits beside a large ring on one page.
struct RingBeside {
    steps: Block,
    title: Arc<Galley>,
    column: Rect,
    flowed: Flowed,
    ring_center: Pos2,
    ring_diameter: f32,
    time: Arc<Galley>,
    status: Arc<Galley>,
}

#[expect(clippy::too_many_arguments)]
fn ring_beside(
    painter: &Painter,
    view: &RoomView,
    palette: &Palette,
    h: f32,
    body: Rect,
    time: &Arc<Galley>,
    status: &Arc<Galley>,
    blocks: &dyn Fn(f32) -> Vec<Block>,
) -> Option<RingBeside> {
    let stroke = room::RING_WIDTH * h;
    let needed = time.size().x.max(status.size().x) + 2.0 * stroke + 0.06 * h;
    let diameter = (room::RING * h)
        .min(body.height())
        .min(0.45 * body.width())
        .max(needed);
    if diameter > 0.5 * body.width() || diameter > body.height() {
        return None;
    }
    let column_width = body.width() - diameter - 0.05 * h;
    let steps = steps_block(painter, view, palette, h, column_width);
    let title = text(
        painter,
        &view.title,
        theme::bold(room::TITLE * h),
        palette.text,
        column_width,
    );
    if steps.breaks_word || breaks_a_word(&title) {
        return None;
    }
    let top = body.top() + steps.size.y + 0.004 * h + title.size().y + 0.02 * h;
    let column = Rect::from_min_size(body.min, vec2(column_width, body.height()));
    let area = Rect::from_min_max(pos2(column.left(), top), column.max);
    let flowed = flow_into_columns(painter, area, h, palette, 0, blocks, 1..=1);
    if flowed.pages > 1 || flowed.flawed {
        return None;
    }
    let ring_center = pos2(
        body.right() - diameter / 2.0,
        body.top() + (body.height() / 2.0).max(diameter / 2.0) - 0.02 * h,
    );
    let ring_center = pos2(
        ring_center.x,
        ring_center
            .y
            .clamp(body.top() + diameter / 2.0, body.bottom() - diameter / 2.0),
    );
    Some(RingBeside {
        steps,
        title,
        column,
        flowed,
        ring_center,
        ring_diameter: diameter,
        time: time.clone(),
        status: status.clone(),
    })
}

impl RingBeside {
    fn draw(self, ui: &mut Ui, painter: &Painter, view: &RoomView, palette: &Palette, h: f32) {
        self.steps.draw(ui, painter, self.column.min);
        put(
            ui,
            pos2(
                self.column.left(),
                self.column.top() + self.steps.size.y + 0.004 * h,
            ),
            self.title,
        );
        self.flowed.draw(ui, painter);
        ring_ui(
            ui,
            self.ring_center,
            self.ring_diameter,
            room::RING_WIDTH * h,
            &view.ring,
            palette,
        );
        if !view.ring.time_text.is_empty() {
            let time_size = self.time.size();
            let status_size = self.status.size();
            let time_top = self.ring_center.y - (time_size.y + status_size.y * 0.6) / 2.0;
            put(
                ui,
                pos2(self.ring_center.x - time_size.x / 2.0, time_top),
                self.time,
            );
            put(
                ui,
                pos2(
                    self.ring_center.x - status_size.x / 2.0,
                    time_top + time_size.y - status_size.y * 0.4,
                ),
                self.status,
            );
        }
    }
}

fn break_ui(
    ui: &mut Ui,
    painter: &Painter,
    inner: Rect,
    protocol_name: &str,
    view: &BreakView,
    palette: &Palette,
    h: f32,
) {
    let width = inner.width();
    let name = text(
        painter,
        protocol_name,
        theme::regular(room::BODY * h),
        palette.muted,
        width,
    );
    let title = text(
        painter,
        &view.title,
        theme::bold(room::TITLE * h),
        palette.text,
        width,
    );
    let line = text(
        painter,
        &view.line,
        theme::regular(room::PURPOSE * h),
        palette.text,
        width,
    );
    let time = text(
        painter,
        &view.ring.time_text,
        theme::bold(room::TIME * h),
        palette.text,
        f32::INFINITY,
    );
    let status = text(
        painter,
        &view.ring.status_text,
        theme::regular(room::BODY * h),
        palette.muted,
        f32::INFINITY,
    );
    let centered =
        |galley: &Arc<Galley>, top: f32| pos2(inner.center().x - galley.size().x / 2.0, top);
    let mut y = inner.top();
    put(ui, centered(&name, y), name.clone());
    y += name.size().y;
    put(ui, centered(&title, y), title.clone());
    y += title.size().y + 0.02 * h;
    let line_top = inner.bottom() - line.size().y;
    put(ui, centered(&line, line_top), line);
    let space = (line_top - 0.02 * h - y).max(0.0);
    let diameter = space
        .min(room::RING * h)
        .min(width)
        .max(time.size().x + 2.0 * room::RING_WIDTH * h + 0.04 * h);
    let center = pos2(inner.center().x, y + space / 2.0);
    ring_ui(
        ui,
        center,
        diameter,
        room::RING_WIDTH * h,
        &view.ring,
        palette,
    );
    let time_top = center.y - (time.size().y + status.size().y * 0.6) / 2.0;
    let status_top = time_top + time.size().y - status.size().y * 0.4;
    put(ui, centered(&time, time_top), time);
    put(ui, centered(&status, status_top), status);
}

/// The four steps of the phase, the current one underlined; they wrap between steps.
fn steps_block(painter: &Painter, view: &RoomView, palette: &Palette, h: f32, width: f32) -> Block {
    let shown = Step::ALL
        .iter()
        .zip(&view.step_labels)
        .filter(|(step, _)| **step != Step::Prepare || view.has_prepare);
    let items = shown
        .enumerate()
        .map(|(index, (step, label))| {
            let current = *step == view.step;
            let font = if current {
                theme::bold(room::BODY * h)
            } else {
                theme::regular(room::BODY * h)
            };
            let color = if current { palette.text } else { palette.muted };
            (
                text(
                    painter,
                    &format!("{}  {label}", index + 1),
                    font,
                    color,
                    width,
                ),
                current,
            )
        })
        .collect::<Vec<_>>();
    let gap = 0.035 * h;
    let bar = 0.007 * h;
    let mut block = Block::default();
    let (mut x, mut y, mut row_height) = (0.0_f32, 0.0_f32, 0.0_f32);
    for (galley, current) in items {
        let size = galley.size();
        if x > 0.0 && x + size.x > width {
            x = 0.0;
            y += row_height + 2.0 * bar;
            row_height = 0.0;
        }
        block.breaks_word |= breaks_a_word(&galley);
        if current {
            block.pieces.push(Piece::Bar {
                rect: Rect::from_min_size(pos2(x, y + size.y + 0.002 * h), vec2(size.x, bar)),
                color: palette.accent,
            });
        }
        block.pieces.push(Piece::Text {
            at: vec2(x, y),
            galley,
        });
        x += size.x + gap;
        row_height = row_height.max(size.y);
        block.size.x = block.size.x.max(x - gap);
    }
    block.size.y = y + row_height + 2.0 * bar;
    block.rows = (y / (row_height + 2.0 * bar)).round() as usize + 1;
    block
}

/// The whole protocol as a strip of segments, each as wide as its planned minutes.
fn strip_ui(
    ui: &Ui,
    painter: &Painter,
    rect: Rect,
    items: &[StripItem],
    palette: &Palette,
    h: f32,
) {
    let total: f32 = items.iter().map(|i| i.minutes.max(1.0)).sum();
    let gap = 0.006 * h;
    let usable = rect.width() - gap * (items.len().saturating_sub(1)) as f32;
    let mut x = rect.left();
    // A small fixed radius: egui draws corners up to 5 points with a quarter of the vertices,
    // and every vertex is rasterized again each second on a software-rendered projector PC.
    let radius = 4.0;
    for item in items {
        let width = usable * item.minutes.max(1.0) / total;
        let segment = Rect::from_min_size(pos2(x, rect.top()), vec2(width, rect.height()));
        let (fill, stroke, text_color) = match item.state {
            StripState::Done => (palette.done_fill, Stroke::NONE, palette.muted),
            StripState::Current => (
                palette.badge_fill,
                Stroke::new(0.005 * h, palette.accent),
                palette.text,
            ),
            StripState::Pending => (
                palette.background,
                Stroke::new(0.002 * h, palette.badge_stroke),
                palette.muted,
            ),
            StripState::Skipped => (
                palette.background,
                Stroke::new(0.002 * h, palette.track),
                palette.muted,
            ),
        };
        painter.rect(segment, radius, fill, stroke, egui::StrokeKind::Inside);
        let font = if item.state == StripState::Current {
            theme::bold(room::TEXT_MIN * h)
        } else {
            theme::regular(room::TEXT_MIN * h)
        };
        let galley = painter.layout_no_wrap(item.number.to_string(), font, text_color);
        // The number only where it fits; the top line says "phase 3 of 9" anyway.
        if galley.size().x + 0.01 * h < width && galley.size().y <= segment.height() + 0.5 {
            if item.state == StripState::Skipped {
                painter.line_segment(
                    [segment.left_center(), segment.right_center()],
                    Stroke::new(0.002 * h, palette.muted),
                );
            }
            let size = galley.size();
            ui.painter().with_clip_rect(segment).galley(
                segment.center() - size / 2.0,
                galley,
                text_color,
            );
        }
        x += width + gap;
    }
}

/// Something drawn at a place relative to its block.
enum Piece {
    Text {
        at: Vec2,
        galley: Arc<Galley>,
    },
    Dot {
        at: Vec2,
        radius: f32,
        color: Color32,
    },
    Bar {
        rect: Rect,
        color: Color32,
    },
    Frame {
        rect: Rect,
        fill: Color32,
        stroke: Stroke,
    },
}

/// A unit of the wall's material that stays together: a paragraph, the rules, a list item.
#[derive(Default)]
struct Block {
    size: Vec2,
    pieces: Vec<Piece>,
    /// A heading: it goes to the next column with the first item under it.
    keep_with_next: bool,
    /// Some word did not fit the width and was broken (only when a single word is wider).
    breaks_word: bool,
    /// The next block goes on this one's paragraph: no space between them.
    joined_to_next: bool,
    /// Rows of the steps (for the header).
    rows: usize,
}

impl Block {
    fn text(galley: Arc<Galley>) -> Self {
        Self {
            size: galley.size(),
            breaks_word: breaks_a_word(&galley),
            pieces: vec![Piece::Text {
                at: Vec2::ZERO,
                galley,
            }],
            keep_with_next: false,
            joined_to_next: false,
            rows: 0,
        }
    }

    /// A paragraph: one block, or one block a line when it is long, so that it can go on in
    /// the next column or on the next page rather than run off the bottom.
    fn paragraph(
        painter: &Painter,
        content: &str,
        font: FontId,
        color: Color32,
        width: f32,
    ) -> Vec<Self> {
        let galley = text(painter, content, font.clone(), color, width);
        if galley.rows.len() <= 3 {
            return vec![Self::text(galley)];
        }
        let breaks_word = breaks_a_word(&galley);
        let count = galley.rows.len();
        galley
            .rows
            .iter()
            .enumerate()
            .map(|(index, row)| {
                let line: String = row.glyphs.iter().map(|g| g.chr).collect();
                let mut block = Self::text(text(
                    painter,
                    line.trim_end(),
                    font.clone(),
                    color,
                    f32::INFINITY,
                ));
                block.breaks_word = breaks_word;
                block.joined_to_next = index + 1 < count;
                block
            })
            .collect()
    }

    fn draw(&self, ui: &mut Ui, painter: &Painter, origin: Pos2) {
        for piece in &self.pieces {
            match piece {
                Piece::Text { .. } => {}
                Piece::Dot { at, radius, color } => {
                    painter.circle_filled(origin + *at, *radius, *color);
                }
                Piece::Bar { rect, color } => {
                    painter.rect_filled(
                        rect.translate(origin.to_vec2()),
                        rect.height() / 2.0,
                        *color,
                    );
                }
                Piece::Frame { rect, fill, stroke } => {
                    painter.rect(
                        rect.translate(origin.to_vec2()),
                        4.0,
                        *fill,
                        *stroke,
                        egui::StrokeKind::Inside,
                    );
                }
            }
        }
        // Text last, as labels, over the frames.
        for piece in &self.pieces {
            if let Piece::Text { at, galley } = piece {
                put(ui, origin + *at, galley.clone());
            }
        }
    }
}

/// The material below the title, in reading order, laid out for a column `width` wide.
fn material_blocks(
    painter: &Painter,
    view: &RoomView,
    palette: &Palette,
    h: f32,
    width: f32,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let list_up = matches!(view.tool, RoomTool::List { .. });
    if let Some(case) = &view.chosen_case {
        blocks.extend(Block::paragraph(
            painter,
            case,
            theme::bold(room::BODY * h),
            palette.muted,
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

/// The phase's rules as badges, side by side where they fit, each wrapping between words.
fn badges_blocks(
    painter: &Painter,
    rules: &[String],
    palette: &Palette,
    h: f32,
    width: f32,
) -> Vec<Block> {
    let pad = vec2(0.018 * h, 0.008 * h);
    let gap = 0.012 * h;
    // One block a row of badges, so the rows can go on in the next column.
    let mut rows = vec![Block::default()];
    let mut x = 0.0_f32;
    for rule in rules {
        let galley = text(
            painter,
            rule,
            theme::regular(room::BODY * h),
            palette.text,
            width - 2.0 * pad.x,
        );
        let size = galley.size() + 2.0 * pad;
        if x > 0.0 && x + size.x > width {
            x = 0.0;
            rows.push(Block::default());
        }
        let Some(row) = rows.last_mut() else {
            continue;
        };
        row.breaks_word |= breaks_a_word(&galley);
        row.pieces.push(Piece::Frame {
            rect: Rect::from_min_size(pos2(x, 0.0), size),
            fill: palette.badge_fill,
            stroke: Stroke::new(0.002 * h, palette.badge_stroke),
        });
        row.pieces.push(Piece::Text {
            at: vec2(x, 0.0) + pad,
            galley,
        });
        x += size.x + gap;
        row.size.x = row.size.x.max(x - gap);
        row.size.y = row.size.y.max(size.y);
    }
    let count = rows.len();
    for (index, row) in rows.iter_mut().enumerate() {
        if index + 1 < count {
            row.joined_to_next = true;
            row.size.y += gap;
        }
    }
    rows
}

/// One item of a list: a marker, its text, its detail (a mark, who and when) as large as the
/// text, and its dots.
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
    let main = text(painter, &item.text, font, palette.text, text_width);
    let first_row = main
        .rows
        .first()
        .map_or(main.size().y, |r| r.rect().height());
    let mut block = Block {
        breaks_word: breaks_a_word(&main),
        ..Block::default()
    };
    let (radius, color) = if item.emphasis {
        (size * 0.2, palette.accent)
    } else {
        (size * 0.1, palette.muted)
    };
    block.pieces.push(Piece::Dot {
        at: vec2(marker * 0.45, first_row / 2.0),
        radius,
        color,
    });
    let mut height = main.size().y;
    let mut right = marker + main.size().x;
    block.pieces.push(Piece::Text {
        at: vec2(marker, 0.0),
        galley: main,
    });
    if let Some(detail) = &item.detail {
        let galley = text(
            painter,
            detail,
            theme::regular(size),
            palette.muted,
            text_width,
        );
        block.breaks_word |= breaks_a_word(&galley);
        right = right.max(marker + galley.size().x);
        block.pieces.push(Piece::Text {
            at: vec2(marker, height),
            galley: galley.clone(),
        });
        height += galley.size().y;
    }
    if let Some(number) = number {
        let mut x = marker + text_width + 0.01 * h;
        for _ in 0..shown {
            block.pieces.push(Piece::Dot {
                at: vec2(x + dot_radius * 1.3, first_row / 2.0),
                radius: dot_radius,
                color: palette.accent,
            });
            x += dot_radius * 2.6;
        }
        x += 0.01 * h;
        right = x + number.size().x;
        block.pieces.push(Piece::Text {
            at: vec2(x, (first_row - number.size().y) / 2.0),
            galley: number,
        });
    }
    block.size = vec2(right, height);
    block
}

/// Blocks placed in columns and pages in an area.
struct Flowed {
    blocks: Vec<Block>,
    places: Vec<Option<Pos2>>,
    page: usize,
    pages: usize,
    page_label: Option<(Pos2, Arc<Galley>)>,
    /// A word broke or a block did not fit a column at any width.
    flawed: bool,
}

impl Flowed {
    fn draw(&self, ui: &mut Ui, painter: &Painter) {
        for (block, place) in self.blocks.iter().zip(&self.places) {
            if let Some(origin) = place {
                block.draw(ui, painter, *origin);
            }
        }
        if let Some((at, galley)) = &self.page_label {
            put(ui, *at, galley.clone());
        }
    }
}

/// The material in `area`, in as few columns as hold it on one page, or else on pages.
fn flow_into(
    painter: &Painter,
    area: Rect,
    h: f32,
    palette: &Palette,
    page: usize,
    blocks: &dyn Fn(f32) -> Vec<Block>,
) -> Flowed {
    // Columns at least 15 ems of the body text wide.
    let gap = 0.04 * h;
    let min_column = 15.0 * room::BODY * h;
    let most = (((area.width() + gap) / (min_column + gap)).floor() as usize).clamp(1, 4);
    flow_into_columns(painter, area, h, palette, page, blocks, 1..=most)
}

fn flow_into_columns(
    painter: &Painter,
    area: Rect,
    h: f32,
    palette: &Palette,
    page: usize,
    blocks: &dyn Fn(f32) -> Vec<Block>,
    columns: std::ops::RangeInclusive<usize>,
) -> Flowed {
    let column_gap = 0.04 * h;
    let block_gap = 0.014 * h;
    let label_font = theme::regular(room::BODY * h);
    let mut best: Option<(usize, usize, Vec<Block>, f32, f32, bool)> = None;
    for count in columns {
        let width = (area.width() - column_gap * (count - 1) as f32) / count as f32;
        let laid = blocks(width);
        let heights: Vec<f32> = laid.iter().map(|b| b.size.y).collect();
        let keep: Vec<bool> = laid.iter().map(|b| b.keep_with_next).collect();
        let gaps: Vec<f32> = laid
            .iter()
            .map(|b| if b.joined_to_next { 0.0 } else { block_gap })
            .collect();
        let mut column_height = area.height();
        let mut pages = flow(&heights, &keep, &gaps, column_height, count).1;
        if pages > 1 {
            // Leave a line for "1/3".
            column_height -= painter
                .layout_no_wrap("1/9".to_owned(), label_font.clone(), palette.muted)
                .size()
                .y
                + block_gap;
            pages = flow(&heights, &keep, &gaps, column_height, count).1;
        }
        // A width at which a word breaks or a block is taller than a column is used only when
        // every width is like that.
        let flawed =
            laid.iter().any(|b| b.breaks_word) || heights.iter().any(|h| *h > column_height);
        let better = match &best {
            None => true,
            Some((_, best_pages, _, _, _, best_flawed)) => {
                (*best_flawed && !flawed) || (*best_flawed == flawed && pages < *best_pages)
            }
        };
        if better {
            best = Some((count, pages, laid, width, column_height, flawed));
        }
        if pages == 1 && !flawed {
            break;
        }
    }
    let Some((count, _, laid, width, column_height, flawed)) = best else {
        return Flowed {
            blocks: Vec::new(),
            places: Vec::new(),
            page: 0,
            pages: 1,
            page_label: None,
            flawed: false,
        };
    };
    let heights: Vec<f32> = laid.iter().map(|b| b.size.y).collect();
    let keep: Vec<bool> = laid.iter().map(|b| b.keep_with_next).collect();
    let gaps: Vec<f32> = laid
        .iter()
        .map(|b| if b.joined_to_next { 0.0 } else { block_gap })
        .collect();
    let (slots, pages) = flow(&heights, &keep, &gaps, column_height, count);
    let page = page.min(pages - 1);
    let places = slots
        .iter()
        .map(|slot| {
            (slot.page == page).then(|| {
                pos2(
                    area.left() + slot.column as f32 * (width + column_gap),
                    area.top() + slot.top,
                )
            })
        })
        .collect();
    let page_label = (pages > 1).then(|| {
        let galley = text(
            painter,
            &format!("{}/{}", page + 1, pages),
            label_font,
            palette.muted,
            f32::INFINITY,
        );
        (area.max - galley.size(), galley)
    });
    Flowed {
        flawed,
        blocks: laid,
        places,
        page,
        pages,
        page_label,
    }
}

/// Where a block goes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Slot {
    page: usize,
    column: usize,
    top: f32,
}

/// Places blocks of these heights top to bottom in `columns` columns of `column_height`, then
/// on further pages; a block marked keep-with-next moves on with the block after it. Returns
/// the places and the number of pages. A block taller than a column gets a column of its own.
fn flow(
    heights: &[f32],
    keep_with_next: &[bool],
    gaps: &[f32],
    column_height: f32,
    columns: usize,
) -> (Vec<Slot>, usize) {
    let columns = columns.max(1);
    let (mut page, mut column, mut top) = (0, 0, 0.0_f32);
    let mut slots = Vec::with_capacity(heights.len());
    for (index, height) in heights.iter().enumerate() {
        let gap = gaps.get(index).copied().unwrap_or(0.0);
        let mut needed = *height;
        if keep_with_next.get(index).copied().unwrap_or(false)
            && let Some(next) = heights.get(index + 1)
        {
            needed += gap + next;
        }
        if top > 0.0 && top + needed > column_height {
            column += 1;
            top = 0.0;
            if column == columns {
                column = 0;
                page += 1;
            }
        }
        slots.push(Slot { page, column, top });
        top += height + gap;
    }
    (slots, page + 1)
}

/// Text laid out to wrap between words at `width`.
fn text(painter: &Painter, text: &str, font: FontId, color: Color32, width: f32) -> Arc<Galley> {
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
fn put(ui: &mut Ui, at: Pos2, galley: Arc<Galley>) {
    if galley.is_empty() {
        return;
    }
    let rect = Rect::from_min_size(at, galley.size());
    ui.put(rect, egui::Label::new(galley).selectable(false));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_flow_into_columns_then_pages() {
        let heights = [40.0; 7];
        let keep = [false; 7];
        let (slots, pages) = flow(&heights, &keep, &[10.0; 7], 100.0, 2);
        // Two blocks a column, two columns a page.
        assert_eq!(pages, 2);
        assert_eq!(
            slots[0],
            Slot {
                page: 0,
                column: 0,
                top: 0.0
            }
        );
        assert_eq!(
            slots[2],
            Slot {
                page: 0,
                column: 1,
                top: 0.0
            }
        );
        assert_eq!(
            slots[4],
            Slot {
                page: 1,
                column: 0,
                top: 0.0
            }
        );
        assert_eq!(slots[6].page, 1);
        assert_eq!(slots[6].column, 1);
    }

    #[test]
    fn a_heading_moves_on_with_its_first_item() {
        let heights = [40.0, 20.0, 40.0];
        let keep = [false, true, false];
        let (slots, _) = flow(&heights, &keep, &[10.0; 7], 100.0, 2);
        assert_eq!(slots[1].column, 1, "heading follows its item");
        assert_eq!(slots[2].column, 1);
    }

    #[test]
    fn a_block_taller_than_a_column_gets_one_of_its_own() {
        let (slots, pages) = flow(&[150.0, 20.0], &[false, false], &[10.0; 2], 100.0, 1);
        assert_eq!(slots[0].top, 0.0);
        assert_eq!(slots[1].page, 1);
        assert_eq!(pages, 2);
    }
}
