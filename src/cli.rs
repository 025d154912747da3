//! The command line: start the app, or run a command without a window.

use std::io::Write;
use std::path::PathBuf;

use crate::model::Protocol;

pub const USAGE: &str = "\
Kring: guides an intervision group through a Balint meeting.

Usage:
  kring [--data-dir DIR]     start the app (data in DIR, $KRING_DATA_DIR, or your data folder)
  kring check FILE...        check protocol files; one line per problem, exit 1 if any
  kring --help               this text
  kring --version            the version
";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cli {
    Gui { data_dir: Option<PathBuf> },
    Check { files: Vec<PathBuf> },
    Help,
    Version,
}

/// Parses the arguments after the program name. The error is a message for the user.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Cli, String> {
    let mut args = args.into_iter();
    let mut data_dir = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" | "help" => return Ok(Cli::Help),
            "-V" | "--version" => return Ok(Cli::Version),
            "--data-dir" => {
                let dir = args
                    .next()
                    .ok_or("--data-dir needs a folder, e.g. --data-dir ~/kring-data")?;
                data_dir = Some(PathBuf::from(dir));
            }
            "check" => {
                let files: Vec<PathBuf> = args.map(PathBuf::from).collect();
                if files.is_empty() {
                    return Err(
                        "check needs one or more protocol files, e.g. kring check protocols/*.ron"
                            .to_owned(),
                    );
                }
                return Ok(Cli::Check { files });
            }
            other => {
                if let Some(dir) = other.strip_prefix("--data-dir=") {
                    data_dir = Some(PathBuf::from(dir));
                } else {
                    return Err(format!("unknown argument \"{other}\"; see kring --help"));
                }
            }
        }
    }
    Ok(Cli::Gui { data_dir })
}

/// Checks protocol files and writes one line per problem (or one "ok" line per good file) to
/// `out`. Returns whether every file was good.
pub fn check(files: &[PathBuf], out: &mut dyn Write) -> bool {
    let mut all_good = true;
    for file in files {
        let name = file.display().to_string();
        let result = match std::fs::read(file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Protocol::from_ron(&name, &text)
                    .map_err(|issues| issues.iter().map(ToString::to_string).collect::<Vec<_>>()),
                Err(_) => Err(vec![format!(
                    "{name}:1:1: the file is not UTF-8 text; save it as UTF-8 in a text editor."
                )]),
            },
            Err(err) => Err(vec![format!("{name}:1:1: the file cannot be read: {err}")]),
        };
        match result {
            Ok(protocol) => {
                writeln!(
                    out,
                    "{name}: ok ({}, {} phases, {} minutes)",
                    protocol.id,
                    protocol.phases.len(),
                    protocol.planned_minutes()
                )
                .ok();
            }
            Err(lines) => {
                all_good = false;
                for line in lines {
                    writeln!(out, "{line}").ok();
                }
            }
        }
    }
    all_good
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn parses_gui_check_and_rejects_unknown() {
        assert_eq!(parse(args(&[])), Ok(Cli::Gui { data_dir: None }));
        assert_eq!(
            parse(args(&["--data-dir", "/tmp/x"])),
            Ok(Cli::Gui {
                data_dir: Some("/tmp/x".into())
            })
        );
        assert_eq!(
            parse(args(&["check", "a.ron", "b.ron"])),
            Ok(Cli::Check {
                files: vec!["a.ron".into(), "b.ron".into()]
            })
        );
        assert!(parse(args(&["check"])).is_err());
        assert!(parse(args(&["--data-dir"])).is_err());
        assert!(
            parse(args(&["--frobnicate"]))
                .expect_err("unknown")
                .contains("--frobnicate")
        );
    }
}
