//! The group screen in a window of its own, for the projector. A deferred viewport with its own
//! repaint schedule: it counts down every second on its own, so the leader's window does not
//! have to repaint with it (on a software-rendered projector PC each repaint costs real CPU).
//! It is drawn from public values only ([`RoomView`], [`IntroView`], [`CalmView`]).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::{ViewportBuilder, ViewportClass, ViewportId};
use jiff::tz::TimeZone;

use super::keys::{Scope, UiCommand};
use super::room;
use super::theme::Palette;
use super::wall_screens::{calm_wall_ui, intro_wall_ui};
use crate::i18n;
use crate::meeting::{Clock, Meeting};
use crate::model::{Lang, MeetingContent};
use crate::room::{CalmView, IntroView, JoinCard, RoomView};
use crate::store::{Settings, Theme};

pub fn wall_viewport_id() -> ViewportId {
    ViewportId::from_hash_of("kring_room")
}

/// What the group screen shows.
#[derive(Clone, Debug, PartialEq)]
pub enum WallSource {
    /// A phase: the wall builds its [`RoomView`] from this snapshot each time it paints, so
    /// its countdown moves on without the leader's window.
    Meeting {
        meeting: Box<Meeting>,
        content: Box<MeetingContent>,
        /// The page of a long list the leader turned to.
        page: usize,
        /// How members join from their phones, while they can.
        join: Option<JoinCard>,
    },
    Intro(IntroView),
    Calm(CalmView),
}

/// Where the window is and whether it is full screen, as last seen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub position: [i32; 2],
    /// The inner size, in points.
    pub size: [i32; 2],
    pub fullscreen: bool,
}

struct Shared {
    source: Option<WallSource>,
    lang: Lang,
    theme: Theme,
    clock: Arc<dyn Clock>,
    tz: TimeZone,
    /// Keys pressed while the wall window had focus, for the app to map.
    keys: Vec<UiCommand>,
    close_requested: bool,
    placement: Option<Placement>,
    /// The pages the last paint had, for the leader's page turning.
    pages: Option<room::WallPages>,
}

pub struct WallWindow {
    shared: Arc<Mutex<Shared>>,
}

impl WallWindow {
    pub fn new(clock: Arc<dyn Clock>, tz: TimeZone) -> Self {
        Self {
            shared: Arc::new(Mutex::new(Shared {
                source: None,
                lang: Lang::Nl,
                theme: Theme::Light,
                clock,
                tz,
                keys: Vec::new(),
                close_requested: false,
                placement: None,
                pages: None,
            })),
        }
    }

    /// Keeps the window open for this frame, showing `source`. The window repaints only when
    /// what it shows changed (or, by itself, when its countdown's second moves on).
    pub fn show(&self, ctx: &egui::Context, source: WallSource, settings: &Settings, title: &str) {
        let id = wall_viewport_id();
        if let Ok(mut shared) = self.shared.lock()
            && (shared.source.as_ref() != Some(&source)
                || shared.lang != settings.language
                || shared.theme != settings.theme)
        {
            shared.source = Some(source);
            shared.lang = settings.language;
            shared.theme = settings.theme;
            ctx.request_repaint_of(id);
        }
        let mut builder = ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1280.0, 720.0]);
        builder = match settings.room_window_position {
            // Where it was last: the window manager makes it full screen on that monitor.
            Some([x, y]) => {
                let [w, h] = settings.room_window_size.unwrap_or([1280, 720]);
                builder
                    .with_position([x as f32, y as f32])
                    .with_inner_size([w as f32, h as f32])
                    .with_fullscreen(settings.room_window_fullscreen)
            }
            // The first time: full screen on the second monitor when there is one (with one
            // monitor egui ignores this and opens a window beside the leader's).
            None => builder.with_monitor(1),
        };
        let shared = self.shared.clone();
        ctx.show_viewport_deferred(id, builder, move |ui, class| {
            let Ok(mut shared) = shared.lock() else {
                return;
            };
            wall_ui(ui, class, &mut shared);
        });
    }

    /// Keys pressed in the wall window since the last call.
    pub fn take_keys(&self) -> Vec<UiCommand> {
        self.shared
            .lock()
            .map(|mut s| std::mem::take(&mut s.keys))
            .unwrap_or_default()
    }

    /// Whether someone closed the wall window since the last call.
    pub fn take_close_request(&self) -> bool {
        self.shared
            .lock()
            .map(|mut s| std::mem::take(&mut s.close_requested))
            .unwrap_or(false)
    }

    /// The pages the wall had when it was last painted.
    pub fn pages(&self) -> Option<room::WallPages> {
        self.shared.lock().ok().and_then(|s| s.pages)
    }

    /// Where the window was last seen.
    pub fn placement(&self) -> Option<Placement> {
        self.shared.lock().ok().and_then(|s| s.placement)
    }

    /// Forgets what the window showed (it was closed), so it repaints when it opens again.
    pub fn closed(&self) {
        if let Ok(mut shared) = self.shared.lock() {
            shared.source = None;
        }
    }
}

fn wall_ui(ui: &mut egui::Ui, class: ViewportClass, shared: &mut Shared) {
    let palette = Palette::for_theme(shared.theme);
    let rect = if class == ViewportClass::EmbeddedWindow {
        let rect = ui
            .allocate_exact_size(egui::vec2(640.0, 360.0), egui::Sense::hover())
            .0;
        ui.painter().rect_filled(rect, 0.0, palette.background);
        rect
    } else {
        // A window of its own is cleared to the palette's background by eframe
        // (`KringApp::clear_color`, the same theme): no full-window rectangle on top, which a
        // software renderer would shade pixel by pixel every second.
        ui.max_rect()
    };
    crate::bench::log_wall_frame();
    let ctx = ui.ctx().clone();
    let id = ctx.viewport_id();
    match &shared.source {
        Some(WallSource::Meeting {
            meeting,
            content,
            page,
            join,
        }) => {
            let now = shared.clock.now_ms();
            let s = i18n::strings(shared.lang);
            let view =
                RoomView::new(meeting, content, shared.lang, s, now, &shared.tz).on_page(*page);
            let pages = match join {
                Some(card) => {
                    let (wall, column) = super::phones::split_wall(rect);
                    let p = i18n::phone_strings(shared.lang);
                    super::phones::wall_card_ui(ui, column, card, p, &palette);
                    room::room_ui(ui, wall, &view, &palette)
                }
                None => room::room_ui(ui, rect, &view, &palette),
            };
            if shared.pages != Some(pages) {
                shared.pages = Some(pages);
                // The leader's page turning stops at the last page.
                ctx.request_repaint_of(ViewportId::ROOT);
            }
            // The next whole second of a running countdown: this window alone repaints.
            let countdown = meeting
                .break_countdown(now)
                .or_else(|| meeting.countdown(now))
                .filter(|c| c.running);
            if let Some(c) = countdown {
                let into = c.remaining_ms().rem_euclid(1000);
                let wait = if into == 0 { 1000 } else { into };
                ctx.request_repaint_after_for(Duration::from_millis(wait as u64 + 5), id);
            }
        }
        Some(WallSource::Intro(view)) => intro_wall_ui(ui, rect, view, &palette, |_, _| {}),
        Some(WallSource::Calm(view)) => calm_wall_ui(ui, rect, view, &palette),
        None => {}
    }
    if class == ViewportClass::EmbeddedWindow {
        // Embedded (tests, or a backend with one window): the keys are the leader's window's.
        return;
    }
    let mut wake_app = false;
    ctx.input_mut(|input| {
        for command in UiCommand::ALL {
            let scope = command.scope();
            if !matches!(scope, Scope::Meeting | Scope::Anywhere | Scope::Intro)
                || !command.take(input)
            {
                continue;
            }
            match command {
                // Full screen applies to this window.
                UiCommand::Fullscreen => {
                    let fullscreen = input.viewport().fullscreen.unwrap_or(false);
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
                }
                other => {
                    shared.keys.push(other);
                    wake_app = true;
                }
            }
        }
        if input.viewport().close_requested() {
            shared.close_requested = true;
            wake_app = true;
        }
        if let (Some(outer), Some(inner)) =
            (input.viewport().outer_rect, input.viewport().inner_rect)
        {
            let fullscreen = input.viewport().fullscreen.unwrap_or(false);
            // Full screen, the window's own size is the screen's: keep the last windowed one.
            let size = match (&shared.placement, fullscreen) {
                (Some(last), true) => last.size,
                _ => [inner.width().round() as i32, inner.height().round() as i32],
            };
            shared.placement = Some(Placement {
                position: [outer.min.x.round() as i32, outer.min.y.round() as i32],
                size,
                fullscreen,
            });
        }
    });
    if wake_app {
        ctx.request_repaint_of(ViewportId::ROOT);
    }
}
