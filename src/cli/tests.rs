//! Reading the command line: every command, its help, its refusals and odd file names.

use std::ffi::OsString;
use std::path::PathBuf;

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
    assert!(matches!(
        parse(args(&["check", "--lang", "de", "a.ron"])),
        Ok(Cli::Check {
            lang: Some(crate::model::Lang::De),
            ..
        })
    ));
    let unknown = parse(args(&["check", "--lang", "fr", "a.ron"])).expect_err("fr");
    assert!(unknown.contains("--lang de"), "{unknown}");
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

/// Issue 14, point 5: `kring attendance` reads its period, whom it is for and its format;
/// the format may come from `--out`; a missing period is said.
#[test]
fn parses_attendance() {
    use crate::export::ProofFormat;
    let parsed = parse(args(&[
        "attendance",
        "--group",
        "Team Noord",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--member",
        "An",
        "--lang",
        "en",
        "--out",
        "an.csv",
    ]));
    assert_eq!(
        parsed,
        Ok(Cli::Attendance(AttendanceArgs {
            data_dir: None,
            group: Some("Team Noord".into()),
            from: "2026-01-01".into(),
            to: "2026-12-31".into(),
            member: Some("An".into()),
            leader: None,
            format: ProofFormat::Csv,
            lang: Some(crate::model::Lang::En),
            out: Some("an.csv".into()),
        }))
    );
    let err = parse(args(&[
        "attendance",
        "--to",
        "2026-12-31",
        "--format",
        "md",
    ]))
    .expect_err("no --from");
    assert!(err.contains("attendance needs a period"), "{err}");
    let err = parse(args(&[
        "attendance",
        "--from",
        "a",
        "--to",
        "b",
        "--format",
        "pdf",
    ]))
    .expect_err("no pdf");
    assert!(err.contains("--format pdf is not known"), "{err}");
    assert_eq!(
        parse(args(&["help", "attendance"])),
        Ok(Cli::Help(ATTENDANCE_USAGE))
    );
}
