//! The floor for `kring bench`: a bare eframe window built from the same crates, features and
//! renderer (glow) as Kring, with an empty central panel and one label. It prints the same
//! first-frame line as the app (with `KRING_LOG_FIRST_FRAME=1`) and then idles.
//!
//! With `--tick` the label shows the seconds since start and the window repaints once a
//! second, as the app does while a countdown runs: the floor for that CPU figure.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use kring::bench::FirstFrame;

struct Bare {
    /// Repaint once a second with the time in the label.
    tick: Option<Instant>,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let frame = if std::env::var_os("BARE_NOFILL").is_some() {
            egui::Frame::new()
        } else {
            egui::Frame::central_panel(ui.style())
        };
        egui::CentralPanel::default()
            .frame(frame)
            .show(ui, |ui| match self.tick {
                None => {
                    ui.label("kring-bare");
                }
                Some(started) => {
                    let elapsed = started.elapsed();
                    ui.label(format!("kring-bare {}", elapsed.as_secs()));
                    let into_ms = u64::from(elapsed.subsec_millis());
                    ui.ctx()
                        .request_repaint_after(Duration::from_millis(1000 - into_ms + 5));
                }
            });
    }
}

fn main() -> ExitCode {
    let process_start = Instant::now();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let tick = std::env::args_os().skip(1).any(|arg| arg == "--tick");
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("kring-bare")
            .with_app_id("kring-bare")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "kring-bare",
        options,
        Box::new(move |_cc| {
            let bare = Bare {
                tick: tick.then_some(process_start),
            };
            Ok(Box::new(FirstFrame::new(bare, process_start)))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kring-bare: the window could not be opened: {err}");
            ExitCode::from(1)
        }
    }
}
