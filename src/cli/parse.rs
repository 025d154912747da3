//! Reading the arguments into a [`Cli`]: each command's options, and a message that names
//! the argument and says what to do when one is wrong.

use std::ffi::OsString;
use std::path::PathBuf;

use super::{
    ATTENDANCE_USAGE, AttendanceArgs, CHECK_USAGE, Cli, DEMO_USAGE, DemoArgs, EXPORT_USAGE,
    ExportArgs, USAGE, demo,
};

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
                 export, attendance, demo-data and bench; see kring --help",
                command.to_string_lossy()
            ));
        };
        return match command {
            "help" => help_for(&mut parser),
            "check" => parse_check(&mut parser, data_dir),
            "export" => parse_export(&mut parser, data_dir),
            "attendance" => parse_attendance(&mut parser, data_dir),
            "demo-data" => parse_demo_data(&mut parser, data_dir),
            "bench" => parse_bench(&mut parser),
            other => Err(format!(
                "\"{other}\" is not a command; the commands are check, export, attendance, \
                 demo-data and bench; see kring --help"
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
        Some("attendance") => ATTENDANCE_USAGE,
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

/// The value after `--lang`: the code of one of [`Lang::ALL`](crate::model::Lang::ALL)
/// (`nl`, `en`, ...): a language added there is known here without a change.
fn lang_value(parser: &mut lexopt::Parser) -> Result<crate::model::Lang, String> {
    use crate::model::Lang;
    let code = text_value(parser, "--lang", "en")?;
    let code_of = |lang: Lang| format!("{lang:?}").to_lowercase();
    Lang::ALL
        .into_iter()
        .find(|lang| code_of(*lang) == code.trim().to_lowercase())
        .ok_or_else(|| {
            let codes: Vec<String> = Lang::ALL
                .into_iter()
                .map(|lang| format!("--lang {}", code_of(lang)))
                .collect();
            let (last, rest) = codes.split_last().expect("Lang::ALL is not empty");
            format!(
                "--lang {code} is not known: use {} or {last}",
                rest.join(", ")
            )
        })
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

fn parse_attendance(
    parser: &mut lexopt::Parser,
    mut data_dir: Option<PathBuf>,
) -> Result<Cli, String> {
    use crate::export::ProofFormat;
    use lexopt::Arg::{Long, Short};
    let (mut group, mut from, mut to, mut member, mut leader) = (None, None, None, None, None);
    let (mut format, mut lang, mut out) = (None, None, None);
    while let Some(arg) = parser
        .next()
        .map_err(|err| explain(err, Some("attendance")))?
    {
        match arg {
            Short('h') | Long("help") => return Ok(Cli::Help(ATTENDANCE_USAGE)),
            Long("data-dir") => data_dir = Some(path_value(parser, "--data-dir", "~/kring-data")?),
            Long("group") => group = Some(text_value(parser, "--group", "\"Team Noord\"")?),
            Long("from") => from = Some(text_value(parser, "--from", "2026-01-01")?),
            Long("to") => to = Some(text_value(parser, "--to", "2026-12-31")?),
            Long("member") => member = Some(text_value(parser, "--member", "\"An de Wit\"")?),
            Long("leader") => leader = Some(text_value(parser, "--leader", "\"An de Wit\"")?),
            Long("format") => {
                let name = text_value(parser, "--format", "html")?;
                format = Some(ProofFormat::from_name(&name).ok_or_else(|| {
                    format!(
                        "--format {name} is not known: use --format csv, --format html or \
                         --format md"
                    )
                })?);
            }
            Long("lang") => lang = Some(lang_value(parser)?),
            Long("out") => out = Some(path_value(parser, "--out", "aanwezigheid.html")?),
            other => return Err(explain(other.unexpected(), Some("attendance"))),
        }
    }
    let (Some(from), Some(to)) = (from, to) else {
        return Err(
            "attendance needs a period, e.g. kring attendance --from 2026-01-01 --to 2026-12-31 \
             --format html"
                .to_owned(),
        );
    };
    let format = match format {
        Some(format) => format,
        None => out
            .as_ref()
            .and_then(|o: &PathBuf| o.extension())
            .and_then(|e| ProofFormat::from_name(&e.to_string_lossy()))
            .ok_or("attendance needs --format csv, --format html or --format md")?,
    };
    Ok(Cli::Attendance(AttendanceArgs {
        data_dir,
        group,
        from,
        to,
        member,
        leader,
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
