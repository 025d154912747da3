//! `kring bench` as a developer runs it: the command is there, explains itself, and its
//! headless history measurement works on generated meetings. No timing is asserted here;
//! figures belong in BENCHMARKS.md, not in tests.

use std::process::Command;

fn kring(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kring"))
        .args(args)
        .output()
        .expect("run kring")
}

#[test]
fn bench_is_listed_and_explains_itself() {
    let help = kring(&["--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("kring bench [--quick]"));

    let usage = kring(&["bench", "--help"]);
    assert!(usage.status.success());
    let text = String::from_utf8_lossy(&usage.stdout);
    assert!(text.contains("--quick"), "{text}");
    assert!(text.contains("cargo build --release"), "{text}");

    let wrong = kring(&["bench", "--frobnicate"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("--frobnicate"));
}

#[test]
fn history_measurement_reads_every_generated_meeting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_str().expect("utf-8 temp path");
    let made = kring(&["demo-data", "--data-dir", data, "--meetings", "25"]);
    assert!(made.status.success(), "{made:?}");

    let open = kring(&["bench", "--child-history", data, "open"]);
    assert!(open.status.success(), "{open:?}");
    let text = String::from_utf8_lossy(&open.stdout);
    assert!(text.lines().any(|l| l == "loaded=25"), "{text}");
    for key in [
        "open_ms=",
        "search_hits=",
        "search_ms=",
        "list_ms=",
        "rss_end_kib=",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(key)),
            "{key} missing in {text}"
        );
    }

    let home = kring(&["bench", "--child-history", data, "home"]);
    assert!(home.status.success(), "{home:?}");
    let text = String::from_utf8_lossy(&home.stdout);
    for key in ["home_ms=", "preload_ms=", "tab_ms="] {
        assert!(
            text.lines().any(|l| l.starts_with(key)),
            "{key} missing in {text}"
        );
    }
}
