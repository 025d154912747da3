//! The start-up probe: an [`eframe::App`] wrapper that, when `KRING_LOG_FIRST_FRAME=1` is set,
//! prints `first_frame_ms=<ms>` to standard error once, when the first frame's UI has been
//! built, and with `KRING_LOG_FRAMES=1` a `frame_ms=<ms>` line for every frame after it.
//! `kring bench` reads these lines from the app and from the bare window alike: the first for
//! start-up, the others to count how often a window repaints.

use std::time::{Duration, Instant};

/// Set to `1` to make the program print its first-frame line.
pub const FIRST_FRAME_ENV: &str = "KRING_LOG_FIRST_FRAME";

/// The start of the line printed on standard error; the milliseconds follow.
pub const FIRST_FRAME_PREFIX: &str = "first_frame_ms=";

/// Printed just before the first-frame line: when the app was made, that is, after the
/// window and its GL context were ready and the app's own set-up ran.
pub const CREATED_PREFIX: &str = "app_created_ms=";

/// Set to `1` to make the program print a line for every frame it draws.
pub const FRAMES_ENV: &str = "KRING_LOG_FRAMES";

/// The start of the line printed for every frame after the first.
pub const FRAME_PREFIX: &str = "frame_ms=";

/// The start of the line printed for every frame of the group screen's own window.
pub const WALL_FRAME_PREFIX: &str = "wall_frame_ms=";

/// Prints a [`WALL_FRAME_PREFIX`] line when `KRING_LOG_FRAMES=1` is set: the group screen's
/// window has its own repaint schedule, so the bench counts its frames apart.
pub fn log_wall_frame() {
    static EVERY_FRAME: std::sync::OnceLock<Option<Instant>> = std::sync::OnceLock::new();
    let start = EVERY_FRAME.get_or_init(|| {
        std::env::var_os(FRAMES_ENV)
            .is_some_and(|value| value == "1")
            .then(Instant::now)
    });
    if let Some(start) = start {
        eprintln!(
            "{WALL_FRAME_PREFIX}{:.1}",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// Wraps an app and passes every call on unchanged; only the first `ui` call also prints the
/// time since `process_start` (an [`Instant`] taken first thing in `main`) when asked to.
/// Make it where the app is made, so that it also knows when that was.
pub struct FirstFrame<A> {
    app: A,
    process_start: Instant,
    /// When [`Self::new`] ran, after process start.
    created: Duration,
    /// Still to print (the variable is set and the first frame has not been drawn yet).
    pending: bool,
    /// Print a line for every frame.
    every_frame: bool,
}

impl<A: eframe::App> FirstFrame<A> {
    pub fn new(app: A, process_start: Instant) -> Self {
        let set = |name: &str| std::env::var_os(name).is_some_and(|value| value == "1");
        Self {
            app,
            process_start,
            created: process_start.elapsed(),
            pending: set(FIRST_FRAME_ENV),
            every_frame: set(FRAMES_ENV),
        }
    }
}

/// The line as printed: `first_frame_ms=123.4`.
pub fn first_frame_line(elapsed: Duration) -> String {
    format!("{FIRST_FRAME_PREFIX}{:.1}", elapsed.as_secs_f64() * 1000.0)
}

/// The milliseconds in a line printed by [`FirstFrame`], if it is one.
pub fn parse_first_frame_line(line: &str) -> Option<f64> {
    line.trim().strip_prefix(FIRST_FRAME_PREFIX)?.parse().ok()
}

impl<A: eframe::App> eframe::App for FirstFrame<A> {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.app.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        if self.pending {
            self.pending = false;
            let first_frame = self.process_start.elapsed();
            let created_ms = self.created.as_secs_f64() * 1000.0;
            eprintln!("{CREATED_PREFIX}{created_ms:.1}");
            eprintln!("{}", first_frame_line(first_frame));
        } else if self.every_frame {
            let ms = self.process_start.elapsed().as_secs_f64() * 1000.0;
            eprintln!("{FRAME_PREFIX}{ms:.1}");
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        self.app.on_exit(gl);
    }

    fn auto_save_interval(&self) -> Duration {
        self.app.auto_save_interval()
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.app.clear_color(visuals)
    }

    fn persist_egui_memory(&self) -> bool {
        self.app.persist_egui_memory()
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.app.raw_input_hook(ctx, raw_input);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_reads_back() {
        let line = first_frame_line(Duration::from_micros(123_456));
        assert_eq!(line, "first_frame_ms=123.5");
        assert_eq!(parse_first_frame_line(&line), Some(123.5));
        assert_eq!(parse_first_frame_line("[WARN] something else"), None);
    }
}
