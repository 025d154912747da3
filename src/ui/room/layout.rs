//! The layout engine: blocks flow top to bottom into as few columns as hold them, then onto
//! pages; the wall shows "1/3" when there is more than one.

use std::sync::Arc;

use egui::{Galley, Painter, Pos2, Rect, Ui, pos2};

use super::blocks::Block;
use super::text::{put, text};
use crate::ui::theme::{self, Palette, room};

/// Blocks placed in columns and pages in an area.
pub(super) struct Flowed {
    blocks: Vec<Block>,
    places: Vec<Option<Pos2>>,
    pub(super) page: usize,
    pub(super) pages: usize,
    page_label: Option<(Pos2, Arc<Galley>)>,
    /// A word broke or a block did not fit a column at any width.
    pub(super) flawed: bool,
}

impl Flowed {
    pub(super) fn draw(&self, ui: &mut Ui, painter: &Painter) {
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

/// The space between two columns, as a fraction of the wall's height: `flow_into` counts how
/// many columns fit with it and `flow_into_columns` lays them out with it.
const COLUMN_GAP: f32 = 0.04;

/// The material in `area`, in as few columns as hold it on one page, or else on pages.
pub(super) fn flow_into(
    painter: &Painter,
    area: Rect,
    h: f32,
    palette: &Palette,
    page: usize,
    blocks: &dyn Fn(f32) -> Vec<Block>,
) -> Flowed {
    // Columns at least 15 ems of the body text wide.
    let gap = COLUMN_GAP * h;
    let min_column = 15.0 * room::BODY * h;
    let most = (((area.width() + gap) / (min_column + gap)).floor() as usize).clamp(1, 4);
    flow_into_columns(painter, area, h, palette, page, blocks, 1..=most)
}

pub(super) fn flow_into_columns(
    painter: &Painter,
    area: Rect,
    h: f32,
    palette: &Palette,
    page: usize,
    blocks: &dyn Fn(f32) -> Vec<Block>,
    columns: std::ops::RangeInclusive<usize>,
) -> Flowed {
    let column_gap = COLUMN_GAP * h;
    let block_gap = 0.014 * h;
    let label_font = theme::regular(room::BODY * h);
    // A line for "1/3" under the columns when there is more than one page.
    let label_line = painter
        .layout_no_wrap("1/9".to_owned(), label_font.clone(), palette.muted)
        .size()
        .y
        + block_gap;
    let mut best: Option<(usize, usize, Vec<Block>, f32, f32, bool)> = None;
    for count in columns {
        let width = (area.width() - column_gap * (count - 1) as f32) / count as f32;
        // A block taller than a column of a page goes on a line at a time.
        let laid = Block::split_taller_than(blocks(width), area.height() - label_line);
        let mut column_height = area.height();
        let mut pages = flow_blocks(&laid, block_gap, column_height, count).1;
        if pages > 1 {
            column_height -= label_line;
            pages = flow_blocks(&laid, block_gap, column_height, count).1;
        }
        // A width at which a word breaks or a block is taller than a column is used only when
        // every width is like that.
        let flawed = laid
            .iter()
            .any(|b| b.breaks_word || b.size.y > column_height);
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
    let (slots, pages) = flow_blocks(&laid, block_gap, column_height, count);
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

/// [`flow`] for laid-out blocks: a heading keeps with the next block, and a line of a long
/// paragraph has no gap after it.
fn flow_blocks(
    laid: &[Block],
    block_gap: f32,
    column_height: f32,
    columns: usize,
) -> (Vec<Slot>, usize) {
    let heights: Vec<f32> = laid.iter().map(|b| b.size.y).collect();
    let keep: Vec<bool> = laid.iter().map(|b| b.keep_with_next).collect();
    let gaps: Vec<f32> = laid
        .iter()
        .map(|b| if b.joined_to_next { 0.0 } else { block_gap })
        .collect();
    flow(&heights, &keep, &gaps, column_height, columns)
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
