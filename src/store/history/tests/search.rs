//! Searching: folding, which meetings match, where, and the snippets shown.

use super::*;

#[test]
fn fold_removes_case_and_accents() {
    assert_eq!(fold_for_search("Cliënt ÉÈÊË café"), "client eeee cafe");
    assert_eq!(fold_for_search("Straße ĳsje Œuvre"), "strasse ijsje oeuvre");
    assert_eq!(fold_for_search("e\u{301}en\ttwee\nDRIE"), "een twee drie");
    assert_eq!(fold_for_search("‘zo’ – dus"), "'zo' - dus");
}

fn search_history() -> (tempfile::TempDir, History) {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("meetings");
    let mut with_decision = meeting(2, &["An"], Some("An"), &["Bespreek het met je team."]);
    with_decision.content.decision = "Ik stel een grens aan de bereikbaarheid.".into();
    with_decision.content.follow_ups.push(FollowUp {
        what: "Teamoverleg plannen".into(),
        who: "An".into(),
        by_when: "volgende week".into(),
        done: false,
    });
    save_all(
        &dir,
        &[
            meeting(
                1,
                &["An", "Bo"],
                Some("Bo"),
                &[
                    "Drink eerst een kop koffie.",
                    "Maak samen met de cliënt een Zelfzorgplán voor de avonduren, en \
                     bespreek het daarna met je leidinggevende.",
                ],
            ),
            with_decision,
            meeting(3, &["Cas"], None, &["Neem de tijd."]),
        ],
    );
    let history = History::load(&dir, SetAside::Own(root.path()));
    assert_eq!(history.len(), 3);
    (root, history)
}

#[test]
fn search_finds_a_word_only_in_one_advice_whatever_its_case_and_accents() {
    let (_root, history) = search_history();
    for query in [
        "zelfzorgplan",
        "ZELFZORGPLAN",
        "Zelfzorgplán",
        "zélfzorgplan",
    ] {
        let hits = history.search(query);
        assert_eq!(hits.len(), 1, "{query}: {hits:?}");
        let hit = &hits[0];
        assert_eq!(
            history.summaries()[hit.index].started_at_ms,
            START_MS + DAY_MS
        );
        assert_eq!(hit.field, HitField::Advice);
        assert!(hit.snippet.contains("Zelfzorgplán"), "{}", hit.snippet);
        assert!(hit.snippet.contains("cliënt"), "{}", hit.snippet);
    }
    // Accents in the text, none in the query.
    assert_eq!(history.search("CLIENT").len(), 1);
    let decision = history.search("grens");
    assert_eq!(decision.len(), 1);
    assert_eq!(decision[0].field, HitField::Decision);
    assert_eq!(history.search("teamoverleg")[0].field, HitField::FollowUp);
    assert_eq!(
        history.search("casus van dag 3")[0].field,
        HitField::CaseTitle
    );
}

#[test]
fn search_needs_every_word_in_the_same_meeting() {
    let (_root, history) = search_history();
    // "koffie" and "zelfzorgplan" are in one meeting, "grens" in another.
    let both = history.search("koffie zelfzorgplan");
    assert_eq!(both.len(), 1);
    assert_eq!(both[0].field, HitField::Advice);
    assert!(history.search("koffie grens").is_empty());
    // "bespreek" is in two meetings; with "team" only in the second.
    assert_eq!(history.search("bespreek").len(), 2);
    let hits = history.search("bespreek team");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        history.summaries()[hits[0].index].started_at_ms,
        START_MS + 2 * DAY_MS
    );
}

#[test]
fn search_finds_nothing_that_is_not_in_a_record() {
    let (_root, history) = search_history();
    assert!(history.search("kladblok").is_empty());
    assert!(history.search("   ").is_empty());
    // Protocol and phase names are in the record but are not meeting content.
    assert!(history.search("beeldvorming").is_empty());
    // Names of those present are not one of the searched texts either.
    assert!(
        history
            .search("Cas")
            .iter()
            .all(|h| h.field == HitField::CaseTitle)
    );
}

#[test]
fn snippets_are_cut_at_words_around_the_match() {
    let text = format!("{} midden {}", "voor ".repeat(30), "na ".repeat(40));
    let at = fold_for_search(&text).find("midden").expect("found");
    let snip = snippet(&text, at);
    assert!(snip.starts_with("…voor"), "{snip}");
    assert!(snip.ends_with("na…"), "{snip}");
    assert!(snip.contains("voor midden na"), "{snip}");
    assert_eq!(snippet("Één woord", 0), "Één woord");
    // A match after characters that fold to more (or fewer) bytes.
    let text = "Straße ĳs e\u{301} Zoek";
    let at = fold_for_search(text).find("zoek").expect("found");
    assert_eq!(snippet(text, at), text);
}
