//! `kring bench`: measures the release build on this machine and prints every figure next to
//! its budget (see BENCHMARKS.md for what each row means and the latest table).
//!
//! - Start-up, CPU and memory in real windows on a private Xvfb display with software GL,
//!   next to `kring-bare`, a bare eframe window built from the same crates (the floor).
//! - Frame times of the room display and the leader screen, headless.
//! - History at scale: 10,000 generated meetings opened, searched and scrolled, headless.
//! - Saving a meeting record atomically.
//!
//! Timing lives here and in BENCHMARKS.md, never in tests.

mod first_frame;
mod frames;
mod gui;
mod history;
mod phones;
mod procfs;
mod report;
mod save;
mod window;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

pub use first_frame::{
    FIRST_FRAME_ENV, FIRST_FRAME_PREFIX, FRAME_PREFIX, FRAMES_ENV, FirstFrame, WALL_FRAME_PREFIX,
    first_frame_line, log_wall_frame, parse_first_frame_line,
};

use report::{Row, Verdict, mb, median, ms};

pub const USAGE: &str = "\
Usage: kring bench [--quick] [--phones-secs N]

Measures this build on this machine and prints a table of each figure against its budget:
start-up and memory next to a bare eframe window (kring-bare, built beside kring), CPU in a
real window (Xvfb, installed with apt-get when missing), frame times, history with 10,000
generated meetings, and saving a record. Build it first: cargo build --release, then run
target/release/kring bench. Takes about three and a half minutes; --quick about one and a
half (3 start-ups, 10 s CPU windows). Members' phones: a meeting with 40 simulated phones on
loopback next to the same meeting without, 10 minutes each (--quick: 30 s each). The table goes to standard output, progress to
standard error. Exit status 1 when a figure is over its budget.

Options:
  --quick                    fewer runs and shorter CPU windows (about one and a half minutes)
  --phones-secs N            how long each phones run lasts (default 600, --quick 30; 0: none)
  -h, --help                 this text
";

/// Start-up budget: within this factor of the bare window.
const STARTUP_FACTOR: f64 = 1.2;
/// Memory budget: within this factor of the bare window.
const MEMORY_FACTOR: f64 = 1.3;
/// CPU budget, percent of one core.
const CPU_PERCENT: f64 = 1.0;
const FRAME_MEDIAN_MS: f64 = 2.0;
const FRAME_P99_MS: f64 = 4.0;
const HISTORY_OPEN_MS: f64 = 1000.0;
const HISTORY_SEARCH_MS: f64 = 50.0;
const HISTORY_LIST_FRAME_MS: f64 = 8.0;
const HISTORY_MEMORY_MB: f64 = 200.0;
const SAVE_MEDIAN_MS: f64 = 20.0;

/// Frames timed per screen.
const FRAMES: usize = 1_000;
/// Records saved.
const SAVES: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Options {
    quick: bool,
    /// Seconds per phones run; `None`: the default for the mode.
    phones_secs: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Mode {
    Run(Options),
    ChildHistory(PathBuf, history::ChildMode),
    Help,
}

fn parse(args: &[String]) -> Result<Mode, String> {
    let mut options = Options {
        quick: false,
        phones_secs: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--phones-secs" => {
                let secs = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or("--phones-secs needs a number of seconds")?;
                options.phones_secs = Some(secs);
            }
            "-h" | "--help" => return Ok(Mode::Help),
            history::CHILD_OPTION => {
                let dir = args
                    .next()
                    .ok_or("--child-history needs the data folder to measure")?;
                let mode = args
                    .next()
                    .and_then(|m| history::ChildMode::from_arg(m))
                    .ok_or("--child-history needs home or open after the folder")?;
                return Ok(Mode::ChildHistory(PathBuf::from(dir), mode));
            }
            other => {
                return Err(format!(
                    "bench does not know \"{other}\"; see kring bench --help"
                ));
            }
        }
    }
    Ok(Mode::Run(options))
}

/// Runs `kring bench` with the arguments after `bench`.
pub fn main(args: &[String]) -> ExitCode {
    match parse(args) {
        Ok(Mode::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Mode::ChildHistory(dir, mode)) => match history::child(&dir, mode) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("kring bench: {message}");
                ExitCode::from(1)
            }
        },
        Ok(Mode::Run(options)) => run(options),
        Err(message) => {
            eprintln!("kring: {message}");
            ExitCode::from(2)
        }
    }
}

/// A folder for everything the bench writes, removed afterwards.
struct WorkDir(PathBuf);

impl WorkDir {
    fn new() -> Result<Self, String> {
        let dir = std::env::temp_dir().join(format!("kring-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .map_err(|err| format!("{}: cannot be made: {err}", dir.display()))?;
        Ok(Self(dir))
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn run(options: Options) -> ExitCode {
    if cfg!(debug_assertions) {
        eprintln!(
            "kring bench: WARNING: this is a debug build; its figures say nothing about the \
             release build. Run: cargo build --release && target/release/kring bench"
        );
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(err) => {
            eprintln!("kring bench: cannot find this program's own file: {err}");
            return ExitCode::from(1);
        }
    };
    let work = match WorkDir::new() {
        Ok(work) => work,
        Err(message) => {
            eprintln!("kring bench: {message}");
            return ExitCode::from(1);
        }
    };
    let runs = if options.quick { 3 } else { 5 };
    let cpu_window = Duration::from_secs(if options.quick { 10 } else { 30 });

    let mut rows = Vec::new();
    window_rows(&exe, &work.0, runs, cpu_window, &mut rows);
    frame_rows(&work.0, &mut rows);
    history_rows(&exe, &work.0, &mut rows);
    save_rows(&work.0, &mut rows);
    let phones_secs = options
        .phones_secs
        .unwrap_or(if options.quick { 30 } else { 600 });
    if phones_secs > 0 {
        phones::phone_rows(&work.0, phones_secs, &mut rows);
    }

    let now = jiff::Zoned::now();
    println!();
    println!(
        "Kring {} bench, {}{}",
        env!("CARGO_PKG_VERSION"),
        now.strftime("%Y-%m-%d %H:%M %Z"),
        if options.quick { " (--quick)" } else { "" }
    );
    println!("machine: {}", procfs::machine_description());
    println!(
        "build: {}; windows: Xvfb 1280x800, openbox, software GL (LIBGL_ALWAYS_SOFTWARE=1)",
        if cfg!(debug_assertions) {
            "DEBUG (not representative)"
        } else {
            "release"
        }
    );
    println!();
    print!("{}", report::table(&rows));
    let over = rows.iter().filter(|r| r.verdict == Verdict::Over).count();
    let skipped = rows
        .iter()
        .filter(|r| matches!(r.verdict, Verdict::Skipped(_)))
        .count();
    println!();
    println!("{over} over budget, {skipped} skipped.");
    if over > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn ratio(value: f64, floor: f64) -> String {
    format!("{:.2} × bare", value / floor)
}

/// Start-up, CPU and memory in real windows.
fn window_rows(exe: &Path, work: &Path, runs: usize, cpu_window: Duration, rows: &mut Vec<Row>) {
    let startup_budget = format!("≤ {STARTUP_FACTOR} × bare");
    let memory_budget = format!("≤ {MEMORY_FACTOR} × bare");
    let cpu_budget = format!("< {CPU_PERCENT} % of a core");
    let secs = cpu_window.as_secs();
    let skip_all = |rows: &mut Vec<Row>, why: &str| {
        rows.push(Row::skipped("start-up: kring", &startup_budget, why));
        rows.push(Row::skipped(
            format!("CPU: countdown on the room display, {secs} s"),
            &cpu_budget,
            why,
        ));
        rows.push(Row::skipped(
            format!("CPU: idle on the home screen, {secs} s"),
            &cpu_budget,
            why,
        ));
        rows.push(Row::skipped("memory: kring", &memory_budget, why));
    };
    let bare = exe.with_file_name(format!("kring-bare{}", std::env::consts::EXE_SUFFIX));
    if !bare.is_file() {
        skip_all(
            rows,
            &format!(
                "{} is missing; build both with cargo build --release",
                bare.display()
            ),
        );
        return;
    }
    if let Err(why) = window::ensure_tools() {
        skip_all(rows, &why);
        return;
    }
    let display = match window::Display::start(work) {
        Ok(display) => display,
        Err(why) => {
            skip_all(rows, &why);
            return;
        }
    };
    let programs = gui::Programs {
        app: exe,
        bare: &bare,
    };

    let startup = gui::measure_startup(&display, &programs, work, runs);
    let mut bare_rss = f64::NAN;
    match &startup {
        Ok(s) => {
            let logged = |t: &[window::FirstFrameTimes]| {
                median(&t.iter().map(|t| t.logged_ms).collect::<Vec<_>>())
            };
            let seen = |t: &[window::FirstFrameTimes]| {
                median(&t.iter().map(|t| t.seen_ms).collect::<Vec<_>>())
            };
            let (app_logged, bare_logged) = (logged(&s.app), logged(&s.bare));
            let (app_seen, bare_seen) = (seen(&s.app), seen(&s.bare));
            rows.push(Row::new(
                format!("start-up: kring, main to first frame (logged), median of {runs}"),
                format!("{} ({})", ms(app_logged), ratio(app_logged, bare_logged)),
                format!("{startup_budget} (≤ {})", ms(bare_logged * STARTUP_FACTOR)),
                Verdict::within(app_logged <= bare_logged * STARTUP_FACTOR),
            ));
            rows.push(Row::new(
                format!("start-up: bare window, main to first frame, median of {runs}"),
                ms(bare_logged),
                "floor",
                Verdict::Info,
            ));
            let created = |t: &[window::FirstFrameTimes]| {
                median(&t.iter().filter_map(|t| t.created_ms).collect::<Vec<_>>())
            };
            let (app_created, bare_created) = (created(&s.app), created(&s.bare));
            rows.push(Row::new(
                "start-up split: main to app made (window, GL, app set-up) + first frame",
                format!(
                    "kring {} + {}; bare {} + {}",
                    ms(app_created),
                    ms(app_logged - app_created),
                    ms(bare_created),
                    ms(bare_logged - bare_created)
                ),
                "—",
                Verdict::Info,
            ));
            rows.push(Row::new(
                format!("start-up: kring, launch to first-frame line (bench), median of {runs}"),
                format!("{} ({})", ms(app_seen), ratio(app_seen, bare_seen)),
                format!("{startup_budget} (≤ {})", ms(bare_seen * STARTUP_FACTOR)),
                Verdict::within(app_seen <= bare_seen * STARTUP_FACTOR),
            ));
            rows.push(Row::new(
                format!("start-up: bare window, launch to first-frame line, median of {runs}"),
                ms(bare_seen),
                "floor",
                Verdict::Info,
            ));
            let to_f64 = |v: &[u64]| v.iter().map(|&k| k as f64).collect::<Vec<_>>();
            let app_rss = median(&to_f64(&s.app_rss_kib));
            bare_rss = median(&to_f64(&s.bare_rss_kib));
            rows.push(Row::new(
                format!("memory (RSS): kring after start, median of {runs}"),
                format!("{} ({})", mb(app_rss as u64), ratio(app_rss, bare_rss)),
                format!(
                    "{memory_budget} (≤ {})",
                    mb((bare_rss * MEMORY_FACTOR) as u64)
                ),
                Verdict::within(app_rss <= bare_rss * MEMORY_FACTOR),
            ));
            rows.push(Row::new(
                format!("memory (RSS): bare window after start, median of {runs}"),
                mb(bare_rss as u64),
                "floor",
                Verdict::Info,
            ));
            // Both builds carry it (one crate, one set of eframe features): what it costs
            // shows in the absolute figures above against a table made without it, see
            // BENCHMARKS.md.
            rows.push(Row::new(
                "screen reader support (eframe accesskit)",
                "on in kring and in the bare window",
                "—",
                Verdict::Info,
            ));
        }
        Err(why) => {
            eprintln!("kring bench: start-up: {why}");
            rows.push(Row::skipped("start-up", &startup_budget, &first_line(why)));
        }
    }

    match gui::measure_use(&display, &programs, work, cpu_window) {
        Ok(u) => {
            let cpu = |c: &gui::CpuSample| {
                if c.wall_frames > 0 {
                    format!(
                        "{:.2} % of a core ({} frames of the leader's window, {} of the group \
                         screen's, in {:.0} s)",
                        c.percent, c.frames, c.wall_frames, c.secs
                    )
                } else {
                    format!(
                        "{:.2} % of a core ({} frames in {:.0} s)",
                        c.percent, c.frames, c.secs
                    )
                }
            };
            rows.push(Row::new(
                format!("CPU: countdown running on the room display, {secs} s"),
                cpu(&u.countdown),
                &cpu_budget,
                Verdict::within(u.countdown.percent < CPU_PERCENT),
            ));
            rows.push(Row::new(
                format!("CPU: the same, leader's control bar hidden (H), {secs} s"),
                cpu(&u.countdown_no_bar),
                "—",
                Verdict::Info,
            ));
            let two_windows_budget = 1.3 * u.countdown.percent;
            rows.push(Row::new(
                format!("CPU: the same with the group screen in a window of its own, {secs} s"),
                cpu(&u.countdown_two_windows),
                format!("≤ 1.3 × one window (≤ {two_windows_budget:.2} %)"),
                Verdict::within(u.countdown_two_windows.percent <= two_windows_budget),
            ));
            rows.push(Row::new(
                format!("CPU: bare window repainting once a second, {secs} s"),
                cpu(&u.bare_tick),
                "floor",
                Verdict::Info,
            ));
            rows.push(Row::new(
                format!("CPU: idle on the home screen, {secs} s"),
                cpu(&u.app_idle),
                &cpu_budget,
                Verdict::within(u.app_idle.percent < CPU_PERCENT),
            ));
            rows.push(Row::new(
                format!("CPU: bare window idle, {secs} s"),
                cpu(&u.bare_idle),
                "floor",
                Verdict::Info,
            ));
            let after = u.app_rss_after_meeting_kib as f64;
            rows.push(Row::new(
                format!(
                    "memory (RSS): kring after a whole meeting ({}, {} phases done, {} keys)",
                    u.meeting_protocol, u.meeting_phases, u.meeting_keys
                ),
                if bare_rss.is_finite() {
                    format!("{} ({})", mb(after as u64), ratio(after, bare_rss))
                } else {
                    mb(after as u64)
                },
                if bare_rss.is_finite() {
                    format!(
                        "{memory_budget} (≤ {})",
                        mb((bare_rss * MEMORY_FACTOR) as u64)
                    )
                } else {
                    memory_budget.clone()
                },
                if bare_rss.is_finite() {
                    Verdict::within(after <= bare_rss * MEMORY_FACTOR)
                } else {
                    Verdict::Skipped("no bare-window figure".to_owned())
                },
            ));
        }
        Err(why) => {
            eprintln!("kring bench: CPU and memory in a window: {why}");
            rows.push(Row::skipped(
                "CPU and memory in a window",
                &cpu_budget,
                &first_line(&why),
            ));
        }
    }
}

/// The first line of a message, for a table cell.
fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}

/// Frame times, headless.
fn frame_rows(work: &Path, rows: &mut Vec<Row>) {
    eprintln!("bench: frame times, headless ({FRAMES} frames per screen)");
    match frames::measure_app_frames(work, FRAMES) {
        Ok(f) => {
            for (name, stats) in [("room display", &f.room), ("leader screen", &f.leader)] {
                let check = stats
                    .cpu_per_wall
                    .map_or_else(String::new, |r| format!("; CPU/wall {r:.2}"));
                rows.push(Row::new(
                    format!(
                        "frame: {name}, median of {} (1920×1080, headless)",
                        stats.len()
                    ),
                    format!("{}{check}", ms(stats.median())),
                    format!("< {}", ms(FRAME_MEDIAN_MS)),
                    Verdict::within(stats.median() < FRAME_MEDIAN_MS),
                ));
                rows.push(Row::new(
                    format!("frame: {name}, p99 of {}", stats.len()),
                    format!("{} (max {})", ms(stats.p99()), ms(stats.max())),
                    format!("< {}", ms(FRAME_P99_MS)),
                    Verdict::within(stats.p99() < FRAME_P99_MS),
                ));
            }
        }
        Err(why) => rows.push(Row::skipped(
            "frame times",
            format!("median < {FRAME_MEDIAN_MS} ms, p99 < {FRAME_P99_MS} ms"),
            &why,
        )),
    }
}

/// History with 10,000 meetings.
fn history_rows(exe: &Path, work: &Path, rows: &mut Vec<Row>) {
    eprintln!(
        "bench: history, generating {} meetings and opening them",
        history::MEETINGS
    );
    let n = history::MEETINGS;
    match history::measure(exe, work, n) {
        Ok(h) => {
            rows.push(Row::new(
                format!("history: generate {n} meetings (kring demo-data)"),
                format!("{:.1} s", h.generate_secs),
                "—",
                Verdict::Info,
            ));
            rows.push(Row::new(
                format!(
                    "history: open the group: app start to the History tab listing all {}",
                    h.loaded
                ),
                ms(h.open_ms),
                format!("< {}", ms(HISTORY_OPEN_MS)),
                Verdict::within(h.open_ms < HISTORY_OPEN_MS && h.loaded == h.meetings),
            ));
            rows.push(Row::new(
                format!("history: app start + first home frame, {n} meetings on disk"),
                format!(
                    "{}; background read done after {}, then the tab's frame {}",
                    ms(h.home_ms),
                    ms(h.preload_ms),
                    ms(h.tab_ms)
                ),
                "—",
                Verdict::Info,
            ));
            rows.push(Row::new(
                format!(
                    "history: search \"{}\" ({} hits), median of {}",
                    history::SEARCH_WORD,
                    h.search_hits,
                    h.search.len()
                ),
                format!(
                    "{} (first {}, max {})",
                    ms(h.search.median()),
                    ms(h.search_first_ms),
                    ms(h.search.max())
                ),
                format!("< {}", ms(HISTORY_SEARCH_MS)),
                Verdict::within(h.search.median() < HISTORY_SEARCH_MS),
            ));
            rows.push(Row::new(
                format!(
                    "history: list frame while scrolling, p99 of {}",
                    h.list.len()
                ),
                format!(
                    "{} (median {}, max {})",
                    ms(h.list.p99()),
                    ms(h.list.median()),
                    ms(h.list.max())
                ),
                format!("< {}", ms(HISTORY_LIST_FRAME_MS)),
                Verdict::within(h.list.p99() < HISTORY_LIST_FRAME_MS),
            ));
            let rss_mb = h.rss_end_kib.max(h.rss_open_kib) as f64 * 1024.0 / 1e6;
            rows.push(Row::new(
                "history: memory (RSS) of the app with the history open (headless)",
                mb(h.rss_end_kib.max(h.rss_open_kib)),
                format!("< {HISTORY_MEMORY_MB:.0} MB"),
                Verdict::within(rss_mb < HISTORY_MEMORY_MB),
            ));
        }
        Err(why) => {
            eprintln!("kring bench: history: {why}");
            rows.push(Row::skipped(
                "history at scale",
                "open < 1 s, search < 50 ms, list frame < 8 ms, < 200 MB",
                &first_line(&why),
            ));
        }
    }
}

/// Saving a record.
fn save_rows(work: &Path, rows: &mut Vec<Row>) {
    eprintln!("bench: saving {SAVES} meeting records");
    let dir = work.join("save");
    match save::measure(&dir, SAVES) {
        Ok(s) => rows.push(Row::new(
            format!(
                "save a meeting record atomically (~{:.1} KB), median of {}",
                s.mean_bytes as f64 / 1000.0,
                s.times.len()
            ),
            format!("{} (max {})", ms(s.times.median()), ms(s.times.max())),
            format!("< {}", ms(SAVE_MEDIAN_MS)),
            Verdict::within(s.times.median() < SAVE_MEDIAN_MS),
        )),
        Err(why) => rows.push(Row::skipped(
            "save a meeting record",
            format!("< {}", ms(SAVE_MEDIAN_MS)),
            &why,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn parses_quick_child_and_rejects_unknown() {
        let options = |quick, phones_secs| Ok(Mode::Run(Options { quick, phones_secs }));
        assert_eq!(parse(&[]), options(false, None));
        assert_eq!(parse(&args(&["--quick"])), options(true, None));
        assert_eq!(
            parse(&args(&["--quick", "--phones-secs", "5"])),
            options(true, Some(5))
        );
        assert!(parse(&args(&["--phones-secs", "soon"])).is_err());
        assert_eq!(
            parse(&args(&["--child-history", "/tmp/x", "open"])),
            Ok(Mode::ChildHistory(
                "/tmp/x".into(),
                history::ChildMode::Open
            ))
        );
        assert!(parse(&args(&["--child-history"])).is_err());
        assert!(parse(&args(&["--child-history", "/tmp/x"])).is_err());
        assert!(
            parse(&args(&["--slow"]))
                .expect_err("unknown")
                .contains("--slow")
        );
    }
}
