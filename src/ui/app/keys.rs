//! Keys to commands, through the table in [`crate::ui::keys`]: which part of the table works
//! now, and what each key's command means in the state of the moment.

use super::{KringApp, Overlay, Screen};
use crate::meeting::{Command, Meeting};
use crate::model::Tool;
use crate::ui::command::{
    AppAction, AppCommand, DEFAULT_BREAK_MINUTES, HomeCommand, SessionCommand,
};
use crate::ui::keys::{Scope, UiCommand};
use crate::ui::state::PrivateThing;

impl KringApp {
    /// The scope a key works in now; `None` when no key works (a modal question is open).
    fn key_scope(&self) -> Option<Scope> {
        let session = self.session.as_ref();
        if session.is_some_and(|s| s.leader.is_open(PrivateThing::AdviceEntry)) {
            return Some(Scope::PrivateEntry);
        }
        if session.is_some_and(|s| s.confirm_private.is_some()) {
            return Some(Scope::ConfirmPrivate);
        }
        if self.overlay != Overlay::None {
            return None;
        }
        Some(match self.screen {
            Screen::Home if self.resume_offer.is_none() => Scope::Home,
            Screen::Home | Screen::Setup => Scope::Anywhere,
            Screen::Intro => Scope::Intro,
            Screen::Meeting => Scope::Meeting,
            Screen::Finished => Scope::Finished,
        })
    }

    /// Whether a key's command works in the state of the moment.
    pub(super) fn key_works_now(&self, command: UiCommand) -> bool {
        match (self.key_scope(), command.scope()) {
            (Some(Scope::PrivateEntry), own) => {
                // Locked: only the leader's way out; the entry takes Ctrl+Enter itself.
                own == Scope::PrivateEntry && command != UiCommand::HandIn
            }
            (Some(Scope::ConfirmPrivate), own) => {
                own == Scope::ConfirmPrivate || command == UiCommand::Escape
            }
            (Some(_), Scope::Anywhere) => true,
            (Some(now), own) => {
                now == own || (command == UiCommand::RoomWindow && self.screen == Screen::Setup)
            }
            // A modal question is open: Esc still closes it.
            (None, _) => command == UiCommand::Escape,
        }
    }

    /// Maps keys to commands through the table in [`super::keys`]. The keys are taken before
    /// any widget sees them, so Space never also "clicks" a focused button.
    pub(super) fn shortcuts(&self, ctx: &egui::Context) -> Vec<AppCommand> {
        let typing = ctx.egui_wants_keyboard_input();
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for command in UiCommand::ALL {
                if self.key_works_now(command)
                    && (!typing || command.works_while_typing())
                    && command.take(input)
                {
                    pressed.push(command);
                }
            }
        });
        pressed
            .into_iter()
            .filter_map(|command| self.command_for(command))
            .collect()
    }

    /// What a key's command means in the state of the moment.
    pub(super) fn command_for(&self, command: UiCommand) -> Option<AppCommand> {
        let meeting = self.session.as_ref().map(|s| &s.meeting);
        let confirm = self.session.as_ref().and_then(|s| s.confirm_private);
        Some(match command {
            UiCommand::MainAction => Command::StartPause.into(),
            UiCommand::NextStep => Command::Next.into(),
            UiCommand::BackStep => Command::Back.into(),
            UiCommand::AddMinute => Command::AddMinute.into(),
            UiCommand::RemoveMinute => Command::RemoveMinute.into(),
            UiCommand::SkipPhase => Command::SkipCurrent.into(),
            UiCommand::Break => {
                if meeting.is_some_and(Meeting::on_break) {
                    Command::EndBreak.into()
                } else {
                    Command::StartBreak {
                        minutes: DEFAULT_BREAK_MINUTES,
                    }
                    .into()
                }
            }
            UiCommand::TimePlan => SessionCommand::TogglePlan.into(),
            UiCommand::HideControls => SessionCommand::ToggleControls.into(),
            UiCommand::EndMeeting => AppAction::RequestEnd.into(),
            UiCommand::ToggleView => SessionCommand::ToggleView.into(),
            UiCommand::RoomWindow => SessionCommand::ToggleRoomWindow.into(),
            UiCommand::Scratchpad => SessionCommand::ToggleScratchpad.into(),
            UiCommand::EarlyAdvice => {
                let logs_questions = meeting
                    .and_then(Meeting::current_phase)
                    .is_some_and(|p| p.tools.contains(&Tool::QuestionLog));
                if !logs_questions {
                    return None;
                }
                crate::meeting::ContentCommand::EarlyAdvice.into()
            }
            UiCommand::WallPageNext => SessionCommand::TurnWallPage(1).into(),
            UiCommand::WallPagePrevious => SessionCommand::TurnWallPage(-1).into(),
            UiCommand::Phones => AppAction::TogglePhones.into(),
            UiCommand::WallCard => AppAction::ToggleWallCard.into(),
            UiCommand::Curtain | UiCommand::LeavePrivateEntry => SessionCommand::Curtain.into(),
            UiCommand::Fullscreen => AppAction::ToggleFullscreen.into(),
            UiCommand::Escape => AppAction::Escape.into(),
            UiCommand::Help => AppAction::ToggleHelp.into(),
            UiCommand::StartMeeting => AppAction::StartMeeting.into(),
            UiCommand::ProtocolUp => HomeCommand::StepProtocol(-1).into(),
            UiCommand::ProtocolDown => HomeCommand::StepProtocol(1).into(),
            UiCommand::BeginPhases => AppAction::BeginPhases.into(),
            UiCommand::BackHome => AppAction::BackHome.into(),
            // The entry screen hands in itself (it holds the text).
            UiCommand::HandIn => return None,
            UiCommand::ShowPrivateHere => SessionCommand::ShowPrivateHere(confirm?).into(),
            UiCommand::PrivateInOwnWindow => SessionCommand::PrivateInOwnWindow(confirm?).into(),
        })
    }
}
