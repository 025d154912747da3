//! Kring guides an intervision group through a meeting with the Balint method.
//!
//! Layers, arrows pointing down only: `ui` draws and uses everything; `room` (the value the
//! wall is drawn from) uses `meeting`, `model` and `i18n`; `meeting` (the engine), `store`
//! (files) and `i18n` use `model`; nothing below `ui` knows egui.

pub mod bench;
pub mod cli;
pub mod export;
pub mod i18n;
pub mod meeting;
pub mod model;
pub mod privacy;
pub mod room;
pub mod serve;
pub mod store;
pub mod ui;
