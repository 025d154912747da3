//! The meeting on the leader's window: the control bar, the time plan, and either the leader
//! screen, the locked private advice entry, or (one window, the room looking) the wall.

use std::path::PathBuf;

use egui::Ui;

use super::command::AppAction;
use super::context::ViewCtx;
use super::state::{PrivateThing, Session};
use super::{controls, leader, phones, room, tools};
use crate::model::PreparedCase;
use crate::room::{JoinCard, RoomView};

pub struct MeetingParts<'a> {
    pub session: &'a mut Session,
    /// My prepared cases, to bring into the problem list.
    pub my_cases: &'a [(PathBuf, PreparedCase)],
    /// The wall has a window of its own.
    pub room_window: bool,
    /// Why the meeting in progress is not on disk right now, if it is not.
    pub autosave_error: Option<&'a str>,
    /// Members' phones: on, the join card while serving, and why serving failed.
    pub phones_on: bool,
    pub join: Option<&'a JoinCard>,
    /// The card on the group screen: none when the leader took it off.
    pub wall_join: Option<&'a JoinCard>,
    pub phones_error: Option<&'a str>,
}

pub fn meeting_ui(ui: &mut Ui, ctx: &mut ViewCtx, parts: MeetingParts) {
    let MeetingParts {
        session,
        my_cases,
        room_window,
        autosave_error,
        phones_on,
        join,
        wall_join,
        phones_error,
    } = parts;
    let palette = ctx.palette;
    let private_entry = session.leader.is_open(PrivateThing::AdviceEntry);
    if session.show_controls && !private_entry {
        egui::Panel::bottom("leader_controls")
            .frame(
                egui::Frame::new()
                    .fill(palette.surface)
                    .inner_margin(egui::Margin::symmetric(16, 10)),
            )
            .show(ui, |ui| {
                controls::control_bar_ui(ui, ctx, session, room_window, autosave_error, phones_on);
            });
    }
    if session.show_plan && !private_entry {
        egui::Panel::right("time_plan")
            .resizable(false)
            .default_size(340.0)
            .frame(
                egui::Frame::new()
                    .fill(palette.surface)
                    .inner_margin(egui::Margin::same(16)),
            )
            .show(ui, |ui| controls::plan_ui(ui, ctx, &session.meeting));
    }
    if private_entry {
        // Locked: the entry screen alone, no buttons that reach the meeting.
        egui::CentralPanel::default()
            .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(40, 24)))
            .show(ui, |ui| tools::advice_entry_ui(ui, ctx, session));
        return;
    }
    if room_window || session.leader_view {
        if join.is_some() || phones_error.is_some() {
            egui::Panel::right("phones")
                .resizable(false)
                .default_size(250.0)
                .frame(
                    egui::Frame::new()
                        .fill(palette.surface)
                        .inner_margin(egui::Margin::same(14)),
                )
                .show(ui, |ui| {
                    let s = crate::i18n::phone_strings(ctx.lang);
                    let on_wall = wall_join.is_some();
                    if phones::leader_panel_ui(ui, join, on_wall, phones_error, s, &palette) {
                        ctx.send(AppAction::ToggleWallCard);
                    }
                });
        }
        leader::leader_ui(ui, ctx, session, my_cases, room_window);
    } else {
        let view = RoomView::new(
            &session.meeting,
            &session.content,
            ctx.lang,
            ctx.s,
            ctx.now_ms,
            ctx.tz,
        )
        .on_page(session.wall_page);
        let pages = egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| {
                let rect = ui.max_rect();
                match wall_join {
                    Some(card) => {
                        let (wall, column) = phones::split_wall(rect);
                        phones::wall_card_ui(
                            ui,
                            column,
                            card,
                            crate::i18n::phone_strings(ctx.lang),
                            &palette,
                        );
                        room::room_ui(ui, wall, &view, &palette)
                    }
                    None => room::room_ui(ui, rect, &view, &palette),
                }
            })
            .inner;
        session.wall_drawn(pages);
    }
}
