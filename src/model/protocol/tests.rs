//! Parsing and checking protocols: positions, and the problems in plain words.

use super::*;

const MINIMAL: &str = r#"(
    format_version: 1,
    id: "test",
    version: 1,
    name: (nl: "Test", en: "Test"),
    description: (nl: "", en: ""),
    introduction: (nl: "", en: ""),
    group_size: (min: 5, max: 12),
    total_minutes: (min: 10, max: 20),
    phases: [
        (
            id: "one",
            title: (nl: "Een", en: "One"),
            purpose: (nl: "", en: ""),
            instructions: (leader: (nl: "", en: ""), inbrenger: (nl: "", en: ""), members: (nl: "", en: "")),
            planned_minutes: 5,
            tools: [Notes],
        ),
        (
            id: "two",
            title: (nl: "Twee", en: "Two"),
            purpose: (nl: "", en: ""),
            instructions: (leader: (nl: "", en: ""), inbrenger: (nl: "", en: ""), members: (nl: "", en: "")),
            planned_minutes: 10,
            prepare_minutes: 1,
        ),
    ],
)"#;

/// The lists of fields a protocol may have are the fields the types have.
#[test]
fn the_known_fields_are_the_fields_of_a_protocol() {
    let mut protocol = Protocol::from_ron("t.ron", MINIMAL).expect("valid");
    protocol.phases[0].guard = Some(Text::new("a", "b"));
    protocol.phases[0].variants.push(Variant {
        id: "v".into(),
        title: Text::new("a", "b"),
        description: Text::new("a", "b"),
    });
    protocol.phases[0].rules.push(Text::new("a", "b"));
    let text = ron::to_string(&protocol).expect("text");
    assert!(text.contains("guard") && text.contains("variants"));
    assert_eq!(unknown_fields("t.ron", &text), []);
}

#[test]
fn minimal_protocol_parses() {
    let p = Protocol::from_ron("t.ron", MINIMAL).expect("valid");
    assert_eq!(p.phases.len(), 2);
    assert_eq!(p.planned_minutes(), 16);
}

fn en(issue: &ProtocolIssue) -> String {
    crate::i18n::protocol_problem(Lang::En, &issue.problem)
}

fn nl(issue: &ProtocolIssue) -> String {
    crate::i18n::protocol_problem(Lang::Nl, &issue.problem)
}

#[test]
fn duplicate_phase_id_points_at_second_phase() {
    let src = MINIMAL.replace("id: \"two\"", "id: \"one\"");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("duplicate");
    assert_eq!(issues.len(), 1);
    assert_eq!((issues[0].line, issues[0].col), (20, 13));
    assert!(matches!(
        &issues[0].problem,
        ProtocolProblem::DuplicatePhaseId { phase, id } if phase.number == 2 && id == "one"
    ));
    assert!(en(&issues[0]).contains("already uses"), "{}", issues[0]);
    assert_eq!(
        nl(&issues[0]),
        "Het `id` \"one\" van fase 2 \"Twee\" is al van een eerdere fase: geef elke fase \
         een eigen id."
    );
}

#[test]
fn negative_and_absurd_minutes_are_reported_with_position() {
    let src = MINIMAL
        .replace("planned_minutes: 5", "planned_minutes: -5")
        .replace("planned_minutes: 10", "planned_minutes: 300");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("bad minutes");
    assert_eq!(issues.len(), 2);
    assert_eq!(issues[0].line, 16);
    assert!(en(&issues[0]).contains("at least 1 minute"));
    assert_eq!(issues[1].line, 24);
    assert!(en(&issues[1]).contains("more than 4 hours"));
    // The field as the author writes it, the phase by number and title, what to change.
    assert_eq!(
        nl(&issues[0]),
        "`planned_minutes` van fase 1 \"Een\" is -5: een fase duurt minstens 1 minuut. \
         Vul een getal van 1 tot en met 240 in."
    );
    assert_eq!(
        en(&issues[1]),
        "`planned_minutes` of phase 2 \"Two\" is 300, more than 4 hours: check the number \
         (it is in minutes, 240 at most)."
    );
}

#[test]
fn zero_minutes_empty_title_and_no_phases() {
    let src = MINIMAL
        .replace("planned_minutes: 5", "planned_minutes: 0")
        .replace("(nl: \"Een\", en: \"One\")", "(nl: \"\", en: \"One\")");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("bad");
    assert!(issues.iter().any(|i| en(i).contains("is empty")));
    assert!(
        issues
            .iter()
            .any(|i| nl(i).contains("De `title` van fase 1 is leeg"))
    );
    assert!(issues.iter().any(|i| en(i).contains("at least 1 minute")));

    let start = MINIMAL.find("phases: [").expect("phases");
    let no_phases = format!("{}phases: [],\n)", &MINIMAL[..start]);
    let issues = Protocol::from_ron("t.ron", &no_phases).expect_err("no phases");
    assert_eq!(issues[0].problem, ProtocolProblem::NoPhases);
    assert!(en(&issues[0]).contains("no phases"));
    assert!(nl(&issues[0]).contains("geen fasen"));
    assert_eq!(issues[0].line, 10);
}

#[test]
fn syntax_error_and_unknown_tool_name_position_and_plain_words() {
    let src = MINIMAL.replace("name: (nl: \"Test\",", "name: (nl: \"Test\"");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("syntax");
    assert_eq!(issues[0].line, 5);
    assert_eq!(issues[0].problem, ProtocolProblem::MissingComma);
    assert!(issues[0].to_string().starts_with("t.ron:5:"));
    let dutch = crate::i18n::protocol_issue(Lang::Nl, &issues[0]);
    assert!(
        dutch.starts_with(&format!(
            "t.ron:5:{}: Hier ontbreekt een komma",
            issues[0].col
        )),
        "{dutch}"
    );

    let src = MINIMAL.replace("tools: [Notes]", "tools: [Whiteboard]");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("tool");
    assert_eq!(issues[0].line, 17);
    assert!(en(&issues[0]).contains("Whiteboard"));
    assert!(en(&issues[0]).contains("QuestionLog"));
    assert!(nl(&issues[0]).contains("geen bekende naam"));
}

/// Issue 10, point 5: a misspelled field is named, with the fields that can stand there
/// and the phase it is in; no word of the parser's (RON, struct, the type's name).
#[test]
fn a_misspelled_field_is_named_with_the_known_ones_in_plain_words() {
    let src = MINIMAL.replace("prepare_minutes: 1", "minuten: 1");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("unknown field");
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!((issues[0].line, issues[0].col), (25, 13));
    let ProtocolProblem::UnknownField {
        field,
        known,
        phase,
    } = &issues[0].problem
    else {
        panic!("{:?}", issues[0]);
    };
    assert_eq!((field.as_str(), *phase), ("minuten", Some(2)));
    assert!(known.iter().any(|k| k == "planned_minutes"), "{known:?}");
    let dutch = nl(&issues[0]);
    assert!(
        dutch.starts_with("Het veld `minuten` kent Kring niet in fase 2."),
        "{dutch}"
    );
    assert!(
        dutch.contains("`planned_minutes`, `prepare_minutes`"),
        "{dutch}"
    );
    assert!(dutch.ends_with("`tools`, `variants`."), "{dutch}");
    let english = en(&issues[0]);
    assert!(
        english.starts_with("Kring knows no field `minuten` in phase 2."),
        "{english}"
    );
    for words in [&dutch, &english] {
        for parser_word in ["RON", "struct", "Protocol", "Phase", "Error"] {
            let mut word_list = words.split(|c: char| !c.is_alphanumeric());
            assert!(
                !word_list.any(|w| w == parser_word),
                "{parser_word}: {words}"
            );
        }
    }

    // A required field misspelled: it is missing, and said so.
    let src = MINIMAL.replace("planned_minutes: 10", "minuten: 10");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("missing field");
    assert_eq!(
        issues[0].problem,
        ProtocolProblem::MissingField {
            field: "planned_minutes".into(),
            phase: Some(2)
        }
    );
    assert_eq!(
        nl(&issues[0]),
        "Het veld `planned_minutes` ontbreekt in fase 2: voeg het toe."
    );

    // A missing bracket, a text where a number belongs: plain words too.
    let src = MINIMAL.replace("planned_minutes: 5", "planned_minutes: \"vijf\"");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("not a number");
    assert_eq!(issues[0].problem, ProtocolProblem::ExpectedNumber);
    assert_eq!(nl(&issues[0]), "Hier hoort een geheel getal, zoals 10.");
    let src = MINIMAL.replace("prepare_minutes: 1,\n        ),", "prepare_minutes: 1,");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("bracket");
    assert!(
        matches!(issues[0].problem, ProtocolProblem::MissingClose { .. }),
        "{:?}",
        issues[0]
    );
}

#[test]
fn unknown_format_version_is_rejected() {
    let src = MINIMAL.replace("format_version: 1", "format_version: 7");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("version");
    assert_eq!((issues[0].line, issues[0].col), (2, 5));
    assert!(en(&issues[0]).contains("Update Kring"));
    assert!(nl(&issues[0]).contains("Werk Kring bij"));
}

/// Issue 12, point 5: a protocol says whether its parts are phases or steps. Without the
/// field (older files, a group's own) they are phases; a misspelling is named.
#[test]
fn a_protocol_names_its_parts_phases_unless_it_says_steps() {
    let phases = Protocol::from_ron("t.ron", MINIMAL).expect("valid");
    assert_eq!(phases.parts, Parts::Phases);
    let src = MINIMAL.replace("    group_size:", "    parts: Steps,\n    group_size:");
    let steps = Protocol::from_ron("t.ron", &src).expect("valid");
    assert_eq!(steps.parts, Parts::Steps);
    let text = ron::to_string(&steps).expect("text");
    assert_eq!(unknown_fields("t.ron", &text), []);

    let src = MINIMAL.replace("    group_size:", "    part: Steps,\n    group_size:");
    let issues = Protocol::from_ron("t.ron", &src).expect_err("unknown field");
    let ProtocolProblem::UnknownField { field, known, .. } = &issues[0].problem else {
        panic!("{issues:?}");
    };
    assert_eq!(field, "part");
    assert!(known.iter().any(|k| k == "parts"), "{known:?}");
}

/// Issue 14, point 6: German falls back to English, English to Dutch; a protocol's file may
/// carry `de` beside `nl` and `en`.
#[test]
fn a_text_falls_back_german_english_dutch() {
    let full = Text::new("Beeldvorming", "Image forming").with_de("Bildgestaltung");
    assert_eq!(full.get(Lang::Nl), "Beeldvorming");
    assert_eq!(full.get(Lang::En), "Image forming");
    assert_eq!(full.get(Lang::De), "Bildgestaltung");
    let no_german = Text::new("Beeldvorming", "Image forming");
    assert!(no_german.lacks_de());
    assert_eq!(no_german.get(Lang::De), "Image forming");
    assert_eq!(no_german.exact(Lang::De), "");
    let only_dutch = Text::new("Beeldvorming", " ");
    assert_eq!(only_dutch.get(Lang::De), "Beeldvorming");
    assert_eq!(only_dutch.get(Lang::En), "Beeldvorming");

    let with_de = MINIMAL.replace(
        "(nl: \"Een\", en: \"One\")",
        "(nl: \"Een\", en: \"One\", de: \"Eins\")",
    );
    let p = Protocol::from_ron("t.ron", &with_de).expect("valid");
    assert_eq!(p.phases[0].title.get(Lang::De), "Eins");
    assert_eq!(p.phases[1].title.get(Lang::De), "Two");
    // Written back, a text without German stays as it was: no empty `de`.
    let text = ron::to_string(&p).expect("text");
    assert!(
        text.contains("de:\"Eins\"") && !text.contains("de:\"\""),
        "{text}"
    );
}

/// The warning names how many texts lack German and where the first is; German everywhere
/// leaves no warning.
#[test]
fn texts_without_german_are_a_warning_at_the_first() {
    let p = Protocol::from_ron("t.ron", MINIMAL).expect("valid");
    let warnings = p.warnings("t.ron", MINIMAL);
    assert_eq!(warnings.len(), 1);
    let w = &warnings[0];
    assert!(w.problem.is_warning());
    // name, and the titles of both phases; the empty texts need no German.
    assert!(
        matches!(&w.problem, ProtocolProblem::NoGerman { count: 3, total: 3, field, phase: None } if field == "name"),
        "{:?}",
        w.problem
    );
    assert_eq!((w.line, w.col), (5, 5));
    let all = MINIMAL
        .replace("en: \"Test\")", "en: \"Test\", de: \"Test\")")
        .replace("en: \"One\")", "en: \"One\", de: \"Eins\")")
        .replace("en: \"Two\")", "en: \"Two\", de: \"Zwei\")");
    let p = Protocol::from_ron("t.ron", &all).expect("valid");
    assert_eq!(p.warnings("t.ron", &all), []);
}
