//! The home screen's own state: which tab is open, which protocol is chosen, and whether the
//! method is explained first.

use super::env::Env;
use crate::ui::command::HomeCommand;
pub use crate::ui::command::HomeTab;

pub struct HomeState {
    pub tab: HomeTab,
    /// The chosen protocol's id.
    pub selected: Option<String>,
    /// Explain the method to the room before the first phase.
    pub intro_first: bool,
}

impl HomeState {
    /// The last protocol used (if it is still there), or the first one.
    pub fn new(env: &Env) -> Self {
        let selected = env
            .settings
            .last_protocol
            .clone()
            .filter(|id| env.catalog.get(id).is_some())
            .or_else(|| env.catalog.entries.first().map(|e| e.protocol.id.clone()));
        let mut home = Self {
            tab: HomeTab::Meeting,
            selected: None,
            intro_first: true,
        };
        if let Some(id) = selected {
            home.select(id, env);
        }
        home
    }

    pub fn apply(&mut self, command: HomeCommand, env: &Env) {
        match command {
            HomeCommand::SelectProtocol(id) => self.select(id, env),
            HomeCommand::StepProtocol(step) => {
                if let Some(id) = self.neighbour(step, env) {
                    self.select(id, env);
                }
            }
            HomeCommand::SetIntroFirst(on) => self.intro_first = on,
            HomeCommand::SetTab(tab) => self.tab = tab,
        }
    }

    /// Chooses a protocol; the introduction is ticked only when the group has not used it.
    pub fn select(&mut self, id: String, env: &Env) {
        self.intro_first = !env.group_has_met_with(&id);
        self.selected = Some(id);
    }

    /// The id of the protocol `step` places after (or before) the selected one in the list.
    fn neighbour(&self, step: isize, env: &Env) -> Option<String> {
        let entries = &env.catalog.entries;
        let current = self
            .selected
            .as_deref()
            .and_then(|id| entries.iter().position(|e| e.protocol.id == id))?;
        let next = current.checked_add_signed(step)?;
        entries.get(next).map(|e| e.protocol.id.clone())
    }
}
