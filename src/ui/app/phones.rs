//! Members' phones in the app: serving while a meeting runs and the leader wants it, what they
//! send applied as the meeting's content commands, the leader's toggle remembered per group.

use std::sync::Arc;
use std::time::Duration;

use super::{KringApp, Screen};
use crate::meeting::{ContentCommand, apply_content};
use crate::serve::{MemberView, ServeConfig};

impl KringApp {
    /// Serve phones on `config` instead of the room's network (tests: loopback).
    pub fn set_phone_config(&mut self, config: ServeConfig) {
        self.phones.set_config(config);
    }

    /// The link phones join by, while they can.
    pub fn phones_url(&self) -> Option<String> {
        self.phones.url()
    }

    /// Every request body the phone server reads goes through `hook` too (tests); `false`
    /// when it is not running.
    pub fn record_phone_bodies(&self, hook: crate::serve::BodyHook) -> bool {
        self.phones.record_bodies(hook)
    }

    /// Once a frame: serve or stop, take what phones sent, and wake for the advice waiting.
    pub(super) fn phones_tick(&mut self, ctx: &egui::Context) {
        let now = self.env.now_ms();
        let wanted = self.phones.on && self.screen == Screen::Meeting;
        let Some(session) = self.session.as_mut().filter(|_| wanted) else {
            if let Some(rest) = self.phones.stop() {
                self.apply_phone_content(vec![rest]);
            }
            return;
        };
        let lang = self.env.lang();
        let view = MemberView::new(
            &session.meeting,
            &session.content,
            lang,
            self.env.strings(),
            now,
        );
        let port = self.env.settings.phones_port;
        let served = self.phones.serve(view, lang, port, || {
            let ctx = ctx.clone();
            Arc::new(move || ctx.request_repaint())
        });
        if let Err(error) = served {
            let text = crate::i18n::fill(
                crate::i18n::phone_strings(lang).phones_failed,
                &[("error", &error)],
            );
            log::error!("{text}");
            self.phones.error = Some(text);
            self.phones.on = false;
            return;
        }
        let commands = self.phones.take(now);
        self.apply_phone_content(commands);
        if let Some(ms) = self.phones.due_in_ms(now) {
            ctx.request_repaint_after(Duration::from_millis(ms as u64 + 5));
        }
    }

    fn apply_phone_content(&mut self, commands: Vec<ContentCommand>) {
        if let Some(session) = &mut self.session {
            for command in commands {
                apply_content(&mut session.content, command, &mut rand::rng());
            }
        }
    }

    /// Advice still waiting for its batch goes to the board now: before the reveal, a step or
    /// phase change, or the end, so nothing is lost and the reveal shows it all.
    pub(super) fn flush_phone_advice(&mut self) {
        if let Some(command) = self.phones.flush() {
            self.apply_phone_content(vec![command]);
        }
    }

    /// The leader turns phones on or off; the group remembers it for the next meeting.
    pub(super) fn toggle_phones(&mut self) {
        if self.session.is_none() {
            return;
        }
        self.phones.on = !self.phones.on;
        self.phones.error = None;
        self.group.settings.phones = self.phones.on;
        if let Err(why) = self.group.save_phones(&self.env) {
            self.env.notices.push(why);
        }
    }
}
