//! The leader's screen during a meeting: the status, who is present, the time plan, the tools
//! of the current phase and the private scratchpad. Never shown to the room when the wall has
//! its own window.

use egui::{RichText, Ui};

use std::path::PathBuf;

use super::command::{AppAction, HistoryCommand, SessionCommand};
use super::context::ViewCtx;
use super::keys::UiCommand;
use super::state::{Env, HistoryState, PrivateThing, Session};
use super::theme;
use super::tools::{self, ToolCtx, phase_tools_ui};
use crate::i18n::fill;
use crate::model::{Parts, PreparedCase, Tool};
use crate::room::format_countdown;

pub fn leader_ui(
    ui: &mut Ui,
    view: &mut ViewCtx,
    session: &mut Session,
    my_cases: &[(PathBuf, PreparedCase)],
    room_window: bool,
) {
    let s = view.s;
    let lang = view.lang;
    let palette = view.palette;
    let now = view.now_ms;
    let meeting = &session.meeting;
    let Some(phase) = meeting.current_phase().cloned() else {
        return;
    };
    let step = crate::room::step_name(meeting.step(), s);
    // With the group screen in its own window, seconds are on the projector; here whole
    // minutes, so this window repaints once a minute instead of every second.
    let time = meeting
        .countdown(now)
        .map(|c| {
            if room_window {
                minutes_text(c.remaining_ms(), s)
            } else {
                format_countdown(c.display_secs())
            }
        })
        .unwrap_or_default();
    let position = crate::room::phase_position(meeting, s);
    egui::Panel::top("leader_status")
        .frame(
            egui::Frame::new()
                .fill(palette.surface)
                .inner_margin(egui::Margin::symmetric(16, 10)),
        )
        .show(ui, |ui| {
            // The buttons at the right first; where we are gets the width that is left and
            // wraps there rather than running under them.
            let row = egui::vec2(ui.available_width(), 0.0);
            let right_to_left = egui::Layout::right_to_left(egui::Align::Center);
            ui.allocate_ui_with_layout(row, right_to_left, |ui| {
                room_window_button(ui, view, room_window, meeting.protocol().parts);
                if !room_window
                    && ui
                        .button(s.view_room)
                        .on_hover_text(UiCommand::ToggleView.tooltip(s, meeting.protocol().parts))
                        .clicked()
                {
                    view.send(SessionCommand::ToggleView);
                }
                if !session.leader.is_open(PrivateThing::Scratchpad)
                    && ui
                        .button(s.scratch_open)
                        .on_hover_text(UiCommand::Scratchpad.tooltip(s, meeting.protocol().parts))
                        .clicked()
                {
                    view.send(SessionCommand::ToggleScratchpad);
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.label(RichText::new(position).color(palette.muted));
                    ui.add(
                        egui::Label::new(
                            RichText::new(fill(
                                s.leader_status,
                                &[
                                    ("phase", &phase.title.get(lang)),
                                    ("step", &step),
                                    ("time", &time),
                                ],
                            ))
                            .font(theme::bold(20.0)),
                        )
                        .wrap(),
                    );
                });
            });
            if !room_window {
                ui.label(RichText::new(s.single_screen_warning).color(palette.warning_text));
            }
        });

    egui::Panel::left("leader_people")
        .resizable(false)
        .default_size(300.0)
        .max_size(320.0)
        .frame(egui::Frame::new().inner_margin(egui::Margin::same(14)))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("people")
                .show(ui, |ui| {
                    ui.label(RichText::new(s.setup_title).font(theme::bold(18.0)));
                    tools::presence_ui(ui, view, session);
                });
        });

    if session.leader.is_open(PrivateThing::Scratchpad) {
        egui::Panel::right("scratchpad")
            .resizable(false)
            .default_size(360.0)
            .frame(
                egui::Frame::new()
                    .fill(palette.surface)
                    .inner_margin(egui::Margin::same(14)),
            )
            .show(ui, |ui| tools::scratchpad_ui(ui, view, session));
    }

    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(20, 14)))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("tools")
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(
                            RichText::new(phase.instructions.leader.get(lang)).size(17.0),
                        )
                        .wrap(),
                    );
                    ui.add_space(8.0);
                    let shown: Vec<Tool> = phase
                        .tools
                        .iter()
                        .copied()
                        .filter(|t| *t != Tool::Scratchpad)
                        .collect();
                    let mut t = ToolCtx {
                        view: &mut *view,
                        session: &mut *session,
                        my_cases,
                        room_window,
                    };
                    phase_tools_ui(&mut t, ui, &shown);
                    let others: Vec<Tool> = [Tool::Question, Tool::Notes, Tool::Insights]
                        .into_iter()
                        .filter(|t| !shown.contains(t))
                        .collect();
                    egui::CollapsingHeader::new(s.other_tools)
                        .id_salt("other_tools")
                        .show(ui, |ui| phase_tools_ui(&mut t, ui, &others));
                });
        });
}

/// Before the first phase: who is here today.
pub fn setup_ui(
    ui: &mut Ui,
    view: &mut ViewCtx,
    session: &mut Session,
    history: &mut HistoryState,
    env: &Env,
) {
    let s = view.s;
    let palette = view.palette;
    let room_window = env.settings.separate_room_window;
    egui::CentralPanel::default()
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(32, 24)))
        .show(ui, |ui| {
            ui.set_max_width(760.0);
            ui.heading(s.setup_title);
            ui.add(egui::Label::new(RichText::new(s.setup_hint).color(palette.muted)).wrap());
            ui.add_space(10.0);
            let before = session.content.present.len();
            let field = tools::presence_ui(ui, view, session);
            // Enter in the empty name field moves on, so a leader never needs the mouse.
            if field.lost_focus()
                && session.leader.name_draft.trim().is_empty()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && session.content.present.len() == before
            {
                view.send(AppAction::FinishSetup);
            }
            if !session.leader.setup_focused {
                field.request_focus();
                session.leader.setup_focused = true;
            }
            ui.add_space(16.0);
            follow_ups_ui(ui, view, history, env);
            ui.add_space(16.0);
            ui.horizontal(|ui| {
                let next =
                    egui::Button::new(RichText::new(s.setup_continue).font(theme::bold(22.0)))
                        .fill(palette.badge_fill)
                        .stroke(egui::Stroke::new(2.0, palette.accent))
                        .min_size(egui::vec2(200.0, 44.0));
                if ui.add(next).clicked() {
                    view.send(AppAction::FinishSetup);
                }
                room_window_button(ui, view, room_window, session.meeting.protocol().parts);
            });
        });
}

/// "What came of it?": the open follow-up steps of the group's earlier meetings, to mark done
/// or to carry into today's meeting.
fn follow_ups_ui(ui: &mut Ui, view: &mut ViewCtx, history: &mut HistoryState, env: &Env) {
    let s = view.s;
    let lang = view.lang;
    let palette = view.palette;
    let history = history.ensure_loaded(env);
    ui.label(RichText::new(s.followups_title).font(theme::bold(20.0)));
    let open = history.open_follow_ups();
    if open.is_empty() {
        ui.label(RichText::new(s.followups_none).color(palette.muted));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("follow_ups")
        .max_height(260.0)
        .show(ui, |ui| {
            for (meeting, step, follow_up) in open.iter().take(30) {
                let date = history
                    .summaries()
                    .get(*meeting)
                    .map(|m| crate::i18n::format_date_text(lang, &m.started_local))
                    .unwrap_or_default();
                ui.horizontal_wrapped(|ui| {
                    let done = format!("{}: {}", s.followup_done, follow_up.what);
                    if ui.button(s.followup_done).on_hover_text(&done).clicked() {
                        view.send(HistoryCommand::FollowUpDone {
                            meeting: *meeting,
                            step: *step,
                        });
                    }
                    let carry = format!("{}: {}", s.followup_carry, follow_up.what);
                    if ui.button(s.followup_carry).on_hover_text(&carry).clicked() {
                        view.send(HistoryCommand::FollowUpCarry {
                            meeting: *meeting,
                            step: *step,
                        });
                    }
                    ui.label(RichText::new(&follow_up.what).strong());
                    let mut detail = vec![fill(s.followup_from, &[("date", &date)])];
                    if !follow_up.who.trim().is_empty() {
                        detail.push(follow_up.who.clone());
                    }
                    if !follow_up.by_when.trim().is_empty() {
                        detail.push(follow_up.by_when.clone());
                    }
                    ui.label(RichText::new(detail.join(" · ")).color(palette.muted));
                });
            }
        });
}

/// Opens the wall in a window of its own, or closes that window.
fn room_window_button(ui: &mut Ui, view: &mut ViewCtx, room_window: bool, parts: Parts) {
    let s = view.s;
    let label = if room_window {
        s.room_window_close
    } else {
        s.room_window_open
    };
    if ui
        .button(label)
        .on_hover_text(UiCommand::RoomWindow.tooltip(s, parts))
        .clicked()
    {
        view.send(SessionCommand::ToggleRoomWindow);
    }
}

/// "nog 12 min" or "3 min over tijd": the leader's clock when the seconds are on the projector.
pub fn minutes_text(remaining_ms: i64, s: &crate::i18n::Strings) -> String {
    let minutes = |ms: i64| (ms + 59_999) / 60_000;
    if remaining_ms >= 0 {
        fill(
            s.leader_minutes_left,
            &[("minutes", &minutes(remaining_ms))],
        )
    } else {
        fill(
            s.leader_minutes_over,
            &[("minutes", &minutes(-remaining_ms))],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::minutes_text;

    #[test]
    fn the_leaders_clock_in_minutes_rounds_up_both_ways() {
        let s = crate::i18n::strings(crate::model::Lang::Nl);
        assert_eq!(minutes_text(12 * 60_000, s), "nog 12 min");
        assert_eq!(minutes_text(11 * 60_000 + 1, s), "nog 12 min");
        assert_eq!(minutes_text(0, s), "nog 0 min");
        assert_eq!(minutes_text(-1, s), "1 min over tijd");
        assert_eq!(minutes_text(-3 * 60_000, s), "3 min over tijd");
    }
}
