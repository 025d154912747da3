//! The engine's rules, each driven with explicit timestamps: no window, no sleeping.

use super::*;
use crate::model::{Instructions, PhaseOutcome, Protocol, Range, Text};

const MIN: i64 = 60_000;
const T0: i64 = 1_700_000_000_000;

fn phase(id: &str, planned: i32, prepare: i32) -> crate::model::Phase {
    crate::model::Phase {
        id: id.to_owned(),
        title: Text::new(id, id),
        purpose: Text::default(),
        instructions: Instructions::default(),
        rules: Vec::new(),
        guard: None,
        planned_minutes: planned,
        prepare_minutes: prepare,
        tools: Vec::new(),
        variants: Vec::new(),
    }
}

/// Three phases: a (10 min, 1 min preparation), b (5 min), c (15 min).
fn protocol() -> Protocol {
    Protocol {
        format_version: 1,
        id: "test".to_owned(),
        version: 3,
        name: Text::new("Test", "Test"),
        description: Text::default(),
        introduction: Text::default(),
        parts: Default::default(),
        group_size: Range { min: 5, max: 12 },
        total_minutes: Range { min: 30, max: 40 },
        phases: vec![phase("a", 10, 1), phase("b", 5, 0), phase("c", 15, 0)],
    }
}

fn remaining_secs(m: &Meeting, now: i64) -> i64 {
    m.countdown(now).expect("countdown").display_secs()
}

#[test]
fn steps_go_explain_prepare_run_close_and_skip_an_empty_preparation() {
    let mut m = Meeting::start(protocol(), T0);
    assert_eq!((m.cursor, m.step), (0, Step::Explain));
    m.apply(Command::StartPause, T0);
    assert_eq!(m.step, Step::Prepare);
    assert_eq!(remaining_secs(&m, T0 + 30_000), 30);
    // The clock of the silent moment can be stopped briefly, and run again.
    m.apply(Command::TogglePause, T0 + MIN / 2);
    assert!(m.paused);
    assert_eq!(remaining_secs(&m, T0 + 5 * MIN), 30, "stopped");
    m.apply(Command::TogglePause, T0 + MIN / 2);
    // Space, the main action, starts the phase from the silent moment.
    m.apply(Command::StartPause, T0 + MIN);
    assert_eq!((m.step, m.paused), (Step::Run, false));
    m.apply(Command::Next, T0 + 11 * MIN);
    assert_eq!(m.step, Step::Close);
    m.apply(Command::Next, T0 + 12 * MIN);
    assert_eq!((m.cursor, m.step), (1, Step::Explain));
    assert_eq!(m.phases[0].status, PhaseStatus::Done);
    // Phase b has no preparation moment: explain goes straight to run.
    m.apply(Command::StartPause, T0 + 12 * MIN);
    assert_eq!(m.step, Step::Run);
}

#[test]
fn countdown_runs_only_in_run_step_and_pause_freezes_it() {
    let mut m = Meeting::start(protocol(), T0);
    assert_eq!(
        remaining_secs(&m, T0 + 5 * MIN),
        600,
        "explaining does not use phase time"
    );
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0);
    assert_eq!(m.step, Step::Run);
    assert_eq!(remaining_secs(&m, T0 + 90_000), 510);
    assert_eq!(remaining_secs(&m, T0 + 90_001), 510, "shown time rounds up");
    m.apply(Command::StartPause, T0 + 2 * MIN);
    assert!(m.paused);
    assert_eq!(remaining_secs(&m, T0 + 20 * MIN), 480);
    m.apply(Command::StartPause, T0 + 20 * MIN);
    assert!(!m.paused);
    assert_eq!(remaining_secs(&m, T0 + 21 * MIN), 420);
}

#[test]
fn pause_across_a_phase_boundary_does_not_carry_into_the_next_phase() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0);
    m.apply(Command::StartPause, T0 + 4 * MIN); // pause at 4 of 10 minutes
    m.apply(Command::Next, T0 + 6 * MIN); // close while paused
    m.apply(Command::Next, T0 + 7 * MIN); // next phase
    assert_eq!((m.cursor, m.step, m.paused), (1, Step::Explain, false));
    m.apply(Command::Next, T0 + 7 * MIN);
    assert_eq!(
        remaining_secs(&m, T0 + 8 * MIN),
        4 * 60,
        "b counts from its own 5 minutes"
    );
    let record = m.to_record(T0 + 8 * MIN, String::new());
    assert_eq!(
        record.phases[0].run_secs,
        4 * 60,
        "paused time is not run time"
    );
    assert_eq!(
        record.phases[0].actual_secs,
        7 * 60,
        "but the phase was open 7 minutes"
    );
}

#[test]
fn add_and_take_off_minutes_never_below_one_minute() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::SkipCurrent, T0);
    m.apply(Command::Next, T0); // b: 5 minutes, running
    m.apply(Command::AddMinute, T0);
    assert_eq!(remaining_secs(&m, T0), 6 * 60);
    for _ in 0..10 {
        m.apply(Command::RemoveMinute, T0);
    }
    assert_eq!(remaining_secs(&m, T0), 60);
    m.apply(Command::AddMinute, T0);
    let record = m.to_record(T0, String::new());
    assert_eq!(record.phases[1].adjusted_minutes, -3);
}

#[test]
fn minutes_adjust_the_preparation_moment_while_preparing() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::Next, T0);
    assert_eq!(m.step, Step::Prepare);
    m.apply(Command::AddMinute, T0);
    assert_eq!(remaining_secs(&m, T0), 120);
    m.apply(Command::Next, T0);
    assert_eq!(remaining_secs(&m, T0), 600, "the phase itself is unchanged");
}

#[test]
fn overrun_is_shown_and_never_ends_the_phase_by_itself() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0);
    let later = T0 + 12 * MIN + 30_000;
    let countdown = m.countdown(later).expect("countdown");
    assert!(countdown.is_overrun());
    assert_eq!(countdown.display_secs(), -150);
    assert_eq!(m.overrun_secs(0, later), 150);
    assert_eq!((m.cursor, m.step), (0, Step::Run));
}

#[test]
fn back_after_overrun_resumes_the_phase_with_its_overrun() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0 + 12 * MIN); // close, 2 minutes over
    m.apply(Command::Next, T0 + 13 * MIN); // into b
    m.apply(Command::Back, T0 + 14 * MIN); // back to closing a
    assert_eq!((m.cursor, m.step), (0, Step::Close));
    assert_eq!(m.phases[1].status, PhaseStatus::Pending);
    m.apply(Command::Back, T0 + 14 * MIN); // back into a's run
    assert_eq!(m.step, Step::Run);
    assert_eq!(
        remaining_secs(&m, T0 + 15 * MIN),
        -3 * 60,
        "overrun goes on where it was"
    );
    m.apply(Command::Back, T0 + 15 * MIN);
    assert_eq!(m.step, Step::Prepare);
    m.apply(Command::Back, T0 + 15 * MIN);
    assert_eq!(m.step, Step::Explain);
    m.apply(Command::Back, T0 + 15 * MIN);
    assert_eq!(
        (m.cursor, m.step),
        (0, Step::Explain),
        "nothing before the first step"
    );
}

#[test]
fn skip_current_skip_ahead_and_back_undoes_a_skip() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::ToggleSkip(1), T0);
    assert_eq!(m.phases[1].status, PhaseStatus::Skipped);
    assert_eq!(m.planned_total_secs(), (11 + 15) * 60);
    m.apply(Command::ToggleSkip(0), T0); // the current phase cannot be toggled
    assert_eq!(m.phases[0].status, PhaseStatus::Active);
    m.apply(Command::SkipCurrent, T0 + MIN);
    assert_eq!((m.cursor, m.step), (2, Step::Explain), "skips over b too");
    // Back undoes a skip: b opens again from its start.
    m.apply(Command::Back, T0 + MIN);
    assert_eq!((m.cursor, m.step), (1, Step::Explain));
    assert_eq!(m.phases[1].status, PhaseStatus::Active);
    assert_eq!(m.phases[2].status, PhaseStatus::Pending);
    m.apply(Command::SkipCurrent, T0 + MIN);
    assert_eq!(m.cursor, 2);
    m.apply(Command::SkipCurrent, T0 + 2 * MIN);
    assert!(m.is_finished());
    let record = m.to_record(T0 + 2 * MIN, String::new());
    assert!(!record.ended_early);
    assert_eq!(record.skipped_phases().count(), 3);
    assert_eq!(record.phases[0].actual_secs, 60);
}

#[test]
fn a_break_stops_the_meeting_clock_and_counts_down_on_its_own() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0);
    m.apply(Command::StartBreak { minutes: 10 }, T0 + 3 * MIN);
    assert!(m.on_break());
    assert_eq!(
        m.break_countdown(T0 + 5 * MIN)
            .expect("break")
            .display_secs(),
        8 * 60
    );
    assert_eq!(
        remaining_secs(&m, T0 + 9 * MIN),
        7 * 60,
        "phase time stands still"
    );
    m.apply(Command::AddMinute, T0 + 5 * MIN);
    assert_eq!(
        m.break_countdown(T0 + 5 * MIN)
            .expect("break")
            .display_secs(),
        9 * 60
    );
    m.apply(Command::Back, T0 + 5 * MIN);
    assert_eq!(m.step, Step::Run, "steps do not move during a break");
    assert_eq!(
        m.projected_end_ms(T0 + 5 * MIN),
        T0 + 5 * MIN + (9 + 7 + 5 + 15) * MIN
    );
    m.apply(Command::EndBreak, T0 + 14 * MIN);
    assert!(!m.on_break());
    assert_eq!(remaining_secs(&m, T0 + 15 * MIN), 6 * 60);
    assert_eq!(m.breaks.len(), 1);
    assert_eq!(
        (m.breaks[0].planned_secs, m.breaks[0].actual_secs),
        (660, 660)
    );
    assert_eq!(m.breaks[0].during_phase, "a");
    let record = m.to_record(T0 + 15 * MIN, String::new());
    assert_eq!(
        record.phases[0].actual_secs,
        4 * 60,
        "break time is not phase time"
    );
}

#[test]
fn a_break_keeps_a_paused_countdown_paused() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0);
    m.apply(Command::StartPause, T0 + MIN);
    m.apply(Command::StartBreak { minutes: 5 }, T0 + 2 * MIN);
    m.apply(Command::StartPause, T0 + 7 * MIN); // space ends the break
    assert!(!m.on_break());
    assert!(m.paused);
    assert_eq!(remaining_secs(&m, T0 + 30 * MIN), 9 * 60);
}

#[test]
fn end_early_records_interrupted_and_not_reached_phases() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0 + 10 * MIN);
    m.apply(Command::Next, T0 + 11 * MIN);
    m.apply(Command::Next, T0 + 11 * MIN); // b running
    m.apply(Command::EndEarly, T0 + 13 * MIN);
    assert!(m.is_finished());
    m.apply(Command::Next, T0 + 14 * MIN); // ignored after the end
    let record = m.to_record(T0 + 20 * MIN, String::new());
    assert!(record.ended_early);
    assert_eq!(record.ended_at_ms, T0 + 13 * MIN);
    let outcomes: Vec<_> = record.phases.iter().map(|p| p.outcome).collect();
    assert_eq!(
        outcomes,
        [
            PhaseOutcome::Done,
            PhaseOutcome::Interrupted,
            PhaseOutcome::NotReached
        ]
    );
    assert_eq!(record.phases[1].actual_secs, 2 * 60);
}

#[test]
fn a_machine_that_sleeps_thirty_minutes_mid_phase_wakes_to_the_true_time() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::SkipCurrent, T0);
    m.apply(Command::SkipCurrent, T0);
    m.apply(Command::Next, T0); // c: 15 minutes, running
    assert_eq!(remaining_secs(&m, T0 + 5 * MIN), 10 * 60);
    // No calls at all for 30 minutes: the lid was closed. Time comes from timestamps.
    let woke = T0 + 35 * MIN;
    let countdown = m.countdown(woke).expect("countdown");
    assert_eq!(countdown.display_secs(), -20 * 60);
    assert_eq!(m.overrun_secs(2, woke), 20 * 60);
    assert_eq!((m.cursor, m.step), (2, Step::Run), "still in the phase");
    assert_eq!(m.projected_end_ms(woke), woke);

    // Paused before the sleep: nothing is lost either.
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::SkipCurrent, T0);
    m.apply(Command::Next, T0); // b: 5 minutes
    m.apply(Command::StartPause, T0 + 2 * MIN);
    assert_eq!(remaining_secs(&m, T0 + 32 * MIN), 3 * 60);
}

#[test]
fn projected_end_follows_the_plan_and_the_overrun() {
    let mut m = Meeting::start(protocol(), T0);
    assert_eq!(m.projected_end_ms(T0), T0 + (11 + 5 + 15) * MIN);
    m.apply(Command::Next, T0);
    m.apply(Command::Next, T0);
    // 12 minutes into a 10-minute phase: the rest of the plan starts from now.
    assert_eq!(m.projected_end_ms(T0 + 12 * MIN), T0 + 12 * MIN + 20 * MIN);
}

#[test]
fn a_whole_meeting_records_planned_and_actual_minutes_per_phase() {
    let mut m = Meeting::start(protocol(), T0);
    let mut now = T0;
    for (index, minutes) in [(0, 12), (1, 4), (2, 15)] {
        assert_eq!(m.cursor, index);
        m.apply(Command::Next, now); // explain -> prepare or run
        if m.step == Step::Prepare {
            now += MIN;
            m.apply(Command::Next, now);
        }
        now += minutes * MIN;
        m.apply(Command::Next, now); // close
        m.apply(Command::Next, now); // next phase or end
    }
    assert!(m.is_finished());
    let record = m.to_record(now + 5 * MIN, "local".to_owned());
    assert_eq!(record.protocol_version, 3);
    assert_eq!(record.planned_minutes, 31);
    let actual: Vec<_> = record.phases.iter().map(|p| p.actual_minutes()).collect();
    assert_eq!(actual, [13, 4, 15]);
    assert_eq!(record.phases[0].overrun_secs, 2 * 60);
    assert_eq!(record.duration_minutes(), 32);
}

#[test]
fn a_gap_after_a_crash_counts_as_pause_or_as_running_as_the_leader_chooses() {
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::SkipCurrent, T0);
    m.apply(Command::Next, T0); // b: 5 minutes running
    let saved = m.clone();
    // The app died at 2 minutes and came back at 12 minutes.
    let back = T0 + 12 * MIN;
    let mut as_pause = saved.clone();
    as_pause.treat_gap_as_pause(10 * MIN);
    assert_eq!(remaining_secs(&as_pause, back), 3 * 60);
    let as_running = saved;
    assert_eq!(remaining_secs(&as_running, back), -7 * 60);
    // A break in progress: its countdown stands still over the gap as well.
    let mut m = Meeting::start(protocol(), T0);
    m.apply(Command::StartBreak { minutes: 10 }, T0);
    m.treat_gap_as_pause(5 * MIN);
    let countdown = m.break_countdown(T0 + 6 * MIN).expect("break");
    assert_eq!(countdown.display_secs(), 9 * 60);
}
