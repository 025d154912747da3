//! The group screen in a window of its own: what it shows in each screen of the app, the keys
//! and close requests that come from it, and where it was (remembered for next time).

use super::{KringApp, Screen};
use crate::room::{CalmView, IntroView, JoinCard};
use crate::ui::wall_window::WallSource;

impl KringApp {
    pub(super) fn room_window_ui(&mut self, ctx: &egui::Context) {
        // Keys pressed while the wall window had focus count as the leader's keys.
        for key in self.wall.take_keys() {
            if self.key_works_now(key)
                && let Some(command) = self.command_for(key)
            {
                self.pending.push(command);
            }
        }
        if self.wall.take_close_request() {
            if let Some(session) = &mut self.session {
                // Closed during a meeting: the group screen comes back into this window.
                session.set_room_window(false);
                self.set_room_window(false);
            }
            self.wall_closing = None;
            self.wall.closed();
        }
        self.remember_wall_placement();
        if self.room_window()
            && let (Some(pages), Some(session)) = (self.wall.pages(), &mut self.session)
        {
            session.wall_drawn(pages);
        }
        let source = self.wall_source();
        match source {
            Some(source) if self.room_window() => {
                let title = self.env.strings().room_window_title;
                self.wall.show(ctx, source, &self.env.settings, title);
            }
            _ => self.wall.closed(),
        }
    }

    /// What the group screen shows now: the meeting's phase, the introduction, a welcome
    /// while the leader notes who is here, or, after the meeting, a calm closing screen until
    /// the leader closes the window.
    fn wall_source(&self) -> Option<WallSource> {
        let s = self.env.strings();
        let lang = self.env.lang();
        match (self.screen, &self.session) {
            (Screen::Setup, Some(session)) => Some(WallSource::Calm(CalmView::waiting(
                session.meeting.protocol(),
                lang,
                s,
            ))),
            (Screen::Intro, Some(session)) => Some(WallSource::Intro(IntroView::new(
                session.meeting.protocol(),
                lang,
                s,
            ))),
            (Screen::Meeting, Some(session)) => Some(WallSource::Meeting {
                meeting: Box::new(session.meeting.clone()),
                content: Box::new(session.content.clone()),
                page: session.wall_page,
                // The wall does not show how many phones take part.
                join: self
                    .phones
                    .wall_card()
                    .cloned()
                    .map(|card| JoinCard { devices: 0, ..card }),
            }),
            _ => self.wall_closing.clone().map(WallSource::Calm),
        }
    }

    /// Where the wall window was and whether it was full screen: saved when it changed, so the
    /// next meeting opens it there (on the projector).
    fn remember_wall_placement(&mut self) {
        let Some(placement) = self.wall.placement() else {
            return;
        };
        let settings = &mut self.env.settings;
        if settings.room_window_position != Some(placement.position)
            || settings.room_window_fullscreen != placement.fullscreen
            || settings.room_window_size != Some(placement.size)
        {
            settings.room_window_position = Some(placement.position);
            settings.room_window_fullscreen = placement.fullscreen;
            settings.room_window_size = Some(placement.size);
            self.env.save_settings();
        }
    }
}
