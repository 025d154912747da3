//! The join card: the link to the open meeting as a QR code and as text, on the wall (large,
//! for the room) and beside the leader's screen (with how many phones take part).

use egui::{Color32, Rect, RichText, Ui, pos2, vec2};

use super::theme::{self, Palette, room};
use crate::i18n::PhoneStrings;
use crate::room::JoinCard;

/// The QR code's quiet zone, in modules (the standard asks for four).
const QUIET: usize = 4;

/// The share of the wall's height the card's column takes beside the wall.
pub const WALL_COLUMN: f32 = 0.40;

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

/// The card in a column of the wall, sized on the wall's height `h`, with every text at the
/// wall's sizes (issue 11: capitals at least 2.5 % of the height, no word broken): the title
/// and the two lines wrap between words, the link is cut only where a link may be cut (after
/// `/`, `:` or `.`, and between groups of four characters of the token) and each of its pieces
/// is laid out on a line of its own; the QR code gets the height that is left.
pub fn wall_card_ui(ui: &mut Ui, rect: Rect, card: &JoinCard, s: &PhoneStrings, palette: &Palette) {
    let h = rect.height();
    let pad = 0.03 * h;
    let gap = 0.015 * h;
    let inner = rect.shrink(pad);
    let width = inner.width();
    ui.painter().rect_filled(rect, 0.0, palette.surface);
    let layout = |text: &str, font: egui::FontId, color: Color32| {
        ui.fonts_mut(|f| f.layout(text.to_owned(), font, color, width))
    };
    let title = layout(s.phones_title, theme::bold(room::BODY * h), palette.text);
    let scan = layout(
        s.phones_scan,
        theme::regular(room::TEXT_MIN * h),
        palette.muted,
    );
    let link_font = theme::regular(room::TEXT_MIN * h);
    let link: Vec<_> = link_lines(
        &card.url,
        |piece| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(piece.to_owned(), link_font.clone(), palette.text)
                    .size()
                    .x
            })
        },
        width,
    )
    .into_iter()
    .map(|line| ui.fonts_mut(|f| f.layout_no_wrap(line, link_font.clone(), palette.text)))
    .collect();
    let wifi = layout(
        s.phones_same_wifi,
        theme::regular(room::TEXT_MIN * h),
        palette.muted,
    );
    let texts_height = title.size().y
        + scan.size().y
        + link.iter().map(|g| g.size().y).sum::<f32>()
        + wifi.size().y;
    let side = width
        .min(inner.height() - texts_height - 4.0 * gap)
        .max(0.0);

    let mut y = inner.top();
    // Real labels (screen readers and tests find them), at exactly their place.
    let put = |ui: &mut Ui, galley: std::sync::Arc<egui::Galley>, y: &mut f32| {
        let rect = Rect::from_min_size(pos2(inner.left(), *y), galley.size());
        *y += galley.size().y;
        ui.put(rect, egui::Label::new(galley).selectable(false));
    };
    put(ui, title, &mut y);
    y += gap;
    qr_ui(ui, pos2(inner.left(), y), side, card);
    y += side + gap;
    put(ui, scan, &mut y);
    y += gap;
    for line in link {
        put(ui, line, &mut y);
    }
    y += gap;
    put(ui, wifi, &mut y);
}

/// The link in lines no wider than `width`, cut only after `/`, `:` or `.` or between groups
/// of four characters, and without `http://` (a browser adds it). A piece wider than `width`
/// (never, at the wall's sizes) stands on a line of its own.
fn link_lines(url: &str, width_of: impl Fn(&str) -> f32, width: f32) -> Vec<String> {
    let url = url.strip_prefix("http://").unwrap_or(url);
    let (head, token) = match url.split_once("/m/") {
        Some((address, token)) => (format!("{address}/m/"), token),
        None => (url.to_owned(), ""),
    };
    let mut pieces: Vec<String> = Vec::new();
    let mut piece = String::new();
    for c in head.chars() {
        piece.push(c);
        if matches!(c, '/' | ':' | '.') {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    // The token in groups of four; its closing `/` stays with the last group.
    let token: Vec<char> = token.trim_end_matches('/').chars().collect();
    pieces.extend(
        token
            .chunks(4)
            .map(|group| group.iter().collect::<String>()),
    );
    if url.ends_with('/')
        && let Some(last) = pieces.last_mut()
        && !last.ends_with('/')
    {
        last.push('/');
    }
    let mut lines: Vec<String> = Vec::new();
    for piece in pieces {
        match lines.last_mut() {
            Some(line) if width_of(&format!("{line}{piece}")) <= width => line.push_str(&piece),
            _ => lines.push(piece),
        }
    }
    lines
}

/// The wall's area split: the wall on the left, the card's column on the right.
pub fn split_wall(rect: Rect) -> (Rect, Rect) {
    let width = (WALL_COLUMN * rect.height()).min(rect.width() * 0.25);
    let wall = Rect::from_min_max(rect.min, pos2(rect.right() - width, rect.bottom()));
    let column = Rect::from_min_max(pos2(rect.right() - width, rect.top()), rect.max);
    (wall, column)
}

/// Beside the leader's screen: the card, how many phones take part, or why phones are off,
/// and a button that takes the card off the group screen (`on_wall`) or puts it back; says
/// whether that button was clicked.
pub fn leader_panel_ui(
    ui: &mut Ui,
    card: Option<&JoinCard>,
    on_wall: bool,
    error: Option<&str>,
    s: &PhoneStrings,
    palette: &Palette,
) -> bool {
    let mut toggled = false;
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
        let label = if on_wall {
            s.phones_card_hide
        } else {
            s.phones_card_show
        };
        toggled = ui.button(label).clicked();
    }
    toggled
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character the same width, so the test reads as counting.
    fn lines(url: &str, chars: usize) -> Vec<String> {
        link_lines(url, |t| t.chars().count() as f32, chars as f32)
    }

    #[test]
    fn the_link_is_cut_only_where_a_link_may_be_cut() {
        let url = "http://192.168.1.23:49152/m/f9743bf2839d613603e05acf4838691a/";
        let cut = lines(url, 12);
        assert_eq!(
            cut.concat(),
            "192.168.1.23:49152/m/f9743bf2839d613603e05acf4838691a/"
        );
        assert!(cut.iter().all(|l| l.chars().count() <= 12), "{cut:?}");
        assert_eq!(cut[0], "192.168.1.");
        assert_eq!(cut[1], "23:49152/m/", "the port is never cut");
        // The token in whole groups of four.
        for line in &cut[2..] {
            assert_eq!(line.trim_end_matches('/').len() % 4, 0, "{cut:?}");
        }
        assert_ne!(
            cut.last().map(String::as_str),
            Some("/"),
            "no slash alone: {cut:?}"
        );
        // Wide enough: one line.
        assert_eq!(lines(url, 80).len(), 1);
    }
}
