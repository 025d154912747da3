//! Issue 13: members' phones in the app. Off by default; the leader turns them on with T; phone
//! advice joins the same board (in batches), is revealed with the rest, shows as text on the
//! wall and in the exports; nothing about a device reaches any file.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use common::*;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kring::meeting::{ContentCommand, ManualClock};
use kring::serve::ServeConfig;
use kring::store::DataDir;
use kring::ui::{AppAction, KringApp};

const MARKUP: [&str; 3] = [
    "<script>alert('x')</script> bel je teamleider",
    "<b>vet</b> & **sterk** _schuin_",
    "[klik](javascript:alert(1)) <img src=x onerror=alert(2)>",
];
const DEVICE_IDS: [&str; 3] = [
    "feedface00000000feedface00000001",
    "feedface00000000feedface00000002",
    "feedface00000000feedface00000003",
];

fn harness(data: &Path, clock: &ManualClock) -> H {
    let mut app = KringApp::new(
        DataDir::new(data).expect("data dir"),
        Arc::new(clock.clone()),
    );
    app.set_save_dialog(kring::ui::save_dialog::SaveDialog::none());
    app.set_phone_config(ServeConfig::loopback());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut KringApp| app.frame(ui), app);
    harness.run();
    harness
}

/// A meeting of "Balint in 9 fasen" with three present, in its first phase, phones on: the
/// data folder (kept while the test runs), the clock, the app and the phones' link.
fn phones_on_in_phase_one() -> (tempfile::TempDir, ManualClock, H, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = harness(dir.path(), &clock);
    nine_phases_at(&mut h, &clock, &["An", "Bo", "Cas"], "problemen-verzamelen");
    press(&mut h, Key::T);
    let url = h.state().phones_url().expect("serving");
    (dir, clock, h, url)
}

fn post(url: &str, device: &str, body: &str) -> u16 {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    match agent
        .post(url)
        .set("X-Kring-Device", device)
        .set("User-Agent", "KringTestPhone/1.0 (unique-agent-marker)")
        .set("Content-Type", "application/json")
        .send_string(body)
    {
        Ok(r) => r.status(),
        Err(ureq::Error::Status(code, _)) => code,
        Err(e) => panic!("{e}"),
    }
}

/// Every file under `dir`, its bytes as text.
fn all_files(dir: &Path, out: &mut Vec<(std::path::PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            all_files(&path, out);
        } else {
            let bytes = std::fs::read(&path).unwrap_or_default();
            out.push((path, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
}

#[test]
fn phone_advice_joins_the_board_shows_as_text_and_leaves_no_trace_of_a_device() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = ManualClock::new(T0);
    let mut h = harness(dir.path(), &clock);
    nine_phases_at(
        &mut h,
        &clock,
        &["An", "Bo", "Cas", "Dien"],
        "oordeelsvorming",
    );
    assert!(h.state().phones_url().is_none(), "off by default");

    press(&mut h, Key::T);
    let url = h.state().phones_url().expect("serving after T");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    // The leader's screen shows the link (and its QR code beside it).
    assert!(
        h.query_by_label(&url).is_some(),
        "the link on the leader's screen"
    );

    // Advice typed on the PC and three phones.
    h.state_mut()
        .send(ContentCommand::SubmitAdvice("van de pc".into()));
    h.run();
    let send = |n: usize| {
        let body = serde_json::json!({ "text": MARKUP[n] }).to_string();
        assert_eq!(post(&format!("{url}advice"), DEVICE_IDS[n], &body), 200);
    };
    // The server hands them on at once; the app takes them in its next frame.
    let frames_until = |h: &mut H, count: usize| {
        for _ in 0..50 {
            h.step();
            if h.state().content().advice.len() >= count {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        h.state().content().advice.len()
    };
    send(0);
    assert_eq!(
        frames_until(&mut h, 2),
        1,
        "one alone waits: the count does not move"
    );
    send(1);
    assert_eq!(frames_until(&mut h, 3), 3, "two go to the board together");
    send(2);
    assert_eq!(
        frames_until(&mut h, 4),
        3,
        "the third waits for company or time"
    );
    clock.advance_secs(1);
    h.step();
    h.run();
    assert_eq!(
        h.state().content().advice.len(),
        4,
        "the third after the wait"
    );

    h.state_mut().send(ContentCommand::RevealAdvice);
    h.run();
    // The wall (F2: back to the group screen) shows every piece as the text it is.
    press(&mut h, Key::F2);
    for text in MARKUP {
        assert!(
            h.query_by_label_contains(text).is_some(),
            "{text} as text on the wall"
        );
    }

    h.state_mut().send(AppAction::ConfirmEnd);
    h.run();
    assert!(h.state().finished().is_some());
    assert!(
        h.state().phones_url().is_none(),
        "serving stops with the meeting"
    );
    // A phone that comes later is told the meeting is not open.
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    match agent.get(&url).call() {
        Err(ureq::Error::Status(410, r)) => {
            assert!(r.into_string().unwrap().contains("niet open"));
        }
        other => panic!("{:?}", other.map(|r| r.status())),
    }

    click(&mut h, "Exporteren als tekst (Markdown)…");
    click(&mut h, "Exporteren om te printen (HTML)…");
    let files = exported(dir.path());
    assert_eq!(files.len(), 2, "{files:?}");
    let read = |ext: &str| {
        let file = files
            .iter()
            .find(|f| f.extension().is_some_and(|e| e == ext));
        std::fs::read_to_string(file.expect("exported")).expect("export")
    };
    let md = read("md");
    // Markdown: every < escaped, so no viewer renders it as markup.
    assert!(
        md.contains("\\<script\\>alert('x')\\</script\\> bel je teamleider"),
        "{md}"
    );
    assert!(!md.contains(" <img") && md.contains("\\[klik\\]"), "{md}");
    let html = read("html");
    assert!(html.contains("&lt;script&gt;alert("), "{html}");
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>vet"));

    // Nothing about a device in any file Kring wrote: no id, no address, no browser.
    let mut files = Vec::new();
    all_files(dir.path(), &mut files);
    assert!(files.len() >= 2, "{files:?}");
    for (path, text) in &files {
        for device in DEVICE_IDS {
            assert!(
                !text.contains(device),
                "{} holds a device id",
                path.display()
            );
        }
        for trace in ["unique-agent-marker", "127.0.0.1", "X-Kring-Device"] {
            assert!(!text.contains(trace), "{} holds {trace}", path.display());
        }
    }
    let record = files
        .iter()
        .find(|(p, _)| {
            p.extension().is_some_and(|e| e == "ron") && p.to_string_lossy().contains("meetings")
        })
        .map(|(_, t)| t.clone())
        .expect("the meeting's record");
    assert!(
        record.contains("bel je teamleider"),
        "phone advice is in the record"
    );
}

#[test]
fn problems_and_dots_from_phones_reach_the_list_and_the_vote() {
    let (_dir, clock, mut h, url) = phones_on_in_phase_one();
    for (n, title) in ["Grenzen stellen", "<i>Werkdruk</i>"]
        .into_iter()
        .enumerate()
    {
        let body = serde_json::json!({ "title": title, "line": "" }).to_string();
        assert_eq!(post(&format!("{url}problem"), DEVICE_IDS[n], &body), 200);
    }
    let wait = |h: &mut H, done: &dyn Fn(&H) -> bool| {
        for _ in 0..50 {
            h.step();
            if done(h) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait(&mut h, &|h| h.state().content().problems.len() == 2);
    let problems = &h.state().content().problems;
    assert_eq!(problems.len(), 2);
    assert!(
        problems.iter().all(|p| p.owner.is_none()),
        "no author from a phone"
    );
    let id = problems[1].id;

    walk_to_phase(&mut h, &clock, "probleemkeuze");
    // Three dots each (the group's setting); a fourth from the same phone is refused.
    let vote = serde_json::json!({ "problem": id, "delta": 1 }).to_string();
    let statuses: Vec<u16> = (0..4)
        .map(|_| post(&format!("{url}vote"), DEVICE_IDS[0], &vote))
        .collect();
    assert_eq!(statuses, [200, 200, 200, 409]);
    wait(&mut h, &|h| h.state().content().problems[1].votes == 3);
    assert_eq!(h.state().content().problems[1].votes, 3);
    // The wall shows the title as text.
    press(&mut h, Key::F2);
    assert!(h.query_by_label_contains("<i>Werkdruk</i>").is_some());
}

#[test]
fn the_leader_takes_the_join_card_off_the_group_screen_and_keeps_it_beside_the_leader_screen() {
    let (_dir, _clock, mut h, url) = phones_on_in_phase_one();
    let link = url.trim_start_matches("http://").to_owned();
    let token_part = &link[link.len() - 9..link.len() - 1];
    let on_wall = |h: &H| h.query_by_label_contains("Scan de code").is_some();

    // The group screen (the one window shows it after F2) carries the card.
    press(&mut h, Key::F2);
    assert!(on_wall(&h), "the card on the group screen");
    // Q takes it off; the group screen gets its width back.
    press(&mut h, Key::Q);
    assert!(!on_wall(&h), "the card off the group screen");
    assert!(
        h.query_by_label_contains(token_part).is_none(),
        "no link on the group screen"
    );
    // Beside the leader's screen it stays, with the button that puts it back.
    press(&mut h, Key::F2);
    assert!(on_wall(&h), "the card beside the leader's screen");
    click(&mut h, "Op het groepsscherm (Q)");
    press(&mut h, Key::F2);
    assert!(on_wall(&h), "back on the group screen");
    // Phones stay on all the while.
    assert_eq!(h.state().phones_url(), Some(url));
}
