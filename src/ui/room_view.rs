//! What the room sees, as a plain value.
//!
//! The room display is drawn from a [`RoomView`] and nothing else. It holds only what the
//! whole group may see: it has no field for private content (the scratchpad), so such content
//! cannot reach the wall by any code path.

use jiff::tz::TimeZone;

use crate::i18n::{Strings, fill};
use crate::meeting::{Countdown, Meeting, PhaseStatus, Step};
use crate::model::Lang;

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
}

impl RoomView {
    pub fn new(meeting: &Meeting, lang: Lang, s: &Strings, now_ms: i64, tz: &TimeZone) -> Self {
        let phase_count = meeting.phase_count();
        let cursor = meeting.cursor;
        let phase = meeting.current_phase();
        let text = |t: Option<&crate::model::Text>| t.map(|t| t.get(lang).to_owned());

        let strip = meeting
            .protocol
            .phases
            .iter()
            .zip(&meeting.phases)
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
            && matches!(meeting.step, Step::Run | Step::Close);
        let notice = match meeting.step {
            Step::Prepare => Some(s.room_prepare_line),
            Step::Run if time_up => Some(s.room_time_up_line),
            Step::Close => Some(s.room_close_line),
            _ => None,
        };

        let roles = match (meeting.step, phase) {
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
            protocol_name: meeting.protocol.name.get(lang).to_owned(),
            position: fill(
                s.room_phase_of,
                &[("n", &(cursor + 1)), ("total", &phase_count)],
            ),
            ends_around: fill(
                s.room_ends_around,
                &[("time", &local_hhmm(meeting.projected_end_ms(now_ms), tz))],
            ),
            strip,
            step: meeting.step,
            step_labels: [s.step_explain, s.step_prepare, s.step_run, s.step_close]
                .map(str::to_owned),
            has_prepare: meeting.planned_prepare_secs(cursor) > 0,
            title: text(phase.map(|p| &p.title)).unwrap_or_default(),
            purpose: text(phase.map(|p| &p.purpose)).unwrap_or_default(),
            notice: notice.map(str::to_owned),
            notice_is_time_up: time_up && meeting.step == Step::Run,
            guard: phase.and_then(|p| text(p.guard.as_ref())),
            rules: phase
                .map(|p| p.rules.iter().map(|r| r.get(lang).to_owned()).collect())
                .unwrap_or_default(),
            roles,
            ring,
            on_break,
        }
    }
}

fn ring_view(meeting: &Meeting, countdown: Countdown, s: &Strings) -> RingView {
    let overrun = countdown.is_overrun();
    let state = match meeting.step {
        Step::Explain => RingState::Idle,
        _ if overrun => RingState::Overrun,
        Step::Close => RingState::Paused,
        _ if meeting.paused => RingState::Paused,
        _ => RingState::Running,
    };
    let status = match (meeting.step, state) {
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
        let view = RoomView::new(&meeting, Lang::Nl, &NL, t0, &tz);
        assert_eq!(view.position, "Fase 1 van 8");
        assert_eq!(view.ring.state, RingState::Idle);
        assert_eq!(view.ring.time_text, "5:00");
        assert!(
            !view.roles.is_empty(),
            "roles are explained in the explain step"
        );
        assert_eq!(view.strip[0].state, StripState::Current);

        while meeting.step != Step::Run {
            meeting.apply(Command::Next, t0);
        }
        let later = t0 + 6 * 60_000;
        let view = RoomView::new(&meeting, Lang::Nl, &NL, later, &tz);
        assert_eq!(view.ring.state, RingState::Overrun);
        assert_eq!(view.ring.time_text, "+1:00");
        assert_eq!(view.notice.as_deref(), Some(NL.room_time_up_line));
        assert!(view.roles.is_empty());
    }
}
