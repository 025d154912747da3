//! The introduction of the method fits the group screen on any projector: every text inside
//! the screen and at least the wall's minimum size, for every shipped protocol (the longest
//! introduction is 741 characters).

use egui::epaint::{Shape, TextShape};
use egui::{Rect, Vec2, pos2, vec2};
use egui_kittest::Harness;
use kring::i18n;
use kring::model::Lang;
use kring::room::IntroView;
use kring::store::Catalog;
use kring::ui::intro_room_ui;
use kring::ui::theme::{self, Palette, room};

const SIZES: [(f32, f32); 4] = [
    (1024.0, 768.0),
    (1280.0, 720.0),
    (1920.0, 1080.0),
    (3840.0, 2160.0),
];

fn text_shapes<'a>(shape: &'a Shape, out: &mut Vec<&'a TextShape>) {
    match shape {
        Shape::Text(text) => out.push(text),
        Shape::Vec(shapes) => shapes.iter().for_each(|s| text_shapes(s, out)),
        _ => {}
    }
}

struct Intro {
    view: IntroView,
    fonts: bool,
    pages: usize,
}

#[test]
fn the_introduction_fits_every_projector_at_the_walls_sizes() {
    let catalog = Catalog::load(None);
    let mut failures = Vec::new();
    for (width, height) in SIZES {
        let screen = Rect::from_min_size(pos2(0.0, 0.0), vec2(width, height));
        for entry in &catalog.entries {
            for lang in Lang::ALL {
                let view = IntroView::new(&entry.protocol, lang, i18n::strings(lang));
                let mut harness = Harness::builder()
                    .with_size(Vec2::new(width, height))
                    .build_ui_state(
                        |ui, intro: &mut Intro| {
                            if !intro.fonts {
                                theme::install_fonts(ui.ctx());
                                intro.fonts = true;
                                return;
                            }
                            let rect = ui.ctx().content_rect();
                            intro.pages = intro_room_ui(ui, rect, &intro.view, &Palette::LIGHT).1;
                        },
                        Intro {
                            view,
                            fonts: false,
                            pages: 0,
                        },
                    );
                harness.step();
                harness.step();
                let min_font = room::TEXT_MIN * height - 0.5;
                let mut texts = 0;
                for clipped in &harness.output().shapes {
                    let mut here = Vec::new();
                    text_shapes(&clipped.shape, &mut here);
                    for shape in here {
                        let galley = &shape.galley;
                        if galley.text().trim().is_empty() {
                            continue;
                        }
                        texts += 1;
                        let rect = galley.rect.translate(shape.pos.to_vec2());
                        let at = format!("{width}x{height} {} {lang:?}", entry.protocol.id);
                        if !screen
                            .intersect(clipped.clip_rect)
                            .expand(0.5)
                            .contains_rect(rect)
                        {
                            failures.push(format!("{at}: outside {rect:?}: «{}»", galley.text()));
                        }
                        for section in &galley.job.sections {
                            if section.format.font_id.size < min_font {
                                failures.push(format!("{at}: too small «{}»", galley.text()));
                            }
                        }
                    }
                }
                assert!(texts > 5, "the introduction was drawn");
                if harness.state().pages != 1 {
                    failures.push(format!(
                        "{width}x{height} {} {lang:?}: {} pages (the introduction has no page turning)",
                        entry.protocol.id,
                        harness.state().pages
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
