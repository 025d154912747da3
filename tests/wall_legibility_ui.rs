//! Issue 11: the wall is read from the back row, on any projector. The wall is rendered at six
//! window sizes, in every step of every phase of the shipped protocols, with long content, on
//! every page, with and without the phones' join card beside it (issue 13); the test fails
//! when a text lies outside the window or its clip, is smaller than the minimum, breaks inside
//! a word, or when material never reaches any page.

use egui::epaint::{Shape, TextShape};
use egui::{Rect, Vec2, pos2, vec2};
use egui_kittest::Harness;
use jiff::tz::TimeZone;
use kring::i18n::{DE, NL};
use kring::meeting::{Command, Meeting, Step};
use kring::model::{AdviceMark, FollowUp, Lang, MeetingContent, Protocol, Text};
use kring::room::{JoinCard, RoomTool, RoomView};
use kring::store::Catalog;
use kring::ui::theme::{self, Palette, room};
use kring::ui::{WallPages, room_ui, split_wall, wall_card_ui};
use rand::SeedableRng as _;
use rand::rngs::StdRng;

const SIZES: [(f32, f32); 6] = [
    (1024.0, 768.0),
    (1280.0, 800.0),
    (1280.0, 720.0),
    (1920.0, 1080.0),
    (2560.0, 1440.0),
    (3840.0, 2160.0),
];

const T0: i64 = 1_763_900_000_000;

/// `n` characters of ordinary Dutch words.
fn long_text(seed: usize, n: usize) -> String {
    const WORDS: [&str; 12] = [
        "de",
        "inbrenger",
        "zou",
        "eerst",
        "met",
        "het",
        "team",
        "bespreken",
        "wat",
        "verwachtingen",
        "zijn",
        "cliëntgesprek",
    ];
    let mut text = format!("{}. ", seed + 1);
    let mut i = seed;
    while text.chars().count() < n {
        text.push_str(WORDS[i % WORDS.len()]);
        text.push(' ');
        i += 5;
    }
    text.chars().take(n).collect::<String>().trim().to_owned()
}

/// Everything at once and long: 12 problems with votes and a 300-character question,
/// 12 pieces of advice of 200 characters with marks, 10 key words, a decision, follow-ups.
fn long_content(revealed: bool, subgroups: bool) -> MeetingContent {
    let mut rng = StdRng::seed_from_u64(11);
    let mut content = MeetingContent {
        names_on_wall: true,
        ..MeetingContent::default()
    };
    for i in 0..12 {
        content.add_present(&format!("Deelnemer {}", i + 1));
    }
    for i in 0..12 {
        let id = content
            .add_problem(
                &long_text(i, 60),
                &long_text(i + 3, 50),
                Some(format!("Deelnemer {}", i + 1)),
            )
            .expect("problem");
        let problem = content
            .problems
            .iter_mut()
            .find(|p| p.id == id)
            .expect("added");
        problem.votes = (i as u32 * 3) % 13;
        if i == 4 {
            problem.question = Some(long_text(40, 300));
        }
    }
    content.choose(content.problems[4].id);
    content.inbrenger = Some("Deelnemer 5".to_owned());
    if subgroups {
        content.make_subgroups(3, &mut rng);
    } else {
        for i in 0..12 {
            content.advice.add(&long_text(i + 20, 200), &mut rng);
        }
        if revealed {
            content.advice.reveal(&mut rng);
            for i in 0..12 {
                let mark = [
                    Some(AdviceMark::WillUse),
                    Some(AdviceMark::NotNow),
                    Some(AdviceMark::Maybe),
                ][i % 3];
                content.advice.set_mark(i, mark);
            }
        }
    }
    content.decision = long_text(60, 200);
    for i in 0..3 {
        content.follow_ups.push(FollowUp {
            what: long_text(70 + i, 80),
            who: "Deelnemer 5".to_owned(),
            by_when: "over twee weken".to_owned(),
            done: false,
        });
    }
    for i in 0..10 {
        content.insights.push(long_text(80 + i, 40));
    }
    content.insights_on_wall = true;
    content
}

/// A phase with four rules: every phase gets at least four.
fn with_four_rules(mut protocol: Protocol) -> Protocol {
    for phase in &mut protocol.phases {
        let mut i = 0;
        while phase.rules.len() < 4 {
            phase.rules.push(Text {
                nl: format!("Regel {i}: we luisteren eerst en vullen niets voor elkaar in"),
                en: format!("Rule {i}: we listen first and fill in nothing for each other"),
                de: format!("Regel {i}: Wir hören erst zu und ergänzen nichts füreinander"),
            });
            i += 1;
        }
    }
    protocol
}

/// Every view the wall shows while a meeting runs through all its phases and steps, with the
/// time running, over, on a break; in Dutch, and in German, whose words run longest.
fn all_views() -> Vec<RoomView> {
    let catalog = Catalog::load(None);
    let tz = TimeZone::UTC;
    let contents = [
        long_content(true, false),
        long_content(false, false),
        long_content(false, true),
    ];
    let mut views: Vec<RoomView> = Vec::new();
    let mut add = |view: RoomView| {
        if !views.contains(&view) {
            views.push(view);
        }
    };
    for (entry, (lang, s)) in catalog
        .entries
        .iter()
        .flat_map(|entry| [(entry, (Lang::Nl, &NL)), (entry, (Lang::De, &DE))])
    {
        let mut meeting = Meeting::start(with_four_rules(entry.protocol.clone()), T0);
        let mut now = T0;
        let mut first = true;
        while !meeting.is_finished() {
            for content in &contents {
                add(RoomView::new(&meeting, content, lang, s, now, &tz));
            }
            if meeting.step() == Step::Run {
                let over = now + 3 * 3_600_000;
                add(RoomView::new(&meeting, &contents[0], lang, s, over, &tz));
                if first {
                    first = false;
                    meeting.apply(Command::StartBreak { minutes: 10 }, now);
                    add(RoomView::new(&meeting, &contents[0], lang, s, now, &tz));
                    let over = now + 3_600_000;
                    add(RoomView::new(&meeting, &contents[0], lang, s, over, &tz));
                    meeting.apply(Command::EndBreak, now);
                }
            }
            now += 60_000;
            meeting.apply(Command::Next, now);
        }
    }
    views
}

struct Wall {
    view: RoomView,
    pages: Option<WallPages>,
    fonts: bool,
    /// The phones' join card beside the wall, as when the leader turned phones on.
    card: Option<JoinCard>,
}

fn text_shapes<'a>(shape: &'a Shape, out: &mut Vec<&'a TextShape>) {
    match shape {
        Shape::Text(text) => out.push(text),
        Shape::Vec(shapes) => shapes.iter().for_each(|s| text_shapes(s, out)),
        _ => {}
    }
}

/// Capital height per em of both faces, measured from the glyphs egui draws.
fn cap_height_per_em(harness: &Harness<'_, Wall>) -> f32 {
    [theme::regular(100.0), theme::bold(100.0)]
        .into_iter()
        .map(|font| {
            let galley = harness
                .ctx
                .fonts_mut(|f| f.layout_no_wrap("H".to_owned(), font, egui::Color32::WHITE));
            galley.rows[0].glyphs[0].uv_rect.size.y / 100.0
        })
        .fold(f32::INFINITY, f32::min)
}

#[test]
fn every_text_on_the_wall_is_large_enough_and_on_the_screen() {
    let views = all_views();
    assert!(views.len() > 40, "{} views", views.len());
    let kinds = |pred: fn(&RoomTool) -> bool| views.iter().filter(|v| pred(&v.tool)).count();
    assert!(kinds(|t| matches!(t, RoomTool::List { .. })) > 0);
    assert!(kinds(|t| matches!(t, RoomTool::Count { .. })) > 0);
    assert!(kinds(|t| matches!(t, RoomTool::None)) > 0);
    assert!(views.iter().any(|v| v.on_break.is_some()));
    assert!(views.iter().any(|v| v.rules.len() >= 4));

    let mut failures = Vec::new();
    let mut paged = 0;
    for (width, height) in SIZES {
        let screen = Rect::from_min_size(pos2(0.0, 0.0), vec2(width, height));
        let mut harness = Harness::builder()
            .with_size(Vec2::new(width, height))
            .build_ui_state(
                |ui, wall: &mut Wall| {
                    if !wall.fonts {
                        // The app's fonts, from the next frame on.
                        theme::install_fonts(ui.ctx());
                        wall.fonts = true;
                        return;
                    }
                    let rect = ui.ctx().content_rect();
                    ui.painter()
                        .rect_filled(rect, 0.0, Palette::LIGHT.background);
                    let rect = match &wall.card {
                        Some(card) => {
                            let (rest, column) = split_wall(rect);
                            // German: the card's longest sentences.
                            let s = kring::i18n::phone_strings(Lang::De);
                            wall_card_ui(ui, column, card, s, &Palette::LIGHT);
                            rest
                        }
                        None => rect,
                    };
                    wall.pages = Some(room_ui(ui, rect, &wall.view, &Palette::LIGHT));
                },
                Wall {
                    view: views[0].clone(),
                    pages: None,
                    fonts: false,
                    card: None,
                },
            );
        harness.step();
        harness.step();
        let cap = cap_height_per_em(&harness);
        let min_font = room::MIN_GLYPH * height / cap;
        let card =
            JoinCard::new("http://192.168.100.200:65535/m/f9743bf2839d613603e05acf4838691a/");
        for (view, card) in views
            .iter()
            .flat_map(|view| [(view, None), (view, card.clone())])
        {
            harness.state_mut().card = card;
            let mut page = 0;
            // The texts of each page, in drawing order.
            let mut seen: Vec<Vec<String>> = Vec::new();
            loop {
                harness.state_mut().view = view.clone().on_page(page);
                harness.step();
                let pages = harness.state().pages.expect("drawn");
                seen.push(Vec::new());
                let mut texts = Vec::new();
                for clipped in &harness.output().shapes {
                    let mut here = Vec::new();
                    text_shapes(&clipped.shape, &mut here);
                    texts.extend(here.into_iter().map(|t| (clipped.clip_rect, t)));
                }
                let at = format!(
                    "{width}x{height}{} «{}» {:?} page {}/{}",
                    if harness.state().card.is_some() {
                        " with the join card"
                    } else {
                        ""
                    },
                    view.title,
                    view.step,
                    pages.page + 1,
                    pages.count
                );
                for (clip, shape) in texts {
                    let galley = &shape.galley;
                    let content = galley.text().to_owned();
                    if content.trim().is_empty() {
                        continue;
                    }
                    let rect = galley.rect.translate(shape.pos.to_vec2());
                    let allowed = screen.intersect(clip).expand(0.5);
                    if !allowed.contains_rect(rect) {
                        failures.push(format!("{at}: outside the screen {rect:?}: «{content}»"));
                    }
                    for section in &galley.job.sections {
                        let part =
                            &galley.job.text[section.byte_range.start.0..section.byte_range.end.0];
                        let size = section.format.font_id.size;
                        if !part.trim().is_empty() && size < min_font {
                            failures.push(format!(
                                "{at}: {:.1} % of the height: «{part}»",
                                100.0 * size * cap / height
                            ));
                        }
                    }
                    let broken = galley.rows.windows(2).any(|pair| {
                        !pair[0].ends_with_newline
                            && pair[0]
                                .glyphs
                                .last()
                                .is_some_and(|g| g.chr.is_alphanumeric())
                            && pair[1]
                                .glyphs
                                .first()
                                .is_some_and(|g| g.chr.is_alphanumeric())
                    });
                    if broken {
                        failures.push(format!("{at}: a word broken: «{content}»"));
                    }
                    let glyph = |text: &str| {
                        galley
                            .job
                            .sections
                            .first()
                            .filter(|_| !text.is_empty() && content == text)
                            .map(|s| s.format.font_id.size * cap / height)
                    };
                    if let Some(share) = glyph(&view.title)
                        && share < room::MIN_TITLE_GLYPH
                    {
                        failures.push(format!("{at}: title {:.1} %", share * 100.0));
                    }
                    let time = view
                        .on_break
                        .as_ref()
                        .map_or(&view.ring.time_text, |b| &b.ring.time_text);
                    if let Some(share) = glyph(time)
                        && share < room::MIN_TIME_GLYPH
                    {
                        failures.push(format!("{at}: countdown {:.1} %", share * 100.0));
                    }
                    seen.last_mut().expect("this page").push(content);
                }
                if page + 1 >= pages.count {
                    break;
                }
                paged += 1;
                page += 1;
            }
            // Nothing is left off: every item reaches some page (a long one may go on a line
            // at a time, in the next column or on the next page).
            // What every page repeats (the top line, the title, the time) and the page numbers
            // are left out, so an item that goes on over a page reads as one.
            let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
            let on_every_page =
                |text: &String| seen.len() > 1 && seen.iter().all(|p| p.contains(text));
            let page_number = |text: &String| {
                text.split_once('/').is_some_and(|(a, b)| {
                    [a, b].iter().all(|n| n.chars().all(|c| c.is_ascii_digit()))
                })
            };
            let material: Vec<&String> = seen
                .iter()
                .flatten()
                .filter(|t| !on_every_page(t) && !page_number(t))
                .collect();
            let all = words(
                &material
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            let everything = words(&seen.concat().join(" "));
            // (A break shows the break alone.)
            if let (RoomTool::List { sections }, None) = (&view.tool, &view.on_break) {
                for item in sections.iter().flat_map(|s| &s.items) {
                    if !all.contains(&words(&item.text)) {
                        failures.push(format!(
                            "{width}x{height} «{}»: never shown: «{}»",
                            view.title, item.text
                        ));
                    }
                }
            }
            if view.on_break.is_none() && !everything.contains(&words(&view.title)) {
                failures.push(format!("{width}x{height}: title missing «{}»", view.title));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems, the first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(paged > 0, "long lists turn pages somewhere");
}
