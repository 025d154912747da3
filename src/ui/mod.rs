//! Everything on screen. Draws from the layers below; the only layer that knows egui.
//!
//! A tree, not a circle: `app` owns the state (`state/`, one part per owner) and routes
//! commands; the screens (`home`, `library`, `leader`, `tools`, `controls`, `meeting_screen`,
//! `screens`, `overlays`, `room`) draw what they are handed with a [`context::ViewCtx`] and send
//! commands (`command`); keys come from one table (`keys`). No screen sees the whole app.

mod app;
mod command;
mod context;
mod controls;
mod home;
mod icon;
pub mod keys;
mod leader;
mod library;
mod meeting_screen;
mod overlays;
mod phones;
mod ring;
mod room;
pub mod save_dialog;
mod screens;
mod state;
pub mod theme;
mod tools;
mod wall_screens;
mod wall_window;

pub use crate::room::{RingState, RingView, RoomView, StripState, format_countdown};
pub use app::{KringApp, Overlay, Screen};
pub use command::{
    AppAction, AppCommand, CasesCommand, DEFAULT_BREAK_MINUTES, GroupCommand, HistoryCommand,
    HomeCommand, ResumeCommand, SessionCommand, UnsavedCommand,
};
pub use icon::{ICON_SIZE, icon_rgba};
pub use library::look_back_plot_id;
pub use phones::{split_wall, wall_card_ui};
pub use room::{WallPages, intro_room_ui, room_ui, room_unit};
pub use state::{DialogResult, Finished, HomeTab, LeaderState, PrivateOk, PrivateThing, Unsaved};
