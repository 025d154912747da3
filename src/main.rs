//! `kring`: the app, or one of its commands (see `kring --help`).

use std::process::ExitCode;
use std::sync::Arc;

use kring::cli::{self, Cli};
use kring::meeting::SystemClock;
use kring::store::DataDir;
use kring::ui::KringApp;

fn main() -> ExitCode {
    // Start-up is measured from here (see `kring bench`).
    let process_start = std::time::Instant::now();
    // Wrapped, so that an export can tell a cancelled file dialog from one that cannot open.
    kring::ui::save_dialog::init_logging(
        env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).build(),
    );
    let cli = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli) => cli,
        Err(message) => {
            eprintln!("kring: {message}");
            return ExitCode::from(2);
        }
    };
    match cli {
        Cli::Help(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Cli::Version => {
            println!("kring {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Cli::Check {
            files,
            lang,
            data_dir,
        } => {
            let lang = cli::check_lang(lang, data_dir);
            if cli::check(&files, lang, &mut std::io::stdout()) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Cli::Export(args) => finish(cli::export(&args, &mut std::io::stdout())),
        Cli::Attendance(args) => finish(cli::attendance(&args, &mut std::io::stdout())),
        Cli::DemoData(args) => finish(cli::demo_data(&args, &mut std::io::stdout())),
        Cli::Bench(args) => kring::bench::main(&args),
        Cli::Gui { data_dir } => run_gui(data_dir, process_start),
    }
}

/// Exit code 0, or 1 after saying what went wrong.
fn finish(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("kring: {message}");
            ExitCode::from(1)
        }
    }
}

fn run_gui(data_dir: Option<std::path::PathBuf>, process_start: std::time::Instant) -> ExitCode {
    // A data folder that cannot be used (it is a file, there is no home folder) does not stop
    // the app: it runs on a temporary folder and says so on the home screen.
    let (data, fallback_reason) = match DataDir::resolve(data_dir) {
        Ok(data) => (data, None),
        // The user's own private folder in the temporary folder, never one shared by all.
        Err(err) => match DataDir::fallback() {
            Ok(data) => (data, Some(err)),
            Err(second) => {
                eprintln!("kring: {err}; the temporary folder cannot be used either: {second}.");
                return ExitCode::from(2);
            }
        },
    };
    // The app's own set-up (settings, protocols, the group's lock and files) and the window
    // icon are made on a thread of their own while eframe opens the window and its GL context,
    // which is mostly waiting on the display server: neither delays the first frame.
    let setup = std::thread::Builder::new()
        .name("kring-setup".to_owned())
        .spawn(move || {
            let mut app = KringApp::new(data, Arc::new(SystemClock));
            if let Some(reason) = fallback_reason {
                app.report_data_dir_fallback(&reason);
            }
            let icon = egui::IconData {
                rgba: kring::ui::icon_rgba(),
                width: kring::ui::ICON_SIZE,
                height: kring::ui::ICON_SIZE,
            };
            (app, icon)
        });
    let setup = match setup {
        Ok(setup) => setup,
        Err(err) => {
            eprintln!("kring: the app could not start a thread: {err}");
            return ExitCode::from(1);
        }
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Kring")
            .with_app_id("kring")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Kring",
        options,
        Box::new(move |cc| {
            let (app, icon) = match setup.join() {
                Ok(made) => made,
                // A panic while setting up is the app's own: let it end the program as it would
                // have on the main thread.
                Err(panic) => std::panic::resume_unwind(panic),
            };
            cc.egui_ctx
                .send_viewport_cmd(egui::ViewportCommand::Icon(Some(Arc::new(icon))));
            Ok(Box::new(kring::bench::FirstFrame::new(app, process_start)))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kring: the window could not be opened: {err}");
            ExitCode::from(1)
        }
    }
}
