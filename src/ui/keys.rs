//! One table of the commands a key gives: their keys, where they work, their button label and
//! what they do. The key handling, the buttons' tooltips and the help overlay are all drawn
//! from it, so they cannot disagree (after rerun's `UICommand`).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Strings;
use crate::model::Parts;

/// Where a key works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every screen (but the private advice entry).
    Anywhere,
    Home,
    Intro,
    Meeting,
    Finished,
    /// The private advice entry, a locked screen.
    PrivateEntry,
    /// The question "the room sees this screen" before something private opens.
    ConfirmPrivate,
}

impl Scope {
    pub const ALL: [Self; 7] = [
        Self::Meeting,
        Self::Anywhere,
        Self::Home,
        Self::Intro,
        Self::Finished,
        Self::PrivateEntry,
        Self::ConfirmPrivate,
    ];

    pub fn title(self, s: &Strings) -> &'static str {
        match self {
            Self::Anywhere => s.help_scope_anywhere,
            Self::Home => s.help_scope_home,
            Self::Intro => s.help_scope_intro,
            Self::Meeting => s.help_scope_meeting,
            Self::Finished => s.help_scope_finished,
            Self::PrivateEntry => s.help_scope_private_entry,
            Self::ConfirmPrivate => s.help_scope_confirm_private,
        }
    }
}

/// A command a key gives. [`super::KringApp`] turns it into an [`super::AppCommand`] for the
/// state of the moment (the main action, say, depends on the step).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    MainAction,
    NextStep,
    BackStep,
    AddMinute,
    RemoveMinute,
    Break,
    SkipPhase,
    TimePlan,
    HideControls,
    EndMeeting,
    ToggleView,
    RoomWindow,
    Scratchpad,
    EarlyAdvice,
    WallPageNext,
    WallPagePrevious,
    /// Members take part from their phones, or stop.
    Phones,
    WallCard,
    Curtain,
    Fullscreen,
    Escape,
    Help,
    StartMeeting,
    ProtocolUp,
    ProtocolDown,
    BeginPhases,
    BackHome,
    HandIn,
    LeavePrivateEntry,
    ShowPrivateHere,
    PrivateInOwnWindow,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl UiCommand {
    pub const ALL: [Self; 31] = [
        Self::MainAction,
        Self::NextStep,
        Self::BackStep,
        Self::AddMinute,
        Self::RemoveMinute,
        Self::Break,
        Self::SkipPhase,
        Self::TimePlan,
        Self::HideControls,
        Self::EndMeeting,
        Self::ToggleView,
        Self::RoomWindow,
        Self::Scratchpad,
        Self::EarlyAdvice,
        Self::WallPageNext,
        Self::WallPagePrevious,
        Self::Phones,
        Self::WallCard,
        Self::Curtain,
        Self::Fullscreen,
        Self::Escape,
        Self::Help,
        Self::StartMeeting,
        Self::ProtocolUp,
        Self::ProtocolDown,
        Self::BeginPhases,
        Self::BackHome,
        Self::HandIn,
        Self::LeavePrivateEntry,
        Self::ShowPrivateHere,
        Self::PrivateInOwnWindow,
    ];

    pub fn scope(self) -> Scope {
        match self {
            Self::MainAction
            | Self::NextStep
            | Self::BackStep
            | Self::AddMinute
            | Self::RemoveMinute
            | Self::Break
            | Self::SkipPhase
            | Self::TimePlan
            | Self::HideControls
            | Self::EndMeeting
            | Self::ToggleView
            | Self::RoomWindow
            | Self::Scratchpad
            | Self::EarlyAdvice
            | Self::WallPageNext
            | Self::WallPagePrevious
            | Self::Phones
            | Self::WallCard => Scope::Meeting,
            Self::Curtain | Self::Fullscreen | Self::Escape | Self::Help => Scope::Anywhere,
            Self::StartMeeting | Self::ProtocolUp | Self::ProtocolDown => Scope::Home,
            Self::BeginPhases => Scope::Intro,
            Self::BackHome => Scope::Finished,
            Self::HandIn | Self::LeavePrivateEntry => Scope::PrivateEntry,
            Self::ShowPrivateHere | Self::PrivateInOwnWindow => Scope::ConfirmPrivate,
        }
    }

    /// The keys, the first one as the help and tooltips name it.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::MainAction => const { &[key(Key::Space)] },
            Self::NextStep => const { &[key(Key::ArrowRight)] },
            Self::BackStep => const { &[key(Key::ArrowLeft)] },
            Self::AddMinute => const { &[key(Key::Plus), key(Key::Equals)] },
            Self::RemoveMinute => const { &[key(Key::Minus)] },
            Self::Break => const { &[key(Key::B)] },
            Self::SkipPhase => const { &[key(Key::S)] },
            Self::TimePlan => const { &[key(Key::P)] },
            Self::HideControls => const { &[key(Key::H)] },
            Self::EndMeeting => const { &[key(Key::E)] },
            Self::ToggleView => const { &[key(Key::F2)] },
            Self::RoomWindow | Self::PrivateInOwnWindow => const { &[key(Key::F3)] },
            Self::Scratchpad => const { &[key(Key::K)] },
            Self::EarlyAdvice => const { &[key(Key::A)] },
            Self::WallPageNext => const { &[key(Key::PageDown)] },
            Self::WallPagePrevious => const { &[key(Key::PageUp)] },
            Self::Phones => const { &[key(Key::T)] },
            Self::WallCard => const { &[key(Key::Q)] },
            Self::Curtain | Self::LeavePrivateEntry => const { &[key(Key::F4)] },
            Self::Fullscreen => const { &[key(Key::F11)] },
            Self::Escape => const { &[key(Key::Escape)] },
            Self::Help => const { &[key(Key::Questionmark)] },
            Self::StartMeeting | Self::BackHome | Self::ShowPrivateHere => {
                const { &[key(Key::Enter)] }
            }
            Self::ProtocolUp => const { &[key(Key::ArrowUp)] },
            Self::ProtocolDown => const { &[key(Key::ArrowDown)] },
            Self::BeginPhases => const { &[key(Key::Space), key(Key::ArrowRight)] },
            Self::HandIn => const { &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Enter)] },
        }
    }

    /// Function keys work while the cursor is in a text field; letters, Space and arrows then
    /// type or move the cursor.
    pub fn works_while_typing(self) -> bool {
        // Not Esc: in a text field Esc (or Tab) leaves the field, as people expect.
        matches!(
            self,
            Self::Curtain
                | Self::Fullscreen
                | Self::ToggleView
                | Self::RoomWindow
                | Self::LeavePrivateEntry
                | Self::HandIn
                | Self::PrivateInOwnWindow
        )
    }

    /// What the key does, as the help overlay says it, in the words of a protocol of `parts`.
    pub fn help(self, s: &Strings, parts: Parts) -> &'static str {
        match self {
            Self::MainAction => s.key_space.get(parts),
            Self::NextStep => s.key_right.get(parts),
            Self::BackStep => s.key_left,
            Self::AddMinute => s.key_add_minute,
            Self::RemoveMinute => s.key_remove_minute,
            Self::Break => s.key_break,
            Self::SkipPhase => s.key_skip.get(parts),
            Self::TimePlan => s.key_plan,
            Self::HideControls => s.key_hide_controls,
            Self::EndMeeting => s.key_end,
            Self::ToggleView => s.key_view,
            Self::RoomWindow => s.key_room_window,
            Self::Scratchpad => s.key_scratchpad,
            Self::EarlyAdvice => s.key_early_advice,
            Self::WallPageNext => s.key_wall_page_next,
            Self::WallPagePrevious => s.key_wall_page_previous,
            Self::Phones => s.key_phones,
            Self::WallCard => s.key_wall_card,
            Self::Curtain => s.key_curtain,
            Self::Fullscreen => s.key_fullscreen,
            Self::Escape => s.key_escape,
            Self::Help => s.key_help,
            Self::StartMeeting => s.key_start_meeting,
            Self::ProtocolUp => s.key_protocol_up,
            Self::ProtocolDown => s.key_protocol_down,
            Self::BeginPhases => s.key_begin_phases.get(parts),
            Self::BackHome => s.key_back_home,
            Self::HandIn => s.key_hand_in,
            Self::LeavePrivateEntry => s.key_leave_private_entry,
            Self::ShowPrivateHere => s.private_confirm_here,
            Self::PrivateInOwnWindow => s.private_confirm_own_window,
        }
    }

    /// The keys as people read them: "Spatie", "Pijl rechts", "F3", "Ctrl+Enter".
    pub fn key_text(self, s: &Strings) -> String {
        let names: Vec<String> = self
            .shortcuts()
            .iter()
            .filter(|k| k.logical_key != Key::Equals)
            .map(|k| shortcut_text(k, s))
            .collect();
        names.join(" / ")
    }

    /// The tooltip of a button that gives this command: what it does, and its key.
    pub fn tooltip(self, s: &Strings, parts: Parts) -> String {
        format!("{} ({})", self.help(s, parts), self.key_text(s))
    }

    /// Whether a key of this command was pressed (and takes it, so no widget sees it too).
    pub fn take(self, input: &mut egui::InputState) -> bool {
        self.shortcuts()
            .iter()
            .any(|shortcut| input.consume_shortcut(shortcut))
    }
}

fn shortcut_text(shortcut: &KeyboardShortcut, s: &Strings) -> String {
    let key = match shortcut.logical_key {
        Key::Space => s.key_name_space.to_owned(),
        Key::ArrowRight => s.key_name_right.to_owned(),
        Key::ArrowLeft => s.key_name_left.to_owned(),
        Key::ArrowUp => s.key_name_up.to_owned(),
        Key::ArrowDown => s.key_name_down.to_owned(),
        Key::Enter => s.key_name_enter.to_owned(),
        Key::Escape => "Esc".to_owned(),
        other => other.symbol_or_name().to_owned(),
    };
    if shortcut.modifiers.command {
        format!("Ctrl+{key}")
    } else {
        key
    }
}

/// A button for a command: its label, and its key in the tooltip. `true` when clicked.
pub fn command_button(
    ui: &mut egui::Ui,
    command: UiCommand,
    label: impl Into<egui::WidgetText>,
    enabled: bool,
    s: &Strings,
    parts: Parts,
) -> bool {
    ui.add_enabled(enabled, egui::Button::new(label))
        .on_hover_text(command.tooltip(s, parts))
        .clicked()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n;
    use crate::model::Lang;

    /// Button labels that name their key ("Kladblok (K)") name the key the table gives.
    #[test]
    fn labels_that_name_a_key_name_the_tables_key() {
        for lang in Lang::ALL {
            let s = i18n::strings(lang);
            for (label, command) in [
                (s.scratch_open, UiCommand::Scratchpad),
                (s.scratch_hide, UiCommand::Curtain),
                (s.early_advice, UiCommand::EarlyAdvice),
                (s.view_room, UiCommand::ToggleView),
                (s.view_leader, UiCommand::ToggleView),
                (s.room_window_open, UiCommand::RoomWindow),
                (s.room_window_close, UiCommand::RoomWindow),
                (s.phones_on, UiCommand::Phones),
                (s.phones_off, UiCommand::Phones),
            ] {
                let named = label
                    .rsplit_once('(')
                    .and_then(|(_, rest)| rest.strip_suffix(')'));
                assert_eq!(named, Some(command.key_text(s).as_str()), "{label}");
            }
            let p = i18n::phone_strings(lang);
            for label in [p.phones_card_hide, p.phones_card_show] {
                let named = label
                    .rsplit_once('(')
                    .and_then(|(_, rest)| rest.strip_suffix(')'));
                let key = UiCommand::WallCard.key_text(s);
                assert_eq!(named, Some(key.as_str()), "{label}");
            }
        }
    }

    #[test]
    fn no_key_is_used_twice_where_it_works() {
        for a in UiCommand::ALL {
            for b in UiCommand::ALL {
                if a == b || a.scope() != b.scope() {
                    continue;
                }
                for key in a.shortcuts() {
                    assert!(
                        !b.shortcuts().contains(key),
                        "{a:?} and {b:?} share {key:?}"
                    );
                }
            }
        }
    }
}
