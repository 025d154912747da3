//! The command line: start the app, or run a command without a window.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use crate::model::Protocol;

pub mod demo;

pub const USAGE: &str = "\
Kring: guides an intervision group through a Balint meeting.

Usage:
  kring [--data-dir DIR]     start the app (data in DIR, $KRING_DATA_DIR, or your data folder)
  kring check [--data-dir DIR] [--lang nl|en] FILE...
                             check protocol files; one line per problem, exit 1 if any
  kring export [--data-dir DIR] MEETING_FILE --format md|html [--lang nl|en] [--out FILE]
                             a meeting as Markdown or a printable HTML page (stdout
                             without --out); MEETING_FILE is a path, or a file name in
                             the default group's meetings folder
  kring demo-data --data-dir DIR [--meetings N] [--group NAME] [--seed S]
                             write an example group with N meetings (default 40) into
                             DIR, for trying Kring out; same seed, same group
  kring bench [--quick]      measure this build (start-up, CPU, memory, frame times, history,
                             saving) against its budgets; see BENCHMARKS.md
  kring COMMAND --help       a command's options (also: kring help COMMAND)
  kring --help               this text
  kring --version            the version

Options:
  --data-dir DIR             the data folder (for the app, export and demo-data)
  -h, --help                 this text
  -V, --version              the version
";

/// `kring check --help`.
pub const CHECK_USAGE: &str = "\
Usage: kring check [--data-dir DIR] [--lang nl|en] FILE...

Checks protocol files as Kring would load them. Prints one line per problem,
FILE:LINE:COLUMN: what to change, or one \"ok\" line per good file. Exit status 1 when any
file has a problem.

Options:
  --lang nl|en               the language of the messages (default: the language chosen in
                             Kring's settings in the data folder, or Dutch when there are none)
  --data-dir DIR             the data folder whose settings give the default language
                             (default: $KRING_DATA_DIR, or your data folder); only read
  -h, --help                 this text
";

/// `kring export --help`.
pub const EXPORT_USAGE: &str = "\
Usage: kring export [--data-dir DIR] MEETING_FILE --format md|html [--lang nl|en] [--out FILE]

Writes one meeting as Markdown or as a printable HTML page (A4, no outside files). Everything
typed into the meeting is escaped: it shows as typed, never as markup. MEETING_FILE is a path,
or the name of a file in the default group's meetings folder (then in the other groups').

Options:
  --data-dir DIR             the data folder to look for MEETING_FILE in (default:
                             $KRING_DATA_DIR, or your data folder)
  --format md|html           Markdown or HTML; may be left out when --out ends in .md or .html
  --lang nl|en               the language of headings and labels (default: nl)
  --out FILE                 write to FILE instead of standard output (never over a .ron file)
  -h, --help                 this text
";

/// `kring demo-data --help`.
pub const DEMO_USAGE: &str = "\
Usage: kring demo-data --data-dir DIR [--meetings N] [--group NAME] [--seed S]

Writes an example group with made-up meetings into DIR, for trying Kring out or testing its
history with real amounts of data. Refuses a group folder that already has files.

Options:
  --data-dir DIR             where to write (required, so that example meetings never mix
                             with a group's real ones)
  --meetings N               how many meetings, 1 to 1000000 (default: 40)
  --group NAME               the group's name (default: Mijn groep)
  --seed S                   a whole number; the same seed gives the same files (default: 1957)
  -h, --help                 this text
";

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
    DemoData(DemoArgs),
    Bench(Vec<String>),
    /// Print this help text: the overview, or one command's.
    Help(&'static str),
    Version,
}

/// Parses the arguments after the program name. The error is a message for the user (exit
/// status 2).
///
/// Arguments are `OsString`s and paths stay `OsString`s (through [`lexopt`]): a folder or
/// file whose name is not UTF-8 works as any other. Where a value must be text (a format, a
/// language, a group name, a command) and is not UTF-8, the message says so; nothing here
/// can panic.
pub fn parse<I>(args: I) -> Result<Cli, String>
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    use lexopt::Arg::{Long, Short, Value};
    let mut parser = lexopt::Parser::from_args(args);
    let mut data_dir = None;
    loop {
        let arg = parser.next().map_err(|err| explain(err, None))?;
        let command = match arg {
            None => return Ok(Cli::Gui { data_dir }),
            Some(Short('h') | Long("help")) => return Ok(Cli::Help(USAGE)),
            Some(Short('V') | Long("version")) => return Ok(Cli::Version),
            Some(Long("data-dir")) => {
                data_dir = Some(path_value(&mut parser, "--data-dir", "~/kring-data")?);
                continue;
            }
            Some(Value(command)) => command,
            Some(other) => return Err(explain(other.unexpected(), None)),
        };
        let Some(command) = command.to_str() else {
            return Err(format!(
                "\"{}\" is not a command (and not UTF-8 text); the commands are check, \
                 export, demo-data and bench; see kring --help",
                command.to_string_lossy()
            ));
        };
        return match command {
            "help" => help_for(&mut parser),
            "check" => parse_check(&mut parser, data_dir),
            "export" => parse_export(&mut parser, data_dir),
            "demo-data" => parse_demo_data(&mut parser, data_dir),
            "bench" => parse_bench(&mut parser),
            other => Err(format!(
                "\"{other}\" is not a command; the commands are check, export, demo-data and \
                 bench; see kring --help"
            )),
        };
    }
}

/// `kring help [COMMAND]`.
fn help_for(parser: &mut lexopt::Parser) -> Result<Cli, String> {
    let Some(raw) = parser.try_raw_args() else {
        return Ok(Cli::Help(USAGE));
    };
    let args: Vec<OsString> = raw.collect();
    Ok(Cli::Help(match args.first().and_then(|a| a.to_str()) {
        Some("check") => CHECK_USAGE,
        Some("export") => EXPORT_USAGE,
        Some("demo-data") => DEMO_USAGE,
        Some("bench") => crate::bench::USAGE,
        _ => USAGE,
    }))
}

/// A lexopt error as a message that names the argument and says what to do. `command` is
/// the command whose options were being read.
fn explain(err: lexopt::Error, command: Option<&str>) -> String {
    let help = match command {
        Some(command) => format!("kring {command} --help"),
        None => "kring --help".to_owned(),
    };
    let prefix = command.map(|c| format!("{c}: ")).unwrap_or_default();
    match err {
        lexopt::Error::UnexpectedOption(option) => {
            format!("{prefix}unknown option \"{option}\"; see {help}")
        }
        lexopt::Error::UnexpectedArgument(value) => format!(
            "{prefix}unexpected argument \"{}\"; see {help}",
            value.to_string_lossy()
        ),
        lexopt::Error::UnexpectedValue { option, value } => format!(
            "{prefix}{option} takes no value, and was given \"{}\"; see {help}",
            value.to_string_lossy()
        ),
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!("{prefix}{option} needs a value; see {help}"),
        other => format!("{prefix}{other}; see {help}"),
    }
}

/// The value after `--name` (or in `--name=VALUE`), as a path: any bytes will do.
fn path_value(parser: &mut lexopt::Parser, name: &str, example: &str) -> Result<PathBuf, String> {
    parser
        .value()
        .map(PathBuf::from)
        .map_err(|_| format!("{name} needs a value, e.g. {name} {example}"))
}

/// The value after `--name` (or in `--name=VALUE`), as text.
fn text_value(parser: &mut lexopt::Parser, name: &str, example: &str) -> Result<String, String> {
    let value = parser
        .value()
        .map_err(|_| format!("{name} needs a value, e.g. {name} {example}"))?;
    value.into_string().map_err(|value| {
        format!(
            "{name} {} is not UTF-8 text; type it again, e.g. {name} {example}",
            value.to_string_lossy()
        )
    })
}

/// The value after `--lang`: `nl` or `en`.
fn lang_value(parser: &mut lexopt::Parser) -> Result<crate::model::Lang, String> {
    use crate::model::Lang;
    let code = text_value(parser, "--lang", "en")?;
    match code.to_ascii_lowercase().as_str() {
        "nl" => Ok(Lang::Nl),
        "en" => Ok(Lang::En),
        _ => Err(format!(
            "--lang {code} is not known: use --lang nl or --lang en"
        )),
    }
}

fn parse_check(parser: &mut lexopt::Parser, mut data_dir: Option<PathBuf>) -> Result<Cli, String> {
    use lexopt::Arg::{Long, Short, Value};
    let mut files = Vec::new();
    let mut lang = None;
    while let Some(arg) = parser.next().map_err(|err| explain(err, Some("check")))? {
        match arg {
            Short('h') | Long("help") => return Ok(Cli::Help(CHECK_USAGE)),
            Long("lang") => lang = Some(lang_value(parser)?),
            Long("data-dir") => data_dir = Some(path_value(parser, "--data-dir", "~/kring-data")?),
            Value(file) => files.push(PathBuf::from(file)),
            other => return Err(explain(other.unexpected(), Some("check"))),
        }
    }
    if files.is_empty() {
        return Err(
            "check needs one or more protocol files, e.g. kring check protocols/*.ron".to_owned(),
        );
    }
    Ok(Cli::Check {
        files,
        lang,
        data_dir,
    })
}

/// The language `kring check` writes in: `--lang` when given; else the language chosen in the
/// settings of the data folder (`--data-dir`, `$KRING_DATA_DIR`, or the user's own), when it
/// has a readable settings file; else Dutch. The settings file is only read, never moved or
/// changed.
pub fn check_lang(
    lang: Option<crate::model::Lang>,
    data_dir: Option<PathBuf>,
) -> crate::model::Lang {
    lang.or_else(|| {
        let data = crate::store::DataDir::resolve(data_dir).ok()?;
        crate::store::settings_language(&data.settings_file())
    })
    .unwrap_or(crate::model::Lang::Nl)
}

/// `kring bench` reads its own options (see `crate::bench`); they must be text.
fn parse_bench(parser: &mut lexopt::Parser) -> Result<Cli, String> {
    let Some(raw) = parser.try_raw_args() else {
        return Ok(Cli::Bench(Vec::new()));
    };
    let args = raw
        .map(|arg| {
            arg.into_string().map_err(|arg| {
                format!(
                    "bench: \"{}\" is not UTF-8 text; see kring bench --help",
                    arg.to_string_lossy()
                )
            })
        })
        .collect::<Result<Vec<String>, String>>()?;
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(Cli::Help(crate::bench::USAGE));
    }
    Ok(Cli::Bench(args))
}

/// Checks protocol files and writes one line per problem (or one "ok" line per good file) to
/// `out`, in `lang`. Returns whether every file was good.
pub fn check(files: &[PathBuf], lang: crate::model::Lang, out: &mut dyn Write) -> bool {
    use crate::model::{ProtocolIssue, ProtocolProblem};
    let mut all_good = true;
    for file in files {
        let name = file.display().to_string();
        let whole_file = |problem| vec![ProtocolIssue::new(&name, (1, 1), problem)];
        let result = match std::fs::read(file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Protocol::from_ron(&name, &text),
                Err(_) => Err(whole_file(ProtocolProblem::NotText)),
            },
            Err(err) => Err(whole_file(ProtocolProblem::Unreadable {
                os: err.to_string(),
            })),
        };
        match result {
            Ok(protocol) => {
                let ok = crate::i18n::fill(
                    crate::i18n::strings(lang).check_ok,
                    &[
                        ("file", &name),
                        ("id", &protocol.id),
                        ("phases", &protocol.phases.len()),
                        ("minutes", &protocol.planned_minutes()),
                    ],
                );
                writeln!(out, "{ok}").ok();
            }
            Err(issues) => {
                all_good = false;
                for issue in issues {
                    writeln!(out, "{}", crate::i18n::protocol_issue(lang, &issue)).ok();
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

fn parse_export(parser: &mut lexopt::Parser, mut data_dir: Option<PathBuf>) -> Result<Cli, String> {
    use crate::export::Format;
    use crate::model::Lang;
    use lexopt::Arg::{Long, Short, Value};
    let mut meeting = None;
    let mut format = None;
    let mut lang = Lang::Nl;
    let mut out = None;
    while let Some(arg) = parser.next().map_err(|err| explain(err, Some("export")))? {
        match arg {
            Short('h') | Long("help") => return Ok(Cli::Help(EXPORT_USAGE)),
            Long("data-dir") => data_dir = Some(path_value(parser, "--data-dir", "~/kring-data")?),
            Long("format") => {
                let name = text_value(parser, "--format", "html")?;
                format = Some(Format::from_name(&name).ok_or_else(|| {
                    format!("--format {name} is not known: use --format md or --format html")
                })?);
            }
            Long("lang") => lang = lang_value(parser)?,
            Long("out") => out = Some(path_value(parser, "--out", "verslag.html")?),
            Value(file) => {
                if meeting.is_some() {
                    return Err(format!(
                        "export takes one meeting file, and \"{}\" is a second one; export \
                         them one by one",
                        file.to_string_lossy()
                    ));
                }
                meeting = Some(PathBuf::from(file));
            }
            other => return Err(explain(other.unexpected(), Some("export"))),
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
    Ok(Cli::Export(ExportArgs {
        data_dir,
        meeting,
        format,
        lang,
        out,
    }))
}

fn parse_demo_data(
    parser: &mut lexopt::Parser,
    mut data_dir: Option<PathBuf>,
) -> Result<Cli, String> {
    use lexopt::Arg::{Long, Short};
    let mut options = demo::DemoOptions::default();
    while let Some(arg) = parser
        .next()
        .map_err(|err| explain(err, Some("demo-data")))?
    {
        match arg {
            Short('h') | Long("help") => return Ok(Cli::Help(DEMO_USAGE)),
            Long("data-dir") => {
                data_dir = Some(path_value(parser, "--data-dir", "/tmp/kring-demo")?);
            }
            Long("meetings") => {
                let n = text_value(parser, "--meetings", "40")?;
                options.meetings = n
                    .parse()
                    .ok()
                    .filter(|n| (1..=1_000_000).contains(n))
                    .ok_or_else(|| {
                        format!(
                            "--meetings {n} is not a number from 1 to 1000000, e.g. --meetings 40"
                        )
                    })?;
            }
            Long("group") => options.group_name = text_value(parser, "--group", "\"Team Noord\"")?,
            Long("seed") => {
                let seed = text_value(parser, "--seed", "7")?;
                options.seed = seed.parse().map_err(|_| {
                    format!("--seed {seed} is not a whole number from 0 up, e.g. --seed 7")
                })?;
            }
            other => return Err(explain(other.unexpected(), Some("demo-data"))),
        }
    }
    let data_dir = data_dir.ok_or(
        "demo-data needs --data-dir DIR, so that example meetings never mix with a group's real ones, e.g. kring demo-data --data-dir /tmp/kring-demo",
    )?;
    Ok(Cli::DemoData(DemoArgs { data_dir, options }))
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
                files: vec!["a.ron".into(), "b.ron".into()],
                lang: None,
                data_dir: None,
            })
        );
        assert_eq!(
            parse(args(&[
                "--data-dir",
                "/d",
                "check",
                "--lang",
                "EN",
                "a.ron"
            ])),
            Ok(Cli::Check {
                files: vec!["a.ron".into()],
                lang: Some(crate::model::Lang::En),
                data_dir: Some("/d".into()),
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

    #[test]
    fn help_for_every_command_and_its_defaults() {
        assert_eq!(parse(args(&["--help"])), Ok(Cli::Help(USAGE)));
        assert_eq!(parse(args(&["help"])), Ok(Cli::Help(USAGE)));
        for (command, text) in [
            ("check", CHECK_USAGE),
            ("export", EXPORT_USAGE),
            ("demo-data", DEMO_USAGE),
            ("bench", crate::bench::USAGE),
        ] {
            assert_eq!(parse(args(&[command, "--help"])), Ok(Cli::Help(text)));
            assert_eq!(parse(args(&[command, "-h"])), Ok(Cli::Help(text)));
            assert_eq!(parse(args(&["help", command])), Ok(Cli::Help(text)));
        }
        let defaults = demo::DemoOptions::default();
        assert!(DEMO_USAGE.contains(&format!("(default: {})", defaults.group_name)));
        assert!(DEMO_USAGE.contains(&format!("(default: {})", defaults.seed)));
        assert!(DEMO_USAGE.contains(&format!("(default: {})", defaults.meetings)));
    }

    #[test]
    fn non_utf8_paths_work_and_non_utf8_words_are_refused() {
        use std::os::unix::ffi::OsStrExt as _;
        let odd = std::ffi::OsStr::from_bytes(b"/tmp/kring-\xff\xfe").to_owned();
        let list = |items: &[&std::ffi::OsStr]| -> Vec<OsString> {
            items.iter().map(|s| (*s).to_owned()).collect()
        };
        assert_eq!(
            parse(list(&["--data-dir".as_ref(), &odd])),
            Ok(Cli::Gui {
                data_dir: Some(PathBuf::from(&odd))
            })
        );
        assert_eq!(
            parse(list(&["check".as_ref(), &odd])),
            Ok(Cli::Check {
                files: vec![PathBuf::from(&odd)],
                lang: None,
                data_dir: None,
            })
        );
        for (bad, says) in [
            (list(&[&odd]), "is not a command"),
            (
                list(&[
                    "export".as_ref(),
                    "m.ron".as_ref(),
                    "--format".as_ref(),
                    &odd,
                ]),
                "--format",
            ),
            (
                list(&["demo-data".as_ref(), "--group".as_ref(), &odd]),
                "not UTF-8",
            ),
            (list(&["bench".as_ref(), &odd]), "not UTF-8"),
        ] {
            let err = parse(bad).expect_err("refused");
            assert!(err.contains(says), "{err}");
        }
    }
}
