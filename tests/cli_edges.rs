//! Issue 9, point 9: the command line never panics, and says what it knows.
//! Runs the built binary, as a user would.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt as _;
use std::process::Output;

fn kring(args: &[&OsStr]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kring"))
        .args(args)
        .env_remove("KRING_DATA_DIR")
        .output()
        .expect("run kring")
}

fn words(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

fn run(args: &[OsString]) -> Output {
    let refs: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
    kring(&refs)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Not UTF-8: what a file name from an old Latin-1 system looks like.
fn odd(prefix: &str) -> OsString {
    let mut bytes = prefix.as_bytes().to_vec();
    bytes.extend_from_slice(b"caf\xe9");
    OsStr::from_bytes(&bytes).to_owned()
}

fn assert_refused_without_panic(output: &Output, code: i32, says: &str) {
    let err = text(&output.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(output.status.code(), Some(code), "{err}");
    assert!(err.starts_with("kring: "), "{err}");
    assert!(err.contains(says), "{err}");
}

#[test]
fn a_non_utf8_argument_gets_a_message_not_a_panic() {
    // As a command.
    assert_refused_without_panic(&kring(&[&odd("")]), 2, "is not a command");
    // As a value that must be text.
    let mut args = words(&["export", "m.ron", "--format"]);
    args.push(odd(""));
    assert_refused_without_panic(&run(&args), 2, "is not UTF-8 text");
    let mut args = words(&["demo-data", "--data-dir", "/tmp/x", "--group"]);
    args.push(odd("Team "));
    assert_refused_without_panic(&run(&args), 2, "is not UTF-8 text");
    let mut args = words(&["bench"]);
    args.push(odd("--"));
    assert_refused_without_panic(&run(&args), 2, "not UTF-8");
    // As a file that does not exist: named (as well as it can be), exit 1.
    let mut args = words(&["check", "--lang", "en"]);
    args.push(odd("/nonexistent/"));
    let out = run(&args);
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stdout);
    assert!(
        said.contains("caf\u{fffd}:1:1: ") && said.contains("cannot be read"),
        "{said}"
    );
}

#[test]
fn a_non_utf8_data_folder_simply_works() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join(odd("data-"));
    let mut args = words(&["demo-data", "--meetings", "2", "--data-dir"]);
    args.push(data.clone().into_os_string());
    let out = run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let meetings = std::fs::read_dir(data.join("groups"))
        .expect("groups written")
        .flatten()
        .map(|group| group.path().join("meetings"))
        .find(|m| m.is_dir())
        .expect("a meetings folder");
    let file = std::fs::read_dir(&meetings)
        .expect("meetings")
        .flatten()
        .map(|f| f.file_name())
        .find(|n| n.to_string_lossy().ends_with(".ron"))
        .expect("a meeting");
    // `--data-dir` before the command, a bare file name: found in the odd folder.
    let mut args = vec![OsString::from("--data-dir"), data.into_os_string()];
    args.extend(words(&["export", "--format", "md"]));
    args.push(file);
    let out = run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("# "), "{}", text(&out.stdout));
}

#[test]
fn help_lists_every_command_and_each_command_its_options() {
    let help = run(&words(&["--help"]));
    assert!(help.status.success());
    let help = text(&help.stdout);
    for listed in [
        "kring check",
        "kring export",
        "kring demo-data",
        "kring bench",
        "COMMAND --help",
        "--data-dir",
        "--help",
        "--version",
    ] {
        assert!(help.contains(listed), "{listed} in {help}");
    }
    for (command, options) in [
        ("check", &["FILE...", "--help"][..]),
        (
            "export",
            &["--data-dir", "--format", "--lang", "--out", "--help"][..],
        ),
        (
            "demo-data",
            &["--data-dir", "--meetings", "--group", "--seed", "--help"][..],
        ),
        ("bench", &["--quick", "--help"][..]),
    ] {
        for asked in [
            words(&[command, "--help"]),
            words(&["help", command]),
            words(&[command, "-h"]),
        ] {
            let out = run(&asked);
            assert!(out.status.success(), "{asked:?}: {}", text(&out.stderr));
            let usage = text(&out.stdout);
            assert!(
                usage.starts_with(&format!("Usage: kring {command}")),
                "{usage}"
            );
            for option in options {
                assert!(
                    usage.contains(option),
                    "{option} in {command} --help: {usage}"
                );
            }
        }
    }
}

#[test]
fn an_unknown_option_is_named_with_where_to_look() {
    for (args, help) in [
        (&["--frobnicate"][..], "kring --help"),
        (
            &["check", "--frobnicate", "a.ron"][..],
            "kring check --help",
        ),
        (
            &["export", "m.ron", "--frobnicate"][..],
            "kring export --help",
        ),
        (
            &["demo-data", "--data-dir", "/tmp/x", "--frobnicate"][..],
            "kring demo-data --help",
        ),
        (&["bench", "--frobnicate"][..], "kring bench --help"),
    ] {
        let out = run(&words(args));
        assert_refused_without_panic(&out, 2, "--frobnicate");
        assert!(text(&out.stderr).contains(help), "{}", text(&out.stderr));
    }
    let out = run(&words(&["frobnicate"]));
    assert_refused_without_panic(&out, 2, "\"frobnicate\" is not a command");
}
