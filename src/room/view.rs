//! What the room sees, as a plain value.
//!
//! The room display is drawn from a [`RoomView`] and nothing else. It holds only what the
//! whole group may see: it has no field for private content (the scratchpad), so such content
//! cannot reach the wall by any code path.

use jiff::tz::TimeZone;

use crate::i18n::{Strings, fill};
use crate::meeting::{Countdown, Meeting, PhaseStatus, Step};
use crate::model::{AdviceMark, Lang, MeetingContent, Tool};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RingState {
    /// Not counting yet (the phase is being explained).
    Idle,
    Running,
    Paused,
    /// The countdown passed zero; the phase goes on.
    Overrun,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RingView {
    /// Share of the countdown still left, 0.0..=1.0 (drawn as the arc).
    pub fraction_left: f32,
    /// `12:34`, or `+2:15` once over time.
    pub time_text: String,
    /// One word under the time: "remaining", "paused", "over time"...
    pub status_text: String,
    pub state: RingState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StripState {
    Done,
    Current,
    Pending,
    Skipped,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StripItem {
    pub number: usize,
    /// Planned minutes, so the strip shows the plan's proportions.
    pub minutes: f32,
    pub state: StripState,
}

/// One row of a list on the wall, with an optional figure (dots) and mark.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomItem {
    pub text: String,
    /// A second line in a quieter colour (the inbrenger's mark, who and when), as large as
    /// the text it belongs to.
    pub detail: Option<String>,
    /// Dots in a vote, drawn as dots.
    pub dots: Option<u32>,
    /// Highlighted (the chosen problem, advice the inbrenger will use).
    pub emphasis: bool,
}

/// A list under its own heading.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomSection {
    pub heading: String,
    pub items: Vec<RoomItem>,
}

impl RoomSection {
    fn new(heading: &str, items: Vec<RoomItem>) -> Self {
        Self {
            heading: heading.to_owned(),
            items,
        }
    }
}

/// What a meeting tool shows the room. Only shared material: there is no variant for the
/// scratchpad, and advice is shown without authors, all at once.
#[derive(Clone, Debug, PartialEq)]
pub enum RoomTool {
    None,
    /// Lists, each under its heading: problems with their dots, revealed advice, subgroups,
    /// what the inbrenger takes along and the follow-up steps, insights. A long list goes on
    /// in columns and then on pages the leader turns.
    List {
        sections: Vec<RoomSection>,
    },
    /// A single large count: questions asked, advice handed in.
    Count {
        text: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct BreakView {
    pub title: String,
    pub line: String,
    pub ring: RingView,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoomView {
    pub protocol_name: String,
    /// "Phase 3 of 9".
    pub position: String,
    /// "Ends around 21:35".
    pub ends_around: String,
    pub strip: Vec<StripItem>,
    pub step: Step,
    pub step_labels: [String; 4],
    /// Whether this phase has a preparation moment (otherwise that step is not shown).
    pub has_prepare: bool,
    pub title: String,
    pub purpose: String,
    /// A line that changes with the step or the time: prepare quietly, time is up, closing.
    pub notice: Option<String>,
    /// Whether the notice is the calm "time is up" line.
    pub notice_is_time_up: bool,
    pub guard: Option<String>,
    pub rules: Vec<String>,
    /// Role and what that role does; shown while the phase is explained.
    pub roles: Vec<(String, String)>,
    pub ring: RingView,
    pub on_break: Option<BreakView>,
    /// "7 present · inbrenger: Bo" (names only when the leader allows them on the wall).
    pub people: Option<String>,
    /// The chosen case, once there is one.
    pub chosen_case: Option<String>,
    pub tool: RoomTool,
    /// The page of a long list the leader turned to (0 = the first). The wall shows the last
    /// page when this is past it.
    pub page: usize,
}

impl RoomView {
    /// The view on page `page` of its lists.
    pub fn on_page(mut self, page: usize) -> Self {
        self.page = page;
        self
    }

    pub fn new(
        meeting: &Meeting,
        content: &MeetingContent,
        lang: Lang,
        s: &Strings,
        now_ms: i64,
        tz: &TimeZone,
    ) -> Self {
        let cursor = meeting.cursor();
        let phase = meeting.current_phase();
        let text = |t: Option<&crate::model::Text>| t.map(|t| t.get(lang).to_owned());

        let strip = meeting
            .protocol()
            .phases
            .iter()
            .zip(meeting.phase_states())
            .enumerate()
            .map(|(index, (phase, state))| StripItem {
                number: index + 1,
                minutes: (phase.planned_minutes + phase.prepare_minutes) as f32,
                state: if index == cursor && !meeting.is_finished() {
                    StripState::Current
                } else {
                    match state.status {
                        PhaseStatus::Done => StripState::Done,
                        PhaseStatus::Skipped => StripState::Skipped,
                        PhaseStatus::Pending | PhaseStatus::Active => StripState::Pending,
                    }
                },
            })
            .collect();

        let countdown = meeting.countdown(now_ms);
        let ring = match countdown {
            Some(countdown) => ring_view(meeting, countdown, s),
            None => RingView {
                fraction_left: 0.0,
                time_text: String::new(),
                status_text: String::new(),
                state: RingState::Idle,
            },
        };
        let time_up = countdown.is_some_and(|c| c.is_overrun())
            && matches!(meeting.step(), Step::Run | Step::Close);
        let parts = meeting.protocol().parts;
        let notice = match meeting.step() {
            Step::Prepare => Some(s.room_prepare_line.get(parts)),
            Step::Run if time_up => Some(s.room_time_up_line),
            Step::Close => Some(s.room_close_line.get(parts)),
            _ => None,
        };

        let roles = match (meeting.step(), phase) {
            (Step::Explain | Step::Prepare, Some(phase)) => [
                (s.role_inbrenger, &phase.instructions.inbrenger),
                (s.role_members, &phase.instructions.members),
            ]
            .into_iter()
            .filter(|(_, t)| !t.get(lang).trim().is_empty())
            .map(|(role, t)| (role.to_owned(), t.get(lang).to_owned()))
            .collect(),
            _ => Vec::new(),
        };

        let on_break = meeting.break_countdown(now_ms).map(|countdown| {
            let over = countdown.is_overrun();
            BreakView {
                title: s.break_title.to_owned(),
                line: fill(
                    s.break_line,
                    &[(
                        "phase",
                        &phase.map(|p| p.title.get(lang)).unwrap_or_default(),
                    )],
                ),
                ring: RingView {
                    fraction_left: 1.0 - countdown.fraction_used(),
                    time_text: format_countdown(countdown.display_secs()),
                    status_text: if over { s.break_over } else { s.ring_run }.to_owned(),
                    state: if over {
                        RingState::Overrun
                    } else {
                        RingState::Running
                    },
                },
            }
        });

        Self {
            protocol_name: meeting.protocol().name.get(lang).to_owned(),
            position: phase_position(meeting, s),
            ends_around: fill(
                s.room_ends_around,
                &[("time", &local_hhmm(meeting.projected_end_ms(now_ms), tz))],
            ),
            strip,
            step: meeting.step(),
            step_labels: [s.step_explain, s.step_prepare, s.step_run, s.step_close]
                .map(str::to_owned),
            has_prepare: meeting.planned_prepare_secs(cursor) > 0,
            title: text(phase.map(|p| &p.title)).unwrap_or_default(),
            purpose: text(phase.map(|p| &p.purpose)).unwrap_or_default(),
            notice: notice.map(str::to_owned),
            notice_is_time_up: time_up && meeting.step() == Step::Run,
            guard: phase.and_then(|p| text(p.guard.as_ref())),
            rules: phase
                .map(|p| p.rules.iter().map(|r| r.get(lang).to_owned()).collect())
                .unwrap_or_default(),
            roles,
            ring,
            on_break,
            people: people_line(content, s),
            // The case and the inbrenger's question: on the wall from the moment it is
            // written down (or a prepared case brought it).
            chosen_case: match (content.chosen(), content.inbrenger_question()) {
                (Some(p), Some(question)) => Some(format!("{}: {question}", p.title)),
                (Some(p), None) => Some(p.title.clone()),
                (None, Some(question)) => Some(question.to_owned()),
                (None, None) => None,
            },
            tool: phase
                .map(|p| room_tool(&p.tools, meeting.step(), content, s))
                .unwrap_or(RoomTool::None),
            page: 0,
        }
    }
}

fn people_line(content: &MeetingContent, s: &Strings) -> Option<String> {
    let size = content.group_size();
    if size == 0 {
        return None;
    }
    let mut line = fill(s.room_present, &[("count", &size)]);
    let inbrenger = match &content.inbrenger {
        Some(name) if content.names_on_wall => Some(name.clone()),
        Some(_) => None,
        None => None,
    };
    if let Some(name) = inbrenger {
        line.push_str("  ·  ");
        line.push_str(&fill(s.room_inbrenger_named, &[("name", &name)]));
    }
    Some(line)
}

/// What the current phase's tools put on the wall. The association phase (scratchpad) shows
/// nothing but what to do and the ring.
fn room_tool(tools: &[Tool], step: Step, content: &MeetingContent, s: &Strings) -> RoomTool {
    let names = content.names_on_wall;
    if tools.contains(&Tool::Scratchpad) {
        return RoomTool::None;
    }
    if tools.contains(&Tool::AdviceBoard) {
        let board = &content.advice;
        if board.revealed {
            let items = board
                .items()
                .iter()
                .map(|a| RoomItem {
                    text: a.text.clone(),
                    detail: None,
                    dots: None,
                    emphasis: false,
                })
                .collect();
            return RoomTool::List {
                sections: vec![RoomSection::new(s.tool_advice, items)],
            };
        }
        if !content.subgroups.is_empty() && board.is_empty() {
            let items = content
                .subgroups
                .iter()
                .enumerate()
                .map(|(i, group)| RoomItem {
                    text: fill(s.room_subgroup, &[("n", &(i + 1))]),
                    detail: Some(if names {
                        group.join(", ")
                    } else {
                        s.room_subgroup_people.n(group.len())
                    }),
                    dots: None,
                    emphasis: false,
                })
                .collect();
            return RoomTool::List {
                sections: vec![RoomSection::new(s.advice_subgroups_make, items)],
            };
        }
        if step == Step::Explain && board.is_empty() {
            return RoomTool::None;
        }
        let expected = content.advice_expected();
        let text = if expected > 0 {
            fill(
                s.room_advice_count.get(expected),
                &[("n", &board.len()), ("total", &expected)],
            )
        } else {
            s.room_advice_count_open.n(board.len())
        };
        return RoomTool::Count { text };
    }
    if tools.contains(&Tool::Decision) {
        let mut items: Vec<RoomItem> = content
            .advice
            .items()
            .iter()
            .filter(|a| a.mark.is_some())
            .map(|a| RoomItem {
                text: a.text.clone(),
                detail: a.mark.map(|m| mark_text(m, s).to_owned()),
                dots: None,
                emphasis: a.mark == Some(AdviceMark::WillUse),
            })
            .collect();
        if !content.decision.trim().is_empty() {
            items.insert(
                0,
                RoomItem {
                    text: content.decision.clone(),
                    detail: None,
                    dots: None,
                    emphasis: true,
                },
            );
        }
        let follow_ups: Vec<RoomItem> = content
            .follow_ups
            .iter()
            .filter(|f| !f.what.trim().is_empty())
            .map(|f| {
                let detail = [f.who.trim(), f.by_when.trim()]
                    .into_iter()
                    .filter(|t| !t.is_empty() && (names || t != &f.who.trim()))
                    .collect::<Vec<_>>()
                    .join(" · ");
                RoomItem {
                    text: f.what.clone(),
                    detail: (!detail.is_empty()).then_some(detail),
                    dots: None,
                    emphasis: false,
                }
            })
            .collect();
        // Follow-up steps under their own heading, not among the advice.
        let sections: Vec<RoomSection> = [
            RoomSection::new(s.room_decision_title, items),
            RoomSection::new(s.room_follow_ups, follow_ups),
        ]
        .into_iter()
        .filter(|section| !section.items.is_empty())
        .collect();
        if !sections.is_empty() {
            return RoomTool::List { sections };
        }
    }
    if tools.contains(&Tool::Choice) || tools.contains(&Tool::ProblemList) {
        // One problem or case: nothing to vote on, so no dots.
        let voting = tools.contains(&Tool::Choice) && content.problems.len() > 1;
        if !content.problems.is_empty() {
            let items = content
                .problems
                .iter()
                .map(|p| RoomItem {
                    text: p.title.clone(),
                    detail: {
                        let mut parts = Vec::new();
                        if !p.line.is_empty() {
                            parts.push(p.line.clone());
                        }
                        if names && let Some(owner) = &p.owner {
                            parts.push(owner.clone());
                        }
                        (!parts.is_empty()).then(|| parts.join(" · "))
                    },
                    dots: (voting && p.votes > 0).then_some(p.votes),
                    emphasis: content.chosen_problem == Some(p.id),
                })
                .collect();
            return RoomTool::List {
                sections: vec![RoomSection::new(s.tool_problems, items)],
            };
        }
    }
    if tools.contains(&Tool::QuestionLog) && !content.questions.is_empty() {
        return RoomTool::Count {
            text: s.room_question_count.n(content.questions.len()),
        };
    }
    if content.insights_on_wall && !content.insights.is_empty() {
        let items = content
            .insights
            .iter()
            .map(|i| RoomItem {
                text: i.clone(),
                detail: None,
                dots: None,
                emphasis: false,
            })
            .collect();
        return RoomTool::List {
            sections: vec![RoomSection::new(s.room_insights, items)],
        };
    }
    RoomTool::None
}

/// "Fase 3 van 9" (or the protocol's word for its parts), for the wall, the leader's screen and
/// the phones.
pub fn phase_position(meeting: &Meeting, s: &Strings) -> String {
    fill(
        s.room_phase_of.get(meeting.protocol().parts),
        &[
            ("n", &(meeting.cursor() + 1)),
            ("total", &meeting.phase_count()),
        ],
    )
}

/// The name of a phase's step, as the wall shows it.
pub fn step_name(step: Step, s: &Strings) -> &'static str {
    match step {
        Step::Explain => s.step_explain,
        Step::Prepare => s.step_prepare,
        Step::Run => s.step_run,
        Step::Close => s.step_close,
    }
}

pub fn mark_text(mark: AdviceMark, s: &Strings) -> &'static str {
    match mark {
        AdviceMark::WillUse => s.mark_will_use,
        AdviceMark::Maybe => s.mark_maybe,
        AdviceMark::NotNow => s.mark_not_now,
    }
}

fn ring_view(meeting: &Meeting, countdown: Countdown, s: &Strings) -> RingView {
    let overrun = countdown.is_overrun();
    let state = match meeting.step() {
        Step::Explain => RingState::Idle,
        _ if overrun => RingState::Overrun,
        Step::Close => RingState::Paused,
        _ if meeting.is_paused() => RingState::Paused,
        _ => RingState::Running,
    };
    let status = match (meeting.step(), state) {
        (Step::Explain, _) => s.ring_explain,
        (_, RingState::Overrun) => s.ring_time_up,
        (Step::Close, _) => s.ring_closing,
        (_, RingState::Paused) => s.ring_paused,
        (Step::Prepare, _) => s.ring_prepare,
        _ => s.ring_run,
    };
    RingView {
        fraction_left: 1.0 - countdown.fraction_used(),
        time_text: format_countdown(countdown.display_secs()),
        status_text: status.to_owned(),
        state,
    }
}

/// `9:05` for 545 seconds, `+2:15` for 135 seconds over, `75:00` past the hour.
pub fn format_countdown(display_secs: i64) -> String {
    let sign = if display_secs < 0 { "+" } else { "" };
    let secs = display_secs.abs();
    format!("{sign}{}:{:02}", secs / 60, secs % 60)
}

/// Local wall-clock time `HH:MM` of a timestamp.
pub fn local_hhmm(ms: i64, tz: &TimeZone) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| t.to_zoned(tz.clone()).strftime("%H:%M").to_string())
        .unwrap_or_default()
}

/// Local date and time `YYYY-MM-DD HH:MM` of a timestamp.
pub fn local_date_time(ms: i64, tz: &TimeZone) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| {
            t.to_zoned(tz.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;
    use crate::meeting::Command;
    use crate::store::Catalog;

    #[test]
    fn countdown_text_rounds_and_marks_overrun() {
        assert_eq!(format_countdown(545), "9:05");
        assert_eq!(format_countdown(0), "0:00");
        assert_eq!(format_countdown(-135), "+2:15");
        assert_eq!(format_countdown(75 * 60), "75:00");
    }

    #[test]
    fn view_follows_the_steps_and_shows_time_up_calmly() {
        let catalog = Catalog::load(None);
        let protocol = catalog
            .get("balint-8-stappen")
            .expect("shipped")
            .protocol
            .clone();
        let t0 = 1_700_000_000_000;
        let mut meeting = Meeting::start(protocol, t0);
        let tz = TimeZone::UTC;
        let content = MeetingContent::default();
        let view = RoomView::new(&meeting, &content, Lang::Nl, &NL, t0, &tz);
        assert_eq!(view.position, "Stap 1 van 8", "the 8 steps say stap");
        assert_eq!(view.ring.state, RingState::Idle);
        assert_eq!(view.ring.time_text, "5:00");
        assert!(
            !view.roles.is_empty(),
            "roles are explained in the explain step"
        );
        assert_eq!(view.strip[0].state, StripState::Current);

        while meeting.step() != Step::Run {
            meeting.apply(Command::Next, t0);
        }
        let later = t0 + 6 * 60_000;
        let view = RoomView::new(&meeting, &content, Lang::Nl, &NL, later, &tz);
        assert_eq!(view.ring.state, RingState::Overrun);
        assert_eq!(view.ring.time_text, "+1:00");
        assert_eq!(view.notice.as_deref(), Some(NL.room_time_up_line));
        assert!(view.roles.is_empty());
    }
}
