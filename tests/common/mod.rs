//! What the UI tests share: a harness on a data folder with a clock the test moves, and the
//! few gestures a leader makes.
#![allow(dead_code)] // each test file uses its own subset

use std::path::Path;
use std::sync::Arc;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kring::meeting::{ManualClock, Step};
use kring::store::DataDir;
use kring::ui::KringApp;

/// A fixed "now" (2025-11-23) so dates in records are stable.
pub const T0: i64 = 1_763_900_000_000;

pub type H = Harness<'static, KringApp>;

/// The app at 1280x800 (the leader's screen) on `data`, its time from `clock`.
pub fn new_harness(data: &Path, clock: &ManualClock) -> H {
    build(data, clock, false)
}

/// As [`new_harness`], for text in scripts the shipped fonts cannot draw (the app draws
/// boxes for those and keeps the text; the harness would otherwise stop at the first one).
pub fn new_harness_allowing_missing_glyphs(data: &Path, clock: &ManualClock) -> H {
    build(data, clock, true)
}

fn build(data: &Path, clock: &ManualClock, allow_missing_glyphs: bool) -> H {
    let app = KringApp::new(
        DataDir::new(data).expect("data dir"),
        Arc::new(clock.clone()),
    );
    let mut builder = Harness::builder().with_size(egui::vec2(1280.0, 800.0));
    if allow_missing_glyphs {
        builder = builder.allow_missing_glyphs();
    }
    let mut harness = builder.build_ui_state(|ui, app: &mut KringApp| app.frame(ui), app);
    harness.run();
    harness
}

pub fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Clicks the first widget whose label contains `part` (a protocol in the list, a search hit).
pub fn click_first(h: &mut H, part: &str) {
    h.get_all_by_label_contains(part)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled with {part:?}"))
        .click();
    h.run();
}

pub fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

pub fn type_into(h: &mut H, role: Role, label: &str, text: &str) {
    let field = h.get_by_role_and_label(role, label);
    field.focus();
    field.type_text(text);
    h.run();
}

/// The "prepare a case" tab with a new, empty case.
pub fn open_new_case(h: &mut H) {
    click(h, "Casus voorbereiden");
    h.get_all_by_label("Nieuwe casus")
        .next()
        .expect("button")
        .click();
    h.run();
}

/// Starts balint-8-stappen (the second protocol) from the home list, skips the introduction
/// and runs phase 1 (vraagstelling, 5 minutes).
pub fn start_running_meeting(h: &mut H) {
    press(h, Key::ArrowDown);
    click(h, "Eerst de methode uitleggen aan de groep");
    press(h, Key::Enter);
    click(h, "Verder");
    press(h, Key::Space);
    assert_eq!(h.state().meeting().expect("meeting").step(), Step::Run);
}

/// Starts "Balint in 9 fasen" with `names` present (typed at "who is here"), leaves the
/// introduction, switches the one window to the leader screen (F2) and walks on with Right
/// until the phase `phase_id` is open.
pub fn nine_phases_at(h: &mut H, clock: &ManualClock, names: &[&str], phase_id: &str) {
    click_first(h, "Balint in 9 fasen");
    click(h, "Bijeenkomst starten");
    for name in names {
        type_into(h, Role::TextInput, "Naam of initialen", name);
        press(h, Key::Enter);
    }
    click(h, "Verder");
    press(h, Key::Space); // the introduction
    press(h, Key::F2);
    walk_to_phase(h, clock, phase_id);
}

/// Right, two minutes apart, until the phase `phase_id` is open.
pub fn walk_to_phase(h: &mut H, clock: &ManualClock, phase_id: &str) {
    for _ in 0..40 {
        let m = h.state().meeting().expect("meeting");
        if m.protocol().phases[m.cursor()].id == phase_id {
            return;
        }
        clock.advance_secs(120);
        press(h, Key::ArrowRight);
    }
    panic!("phase {phase_id} not reached");
}

/// The app with no file dialog, as on a machine without a desktop portal and zenity: exports
/// go into the data folder's `exports/`.
pub fn harness_without_dialog(data: &Path, clock: &ManualClock) -> H {
    let mut app = KringApp::new(
        DataDir::new(data).expect("data dir"),
        Arc::new(clock.clone()),
    );
    app.set_save_dialog(kring::ui::save_dialog::SaveDialog::none());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut KringApp| app.frame(ui), app);
    harness.run();
    harness
}

/// The files in the data folder's `exports/`, sorted.
pub fn exported(data: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> =
        std::fs::read_dir(data.join(kring::store::EXPORTS_DIR))
            .map(|dir| dir.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
    files.sort();
    files
}
