//! What a member's phone shows: the phase, what it asks of members, the time, the phase's tool
//! and (after the reveal) the advice. Built from the meeting like the wall's [`RoomView`]
//! (`crate::room::RoomView`), and like it without any field for private content.

use serde::Serialize;

use crate::i18n::Strings;
use crate::meeting::Meeting;
use crate::model::{Lang, MeetingContent, Tool};

/// The tool a phone offers in the phase at hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberTool {
    /// Nothing to do on the phone: listen, talk.
    None,
    /// Name a problem (the collecting phase).
    Problem,
    /// Dot votes (the choice phase).
    Vote,
    /// The private scratchpad: it stays on the phone.
    Scratchpad,
    /// Hand in advice (the judgement phase, before the reveal).
    Advice,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberProblem {
    pub id: u32,
    pub title: String,
    pub line: String,
    pub votes: u32,
}

/// The public state of the meeting as a phone shows it. The app publishes it each time it
/// changes; the server answers each phone's poll from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberView {
    /// `nl`, `en`: the meeting's language.
    pub lang: &'static str,
    /// "Fase 3 van 9".
    pub position: String,
    pub title: String,
    /// What the phase asks of members (the protocol's words for them, else its purpose).
    pub asks: String,
    /// The step of the phase, as the wall names it.
    pub step: String,
    /// The countdown at the moment the view was made; the server moves it on while it runs.
    pub remaining_ms: Option<i64>,
    pub running: bool,
    pub on_break: bool,
    pub tool: MemberTool,
    /// The problems, in the collecting and the choice phase.
    pub problems: Vec<MemberProblem>,
    /// Dots each member may give.
    pub dots: u32,
    /// The advice, once revealed (in the order the wall shows it); empty before.
    pub advice: Vec<String>,
}

impl MemberView {
    pub fn new(
        meeting: &Meeting,
        content: &MeetingContent,
        lang: Lang,
        s: &Strings,
        now_ms: i64,
    ) -> Self {
        let phase = meeting.current_phase();
        let tools: &[Tool] = phase.map_or(&[], |p| &p.tools);
        let revealed = content.advice.revealed;
        let tool = if tools.contains(&Tool::Scratchpad) {
            MemberTool::Scratchpad
        } else if tools.contains(&Tool::AdviceBoard) && !revealed {
            MemberTool::Advice
        } else if tools.contains(&Tool::Choice) && content.problems.len() > 1 {
            MemberTool::Vote
        } else if tools.contains(&Tool::ProblemList) {
            MemberTool::Problem
        } else {
            MemberTool::None
        };
        let countdown = meeting
            .break_countdown(now_ms)
            .or_else(|| meeting.countdown(now_ms));
        let asks = phase
            .map(|p| {
                let members = p.instructions.members.get(lang).trim();
                if members.is_empty() {
                    p.purpose.get(lang).to_owned()
                } else {
                    members.to_owned()
                }
            })
            .unwrap_or_default();
        Self {
            lang: lang_code(lang),
            position: crate::room::phase_position(meeting, s),
            title: phase
                .map(|p| p.title.get(lang).to_owned())
                .unwrap_or_default(),
            asks,
            step: crate::room::step_name(meeting.step(), s).to_owned(),
            remaining_ms: countdown.map(|c| c.remaining_ms()),
            running: countdown.is_some_and(|c| c.running),
            on_break: meeting.on_break(),
            tool,
            problems: if matches!(tool, MemberTool::Problem | MemberTool::Vote) {
                content
                    .problems
                    .iter()
                    .map(|p| MemberProblem {
                        id: p.id,
                        title: p.title.clone(),
                        line: p.line.clone(),
                        votes: p.votes,
                    })
                    .collect()
            } else {
                Vec::new()
            },
            dots: content.dots_per_member,
            advice: if revealed {
                content
                    .advice
                    .items()
                    .iter()
                    .map(|a| a.text.clone())
                    .collect()
            } else {
                Vec::new()
            },
        }
    }
}

pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
        Lang::De => "de",
    }
}
