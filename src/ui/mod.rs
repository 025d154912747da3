//! Everything on screen. Draws from the layers below; the only layer that knows egui.

mod app;
mod controls;
mod home;
mod icon;
mod leader;
mod library;
mod ring;
mod room;
pub mod save_dialog;
mod screens;
pub mod theme;
mod tools;

pub use crate::room::{RingState, RingView, RoomView, StripState, format_countdown};
pub use app::{
    AppCommand, DEFAULT_BREAK_MINUTES, DialogResult, Finished, KringApp, Overlay, Screen,
};
pub use icon::{ICON_SIZE, icon_rgba};
pub use library::HomeTab;
pub use room::{room_ui, room_unit};
pub use tools::{LeaderState, PrivateOk, PrivateThing};
