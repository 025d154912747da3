//! The command line: start the app, or run a command without a window. [`parse`] reads the
//! arguments into a [`Cli`]; `check`, `export`, `attendance` and `demo_data` run the commands.

use std::io::Write;
use std::path::PathBuf;

mod attendance;
mod check;
pub mod demo;
mod export;
mod parse;
#[cfg(test)]
mod tests;
mod usage;

pub use attendance::{AttendanceArgs, attendance};
pub use check::{check, check_lang};
pub use export::export;
pub use parse::parse;
pub use usage::{ATTENDANCE_USAGE, CHECK_USAGE, DEMO_USAGE, EXPORT_USAGE, USAGE};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cli {
    Gui {
        data_dir: Option<PathBuf>,
    },
    Check {
        files: Vec<PathBuf>,
        /// `--lang`; without it, the language of the settings (see [`check_lang`]).
        lang: Option<crate::model::Lang>,
        data_dir: Option<PathBuf>,
    },
    Export(ExportArgs),
    Attendance(AttendanceArgs),
    DemoData(DemoArgs),
    Bench(Vec<String>),
    /// Print this help text: the overview, or one command's.
    Help(&'static str),
    Version,
}

/// What `kring export` was asked to do: a meeting record as Markdown or HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportArgs {
    pub data_dir: Option<PathBuf>,
    /// A path, or a file name in the default group's meetings folder.
    pub meeting: PathBuf,
    pub format: crate::export::Format,
    pub lang: crate::model::Lang,
    /// Where to write; standard output when `None`.
    pub out: Option<PathBuf>,
}

/// What `kring demo-data` was asked to do: an example group with many meetings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoArgs {
    pub data_dir: PathBuf,
    pub options: demo::DemoOptions,
}

/// Runs `kring demo-data` and writes what it wrote to `out`.
pub fn demo_data(args: &DemoArgs, out: &mut dyn Write) -> Result<(), String> {
    let data = crate::store::DataDir::new(&args.data_dir).map_err(|err| err.to_string())?;
    let now_ms = jiff::Timestamp::now().as_millisecond();
    let report = demo::write_demo(&data, &args.options, now_ms, &jiff::tz::TimeZone::system())?;
    writeln!(out, "{report}").ok();
    Ok(())
}
