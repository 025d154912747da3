//! The command line: start the app, or run a command without a window.

use std::io::Write;
use std::path::PathBuf;

use crate::model::Protocol;

pub mod demo;

pub const USAGE: &str = "\
Kring: guides an intervision group through a Balint meeting.

Usage:
  kring [--data-dir DIR]     start the app (data in DIR, $KRING_DATA_DIR, or your data folder)
  kring check FILE...        check protocol files; one line per problem, exit 1 if any
  kring export [--data-dir DIR] MEETING_FILE --format md|html [--lang nl|en] [--out FILE]
                             a meeting as Markdown or a printable HTML page (stdout
                             without --out); MEETING_FILE is a path, or a file name in
                             the default group's meetings folder
  kring demo-data --data-dir DIR [--meetings N] [--group NAME] [--seed S]
                             write an example group with N meetings (default 40) into
                             DIR, for trying Kring out; same seed, same group
  kring bench [--quick]      measure this build (start-up, CPU, memory, frame times, history,
                             saving) against its budgets; see BENCHMARKS.md
  kring --help               this text
  kring --version            the version
";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cli {
    Gui { data_dir: Option<PathBuf> },
    Check { files: Vec<PathBuf> },
    Export(ExportArgs),
    DemoData(DemoArgs),
    Bench(Vec<String>),
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
            "export" => return parse_export(args, data_dir).map(Cli::Export),
            "demo-data" => return parse_demo_data(args, data_dir).map(Cli::DemoData),
            "bench" => return Ok(Cli::Bench(args.collect())),
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

/// The value after an option: `--name VALUE` or `--name=VALUE`.
fn option_value(
    arg: &str,
    name: &str,
    args: &mut impl Iterator<Item = String>,
    example: &str,
) -> Result<Option<String>, String> {
    if arg == name {
        return args
            .next()
            .map(Some)
            .ok_or_else(|| format!("{name} needs a value, e.g. {name} {example}"));
    }
    Ok(arg
        .strip_prefix(name)
        .and_then(|rest| rest.strip_prefix('='))
        .map(str::to_owned))
}

fn parse_export(
    mut args: impl Iterator<Item = String>,
    mut data_dir: Option<PathBuf>,
) -> Result<ExportArgs, String> {
    use crate::export::Format;
    use crate::model::Lang;
    let mut meeting = None;
    let mut format = None;
    let mut lang = Lang::Nl;
    let mut out = None;
    while let Some(arg) = args.next() {
        if let Some(dir) = option_value(&arg, "--data-dir", &mut args, "~/kring-data")? {
            data_dir = Some(PathBuf::from(dir));
        } else if let Some(name) = option_value(&arg, "--format", &mut args, "html")? {
            format = Some(Format::from_name(&name).ok_or_else(|| {
                format!("--format {name} is not known: use --format md or --format html")
            })?);
        } else if let Some(code) = option_value(&arg, "--lang", &mut args, "en")? {
            lang = match code.to_ascii_lowercase().as_str() {
                "nl" => Lang::Nl,
                "en" => Lang::En,
                _ => {
                    return Err(format!(
                        "--lang {code} is not known: use --lang nl or --lang en"
                    ));
                }
            };
        } else if let Some(file) = option_value(&arg, "--out", &mut args, "verslag.html")? {
            out = Some(PathBuf::from(file));
        } else if arg.starts_with("--") {
            return Err(format!("export does not know \"{arg}\"; see kring --help"));
        } else if meeting.is_some() {
            return Err(format!(
                "export takes one meeting file, and \"{arg}\" is a second one; export them one by one"
            ));
        } else {
            meeting = Some(PathBuf::from(arg));
        }
    }
    let meeting = meeting.ok_or(
        "export needs a meeting file, e.g. kring export 2026-11-23_1930_balint-9-fasen.ron --format html",
    )?;
    let format = match format {
        Some(format) => format,
        None => out
            .as_ref()
            .and_then(|o: &PathBuf| o.extension())
            .and_then(|e| Format::from_name(&e.to_string_lossy()))
            .ok_or("export needs --format md or --format html")?,
    };
    Ok(ExportArgs {
        data_dir,
        meeting,
        format,
        lang,
        out,
    })
}

fn parse_demo_data(
    mut args: impl Iterator<Item = String>,
    mut data_dir: Option<PathBuf>,
) -> Result<DemoArgs, String> {
    let mut options = demo::DemoOptions::default();
    while let Some(arg) = args.next() {
        if let Some(dir) = option_value(&arg, "--data-dir", &mut args, "/tmp/kring-demo")? {
            data_dir = Some(PathBuf::from(dir));
        } else if let Some(n) = option_value(&arg, "--meetings", &mut args, "40")? {
            options.meetings = n
                .parse()
                .ok()
                .filter(|n| (1..=1_000_000).contains(n))
                .ok_or_else(|| {
                    format!("--meetings {n} is not a number from 1 to 1000000, e.g. --meetings 40")
                })?;
        } else if let Some(name) = option_value(&arg, "--group", &mut args, "\"Team Noord\"")? {
            options.group_name = name;
        } else if let Some(seed) = option_value(&arg, "--seed", &mut args, "7")? {
            options.seed = seed.parse().map_err(|_| {
                format!("--seed {seed} is not a whole number from 0 up, e.g. --seed 7")
            })?;
        } else {
            return Err(format!(
                "demo-data does not know \"{arg}\"; see kring --help"
            ));
        }
    }
    let data_dir = data_dir.ok_or(
        "demo-data needs --data-dir DIR, so that example meetings never mix with a group's real ones, e.g. kring demo-data --data-dir /tmp/kring-demo",
    )?;
    Ok(DemoArgs { data_dir, options })
}

/// Runs `kring export`: writes the meeting to `out` (or to the `--out` file, and then a line
/// saying so to `out`). The error says what went wrong, where, and what to do.
pub fn export(args: &ExportArgs, out: &mut dyn Write) -> Result<(), String> {
    let path = find_meeting_file(args)?;
    let record = crate::store::load_record(&path)
        .map_err(|err| format!("{err} Nothing was exported; the file is left as it is."))?;
    let text = args.format.render(&record, args.lang);
    let Some(target) = &args.out else {
        return out
            .write_all(text.as_bytes())
            .map_err(|err| format!("the export could not be written to standard output ({err})."));
    };
    // Never write an export over a meeting record (or any other Kring file).
    let same_file = std::fs::canonicalize(target)
        .ok()
        .zip(std::fs::canonicalize(&path).ok())
        .is_some_and(|(a, b)| a == b);
    if same_file || (target.is_file() && target.extension().is_some_and(|e| e == "ron")) {
        return Err(format!(
            "{}: --out would overwrite a Kring file; choose a new file name, e.g. verslag.{}",
            target.display(),
            args.format.extension()
        ));
    }
    crate::store::write_atomic(target, text.as_bytes()).map_err(|err| {
        format!(
            "{}: the export could not be written ({err}); check that the folder exists and \
             that you may write there.",
            target.display()
        )
    })?;
    writeln!(out, "Wrote {}", target.display()).ok();
    Ok(())
}

/// The meeting file: the path as given, or a file name in the default group's meetings
/// folder (then in the other groups' folders, when exactly one has it).
fn find_meeting_file(args: &ExportArgs) -> Result<PathBuf, String> {
    use crate::store::{DEFAULT_GROUP, DataDir, list_groups};
    let given = &args.meeting;
    if given.is_file() {
        return Ok(given.clone());
    }
    let bare = given
        .parent()
        .is_none_or(|parent| parent.as_os_str().is_empty());
    if !bare {
        return Err(format!(
            "{}: there is no such meeting file; check the path.",
            given.display()
        ));
    }
    let data = DataDir::resolve(args.data_dir.clone()).map_err(|err| err.to_string())?;
    let mut names = vec![given.clone()];
    if given.extension().is_none() {
        names.push(given.with_extension("ron"));
    }
    let default_dir = data.meetings_dir(DEFAULT_GROUP);
    for name in &names {
        let candidate = default_dir.join(name);
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    let found: Vec<PathBuf> = list_groups(&data)
        .groups
        .iter()
        .flat_map(|(id, _)| {
            let dir = data.meetings_dir(id);
            names.iter().map(move |n| dir.join(n))
        })
        .filter(|p| p.is_file())
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!(
            "{}: there is no such meeting file, and no file of that name in {}; give the path \
             of a meeting file, or the name of one in that folder.",
            given.display(),
            default_dir.display()
        )),
        several => Err(format!(
            "{}: several groups have a meeting file of that name ({}); give its full path.",
            given.display(),
            several
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Runs `kring demo-data` and writes what it wrote to `out`.
pub fn demo_data(args: &DemoArgs, out: &mut dyn Write) -> Result<(), String> {
    let data = crate::store::DataDir::new(&args.data_dir).map_err(|err| err.to_string())?;
    let now_ms = jiff::Timestamp::now().as_millisecond();
    let report = demo::write_demo(&data, &args.options, now_ms, &jiff::tz::TimeZone::system())?;
    writeln!(out, "{report}").ok();
    Ok(())
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

    #[test]
    fn parses_export_and_demo_data() {
        use crate::export::Format;
        use crate::model::Lang;
        assert_eq!(
            parse(args(&[
                "export",
                "--data-dir",
                "/d",
                "m.ron",
                "--format",
                "html",
                "--lang=en",
                "--out",
                "v.html"
            ])),
            Ok(Cli::Export(ExportArgs {
                data_dir: Some("/d".into()),
                meeting: "m.ron".into(),
                format: Format::Html,
                lang: Lang::En,
                out: Some("v.html".into()),
            }))
        );
        // --data-dir before the command counts too; the format follows from --out.
        let Ok(Cli::Export(export)) = parse(args(&[
            "--data-dir",
            "/d",
            "export",
            "m.ron",
            "--out",
            "v.md",
        ])) else {
            panic!("export parses");
        };
        assert_eq!(
            (export.data_dir, export.format, export.lang),
            (Some("/d".into()), Format::Markdown, Lang::Nl)
        );
        for (bad, says) in [
            (&["export", "m.ron"][..], "--format"),
            (&["export", "--format", "md"][..], "meeting file"),
            (&["export", "m.ron", "--format", "pdf"][..], "pdf"),
            (
                &["export", "m.ron", "--format", "md", "--lang", "fr"][..],
                "fr",
            ),
            (&["export", "a.ron", "b.ron", "--format", "md"][..], "b.ron"),
            (
                &["export", "m.ron", "--format"][..],
                "--format needs a value",
            ),
            (&["demo-data"][..], "--data-dir"),
            (
                &["demo-data", "--data-dir", "/d", "--meetings", "0"][..],
                "--meetings 0",
            ),
            (
                &["demo-data", "--data-dir", "/d", "--seed", "-1"][..],
                "--seed -1",
            ),
            (
                &["demo-data", "--data-dir", "/d", "--colour"][..],
                "--colour",
            ),
        ] {
            let err = parse(args(bad)).expect_err("refused");
            assert!(err.contains(says), "{bad:?}: {err}");
        }
        let Ok(Cli::DemoData(demo)) = parse(args(&[
            "demo-data",
            "--data-dir=/d",
            "--meetings",
            "2000",
            "--group",
            "Team Noord",
            "--seed",
            "7",
        ])) else {
            panic!("demo-data parses");
        };
        assert_eq!(demo.data_dir, PathBuf::from("/d"));
        assert_eq!(
            demo.options,
            demo::DemoOptions {
                meetings: 2000,
                group_name: "Team Noord".into(),
                seed: 7
            }
        );
    }
}
