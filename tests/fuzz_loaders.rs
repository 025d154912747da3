//! Every loader meets damaged input without panicking: random bytes and mutations of real
//! files (the shipped protocols, a meeting record, a settings file) go through
//! `Protocol::from_ron`, `load_record`, `load_settings`, `Catalog::load` and `load_dir`.
//!
//! Loaders covered: protocols (and the catalog), meeting records (and the history over a
//! folder), settings, prepared cases, group settings and the autosave of a meeting in progress.
//!
//! Deterministic by default: one run uses a fixed seed, a second one a seed taken from the
//! clock, and both are printed. To repeat a failure: `KRING_FUZZ_SEED=<seed> cargo test
//! --test fuzz_loaders`. The input that failed is saved in the target folder.

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use kring::model::{Lang, MeetingRecord, Protocol, RECORD_FORMAT_VERSION};
use kring::store::{
    Catalog, QUARANTINE_DIR, Rejection, SetAside, Settings, Theme, find_conflicts, load_dir,
    load_record, load_settings, to_ron,
};

const FIXED_SEED: u64 = 0x4b52_494e_4721_2024;
/// Cases per seed; each case runs every single-file loader once.
const CASES_PER_SEED: usize = 1000;
/// Every this many cases, a folder of mutated files goes through the folder loaders.
const FOLDER_EVERY: usize = 20;

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces that tend to upset a parser.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    ",",
    ":",
    "\\",
    "\\u{",
    "\\u{110000}",
    "r#\"",
    "b\"",
    "/*",
    "*/",
    "//",
    "\n",
    "\u{feff}",
    "é",
    "\u{202e}",
    "99999999999999999999999999999999",
    "-9223372036854775809",
    "4294967296",
    "-1",
    "1e999",
    "-1e-999",
    "NaN",
    "inf",
    "0x",
    "0b2",
    "Some(",
    "None",
    "true",
    "()",
    "#![enable(implicit_some)]",
    "format_version: 999,",
    "format_version: 4294967295,",
    "format_version: -1,",
];

/// Real files to mutate: (name, bytes).
fn corpus() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut protocols: Vec<PathBuf> = fs::read_dir(root.join("protocols"))
        .expect("protocols folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    protocols.sort();
    assert!(!protocols.is_empty(), "the shipped protocols are found");
    for path in protocols {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        files.push((name, fs::read(&path).expect("read protocol")));
    }

    let fixture = root.join("tests/fixtures/meeting-format-1.ron");
    files.push((
        "meeting-format-1.ron".to_owned(),
        fs::read(&fixture).expect("read fixture"),
    ));
    files.push((
        "meeting.ron".to_owned(),
        to_ron(&realistic_record(&fixture))
            .expect("record to RON")
            .into_bytes(),
    ));

    let settings = Settings {
        language: Lang::En,
        theme: Theme::Dark,
        last_protocol: Some("balint-9-fasen".to_owned()),
        ..Settings::default()
    };
    files.push((
        "settings.ron".to_owned(),
        to_ron(&settings).expect("settings to RON").into_bytes(),
    ));

    // A prepared case, a group's settings and a meeting in progress (the autosave).
    let mut case = kring::model::PreparedCase::new(1_763_900_000_000, &mut rand::rng());
    case.title = "Dreigende vader".to_owned();
    case.situation = "Hij belde vanaf 06-12345678.".to_owned();
    case.question = "Hoe blijf ik rustig?".to_owned();
    files.push((
        "case.ron".to_owned(),
        to_ron(&case).expect("case to RON").into_bytes(),
    ));
    files.push((
        "group.ron".to_owned(),
        to_ron(&kring::model::GroupSettings::default())
            .expect("group to RON")
            .into_bytes(),
    ));
    let protocol = kring::store::Catalog::load(None)
        .get("balint-8-stappen")
        .expect("shipped")
        .protocol
        .clone();
    let mut meeting = kring::meeting::Meeting::start(protocol, 1_763_900_000_000);
    meeting.apply(kring::meeting::Command::Next, 1_763_900_060_000);
    let content = kring::model::MeetingContent::default();
    let in_progress = kring::meeting::InProgressRef {
        format_version: kring::meeting::IN_PROGRESS_FORMAT_VERSION,
        saved_at_ms: 1_763_900_100_000,
        stage: kring::meeting::Stage::Meeting,
        meeting: &meeting,
        content: &content,
    };
    files.push((
        "in-progress.ron".to_owned(),
        to_ron(&in_progress).expect("autosave to RON").into_bytes(),
    ));
    files
}

/// A current-format meeting record with several phases and breaks, built from the fixture so
/// that it keeps compiling as the record gains fields.
fn realistic_record(fixture: &Path) -> MeetingRecord {
    let mut record = load_record(fixture).expect("the fixture loads");
    record.format_version = RECORD_FORMAT_VERSION;
    let phase = record.phases[0].clone();
    for n in 0..6 {
        let mut more = phase.clone();
        more.id = format!("fase-{n}");
        more.title.nl = format!("Fase {n} \u{2014} \u{201c}aanhalingstekens\u{201d}, é, ü");
        more.actual_secs = 300 + n * 17;
        record.phases.push(more);
    }
    record.ended_early = true;
    record
}

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    if rng.chance(8) {
        let len = rng.below(300);
        return (0..len).map(|_| rng.next() as u8).collect();
    }
    let mut bytes = base.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(8) {
            0 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b = rng.next() as u8;
                }
            }
            2 => bytes.truncate(at),
            3 | 4 => {
                let token = rng.pick(TOKENS).as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            5 => {
                // Deep nesting, closed or not.
                let depth = 1 + rng.below(5000);
                let (open, close): (&[u8], &[u8]) = *rng.pick(&[
                    (b"[".as_slice(), b"]".as_slice()),
                    (b"(", b")"),
                    (b"{", b"}"),
                    (b"Some(", b")"),
                    (b"x: (", b")"),
                ]);
                let mut nested = open.repeat(depth);
                if rng.chance(50) {
                    nested.extend(close.repeat(depth));
                }
                bytes.splice(at..at, nested);
            }
            6 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                let end = (at + rng.below(64)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, copy);
            }
        }
    }
    bytes
}

/// Names a sync tool or a person might give a file, some of them conflict copies.
fn file_name(rng: &mut Rng, n: usize) -> String {
    let base = format!("2026-11-23_1930_balint-9-fasen-{n}");
    let forms = [
        format!("{base}.ron"),
        format!("{base}.sync-conflict-20241123-101500-ABCDEF7.ron"),
        format!("{base} (conflicted copy 2024-11-23 101500).ron"),
        format!("{base}_conflict-20241123-101500.ron"),
        format!("{base} (Jan's conflicted copy 2024-11-23).ron"),
        format!("{base}-DESKTOP-4F2K9QL.ron"),
        format!("{base}-2.ron"),
        format!(".{base}.ron.tmp-1"),
        format!("é{base}ø (conflict é).ron"),
    ];
    rng.pick(&forms).clone()
}

/// The app's own record parser: the format version first, then the whole record.
fn parse_record(_path: &Path, text: &str) -> Result<MeetingRecord, Rejection> {
    kring::store::parse_record(text)
}

fn count_files(dir: &Path) -> usize {
    fs::read_dir(dir).map_or(0, |listing| {
        listing
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .count()
    })
}

fn empty_folder(dir: &Path) {
    if dir.exists() {
        fs::remove_dir_all(dir).expect("clear folder");
    }
    fs::create_dir_all(dir).expect("make folder");
}

/// Runs one case. Its first draws make the input, so a failure can make it again.
fn one_case(rng: &mut Rng, case: usize, corpus: &[(String, Vec<u8>)], work: &Path) {
    let (name, base) = rng.pick(corpus);
    let bytes = mutate(rng, base);
    let text = String::from_utf8_lossy(&bytes);

    let _ = Protocol::from_ron(name, &text);

    let record_path = work.join("record.ron");
    fs::write(&record_path, &bytes).expect("write record");
    let _ = load_record(&record_path);

    let settings_path = work.join("settings.ron");
    fs::write(&settings_path, &bytes).expect("write settings");
    let loaded = load_settings(&settings_path);
    if let Some((aside, _)) = &loaded.set_aside {
        assert_eq!(
            fs::read(aside).ok(),
            Some(bytes.clone()),
            "a damaged settings file is kept"
        );
        fs::remove_file(aside).expect("clear the damaged settings file");
    }

    // The prepared-case importer, a group's settings and the autosave.
    let case_path = work.join("case.kringcase");
    fs::write(&case_path, &bytes).expect("write case");
    let _ = kring::store::load_case_file(&case_path);
    let data_root = work.join("data");
    let group_dir = data_root.join("groups").join("fuzz");
    fs::create_dir_all(&group_dir).expect("make group folder");
    fs::write(group_dir.join("group.ron"), &bytes).expect("write group");
    if let Ok(data) = kring::store::DataDir::new(&data_root) {
        let _ = kring::store::load_group(&data, "fuzz");
    }
    if let Ok(state) = kring::meeting::InProgress::parse(&text) {
        drive_meeting(rng, state.meeting);
    }
    // Byte mutations rarely leave a file that still parses; numbers changed to odd values
    // often do, and those meetings must survive every command as well.
    if name == "in-progress.ron"
        && let Ok(state) = kring::meeting::InProgress::parse(&mutate_numbers(rng, base))
    {
        drive_meeting(rng, state.meeting);
    }

    if case.is_multiple_of(FOLDER_EVERY) {
        folder_case(rng, corpus, work);
    }
    let mut name =
        String::from_utf8_lossy(&mutate(rng, b"2026-11-23_1930_balint-9-fasen.ron")).into_owned();
    name.push_str(".ron");
    let _ = find_conflicts(&[name, "2026-11-23_1930_balint-9-fasen.ron".to_owned()]);
}

/// Replaces one to three numbers in `base` with values a sound file never has.
fn mutate_numbers(rng: &mut Rng, base: &[u8]) -> String {
    const ODD: &[&str] = &[
        "0",
        "1",
        "7",
        "42",
        "255",
        "65536",
        "4294967295",
        "99999999999999999",
        "9223372036854775807",
        "-1",
        "-9223372036854775808",
    ];
    let text = String::from_utf8_lossy(base).into_owned();
    let mut numbers = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            numbers.push((start, i));
        } else {
            i += 1;
        }
    }
    if numbers.is_empty() {
        return text;
    }
    let mut chosen: Vec<(usize, usize)> =
        (0..1 + rng.below(3)).map(|_| *rng.pick(&numbers)).collect();
    chosen.sort_unstable();
    chosen.dedup();
    let mut out = text;
    for (start, end) in chosen.into_iter().rev() {
        let odd = rng.pick(ODD);
        out.replace_range(start..end, odd);
    }
    out
}

/// A random sequence of leader commands on a meeting that loaded, with a clock that jumps
/// forwards and sometimes back, reading everything the screens read after each: no panic.
fn drive_meeting(rng: &mut Rng, mut meeting: kring::meeting::Meeting) {
    use kring::meeting::Command;
    let mut now = meeting.started_at_ms();
    for _ in 0..40 {
        now = now.saturating_add(rng.below(600_000) as i64 - 60_000);
        let command = match rng.below(11) {
            0 => Command::StartPause,
            1 => Command::Next,
            2 => Command::Back,
            3 => Command::AddMinute,
            4 => Command::RemoveMinute,
            5 => Command::SkipCurrent,
            6 => Command::ToggleSkip(rng.below(12)),
            7 => Command::StartBreak {
                minutes: rng.below(300) as i64 - 10,
            },
            8 => Command::EndBreak,
            9 if rng.chance(10) => Command::EndEarly,
            _ => {
                meeting.treat_gap_as_pause(rng.below(10_000_000) as i64);
                continue;
            }
        };
        meeting.apply(command, now);
        let _ = meeting
            .countdown(now)
            .map(|c| (c.display_secs(), c.fraction_used()));
        let _ = meeting.break_countdown(now);
        let _ = meeting.projected_end_ms(now);
        let _ = meeting.planned_total_secs();
        let _ = meeting.overrun_secs(meeting.cursor(), now);
        let _ = meeting.current_phase();
    }
    let record = meeting.to_record(now, "2026-12-02 19:30".to_owned());
    let _ = record.duration_minutes();
    let _ = record
        .phases
        .iter()
        .map(|p| p.actual_minutes())
        .sum::<i64>();
}

/// A folder of mutated files through `load_dir` and `Catalog::load`: no panic, and every
/// file ends up loaded, set aside, reported or left alone, never lost.
fn folder_case(rng: &mut Rng, corpus: &[(String, Vec<u8>)], work: &Path) {
    let group = work.join("group");
    empty_folder(&group);
    let meetings = group.join("meetings");
    fs::create_dir(&meetings).expect("make meetings folder");
    let mut written = 0;
    for n in 0..1 + rng.below(8) {
        let (_, base) = rng.pick(corpus);
        let bytes = if rng.chance(20) {
            base.clone()
        } else {
            mutate(rng, base)
        };
        let path = meetings.join(file_name(rng, n % 3));
        if !path.exists() {
            written += 1;
        }
        fs::write(path, bytes).expect("write meeting");
    }
    let load = load_dir(&meetings, SetAside::Own(&group), parse_record);
    let quarantined = count_files(&group.join(QUARANTINE_DIR));
    assert_eq!(
        count_files(&meetings) + quarantined,
        written,
        "no file is lost"
    );
    let moved = load
        .problems
        .iter()
        .filter(|p| p.moved_to.is_some())
        .count();
    assert_eq!(moved, quarantined);
    for problem in &load.problems {
        assert!(!problem.to_string().is_empty());
    }

    // The group's history over the same damaged folder (the History tab): no panic either.
    let history = kring::store::History::load(&meetings, SetAside::Own(&group));
    let _ = history.search("vader");
    let _ = history.open_follow_ups();
    let catalog = Catalog::load(Some(&meetings));
    assert!(catalog.entries.len() >= 5, "the built-in protocols stay");
}

fn run(seed: u64, corpus: &[(String, Vec<u8>)]) {
    println!("fuzz seed {seed} (repeat with KRING_FUZZ_SEED={seed})");
    let work = tempfile::tempdir().expect("tempdir");
    let mut rng = Rng::new(seed);
    for case in 0..CASES_PER_SEED {
        // The case's own generator, so that a failure is reported with the seed that made it.
        let case_seed = rng.next();
        let mut case_rng = Rng::new(case_seed);
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            one_case(&mut case_rng, case, corpus, work.path());
        }));
        if let Err(payload) = result {
            let saved = Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("fuzz-failure-{seed}-{case}.bin"));
            // Make the case's input again, the way one_case made it.
            let mut again = Rng::new(case_seed);
            let (_, base) = again.pick(corpus);
            let input = mutate(&mut again, base);
            fs::write(&saved, &input).ok();
            panic!(
                "case {case} of seed {seed} panicked ({:?}); input saved to {}",
                payload
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| payload.downcast_ref::<&str>().copied()),
                saved.display()
            );
        }
    }
}

#[test]
fn loaders_never_panic_on_damaged_input() {
    let corpus = corpus();
    let seeds = match std::env::var("KRING_FUZZ_SEED") {
        Ok(seed) => vec![seed.trim().parse().expect("KRING_FUZZ_SEED is a number")],
        Err(_) => {
            let clock = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64);
            vec![FIXED_SEED, clock]
        }
    };
    for seed in seeds {
        run(seed, &corpus);
    }
}

#[test]
fn the_original_files_load() {
    // The mutations start from files that are valid, so they probe near real input.
    let corpus = corpus();
    let work = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in &corpus {
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        if name.starts_with("meeting") {
            let path = work.path().join(name);
            fs::write(&path, bytes).expect("write");
            load_record(&path).expect("the record loads");
        } else if name == "settings.ron" {
            assert!(
                load_settings(&work.path().join("none.ron"))
                    .set_aside
                    .is_none()
            );
            let path = work.path().join(name);
            fs::write(&path, bytes).expect("write");
            let loaded = load_settings(&path);
            assert!(loaded.set_aside.is_none(), "{:?}", loaded.set_aside);
            assert_eq!(loaded.settings.theme, Theme::Dark);
        } else if name == "case.ron" {
            let path = work.path().join(name);
            fs::write(&path, bytes).expect("write");
            kring::store::load_case_file(&path).expect("the case loads");
        } else if name == "group.ron" {
            let data = work.path().join("data");
            let dir = data.join("groups").join("mine");
            fs::create_dir_all(&dir).expect("mkdir");
            fs::write(dir.join("group.ron"), bytes).expect("write");
            let data = kring::store::DataDir::new(&data).expect("data dir");
            kring::store::load_group(&data, "mine").expect("the group loads");
        } else if name == "in-progress.ron" {
            kring::meeting::InProgress::parse(text).expect("the autosave loads");
        } else {
            Protocol::from_ron(name, text).expect("the protocol loads");
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let work = tempfile::tempdir().expect("tempdir");
    for (open, close) in [("[", "]"), ("(", ")"), ("Some(", ")"), ("{", "}")] {
        for depth in [127, 128, 129, 1000, 100_000] {
            let inner = format!("{}{}", open.repeat(depth), close.repeat(depth));
            for text in [
                inner.clone(),
                format!("(format_version: 1, id: {inner})"),
                format!("(format_version: 1, extra: {inner})"),
                format!("(format_version: 1, phases: [{inner}])"),
                format!("(language: {inner})"),
            ] {
                assert!(Protocol::from_ron("deep.ron", &text).is_err());
                let path = work.path().join("deep.ron");
                fs::write(&path, &text).expect("write");
                assert!(load_record(&path).is_err());
                let settings = load_settings(&path);
                // Within the limit, unknown settings fields are ignored; beyond it, an error.
                assert!(depth < 1000 || settings.set_aside.is_some(), "{depth}");
                let _ = parse_record(&path, &text);
            }
        }
    }
}
