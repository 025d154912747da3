//! What a screen gets besides its own state: the sentences, the language, the palette, the
//! clock, whether this Kring may write the group's folder, and a queue for the commands it
//! produces. No screen sees the whole app (after rerun's `ViewerContext`).

use jiff::tz::TimeZone;

use super::command::AppCommand;
use super::state::Env;
use super::theme::Palette;
use crate::i18n::Strings;
use crate::model::Lang;

pub struct ViewCtx<'a> {
    pub s: &'static Strings,
    pub lang: Lang,
    pub palette: Palette,
    pub now_ms: i64,
    pub tz: &'a TimeZone,
    /// This Kring holds the group's write handle.
    pub may_write: bool,
    commands: Vec<AppCommand>,
}

impl<'a> ViewCtx<'a> {
    pub fn new(env: &'a Env) -> Self {
        Self {
            s: env.strings(),
            lang: env.lang(),
            palette: env.palette(),
            now_ms: env.now_ms(),
            tz: &env.tz,
            may_write: env.lock.is_some(),
            commands: Vec::new(),
        }
    }

    /// Queues a command; the app applies it at the end of the frame.
    pub fn send(&mut self, command: impl Into<AppCommand>) {
        self.commands.push(command.into());
    }

    pub fn extend(&mut self, commands: impl IntoIterator<Item = AppCommand>) {
        self.commands.extend(commands);
    }

    pub fn into_commands(self) -> Vec<AppCommand> {
        self.commands
    }
}
