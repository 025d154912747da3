//! The leader's controls during a meeting: the control bar and the time plan.

use egui::{RichText, Ui};

use super::command::{AppAction, AppCommand, DEFAULT_BREAK_MINUTES, SessionCommand};
use super::context::ViewCtx;
use super::keys::{UiCommand, command_button};
use super::state::Session;
use super::theme;
use crate::i18n::{Strings, fill};
use crate::meeting::{Command, Meeting, PhaseStatus, Step};
use crate::room::{format_countdown, local_hhmm};

/// The label of the main action for the current state, as the control bar shows it.
pub fn primary_label(meeting: &Meeting, s: &Strings) -> &'static str {
    let parts = meeting.protocol().parts;
    if meeting.on_break() {
        return s.ctl_end_break;
    }
    match meeting.step() {
        Step::Explain => {
            if meeting.planned_prepare_secs(meeting.cursor()) > 0 {
                s.ctl_start
            } else {
                s.ctl_start_phase.get(parts)
            }
        }
        Step::Prepare => s.ctl_start_phase.get(parts),
        Step::Run if meeting.is_paused() => s.ctl_resume,
        Step::Run => s.ctl_pause,
        Step::Close => {
            if meeting.cursor() + 1 >= meeting.phase_count() {
                s.ctl_finish
            } else {
                s.ctl_next_phase.get(parts)
            }
        }
    }
}

/// The bar along the bottom: every engine action as a button, with its key in the tooltip
/// (from the command table), and the leader's own instruction for the current phase.
pub fn control_bar_ui(
    ui: &mut Ui,
    ctx: &mut ViewCtx,
    session: &Session,
    room_window: bool,
    autosave_error: Option<&str>,
    phones_on: bool,
) {
    let s = ctx.s;
    let lang = ctx.lang;
    let palette = ctx.palette;
    let meeting = &session.meeting;
    let on_break = meeting.on_break();
    let parts = meeting.protocol().parts;
    let leader_text = meeting
        .current_phase()
        .map(|p| p.instructions.leader.get(lang).to_owned())
        .unwrap_or_default();
    let primary = primary_label(meeting, s);
    let can_back = meeting.cursor() > 0 || meeting.step() != Step::Explain;
    let mut commands: Vec<AppCommand> = Vec::new();

    if let Some(error) = autosave_error {
        ui.add(
            egui::Label::new(
                RichText::new(fill(s.autosave_failed, &[("error", &error)]))
                    .color(palette.warning_text),
            )
            .wrap(),
        );
    }
    // On the leader screen the instruction stands above the tools already.
    let leader_screen = room_window || session.leader_view;
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
        let button = |ui: &mut Ui, command: UiCommand, label: &str, enabled: bool| {
            command_button(ui, command, label, enabled, s, parts)
        };
        if button(ui, UiCommand::BackStep, s.ctl_back, can_back && !on_break) {
            commands.push(Command::Back.into());
        }
        let primary_button = egui::Button::new(RichText::new(primary).font(theme::bold(17.0)))
            .fill(palette.badge_fill)
            .stroke(egui::Stroke::new(2.0, palette.accent));
        if ui
            .add(primary_button)
            .on_hover_text(UiCommand::MainAction.tooltip(s, parts))
            .clicked()
        {
            commands.push(Command::StartPause.into());
        }
        // After closing, the main action already goes on to the next phase: one button.
        if meeting.step() != Step::Close
            && button(ui, UiCommand::NextStep, s.ctl_next.get(parts), !on_break)
        {
            commands.push(Command::Next.into());
        }
        // In the silent moment the main action starts the phase; stopping its clock is
        // here. While the phase runs, the main action stops the clock: no second button.
        if meeting.step() == Step::Prepare && !on_break {
            let label = if meeting.is_paused() {
                s.ctl_resume
            } else {
                s.ctl_pause
            };
            if ui.button(label).clicked() {
                commands.push(Command::TogglePause.into());
            }
        }
        ui.separator();
        if button(ui, UiCommand::RemoveMinute, s.ctl_remove_minute, true) {
            commands.push(Command::RemoveMinute.into());
        }
        if button(ui, UiCommand::AddMinute, s.ctl_add_minute, true) {
            commands.push(Command::AddMinute.into());
        }
        ui.separator();
        let (break_label, break_command) = if on_break {
            (s.ctl_end_break, Command::EndBreak)
        } else {
            (
                s.ctl_break,
                Command::StartBreak {
                    minutes: DEFAULT_BREAK_MINUTES,
                },
            )
        };
        // During a rest break the main action ends it: no second button for that.
        if !on_break && button(ui, UiCommand::Break, break_label, true) {
            commands.push(break_command.into());
        }
        if button(ui, UiCommand::SkipPhase, s.ctl_skip.get(parts), !on_break) {
            commands.push(Command::SkipCurrent.into());
        }
        ui.separator();
        let phones_label = if phones_on { s.phones_off } else { s.phones_on };
        if button(ui, UiCommand::Phones, phones_label, true) {
            commands.push(AppAction::TogglePhones.into());
        }
        for (command, label, action) in [
            (
                UiCommand::TimePlan,
                s.ctl_plan,
                AppCommand::from(SessionCommand::TogglePlan),
            ),
            (UiCommand::Help, s.ctl_help, AppAction::ToggleHelp.into()),
            (
                UiCommand::Fullscreen,
                s.ctl_fullscreen,
                AppAction::ToggleFullscreen.into(),
            ),
            (
                UiCommand::EndMeeting,
                s.ctl_end,
                AppAction::RequestEnd.into(),
            ),
        ] {
            if button(ui, command, label, true) {
                commands.push(action);
            }
        }
    });
    ctx.extend(commands);
}

/// The whole plan against the clock: planned and actual minutes per phase, skip toggles, and
/// the planned and expected end.
pub fn plan_ui(ui: &mut Ui, ctx: &mut ViewCtx, meeting: &Meeting) {
    let s = ctx.s;
    let lang = ctx.lang;
    let now = ctx.now_ms;
    let tz = ctx.tz.clone();
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
            ui.label(RichText::new(s.plan_col_phase.get(meeting.protocol().parts)).strong());
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
                        commands.push(Command::ToggleSkip(index));
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
        ctx.send(command);
    }
}
