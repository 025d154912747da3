//! The leader's controls during a meeting: the control bar, the time plan, the shortcut
//! overview and the confirmation to end early.

use egui::{RichText, Ui};

use super::app::{AppCommand, KringApp, Overlay};
use super::theme::{self, Palette};
use super::tools::PrivateThing;
use crate::i18n::fill;
use crate::meeting::{Command, PhaseStatus};
use crate::room::{format_countdown, local_hhmm};

/// The bar along the bottom: every engine action as a button, with its key in the tooltip, and
/// the leader's own instruction for the current phase.
pub fn control_bar_ui(app: &mut KringApp, ui: &mut Ui) {
    let s = app.strings();
    let lang = app.lang();
    let palette = Palette::for_theme(app.settings.theme);
    let Some(meeting) = &app.meeting else {
        return;
    };
    let on_break = meeting.on_break();
    let leader_text = meeting
        .current_phase()
        .map(|p| p.instructions.leader.get(lang).to_owned())
        .unwrap_or_default();
    let primary = app.primary_label();
    let can_back = meeting.cursor() > 0 || meeting.step() != crate::meeting::Step::Explain;
    let mut commands = Vec::new();

    if let Some(error) = app.autosave_error() {
        ui.add(
            egui::Label::new(
                RichText::new(fill(s.autosave_failed, &[("error", &error)]))
                    .color(palette.warning_text),
            )
            .wrap(),
        );
    }
    // On the leader screen the instruction stands above the tools already.
    let leader_screen = app.room_window || app.leader_view;
    if !leader_text.trim().is_empty() && !on_break && !leader_screen {
        ui.add(
            egui::Label::new(
                RichText::new(format!("{}: {leader_text}", s.ctl_for_leader))
                    .color(palette.muted)
                    .size(15.0),
            )
            .wrap(),
        );
        ui.add_space(4.0);
    }
    ui.horizontal_wrapped(|ui| {
        let button = |ui: &mut Ui, label: &str, key: &str, enabled: bool| {
            ui.add_enabled(enabled, egui::Button::new(label))
                .on_hover_text(key)
                .clicked()
        };
        if button(ui, s.ctl_back, s.key_name_left, can_back && !on_break) {
            commands.push(AppCommand::Meeting(Command::Back));
        }
        let primary_button = egui::Button::new(RichText::new(primary).font(theme::bold(17.0)))
            .fill(palette.badge_fill)
            .stroke(egui::Stroke::new(2.0, palette.accent));
        if ui
            .add(primary_button)
            .on_hover_text(s.key_name_space)
            .clicked()
        {
            commands.push(AppCommand::Meeting(Command::StartPause));
        }
        if button(ui, s.ctl_next, s.key_name_right, !on_break) {
            commands.push(AppCommand::Meeting(Command::Next));
        }
        ui.separator();
        if button(ui, s.ctl_remove_minute, "-", true) {
            commands.push(AppCommand::Meeting(Command::RemoveMinute));
        }
        if button(ui, s.ctl_add_minute, "+", true) {
            commands.push(AppCommand::Meeting(Command::AddMinute));
        }
        ui.separator();
        let (break_label, break_command) = if on_break {
            (s.ctl_end_break, Command::EndBreak)
        } else {
            (
                s.ctl_break,
                Command::StartBreak {
                    minutes: super::app::DEFAULT_BREAK_MINUTES,
                },
            )
        };
        if button(ui, break_label, "B", true) {
            commands.push(AppCommand::Meeting(break_command));
        }
        if button(ui, s.ctl_skip, "S", !on_break) {
            commands.push(AppCommand::Meeting(Command::SkipCurrent));
        }
        ui.separator();
        for (label, key, command) in [
            (s.ctl_plan, "P", AppCommand::TogglePlan),
            (s.ctl_help, "?", AppCommand::ToggleHelp),
            (s.ctl_fullscreen, "F11", AppCommand::ToggleFullscreen),
            (s.ctl_end, "E", AppCommand::RequestEnd),
        ] {
            if button(ui, label, key, true) {
                commands.push(command);
            }
        }
    });
    for command in commands {
        app.send(command);
    }
}

/// The whole plan against the clock: planned and actual minutes per phase, skip toggles, and
/// the planned and expected end.
pub fn plan_ui(app: &mut KringApp, ui: &mut Ui) {
    let s = app.strings();
    let lang = app.lang();
    let now = app.now_ms();
    let tz = app.tz().clone();
    let Some(meeting) = &app.meeting else {
        return;
    };
    let mut commands = Vec::new();
    ui.heading(s.plan_title);
    ui.label(fill(s.plan_now, &[("time", &local_hhmm(now, &tz))]));
    ui.label(fill(
        s.plan_planned_end,
        &[(
            "time",
            &local_hhmm(
                meeting.started_at_ms() + meeting.planned_total_secs() * 1000,
                &tz,
            ),
        )],
    ));
    ui.label(
        RichText::new(fill(
            s.plan_projected_end,
            &[("time", &local_hhmm(meeting.projected_end_ms(now), &tz))],
        ))
        .strong(),
    );
    ui.add_space(8.0);
    egui::Grid::new("plan_grid")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label(RichText::new(s.plan_col_phase).strong());
            ui.label(RichText::new(s.plan_col_planned).strong());
            ui.label(RichText::new(s.plan_col_actual).strong());
            ui.label("");
            ui.end_row();
            for (index, (phase, state)) in meeting
                .protocol()
                .phases
                .iter()
                .zip(meeting.phase_states())
                .enumerate()
            {
                let current = index == meeting.cursor();
                let title = format!("{}. {}", index + 1, phase.title.get(lang));
                ui.label(if current {
                    RichText::new(title).strong()
                } else {
                    RichText::new(title)
                });
                let planned_secs =
                    meeting.planned_prepare_secs(index) + meeting.planned_run_secs(index);
                ui.label(format!("{} {}", planned_secs / 60, s.home_minutes_short));
                let open_secs = state.open.elapsed_ms(now) / 1000;
                ui.label(if open_secs > 0 {
                    format_countdown(open_secs)
                } else {
                    String::new()
                });
                if index > meeting.cursor()
                    && matches!(state.status, PhaseStatus::Pending | PhaseStatus::Skipped)
                {
                    let mut skipped = state.status == PhaseStatus::Skipped;
                    if ui.checkbox(&mut skipped, s.plan_skip_toggle).clicked() {
                        commands.push(AppCommand::Meeting(Command::ToggleSkip(index)));
                    }
                } else if state.status == PhaseStatus::Skipped {
                    ui.label(s.skipped);
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    for command in commands {
        app.send(command);
    }
}

/// Every shortcut on screen, so no one has to remember them.
pub fn help_ui(app: &mut KringApp, ctx: &egui::Context) {
    let s = app.strings();
    let rows = [
        (s.key_name_space, s.key_space),
        (s.key_name_right, s.key_right),
        (s.key_name_left, s.key_left),
        ("+  -", s.key_plus_minus),
        ("B", s.key_break),
        ("S", s.key_skip),
        ("P", s.key_plan),
        ("H", s.key_hide_controls),
        ("E", s.key_end),
        ("F11", s.key_fullscreen),
        ("Esc", s.key_escape),
        ("?", s.key_help),
    ];
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("help")).show(ctx, |ui| {
        ui.heading(s.help_title);
        ui.add_space(8.0);
        egui::Grid::new("keys")
            .num_columns(2)
            .spacing([24.0, 8.0])
            .show(ui, |ui| {
                for (key, what) in rows {
                    ui.label(RichText::new(key).font(theme::bold(18.0)));
                    ui.label(RichText::new(what).size(18.0));
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        if ui.button(s.help_close).clicked() {
            close = true;
        }
    });
    if close || modal.should_close() {
        app.send(AppCommand::CloseOverlay);
    }
}

/// After a crash: carry on with the meeting that was in progress, and choose how the time the
/// app was closed counts.
pub fn resume_ui(app: &mut KringApp, ctx: &egui::Context) {
    let s = app.strings();
    let lang = app.lang();
    let tz = app.tz().clone();
    let Some(state) = &app.resume_offer else {
        return;
    };
    let meeting = &state.meeting;
    let title = meeting
        .current_phase()
        .map(|p| p.title.get(lang).to_owned())
        .unwrap_or_default();
    let body = fill(
        s.resume_body,
        &[
            ("protocol", &meeting.protocol().name.get(lang)),
            ("phase", &(meeting.cursor() + 1)),
            ("total", &meeting.phase_count()),
            ("title", &title),
            ("started", &local_hhmm(meeting.started_at_ms(), &tz)),
            ("saved", &local_hhmm(state.saved_at_ms, &tz)),
        ],
    );
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("resume")).show(ctx, |ui| {
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
            answer = Some(AppCommand::Resume { gap_as_pause: true });
        }
        if ui.button(s.resume_as_running).clicked() {
            answer = Some(AppCommand::Resume {
                gap_as_pause: false,
            });
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(s.resume_later).clicked() {
                answer = Some(AppCommand::PostponeResume);
            }
            if ui.button(s.resume_discard).clicked() {
                answer = Some(AppCommand::DiscardResume);
            }
        });
    });
    if let Some(answer) = answer {
        app.send(answer);
    }
}

/// Ending early throws away the rest of the plan: ask first.
pub fn confirm_end_ui(app: &mut KringApp, ctx: &egui::Context) {
    let s = app.strings();
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_end")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(s.confirm_end_title);
        ui.add_space(6.0);
        ui.label(s.confirm_end_body);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(s.confirm_end_no).clicked() {
                answer = Some(AppCommand::CloseOverlay);
            }
            if ui.button(s.confirm_end_yes).clicked() {
                answer = Some(AppCommand::ConfirmEnd);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(AppCommand::CloseOverlay);
    }
    if let Some(answer) = answer {
        app.send(answer);
    }
}

/// One window (a laptop mirrored to the projector): before something private opens, the
/// leader is told that the room sees this screen and offered the group screen in a window of
/// its own instead. Enter shows it here, F3 opens the separate window, Esc cancels.
pub fn confirm_private_ui(app: &mut KringApp, ctx: &egui::Context, thing: PrivateThing) {
    let s = app.strings();
    let what = match thing {
        PrivateThing::Scratchpad => s.private_what_scratchpad,
        PrivateThing::AdviceEntry => s.private_what_entry,
        PrivateThing::Notes => s.private_what_notes,
    };
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_private")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(s.private_confirm_title);
        ui.add_space(6.0);
        ui.add(egui::Label::new(fill(s.private_confirm_body, &[("what", &what)])).wrap());
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(s.private_confirm_own_window)
                .on_hover_text("F3")
                .clicked()
            {
                answer = Some(AppCommand::PrivateInOwnWindow(thing));
            }
            if ui
                .button(s.private_confirm_here)
                .on_hover_text(s.key_name_enter)
                .clicked()
            {
                answer = Some(AppCommand::ShowPrivateHere(thing));
            }
            if ui
                .button(s.private_confirm_cancel)
                .on_hover_text("Esc")
                .clicked()
            {
                answer = Some(AppCommand::CloseOverlay);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(AppCommand::CloseOverlay);
    }
    if let Some(answer) = answer {
        app.send(answer);
    }
}

/// Leaving the summary, or closing the app, while a meeting is not saved: asked first.
pub fn confirm_unsaved_ui(app: &mut KringApp, ctx: &egui::Context) {
    let s = app.strings();
    let quitting = app.overlay == Overlay::ConfirmQuitUnsaved;
    let rescue = app.unsaved.iter().find_map(|u| u.rescue.clone());
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_unsaved")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        if quitting {
            ui.heading(s.unsaved_quit_title);
            let detail = match &rescue {
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
                answer = Some(AppCommand::CloseOverlay);
            }
            let (label, command) = if quitting {
                (s.unsaved_quit_yes, AppCommand::QuitAnyway)
            } else {
                (s.unsaved_leave_yes, AppCommand::BackHomeAnyway)
            };
            if ui.button(label).clicked() {
                answer = Some(command);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(AppCommand::CloseOverlay);
    }
    if let Some(answer) = answer {
        app.send(answer);
    }
}

/// What can be done with a meeting that is not saved: try again, another folder, export.
pub fn unsaved_actions_ui(app: &KringApp, ui: &mut Ui, started_at_ms: i64) -> Option<AppCommand> {
    let s = app.strings();
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button(s.done_retry).clicked() {
            command = Some(AppCommand::RetrySave { started_at_ms });
        }
        if ui.button(s.done_save_elsewhere).clicked() {
            command = Some(AppCommand::SaveUnsavedElsewhereDialog { started_at_ms });
        }
        if ui.button(s.done_export_md).clicked() {
            command = Some(AppCommand::ExportUnsaved {
                started_at_ms,
                html: false,
            });
        }
        if ui.button(s.done_export_html).clicked() {
            command = Some(AppCommand::ExportUnsaved {
                started_at_ms,
                html: true,
            });
        }
    });
    command
}
