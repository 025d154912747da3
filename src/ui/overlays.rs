//! Questions and overviews on top of a screen: the shortcut overview, ending early, "the room
//! sees this screen", leaving or closing with an unsaved meeting, and resuming after a crash.

use std::path::Path;

use egui::RichText;

use super::command::{AppAction, AppCommand, ResumeCommand, SessionCommand, UnsavedCommand};
use super::context::ViewCtx;
use super::keys::{Scope, UiCommand};
use super::state::PrivateThing;
use super::theme;
use crate::i18n::fill;
use crate::meeting::InProgress;
use crate::model::Parts;
use crate::room::local_hhmm;

/// Every shortcut on screen, drawn from the command table, by where it works.
/// `parts`: what the protocol at hand calls its parts.
pub fn help_ui(egui_ctx: &egui::Context, ctx: &mut ViewCtx, parts: Parts) {
    let s = ctx.s;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("help")).show(egui_ctx, |ui| {
        ui.heading(s.help_title);
        ui.add_space(8.0);
        egui::ScrollArea::vertical()
            .max_height(egui_ctx.content_rect().height() * 0.75)
            .show(ui, |ui| {
                for scope in Scope::ALL {
                    ui.label(RichText::new(scope.title(s)).font(theme::bold(19.0)));
                    egui::Grid::new(("keys", scope as usize))
                        .num_columns(2)
                        .spacing([24.0, 6.0])
                        .show(ui, |ui| {
                            for command in UiCommand::ALL.iter().filter(|c| c.scope() == scope) {
                                ui.label(
                                    RichText::new(command.key_text(s)).font(theme::bold(17.0)),
                                );
                                ui.label(RichText::new(command.help(s, parts)).size(17.0));
                                ui.end_row();
                            }
                        });
                    ui.add_space(8.0);
                }
            });
        if ui.button(s.help_close).clicked() {
            close = true;
        }
    });
    if close || modal.should_close() {
        ctx.send(AppAction::CloseOverlay);
    }
}

/// After a crash: carry on with the meeting that was in progress, and choose how the time the
/// app was closed counts.
pub fn resume_ui(egui_ctx: &egui::Context, ctx: &mut ViewCtx, state: &InProgress) {
    let s = ctx.s;
    let lang = ctx.lang;
    let meeting = &state.meeting;
    let title = meeting
        .current_phase()
        .map(|p| p.title.get(lang).to_owned())
        .unwrap_or_default();
    let body = fill(
        s.resume_body.get(meeting.protocol().parts),
        &[
            ("protocol", &meeting.protocol().name.get(lang)),
            ("phase", &(meeting.cursor() + 1)),
            ("total", &meeting.phase_count()),
            ("title", &title),
            ("started", &local_hhmm(meeting.started_at_ms(), ctx.tz)),
            ("saved", &local_hhmm(state.saved_at_ms, ctx.tz)),
        ],
    );
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("resume")).show(egui_ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(s.resume_title);
        ui.add_space(6.0);
        ui.add(egui::Label::new(body).wrap());
        ui.add_space(10.0);
        let primary = egui::Button::new(RichText::new(s.resume_as_pause).strong());
        let primary = ui.add(primary);
        if !ui.memory(|m| m.focused().is_some()) {
            primary.request_focus();
        }
        if primary.clicked() {
            answer = Some(ResumeCommand::Resume { gap_as_pause: true });
        }
        if ui.button(s.resume_as_running).clicked() {
            answer = Some(ResumeCommand::Resume {
                gap_as_pause: false,
            });
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(s.resume_later).clicked() {
                answer = Some(ResumeCommand::Postpone);
            }
            if ui.button(s.resume_discard).clicked() {
                answer = Some(ResumeCommand::Discard);
            }
        });
    });
    if let Some(answer) = answer {
        ctx.send(answer);
    }
}

pub fn confirm_end_ui(egui_ctx: &egui::Context, ctx: &mut ViewCtx, parts: Parts) {
    let s = ctx.s;
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_end")).show(egui_ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(s.confirm_end_title);
        ui.add_space(6.0);
        ui.label(s.confirm_end_body.get(parts));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(s.confirm_end_no).clicked() {
                answer = Some(AppAction::CloseOverlay);
            }
            if ui.button(s.confirm_end_yes).clicked() {
                answer = Some(AppAction::ConfirmEnd);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(AppAction::CloseOverlay);
    }
    if let Some(answer) = answer {
        ctx.send(answer);
    }
}

/// One window (a laptop mirrored to the projector): before something private opens, the
/// leader is told that the room sees this screen and offered the group screen in a window of
/// its own instead. Enter shows it here, F3 opens the separate window, Esc cancels.
pub fn confirm_private_ui(
    egui_ctx: &egui::Context,
    ctx: &mut ViewCtx,
    thing: PrivateThing,
    parts: Parts,
) {
    let s = ctx.s;
    let what = match thing {
        PrivateThing::Scratchpad => s.private_what_scratchpad,
        PrivateThing::AdviceEntry => s.private_what_entry,
        PrivateThing::Notes => s.private_what_notes.get(parts),
    };
    let mut answer: Option<AppCommand> = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_private"))
        .frame(egui::Frame::popup(&egui_ctx.global_style()).inner_margin(20))
        .show(egui_ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(s.private_confirm_title);
            ui.add_space(6.0);
            ui.add(egui::Label::new(fill(s.private_confirm_body, &[("what", &what)])).wrap());
            ui.add_space(10.0);
            let with_key = |command: UiCommand| {
                format!("{} ({})", command.help(s, parts), command.key_text(s))
            };
            ui.horizontal_wrapped(|ui| {
                if ui.button(with_key(UiCommand::PrivateInOwnWindow)).clicked() {
                    answer = Some(SessionCommand::PrivateInOwnWindow(thing).into());
                }
                if ui.button(with_key(UiCommand::ShowPrivateHere)).clicked() {
                    answer = Some(SessionCommand::ShowPrivateHere(thing).into());
                }
                if ui
                    .button(format!("{} (Esc)", s.private_confirm_cancel))
                    .clicked()
                {
                    answer = Some(AppAction::CloseOverlay.into());
                }
            });
        });
    if modal.should_close() && answer.is_none() {
        answer = Some(AppAction::CloseOverlay.into());
    }
    if let Some(answer) = answer {
        ctx.send(answer);
    }
}

/// Leaving the summary, or closing the app, while a meeting is not saved: asked first.
pub fn confirm_unsaved_ui(
    egui_ctx: &egui::Context,
    ctx: &mut ViewCtx,
    quitting: bool,
    rescue: Option<&Path>,
) {
    let s = ctx.s;
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_unsaved")).show(egui_ctx, |ui| {
        ui.set_max_width(520.0);
        if quitting {
            ui.heading(s.unsaved_quit_title);
            let detail = match rescue {
                Some(path) => fill(s.unsaved_quit_rescued, &[("path", &path.display())]),
                None => s.unsaved_quit_lost.to_owned(),
            };
            ui.add(egui::Label::new(fill(s.unsaved_quit_body, &[("rescue", &detail)])).wrap());
        } else {
            ui.heading(s.unsaved_leave_title);
            ui.add(egui::Label::new(s.unsaved_leave_body).wrap());
        }
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button(s.unsaved_stay).clicked() {
                answer = Some(AppAction::CloseOverlay);
            }
            let (label, action) = if quitting {
                (s.unsaved_quit_yes, AppAction::QuitAnyway)
            } else {
                (s.unsaved_leave_yes, AppAction::BackHomeAnyway)
            };
            if ui.button(label).clicked() {
                answer = Some(action);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(AppAction::CloseOverlay);
    }
    if let Some(answer) = answer {
        ctx.send(answer);
    }
}

/// What can be done with a meeting that is not saved: try again, another folder, export.
pub fn unsaved_actions_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx, started_at_ms: i64) {
    let s = ctx.s;
    ui.horizontal_wrapped(|ui| {
        if ui.button(s.done_retry).clicked() {
            ctx.send(UnsavedCommand::Retry { started_at_ms });
        }
        if ui.button(s.done_save_elsewhere).clicked() {
            ctx.send(UnsavedCommand::SaveElsewhereDialog { started_at_ms });
        }
        if ui.button(s.done_export_md).clicked() {
            ctx.send(UnsavedCommand::Export {
                started_at_ms,
                html: false,
            });
        }
        if ui.button(s.done_export_html).clicked() {
            ctx.send(UnsavedCommand::Export {
                started_at_ms,
                html: true,
            });
        }
    });
}
