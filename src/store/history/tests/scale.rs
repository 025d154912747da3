//! A history of 10,000 generated meetings: how long loading and searching take (ignored by
//! default; run by hand to measure).

use super::*;

/// The vocabulary of generated meetings, accents included.
const WORDS: &str = "cliënt team grens gesprek collega avond zorg moeder afspraak telefoon boos verdriet
        twijfel leidinggevende dossier overleg ruimte vertrouwen school huisarts vader begeleiding plan weerstand
        gevoel ervaring keuze zorgen werkdruk rust contact situatie en de het een van met
        niet ik je wat hoe waarom zou kunnen willen moeten voelde zei café privé één reëel";
const NAMES: &[&str] = &[
    "An", "Bo", "Cas", "Dee", "Eef", "Fien", "Gijs", "Hanneke", "Ids", "Joost", "Kim", "Lot",
];

fn sentence(rng: &mut StdRng, words: usize) -> String {
    let vocabulary: Vec<&str> = WORDS.split_whitespace().collect();
    let mut text: Vec<&str> = (0..words)
        .map(|_| vocabulary[rng.random_range(0..vocabulary.len())])
        .collect();
    text.push("?");
    text.join(" ")
}

/// A meeting of realistic size: 8 present, 3 problems, 20 questions, 8 pieces of advice,
/// a decision, 3 follow-ups, 4 notes, 5 insights, 8 phases.
fn generated(n: usize, rng: &mut StdRng) -> MeetingRecord {
    let started_at_ms = START_MS - (n as i64) * 3 * DAY_MS;
    let mut content = MeetingContent::default();
    let start = rng.random_range(0..NAMES.len());
    for k in 0..8 {
        content.add_present(NAMES[(start + k) % NAMES.len()]);
    }
    for k in 0..3 {
        content.problems.push(Problem {
            id: k + 1,
            title: sentence(rng, 4),
            line: sentence(rng, 12),
            owner: Some(content.present[k as usize].clone()),
            votes: k,
            question: Some(sentence(rng, 10)),
        });
    }
    content.choose(rng.random_range(1..=3));
    for _ in 0..20 {
        content.questions.push(Question {
            text: sentence(rng, 12),
            kind: QuestionKind::Open,
            focus: QuestionFocus::Experience,
        });
    }
    for _ in 0..8 {
        content.advice.add(&sentence(rng, 25), rng);
    }
    content.decision = sentence(rng, 30);
    for _ in 0..3 {
        content.follow_ups.push(FollowUp {
            what: sentence(rng, 8),
            who: content.present[0].clone(),
            by_when: "volgende keer".into(),
            done: rng.random_bool(0.7),
        });
    }
    for phase in ["vraag", "associeren", "beeldvorming", "ervaringen"] {
        content.notes.insert(phase.into(), sentence(rng, 30));
    }
    for _ in 0..5 {
        content.insights.push(sentence(rng, 5));
    }
    content.early_advice = rng.random_range(0..4);
    let phases = (0..8)
        .map(|k| phase(&format!("fase-{k}"), 10, rng.random_range(300..900)))
        .collect();
    record(started_at_ms, 80, phases, content)
}

fn resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// How long opening and searching a history of 10,000 meetings takes. Not run by
/// default (it writes 10,000 files); run it with
/// `cargo test --lib ten_thousand_meetings -- --ignored --nocapture`
/// (add `--release` for the figures that matter). It prints, it does not judge: timing
/// depends on the machine.
#[test]
#[ignore = "slow: writes and reads 10,000 files; run by hand to measure"]
fn ten_thousand_meetings() {
    let count: usize = std::env::var("KRING_BENCH_MEETINGS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    let mut rng = StdRng::seed_from_u64(7);
    let clock = Instant::now();
    let mut bytes = 0;
    for n in 0..count {
        let mut record = generated(n, &mut rng);
        if n == count / 2 {
            record.content.advice.add("Een Naaldhakje-advies", &mut rng);
        }
        let path = save_record(&writer(&dir), &record).expect("save");
        bytes += std::fs::metadata(path).expect("meta").len();
    }
    println!(
        "wrote {count} meetings, {:.1} MB, in {:.2?}",
        bytes as f64 / 1e6,
        clock.elapsed()
    );

    let rss_before = resident_kb();
    let clock = Instant::now();
    let history = History::load(&dir, SetAside::Own(root.path()));
    let load_time = clock.elapsed();
    let rss_after = resident_kb();
    assert_eq!(history.len(), count);
    let index_bytes: usize = history
        .meetings
        .iter()
        .map(|m| m.index.text.len() + m.index.folded.len())
        .sum();
    println!(
        "History::load: {load_time:.2?}; search texts (as written + folded) {:.1} MB; \
         resident memory grew {} MB",
        index_bytes as f64 / 1e6,
        match (rss_before, rss_after) {
            (Some(a), Some(b)) => format!("{}", b.saturating_sub(a) / 1024),
            _ => "(unknown)".to_owned(),
        }
    );
    for helpers in [0, 1, 2] {
        let clock = Instant::now();
        let again = History::load_with_helpers(&dir, SetAside::Own(root.path()), helpers);
        println!(
            "History::load with {helpers} helper thread(s): {:.2?}",
            clock.elapsed()
        );
        assert_eq!(again.len(), count);
    }
    let clock = Instant::now();
    let load = load_dir(&dir, SetAside::Own(root.path()), |_, _| Ok::<_, String>(()));
    println!(
        "of which listing and reading the files: {:.2?}",
        clock.elapsed()
    );
    drop(load);

    for query in [
        "naaldhakje",
        "CLIENT grens",
        "reeel prive een",
        "zzzz",
        "de",
    ] {
        let clock = Instant::now();
        let hits = history.search(query);
        println!(
            "search {query:?}: {} hits in {:.2?}",
            hits.len(),
            clock.elapsed()
        );
    }
    assert_eq!(history.search("naaldhakje").len(), 1);
    let clock = Instant::now();
    let open = history.open_follow_ups().len();
    let turns = history.turns(&[]).len();
    let timing = history.phase_timing().len();
    println!(
        "open follow-ups ({open}), turns ({turns}), phase timing ({timing}): {:.2?}",
        clock.elapsed()
    );
}
