//! What the room sees, as a value: [`RoomView`] holds only public material (the phase, its
//! rules, the countdown, the tools' shared side). It is built from the engine and the meeting's
//! content and knows nothing of the leader's screen, so private things (the scratchpad, drafts,
//! the private advice entry) cannot reach the wall: there is no field for them and this module
//! cannot even name the type that holds them. No egui here; `ui::room` draws it.

mod join;
mod screens;
mod view;

pub use join::JoinCard;
pub use screens::{CalmView, IntroView};
pub use view::*;
