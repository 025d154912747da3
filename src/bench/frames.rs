//! Frame times without a window: the app runs in a plain [`egui::Context`], and one frame is
//! everything the app's process pays on the CPU for it before the GPU driver takes over: the
//! app's `logic` and `ui`, egui's layout, and tessellation into triangles.
//!
//! Timing uses the wall clock ([`Instant`]) on the bench's own thread while nothing else in
//! the process works; the data folder is put on a RAM disk (`/dev/shm`) when there is one, so
//! the autosave's disk flush does not count as CPU. Over a whole series the process's CPU
//! time (from `/proc`) is compared with the wall time, to show that the two agree.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Pos2, Rect, Ui, vec2};

use super::procfs;
use crate::meeting::{Command, ManualClock, Step};
use crate::store::DataDir;
use crate::ui::{AppAction, AppCommand, KringApp, Screen, SessionCommand};

/// A fixed "now" for headless runs: Monday 23 November 2026, 19:30 in the Netherlands.
pub const BENCH_NOW_MS: i64 = 1_795_458_600_000;

/// An egui context fed with made-up input, one frame at a time.
pub struct Headless {
    ctx: egui::Context,
    time_secs: f64,
    screen: Rect,
}

impl Headless {
    /// A screen of `width` × `height` points at one pixel per point.
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            ctx: egui::Context::default(),
            time_secs: 0.0,
            screen: Rect::from_min_size(Pos2::ZERO, vec2(width, height)),
        }
    }

    pub fn ctx(&self) -> &egui::Context {
        &self.ctx
    }

    /// Runs one frame `dt_secs` after the previous one, with `events` as its input, and
    /// tessellates what it drew. Returns the wall time of both.
    pub fn frame(
        &mut self,
        dt_secs: f64,
        events: Vec<egui::Event>,
        mut ui: impl FnMut(&mut Ui),
    ) -> Duration {
        self.time_secs += dt_secs;
        let input = egui::RawInput {
            screen_rect: Some(self.screen),
            time: Some(self.time_secs),
            predicted_dt: dt_secs as f32,
            events,
            focused: true,
            ..Default::default()
        };
        let started = Instant::now();
        let mut output = self.ctx.run_ui(input, |root| ui(root));
        let shapes = std::mem::take(&mut output.shapes);
        let primitives = self.ctx.tessellate(shapes, output.pixels_per_point);
        let elapsed = started.elapsed();
        std::hint::black_box(primitives);
        // The glyph atlas updates would go to the GPU; there is none here.
        output.textures_delta.clear();
        elapsed
    }
}

/// Frame times of one series, in milliseconds.
#[derive(Clone, Debug)]
pub struct Stats {
    sorted_ms: Vec<f64>,
    /// Process CPU time over wall time for the series (about 1 when nothing waited).
    pub cpu_per_wall: Option<f64>,
}

impl Stats {
    pub fn new(mut samples_ms: Vec<f64>) -> Self {
        samples_ms.sort_by(f64::total_cmp);
        Self {
            sorted_ms: samples_ms,
            cpu_per_wall: None,
        }
    }

    pub fn len(&self) -> usize {
        self.sorted_ms.len()
    }

    /// The `p`-th percentile (nearest rank); 50 is the median.
    pub fn percentile(&self, p: f64) -> f64 {
        if self.sorted_ms.is_empty() {
            return f64::NAN;
        }
        let rank = (p / 100.0 * self.sorted_ms.len() as f64).ceil() as usize;
        let index = rank.clamp(1, self.sorted_ms.len()) - 1;
        self.sorted_ms.get(index).copied().unwrap_or(f64::NAN)
    }

    pub fn median(&self) -> f64 {
        self.percentile(50.0)
    }

    pub fn p99(&self) -> f64 {
        self.percentile(99.0)
    }

    pub fn max(&self) -> f64 {
        self.sorted_ms.last().copied().unwrap_or(f64::NAN)
    }
}

/// Frame times of the room display and of the leader screen during a running countdown.
pub struct AppFrames {
    pub room: Stats,
    pub leader: Stats,
}

/// Where the headless app keeps its data: `/dev/shm` when it can be written, else `work`.
fn ram_dir(work: &Path) -> PathBuf {
    let shm = Path::new("/dev/shm").join(format!("kring-bench-{}", std::process::id()));
    if std::fs::create_dir_all(&shm).is_ok() {
        shm
    } else {
        work.join("frames-data")
    }
}

/// Drives a fresh app (no meetings yet) to a running countdown of the first phase of the
/// default protocol, then times `frames` frames of the room display and as many of the
/// leader screen on a 1920 × 1080 screen (a projector). The clock moves one second per
/// frame, as when the app repaints for each new second of the countdown.
pub fn measure_app_frames(work: &Path, frames: usize) -> Result<AppFrames, String> {
    let dir = ram_dir(work);
    let result = measure_app_frames_in(&dir, frames);
    if dir.starts_with("/dev/shm") {
        std::fs::remove_dir_all(&dir).ok();
    }
    result.map(|(room, leader)| AppFrames { room, leader })
}

fn measure_app_frames_in(dir: &Path, frames: usize) -> Result<(Stats, Stats), String> {
    let data = DataDir::new(dir).map_err(|err| err.to_string())?;
    let clock = ManualClock::new(BENCH_NOW_MS);
    let mut app = KringApp::new(data, Arc::new(clock.clone()));
    let mut headless = Headless::new(1920.0, 1080.0);
    headless.frame(0.0, Vec::new(), |ui| app.frame(ui));
    let ctx = headless.ctx().clone();
    app.apply(&ctx, AppAction::StartMeeting.into());
    app.apply(&ctx, AppAction::FinishSetup.into());
    if app.screen() == Screen::Intro {
        headless.frame(1.0, Vec::new(), |ui| app.frame(ui));
        app.apply(&ctx, AppAction::BeginPhases.into());
    }
    for _ in 0..4 {
        let state = app.meeting().map(|m| (m.step(), m.is_paused()));
        match state {
            Some((Step::Run, false)) => break,
            Some((Step::Explain | Step::Run, _)) => {
                app.apply(&ctx, AppCommand::Meeting(Command::StartPause));
            }
            Some((Step::Prepare, _)) => app.apply(&ctx, AppCommand::Meeting(Command::Next)),
            Some((Step::Close, _)) | None => break,
        }
    }
    let running = app.screen() == Screen::Meeting
        && app
            .meeting()
            .is_some_and(|m| m.step() == Step::Run && !m.is_paused());
    if !running {
        return Err(format!(
            "the headless app did not reach a running countdown (screen {:?}, step {:?})",
            app.screen(),
            app.meeting().map(|m| m.step())
        ));
    }
    let room = time_frames(&mut headless, &mut app, &clock, frames);
    app.apply(&ctx, SessionCommand::ToggleView.into());
    let leader = time_frames(&mut headless, &mut app, &clock, frames);
    Ok((room, leader))
}

/// A short warm-up, then `frames` timed frames, each one second later on the app's clock.
fn time_frames(
    headless: &mut Headless,
    app: &mut KringApp,
    clock: &ManualClock,
    frames: usize,
) -> Stats {
    for _ in 0..30 {
        clock.advance_secs(1);
        headless.frame(1.0, Vec::new(), |ui| app.frame(ui));
    }
    let ticks_before = procfs::cpu_ticks(None);
    let started = Instant::now();
    let mut samples = Vec::with_capacity(frames);
    for _ in 0..frames {
        clock.advance_secs(1);
        let took = headless.frame(1.0, Vec::new(), |ui| app.frame(ui));
        samples.push(took.as_secs_f64() * 1000.0);
    }
    let wall = started.elapsed().as_secs_f64();
    let mut stats = Stats::new(samples);
    stats.cpu_per_wall = procfs::cpu_ticks(None)
        .zip(ticks_before)
        .map(|(after, before)| {
            after.saturating_sub(before) as f64 / procfs::ticks_per_sec() as f64 / wall
        });
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let stats = Stats::new((1..=100).rev().map(f64::from).collect());
        assert_eq!(stats.median(), 50.0);
        assert_eq!(stats.p99(), 99.0);
        assert_eq!(stats.max(), 100.0);
        assert!(Stats::new(Vec::new()).median().is_nan());
    }
}
