//! The wall in a window of its own, for the projector. It is drawn from the same public
//! [`RoomView`] as the single-window wall.

use super::{KringApp, Screen};
use crate::room::RoomView;
use crate::ui::command::{AppAction, AppCommand};
use crate::ui::room;

impl KringApp {
    pub(super) fn room_window_ui(&mut self, ctx: &egui::Context) {
        if !self.room_window() || self.screen != Screen::Meeting {
            return;
        }
        let Some(session) = &self.session else {
            return;
        };
        let view = RoomView::new(
            &session.meeting,
            &session.content,
            self.env.lang(),
            self.env.strings(),
            self.env.now_ms(),
            &self.env.tz,
        )
        .on_page(session.wall_page);
        let palette = self.env.palette();
        let title = self.env.strings().room_window_title;
        let mut closed = false;
        let mut pages = None;
        let mut commands = Vec::new();
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("kring_room"),
            egui::ViewportBuilder::default()
                .with_title(title)
                .with_inner_size([1280.0, 720.0]),
            |ui, class| {
                let rect = if class == egui::ViewportClass::EmbeddedWindow {
                    ui.allocate_exact_size(egui::vec2(640.0, 360.0), egui::Sense::hover())
                        .0
                } else {
                    ui.max_rect()
                };
                ui.painter().rect_filled(rect, 0.0, palette.background);
                pages = Some(room::room_ui(ui, rect, &view, &palette));
                let ctx = ui.ctx().clone();
                // Keys pressed while the wall window has focus: full screen applies to it.
                for command in self.shortcuts(&ctx) {
                    match command {
                        AppCommand::App(AppAction::ToggleFullscreen) => {
                            let fullscreen =
                                ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
                        }
                        AppCommand::App(AppAction::Escape) => {
                            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                        }
                        other => commands.push(other),
                    }
                }
                if ctx.input(|i| i.viewport().close_requested()) {
                    closed = true;
                }
            },
        );
        self.pending.extend(commands);
        if let (Some(pages), Some(session)) = (pages, &mut self.session) {
            session.wall_drawn(pages);
        }
        if closed {
            if let Some(session) = &mut self.session {
                session.set_room_window(false);
            }
            self.set_room_window(false);
        }
    }
}
