//! The rows measured in real windows: start-up, CPU and memory of the app next to the bare
//! window, on a private Xvfb display with software GL.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::procfs;
use super::window::{Display, FirstFrameTimes, Program};
use crate::meeting::{InProgress, Stage, Step};
use crate::model::PhaseOutcome;
use crate::store::load_record;

/// How long a program may take to show its first frame.
const FIRST_FRAME_TIMEOUT: Duration = Duration::from_secs(60);
/// From the first frame to reading the memory after start.
const SETTLE_AFTER_START: Duration = Duration::from_secs(2);
/// The autosave writes within a second of a change.
const AUTOSAVE_WAIT: Duration = Duration::from_millis(1600);

/// Start-up runs of both programs.
#[derive(Clone, Debug, Default)]
pub struct StartupFigures {
    pub app: Vec<FirstFrameTimes>,
    pub bare: Vec<FirstFrameTimes>,
    pub app_rss_kib: Vec<u64>,
    pub bare_rss_kib: Vec<u64>,
}

/// CPU used over a window of time, and the frames drawn in it.
#[derive(Clone, Copy, Debug, Default)]
pub struct CpuSample {
    /// Percent of one core.
    pub percent: f64,
    pub frames: usize,
    /// Frames of the group screen's own window, when it has one.
    pub wall_frames: usize,
    pub secs: f64,
}

/// CPU shares and memory in use.
#[derive(Clone, Debug, Default)]
pub struct UseFigures {
    pub app_idle: CpuSample,
    pub bare_idle: CpuSample,
    /// The bare window repainting once a second (`kring-bare --tick`).
    pub bare_tick: CpuSample,
    pub countdown: CpuSample,
    /// The same with the leader's control bar hidden (H): the wall alone.
    pub countdown_no_bar: CpuSample,
    /// The same countdown with the group screen in a window of its own (F3).
    pub countdown_two_windows: CpuSample,
    pub app_rss_after_meeting_kib: u64,
    /// Keys pressed to get from the running countdown to the summary.
    pub meeting_keys: usize,
    /// The protocol of that meeting and its phases done, from the saved record.
    pub meeting_protocol: String,
    pub meeting_phases: usize,
}

/// The two programs: the app and the bare window.
pub struct Programs<'a> {
    pub app: &'a Path,
    pub bare: &'a Path,
}

/// `runs` start-ups of each program after one warm-up run of each (not counted; it fills
/// the disk and shader caches), alternating which goes first. Memory is read
/// [`SETTLE_AFTER_START`] after each first frame.
pub fn measure_startup(
    display: &Display,
    programs: &Programs<'_>,
    work: &Path,
    runs: usize,
) -> Result<StartupFigures, String> {
    let mut figures = StartupFigures::default();
    for run in 0..=runs {
        let order = if run % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for is_app in order {
            let label = if is_app { "kring" } else { "kring-bare" };
            if run == 0 {
                eprintln!("bench: start-up warm-up run of {label}");
            } else {
                eprintln!("bench: start-up run {run}/{runs} of {label}");
            }
            let data = work.join(format!("startup-{run}"));
            let mut program = if is_app {
                display.launch(programs.app, &data_args(&data))?
            } else {
                display.launch(programs.bare, &[] as &[OsString])?
            };
            let times = program.wait_first_frame(FIRST_FRAME_TIMEOUT)?;
            std::thread::sleep(SETTLE_AFTER_START);
            let rss = procfs::rss_kib(Some(program.pid()))
                .ok_or_else(|| format!("{label} stopped after its first frame"))?;
            drop(program);
            if run == 0 {
                continue;
            }
            if is_app {
                figures.app.push(times);
                figures.app_rss_kib.push(rss);
            } else {
                figures.bare.push(times);
                figures.bare_rss_kib.push(rss);
            }
        }
    }
    Ok(figures)
}

fn data_args(data: &Path) -> [OsString; 2] {
    ["--data-dir".into(), data.as_os_str().to_owned()]
}

/// CPU over `cpu_window` of the bare window idle and repainting once a second, the app idle
/// on its home screen, and the app with a running countdown on the room display, with and
/// without the leader's control bar; then the rest of that meeting by keyboard, and the
/// app's memory on the summary screen.
pub fn measure_use(
    display: &Display,
    programs: &Programs<'_>,
    work: &Path,
    cpu_window: Duration,
) -> Result<UseFigures, String> {
    let mut figures = UseFigures::default();
    let secs = cpu_window.as_secs();

    for tick in [false, true] {
        let what = if tick {
            "repainting once a second"
        } else {
            "idle"
        };
        eprintln!("bench: kring-bare {what}, CPU over {secs} s");
        let args: &[&str] = if tick { &["--tick"] } else { &[] };
        let mut bare = display.launch(programs.bare, args)?;
        bare.wait_first_frame(FIRST_FRAME_TIMEOUT)?;
        bare.activate()?;
        std::thread::sleep(Duration::from_secs(3));
        let sample = cpu_sample(&mut bare, cpu_window)?;
        if tick {
            figures.bare_tick = sample;
        } else {
            figures.bare_idle = sample;
        }
    }

    let data = work.join("window-data");
    eprintln!("bench: kring idle on the home screen, CPU over {secs} s");
    let mut app = display.launch(programs.app, &data_args(&data))?;
    app.wait_first_frame(FIRST_FRAME_TIMEOUT)?;
    app.activate()?;
    std::thread::sleep(Duration::from_secs(3));
    figures.app_idle = cpu_sample(&mut app, cpu_window)?;

    eprintln!("bench: kring, starting a meeting by keyboard");
    start_countdown(&mut app, &data)?;
    std::thread::sleep(Duration::from_secs(2));
    eprintln!("bench: kring with a running countdown on the room display, CPU over {secs} s");
    figures.countdown = cpu_sample(&mut app, cpu_window)?;
    match in_progress(&data) {
        Some(state) if state.stage == Stage::Meeting && state.meeting.step() == Step::Run => {}
        other => {
            return Err(format!(
                "the countdown was no longer running after the CPU window ({})",
                describe(other.as_ref())
            ));
        }
    }

    eprintln!("bench: kring, the same with the control bar hidden (H), CPU over {secs} s");
    app.key("h");
    std::thread::sleep(Duration::from_secs(2));
    figures.countdown_no_bar = cpu_sample(&mut app, cpu_window)?;
    app.key("h");
    std::thread::sleep(Duration::from_millis(800));

    eprintln!("bench: kring, the rest of the meeting by keyboard");
    // A look at the leader screen and back, then on to the end.
    for key in ["F2", "F2"] {
        app.key(key);
        std::thread::sleep(Duration::from_millis(800));
    }
    figures.meeting_keys = finish_meeting(&mut app, &data)?;
    if let Some(record) = group_files(&data, "meetings")
        .first()
        .and_then(|path| load_record(path).ok())
    {
        figures.meeting_protocol = record.protocol_id;
        figures.meeting_phases = record
            .phases
            .iter()
            .filter(|p| p.outcome == PhaseOutcome::Done)
            .count();
    }
    std::thread::sleep(Duration::from_secs(2));
    figures.app_rss_after_meeting_kib = procfs::rss_kib(Some(app.pid()))
        .ok_or_else(|| "kring stopped after the meeting".to_owned())?;
    drop(app);

    // A fresh kring for two windows, so the second window's memory does not count in the
    // one-window figures above.
    eprintln!("bench: kring, the group screen in a window of its own (F3), CPU over {secs} s");
    let data = work.join("two-window-data");
    let mut app = display.launch(programs.app, &data_args(&data))?;
    app.wait_first_frame(FIRST_FRAME_TIMEOUT)?;
    app.activate()?;
    start_countdown(&mut app, &data)?;
    app.key("F3");
    std::thread::sleep(Duration::from_secs(4));
    figures.countdown_two_windows = cpu_sample(&mut app, cpu_window)?;
    Ok(figures)
}

/// The CPU the program used over `window`, and the frames it drew.
fn cpu_sample(program: &mut Program, window: Duration) -> Result<CpuSample, String> {
    let pid = program.pid();
    let before = procfs::cpu_ticks(Some(pid));
    let frames_before = program.frames();
    let wall_frames_before = program.wall_frames();
    std::thread::sleep(window);
    let after = procfs::cpu_ticks(Some(pid));
    let frames = program.frames().saturating_sub(frames_before);
    let wall_frames = program.wall_frames().saturating_sub(wall_frames_before);
    if !program.is_running() {
        return Err(format!(
            "the program stopped while its CPU was measured; its output:\n{}",
            program.log_text()
        ));
    }
    let (Some(before), Some(after)) = (before, after) else {
        return Err(format!("/proc/{pid}/stat could not be read"));
    };
    let cpu_secs = after.saturating_sub(before) as f64 / procfs::ticks_per_sec() as f64;
    Ok(CpuSample {
        percent: cpu_secs / window.as_secs_f64() * 100.0,
        frames,
        wall_frames,
        secs: window.as_secs_f64(),
    })
}

/// The files `groups/*/<name>` and `groups/*/meetings/*.ron` under the data folder.
fn group_files(data: &Path, name: &str) -> Vec<PathBuf> {
    let Ok(groups) = std::fs::read_dir(data.join("groups")) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for group in groups.filter_map(Result::ok).map(|e| e.path()) {
        if name == "meetings" {
            if let Ok(meetings) = std::fs::read_dir(group.join("meetings")) {
                files.extend(
                    meetings
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| {
                            p.extension().is_some_and(|x| x == "ron")
                                && !p
                                    .file_name()
                                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                        }),
                );
            }
        } else if group.join(name).is_file() {
            files.push(group.join(name));
        }
    }
    files
}

/// The meeting in progress as the app autosaved it.
fn in_progress(data: &Path) -> Option<InProgress> {
    let path = group_files(data, "in-progress.ron").into_iter().next()?;
    InProgress::parse(&std::fs::read_to_string(path).ok()?).ok()
}

fn describe(state: Option<&InProgress>) -> String {
    match state {
        Some(s) => format!(
            "stage {:?}, phase {}, step {:?}, paused {}",
            s.stage,
            s.meeting.cursor() + 1,
            s.meeting.step(),
            s.meeting.is_paused()
        ),
        None => "no meeting in progress on disk".to_owned(),
    }
}

/// From the home screen to a running countdown of the first phase, as a leader does it:
/// Enter starts the selected protocol, Enter leaves "who is here" empty, Space leaves the
/// introduction, Space starts the phase (Right skips a preparation moment). Checked against
/// the autosave, so a key that went astray is noticed.
fn start_countdown(app: &mut Program, data: &Path) -> Result<(), String> {
    for key in ["Return", "Return", "space"] {
        app.key(key);
        std::thread::sleep(Duration::from_millis(600));
    }
    let mut last = None;
    for _ in 0..8 {
        std::thread::sleep(AUTOSAVE_WAIT);
        let state = in_progress(data);
        let key = match &state {
            Some(s) => match (s.stage, s.meeting.step(), s.meeting.is_paused()) {
                (Stage::Meeting, Step::Run, false) => return Ok(()),
                (Stage::Setup, _, _) => "Return",
                (Stage::Intro, _, _) | (Stage::Meeting, Step::Explain | Step::Run, _) => "space",
                (Stage::Meeting, Step::Prepare, _) => "Right",
                (Stage::Meeting, Step::Close, _) => break,
            },
            None => "Return",
        };
        last = state;
        app.key(key);
    }
    Err(format!(
        "the keys did not reach a running countdown ({}); output of kring:\n{}",
        describe(last.as_ref()),
        app.log_text()
    ))
}

/// Right until the meeting's record is on disk (the summary shows). Returns the keys pressed.
fn finish_meeting(app: &mut Program, data: &Path) -> Result<usize, String> {
    for presses in 0..120 {
        if !group_files(data, "meetings").is_empty() {
            return Ok(presses);
        }
        // Esc closes a private pad that took the keyboard, should one have opened.
        app.key(if presses % 30 == 29 {
            "Escape"
        } else {
            "Right"
        });
        std::thread::sleep(Duration::from_millis(250));
    }
    Err(format!(
        "no meeting record appeared after 120 keys ({}); output of kring:\n{}",
        describe(in_progress(data).as_ref()),
        app.log_text()
    ))
}
