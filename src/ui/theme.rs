//! One style setup for the app and the tests: fonts, colours and sizes as named tokens.

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId};

use crate::store::Theme;

/// The family name of the bold face (Atkinson Hyperlegible Bold).
pub const BOLD: &str = "bold";

/// Installs Atkinson Hyperlegible (made for low-vision readers, OFL) as the app's font, with
/// egui's own fonts behind it for symbols it lacks.
pub fn install_fonts(ctx: &egui::Context) {
    // No TrueType hinting and no sub-pixel binning (see BENCHMARKS.md). Hinting ran the
    // font's bytecode for every glyph at every size: the home screen's first frame took 13 ms
    // against 2 ms for a bare window (now 4.6 ms). Binning kept up to four bitmaps of every
    // glyph, so a meeting's large room-display text grew the glyph atlas to 2048 x 2048 (16 MB
    // in egui and 16 MB more in a software GL driver): 1.4 x a bare window's memory, now 1.2 x.
    // Text stays anti-aliased.
    let tweak = egui::FontTweak {
        hinting: Some(false),
        subpixel_binning: Some(false),
        ..Default::default()
    };
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "atkinson".to_owned(),
        FontData::from_static(include_bytes!(
            "../../assets/fonts/AtkinsonHyperlegible_400Regular.ttf"
        ))
        .tweak(tweak.clone())
        .into(),
    );
    fonts.font_data.insert(
        "atkinson-bold".to_owned(),
        FontData::from_static(include_bytes!(
            "../../assets/fonts/AtkinsonHyperlegible_700Bold.ttf"
        ))
        .tweak(tweak)
        .into(),
    );
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut regular = vec!["atkinson".to_owned()];
    regular.extend(fallbacks.iter().cloned());
    let mut bold = vec!["atkinson-bold".to_owned()];
    bold.extend(fallbacks);
    fonts.families.insert(FontFamily::Proportional, regular);
    fonts.families.insert(FontFamily::Name(BOLD.into()), bold);
    ctx.set_fonts(fonts);
}

/// Named colours. Every text colour meets WCAG AAA (7:1) against `background` and `surface`;
/// a unit test holds that.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: Color32,
    /// Panels, the leader's control bar, cards.
    pub surface: Color32,
    pub text: Color32,
    /// Secondary text: still AAA.
    pub muted: Color32,
    /// The ring while time remains, the current phase and step markers.
    pub accent: Color32,
    /// The ring while paused or not yet started.
    pub idle: Color32,
    /// The ring's empty track.
    pub track: Color32,
    /// The ring once time is up: warm, not alarming.
    pub overrun: Color32,
    /// Behind the guard line of a phase (e.g. "questions only").
    pub guard_fill: Color32,
    pub guard_stroke: Color32,
    pub badge_fill: Color32,
    pub badge_stroke: Color32,
    /// Finished phases in the strip.
    pub done_fill: Color32,
    pub warning_text: Color32,
}

impl Palette {
    pub fn for_theme(theme: Theme) -> Self {
        match theme {
            Theme::Light => Self::LIGHT,
            Theme::Dark => Self::DARK,
        }
    }

    pub const LIGHT: Self = Self {
        background: Color32::from_rgb(0xF5, 0xF3, 0xEE),
        surface: Color32::from_rgb(0xE9, 0xE5, 0xDC),
        text: Color32::from_rgb(0x16, 0x19, 0x1D),
        muted: Color32::from_rgb(0x38, 0x3F, 0x48),
        accent: Color32::from_rgb(0x1F, 0x55, 0x70),
        idle: Color32::from_rgb(0x8C, 0x9A, 0xA6),
        track: Color32::from_rgb(0xDD, 0xD7, 0xCB),
        overrun: Color32::from_rgb(0xC0, 0x7A, 0x2E),
        guard_fill: Color32::from_rgb(0xF6, 0xE6, 0xC4),
        guard_stroke: Color32::from_rgb(0xC0, 0x7A, 0x2E),
        badge_fill: Color32::from_rgb(0xE4, 0xEA, 0xEE),
        badge_stroke: Color32::from_rgb(0x8F, 0xA6, 0xB5),
        done_fill: Color32::from_rgb(0xC9, 0xD6, 0xDE),
        warning_text: Color32::from_rgb(0x5A, 0x2D, 0x00),
    };

    pub const DARK: Self = Self {
        background: Color32::from_rgb(0x12, 0x15, 0x19),
        surface: Color32::from_rgb(0x1E, 0x23, 0x29),
        text: Color32::from_rgb(0xEE, 0xF1, 0xF4),
        muted: Color32::from_rgb(0xC3, 0xC9, 0xD1),
        accent: Color32::from_rgb(0x6D, 0xB0, 0xD0),
        idle: Color32::from_rgb(0x5E, 0x6B, 0x77),
        track: Color32::from_rgb(0x2B, 0x31, 0x39),
        overrun: Color32::from_rgb(0xE0, 0xA4, 0x58),
        guard_fill: Color32::from_rgb(0x36, 0x2D, 0x1E),
        guard_stroke: Color32::from_rgb(0xC0, 0x8A, 0x45),
        badge_fill: Color32::from_rgb(0x22, 0x29, 0x30),
        badge_stroke: Color32::from_rgb(0x4C, 0x5C, 0x69),
        done_fill: Color32::from_rgb(0x29, 0x35, 0x3F),
        warning_text: Color32::from_rgb(0xF5, 0xC9, 0x8C),
    };
}

/// Applies a theme to egui's own widgets (buttons, panels, text fields).
pub fn apply(ctx: &egui::Context, theme: Theme) {
    let palette = Palette::for_theme(theme);
    let (egui_theme, mut visuals) = match theme {
        Theme::Light => (egui::Theme::Light, egui::Visuals::light()),
        Theme::Dark => (egui::Theme::Dark, egui::Visuals::dark()),
    };
    visuals.panel_fill = palette.background;
    visuals.window_fill = palette.background;
    visuals.extreme_bg_color = palette.surface;
    visuals.override_text_color = Some(palette.text);
    // Selected items: a light tint with an accent edge, so their text keeps AAA contrast.
    visuals.selection.bg_fill = palette.done_fill;
    visuals.selection.stroke = egui::Stroke::new(2.0, palette.accent);
    visuals.widgets.noninteractive.fg_stroke.color = palette.text;
    // Small corner radii: cheap to draw once a second (see BENCHMARKS.md, CPU).
    for widget in [
        &mut visuals.widgets.noninteractive,
        &mut visuals.widgets.inactive,
        &mut visuals.widgets.hovered,
        &mut visuals.widgets.active,
        &mut visuals.widgets.open,
    ] {
        widget.corner_radius = egui::CornerRadius::same(4);
    }
    // Check boxes and fields need a visible edge on the calm background.
    visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, palette.muted);
    ctx.set_theme(egui_theme);
    ctx.set_visuals_of(egui_theme, visuals);
    ctx.all_styles_mut(|style| {
        style.spacing.button_padding = egui::vec2(10.0, 6.0);
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.text_styles.insert(
            egui::TextStyle::Body,
            FontId::new(17.0, FontFamily::Proportional),
        );
        style.text_styles.insert(
            egui::TextStyle::Button,
            FontId::new(17.0, FontFamily::Proportional),
        );
        style.text_styles.insert(
            egui::TextStyle::Heading,
            FontId::new(28.0, FontFamily::Name(BOLD.into())),
        );
        style.text_styles.insert(
            egui::TextStyle::Small,
            FontId::new(14.0, FontFamily::Proportional),
        );
    });
}

pub fn regular(size: f32) -> FontId {
    FontId::new(size, FontFamily::Proportional)
}

pub fn bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(BOLD.into()))
}

/// Sizes of the room display, as shares of the height of the area it is drawn in (the window,
/// not the operating system's scale factor), so the wall reads the same on a 1024×768 beamer and
/// a 4K screen. Font sizes are em sizes; Atkinson Hyperlegible's capitals and digits are
/// [`room::CAP_HEIGHT`] of that, so a token of 0.038 draws capitals 2.54 % of the height.
pub mod room {
    /// Capital (and digit) height of Atkinson Hyperlegible per em (its OS/2 `sCapHeight`,
    /// 668 of 1000 units).
    pub const CAP_HEIGHT: f32 = 0.668;
    /// Every text on the wall has capitals of at least this share of the height (issue 11:
    /// 27 px at 1080p, legible from the back row).
    pub const MIN_GLYPH: f32 = 0.025;
    /// The countdown's digits are at least this share of the height.
    pub const MIN_TIME_GLYPH: f32 = 0.12;
    /// The phase title's capitals are at least this share of the height.
    pub const MIN_TITLE_GLYPH: f32 = 0.06;

    /// Phase title: capitals 6.1 % of the height.
    pub const TITLE: f32 = 0.092;
    /// Remaining time, also when over time ("+12:34"): digits 12.4 % of the height.
    pub const TIME: f32 = 0.185;
    /// A line that asks something of the room (prepare quietly, time is up), the purpose
    /// while no list is up, the guard.
    pub const PURPOSE: f32 = 0.044;
    pub const GUARD: f32 = 0.044;
    /// Everything else: the group's material (lists, advice, marks, key words), rules, roles,
    /// the top line, the steps, the status word. Capitals 2.6 % of the height.
    pub const BODY: f32 = 0.039;
    /// The smallest font the wall uses anywhere (the plan strip's numbers): capitals 2.54 %.
    pub const TEXT_MIN: f32 = 0.038;
    /// Largest outer diameter of the ring beside the phase's text.
    pub const RING: f32 = 0.6;
    pub const RING_WIDTH: f32 = 0.026;
    /// The ring beside the time while a list has the room.
    pub const SMALL_RING_WIDTH: f32 = 0.016;
    /// The introduction screen's top line and body text (issue 11 did not cover that screen;
    /// it keeps its sizes, on [`crate::ui::room_unit`]).
    pub const INTRO_TOP_LINE: f32 = 0.03;
    pub const INTRO_BODY: f32 = 0.027;
    /// Height of the strip with the protocol's phases.
    pub const STRIP: f32 = 0.052;
}

/// WCAG 2 contrast ratio between two colours (1.0 ..= 21.0).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    fn channel(c: u8) -> f32 {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Color32) -> f32 {
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_colour_is_aaa_on_every_fill_it_stands_on() {
        for palette in [Palette::LIGHT, Palette::DARK] {
            for text in [palette.text, palette.muted, palette.warning_text] {
                for fill in [
                    palette.background,
                    palette.surface,
                    palette.guard_fill,
                    palette.badge_fill,
                    palette.done_fill,
                ] {
                    let ratio = contrast_ratio(text, fill);
                    assert!(ratio >= 7.0, "{text:?} on {fill:?}: {ratio:.2}");
                }
            }
        }
    }

    /// The accent marks the current phase and step right beside text; it reads as text.
    #[test]
    fn accent_marks_are_aaa_on_the_background() {
        for palette in [Palette::LIGHT, Palette::DARK] {
            let ratio = contrast_ratio(palette.accent, palette.background);
            assert!(ratio >= 7.0, "{:?}: {ratio:.2}", palette.accent);
        }
    }

    #[test]
    fn contrast_ratio_matches_wcag_reference_values() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        let grey = Color32::from_rgb(0x76, 0x76, 0x76);
        assert!((contrast_ratio(grey, Color32::WHITE) - 4.54).abs() < 0.02);
    }
}
