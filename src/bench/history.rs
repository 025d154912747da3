//! History at scale: 10,000 generated meetings (the `kring demo-data` generator), then the
//! app opens the group's history, searches it and scrolls its list, headless.
//!
//! The measuring runs in child processes (`kring bench --child-history DIR home|open`), so
//! that the memory figure is that of an app that opened the history, not of the bench that
//! generated ten thousand meetings before, and so that each app starts cold.
//!
//! The app reads the history on a background thread from start-up on; the History tab waits
//! for that read if it is not done yet. "Open" is therefore measured as a leader who clicks
//! History at once would see it: from the start of the app to the tab's first frame with
//! every meeting listed.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command as Process;
use std::sync::Arc;
use std::time::Instant;

use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, pos2, vec2};

use super::frames::{BENCH_NOW_MS, Headless, Stats};
use super::procfs;
use crate::cli::demo::{DemoOptions, write_demo};
use crate::meeting::ManualClock;
use crate::store::DataDir;
use crate::ui::{HistoryCommand, HomeCommand, HomeTab, KringApp};

/// How many meetings the history rows are measured with.
pub const MEETINGS: usize = 10_000;

/// A word that the generator puts into advice ("Bespreek het met je leidinggevende ...").
pub const SEARCH_WORD: &str = "leidinggevende";

/// The option that runs the measuring part in a child process.
pub const CHILD_OPTION: &str = "--child-history";

/// How many list frames are timed.
const LIST_FRAMES: usize = 300;

/// What the history rows show.
#[derive(Clone, Debug)]
pub struct HistoryFigures {
    pub meetings: usize,
    pub generate_secs: f64,
    /// `KringApp::new` and the first frame of the home screen, with the meetings on disk.
    pub home_ms: f64,
    /// From the start of the app until the background read of the history was done.
    pub preload_ms: f64,
    /// The History tab's first frame once the background read was done.
    pub tab_ms: f64,
    /// From the start of the app to the History tab's first frame, clicked at once.
    pub open_ms: f64,
    pub loaded: usize,
    pub search_hits: usize,
    pub search_first_ms: f64,
    pub search: Stats,
    pub list: Stats,
    pub rss_open_kib: u64,
    pub rss_end_kib: u64,
}

/// Generates the meetings into `work` and measures them in a child process of `exe`.
pub fn measure(exe: &Path, work: &Path, meetings: usize) -> Result<HistoryFigures, String> {
    let root = work.join("history-data");
    let data = DataDir::new(&root).map_err(|err| err.to_string())?;
    let options = DemoOptions {
        meetings,
        ..DemoOptions::default()
    };
    let tz = jiff::tz::TimeZone::system();
    let report = write_demo(&data, &options, BENCH_NOW_MS, &tz)?;
    let mut text = String::new();
    for mode in ["home", "open"] {
        let output = Process::new(exe)
            .arg("bench")
            .arg(CHILD_OPTION)
            .arg(&root)
            .arg(mode)
            .output()
            .map_err(|err| format!("the history measurement could not be started: {err}"))?;
        let out = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            return Err(format!(
                "the history measurement ({mode}) failed: {}{}",
                out.trim(),
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        text.push_str(&out);
    }
    let values: BTreeMap<&str, &str> = text
        .lines()
        .filter_map(|line| line.split_once('='))
        .collect();
    let number = |key: &str| -> Result<f64, String> {
        values
            .get(key)
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("the history measurement did not report {key}:\n{text}"))
    };
    let series = |key: &str| -> Stats {
        Stats::new(
            values
                .get(key)
                .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
                .unwrap_or_default(),
        )
    };
    Ok(HistoryFigures {
        meetings: report.meetings,
        generate_secs: report.elapsed_secs,
        home_ms: number("home_ms")?,
        preload_ms: number("preload_ms")?,
        tab_ms: number("tab_ms")?,
        open_ms: number("open_ms")?,
        loaded: number("loaded")? as usize,
        search_hits: number("search_hits")? as usize,
        search_first_ms: number("search_first_ms")?,
        search: series("search_ms"),
        list: series("list_ms"),
        rss_open_kib: number("rss_open_kib")? as u64,
        rss_end_kib: number("rss_end_kib")? as u64,
    })
}

/// What a child process measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildMode {
    /// Start-up with the meetings on disk, the background read, then opening the tab.
    Home,
    /// Open the tab at once, search, scroll; memory.
    Open,
}

impl ChildMode {
    pub fn from_arg(arg: &str) -> Option<Self> {
        match arg {
            "home" => Some(Self::Home),
            "open" => Some(Self::Open),
            _ => None,
        }
    }
}

/// The child's part: the app on the data folder `root`, headless at 1280 × 800. Prints
/// `key=value` lines for [`measure`].
pub fn child(root: &Path, mode: ChildMode) -> Result<(), String> {
    let started = Instant::now();
    let data = DataDir::new(root).map_err(|err| err.to_string())?;
    let mut app = KringApp::new(data, Arc::new(ManualClock::new(BENCH_NOW_MS)));
    let mut headless = Headless::new(1280.0, 800.0);
    let ctx = headless.ctx().clone();
    if mode == ChildMode::Home {
        headless.frame(0.0, Vec::new(), |ui| app.frame(ui));
        println!("home_ms={:.3}", ms(started.elapsed()));
        // Frames as the app draws them while idle would not come this often; they only look
        // for the finished background read.
        while app.history().is_none() && started.elapsed().as_secs() < 60 {
            std::thread::sleep(std::time::Duration::from_millis(5));
            headless.frame(0.005, Vec::new(), |ui| app.frame(ui));
        }
        println!("preload_ms={:.3}", ms(started.elapsed()));
        app.apply(&ctx, HomeCommand::SetTab(HomeTab::History).into());
        let tab = headless.frame(1.0, Vec::new(), |ui| app.frame(ui));
        println!("tab_ms={:.3}", ms(tab));
        return Ok(());
    }

    app.apply(&ctx, HomeCommand::SetTab(HomeTab::History).into());
    headless.frame(0.0, Vec::new(), |ui| app.frame(ui));
    let open_ms = ms(started.elapsed());
    let loaded = app.history().map_or(0, |h| h.len());
    let rss_open_kib = procfs::rss_kib(None).unwrap_or_default();

    // A search as typing the word does it: the query is set, then the command runs.
    let mut search_ms = Vec::new();
    let mut search_hits = 0;
    for _ in 0..7 {
        let started = Instant::now();
        app.apply(&ctx, HistoryCommand::Search(SEARCH_WORD.to_owned()).into());
        search_ms.push(ms(started.elapsed()));
        search_hits = app.history_hits().unwrap_or(0);
    }
    let search_first_ms = search_ms.first().copied().unwrap_or(f64::NAN);
    headless.frame(1.0, Vec::new(), |ui| app.frame(ui));

    // Back to the whole list, then scroll through it a wheel turn per frame.
    app.apply(&ctx, HistoryCommand::Search(String::new()).into());
    let wheel = || {
        vec![
            Event::PointerMoved(pos2(220.0, 420.0)),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: vec2(0.0, -240.0),
                phase: TouchPhase::Move,
                source: MouseWheelSource::Unknown,
                modifiers: Modifiers::NONE,
            },
        ]
    };
    for _ in 0..20 {
        headless.frame(1.0 / 60.0, wheel(), |ui| app.frame(ui));
    }
    let list_ms: Vec<f64> = (0..LIST_FRAMES)
        .map(|_| ms(headless.frame(1.0 / 60.0, wheel(), |ui| app.frame(ui))))
        .collect();
    let rss_end_kib = procfs::rss_kib(None).unwrap_or_default();

    let join = |values: &[f64]| {
        values
            .iter()
            .map(|v| format!("{v:.4}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    println!("open_ms={open_ms:.3}");
    println!("loaded={loaded}");
    println!("search_hits={search_hits}");
    println!("search_first_ms={search_first_ms:.4}");
    println!("search_ms={}", join(&search_ms));
    println!("list_ms={}", join(&list_ms));
    println!("rss_open_kib={rss_open_kib}");
    println!("rss_end_kib={rss_end_kib}");
    Ok(())
}

fn ms(duration: std::time::Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
