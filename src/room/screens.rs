//! What the group screen shows around the phases: the method explained before the first phase,
//! a calm screen while the leader notes who is here, and a closing screen after the meeting. Plain
//! values, like [`super::RoomView`]: only what the room may see.

use crate::i18n::Strings;
use crate::model::{Lang, Protocol};

/// The method explained to the room before the first phase.
#[derive(Clone, Debug, PartialEq)]
pub struct IntroView {
    pub protocol_name: String,
    pub title: String,
    pub introduction: String,
    pub phases_heading: String,
    /// "1. Probleemstelling" and so on.
    pub phases: Vec<String>,
}

impl IntroView {
    pub fn new(protocol: &Protocol, lang: Lang, s: &Strings) -> Self {
        Self {
            protocol_name: protocol.name.get(lang).to_owned(),
            title: s.intro_title.to_owned(),
            introduction: protocol.introduction.get(lang).to_owned(),
            phases_heading: s.intro_phases.get(protocol.parts).to_owned(),
            phases: protocol
                .phases
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{}. {}", i + 1, p.title.get(lang)))
                .collect(),
        }
    }
}

/// A calm screen with a title and one line: before the phases, and after the meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct CalmView {
    pub top_line: String,
    pub title: String,
    pub line: String,
}

impl CalmView {
    /// While the leader notes who is here.
    pub fn waiting(protocol: &Protocol, lang: Lang, s: &Strings) -> Self {
        Self {
            top_line: protocol.name.get(lang).to_owned(),
            title: s.wall_waiting_title.to_owned(),
            line: s.wall_waiting_line.to_owned(),
        }
    }

    /// After the meeting, until the leader closes the window.
    pub fn closing(protocol_name: &str, s: &Strings) -> Self {
        Self {
            top_line: protocol_name.to_owned(),
            title: s.wall_closing_title.to_owned(),
            line: s.wall_closing_line.to_owned(),
        }
    }
}
