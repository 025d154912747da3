//! Issue 14, points 2-4: the figures of sign-in sheets, certificates and logbooks, their CSV
//! read back with a real CSV reader (names with commas, quotes and line breaks), and the
//! printable HTML's page rules and escaping.

use jiff::civil::date;

use super::render::csv_separator;
use super::*;
use crate::model::{Lead, MeetingContent, Parts, RECORD_FORMAT_VERSION, Text};

const COMMA: &str = "Jansen, Piet";
const QUOTES: &str = "An \"Annie\" de Wit";
const NEWLINE: &str = "Bo\nBerg";

/// A meeting on `day` of December 2026 from 19:30 for `minutes`, these members of
/// [`group`] present, the first leading.
fn meeting(day: i8, minutes: i64, present: &[&str]) -> MeetingRecord {
    // 2026-12-01 19:30 in the Netherlands is 18:30 UTC.
    let start = 1_796_149_800_000 + i64::from(day - 1) * 86_400_000;
    let mut content = MeetingContent::default();
    let roster = group();
    let id = |name: &str| roster.member_named(name).expect("on the roster").id;
    for name in present {
        content.set_member_present(id(name), name, true);
    }
    if let Some(first) = present.first() {
        content.set_lead(Lead::Leader, Some((id(first), first)));
    }
    MeetingRecord {
        format_version: RECORD_FORMAT_VERSION,
        protocol_id: "balint-9-fasen".into(),
        protocol_version: 1,
        protocol_name: Text::new("Balint in 9 fasen", "Balint in 9 phases"),
        parts: Parts::default(),
        started_at_ms: start,
        ended_at_ms: start + minutes * 60_000,
        started_local: format!("2026-12-{day:02} 19:30"),
        ended_early: false,
        planned_minutes: 120,
        phases: Vec::new(),
        breaks: Vec::new(),
        content,
    }
}

fn group() -> GroupSettings {
    let mut group = GroupSettings::named("Intervisie <Noord> & Zuid");
    for name in [QUOTES, COMMA, NEWLINE] {
        group.add_member(name);
    }
    group.meets_how_often = "elke zes weken".into();
    group.meeting_minutes = 90;
    group
}

/// Three meetings in December: on the 2nd (An leads, Piet brings the case and came 20
/// minutes late), the 9th (An leads, Bo co-leads, Piet left 30 minutes early), and the
/// 30th (An and Bo only); and one in November, outside the period.
fn records() -> Vec<MeetingRecord> {
    let mut first = meeting(2, 120, &[QUOTES, COMMA, NEWLINE]);
    first.content.inbrenger = Some(COMMA.into());
    first.content.came_late.insert(COMMA.into(), 20);
    let mut second = meeting(9, 90, &[QUOTES, COMMA, NEWLINE]);
    second.content.set_lead(Lead::CoLeader, Some((3, NEWLINE)));
    second.content.left_early.insert(COMMA.into(), 30);
    let third = meeting(30, 105, &[QUOTES, NEWLINE]);
    let mut november = meeting(2, 60, &[QUOTES, COMMA]);
    november.started_local = "2026-11-02 19:30".into();
    vec![third, november, first, second]
}

fn input<'a>(group: &'a GroupSettings, records: &'a [MeetingRecord], lang: Lang) -> ProofInput<'a> {
    ProofInput {
        group,
        records,
        from: date(2026, 12, 1),
        to: date(2026, 12, 31),
        lang,
    }
}

fn person(group: &GroupSettings, records: &[MeetingRecord], name: &str) -> Person {
    find_person(group, records, name).expect("known")
}

/// The CSV read back: the head and the rows, with the separator the language uses.
fn read_csv(text: &str, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(csv_separator(lang))
        .from_reader(body.as_bytes());
    let head = reader
        .headers()
        .expect("head")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    (head, rows)
}

#[test]
fn a_certificate_counts_the_members_own_minutes() {
    let (group, records) = (group(), records());
    let piet = person(&group, &records, "jansen,  piet");
    assert_eq!(piet.id, Some(2), "found on the roster whatever the spacing");
    for lang in Lang::ALL {
        let text = proof(
            &input(&group, &records, lang),
            &Proof::Certificate(piet.clone()),
            ProofFormat::Csv,
        )
        .expect("proof");
        let (head, rows) = read_csv(&text, lang);
        assert_eq!(head.len(), 10);
        assert_eq!(
            rows.len(),
            2,
            "the 2nd and the 9th; not November, not the 30th"
        );
        assert!(rows.iter().all(|r| r[0] == COMMA && r[1] == group.name));
        assert_eq!(rows[0][2], "2026-12-02");
        assert_eq!(
            (rows[0][3].as_str(), rows[0][4].as_str()),
            ("19:30", "21:30")
        );
        // 120 minutes less 20 late; 90 less 30 early.
        let minutes: Vec<i64> = rows
            .iter()
            .map(|r| r[7].parse().expect("minutes"))
            .collect();
        assert_eq!(minutes, [100, 60]);
        let hours: Vec<&str> = rows.iter().map(|r| r[8].as_str()).collect();
        match lang {
            Lang::Nl | Lang::De => assert_eq!(hours, ["1,67", "1,00"]),
            _ => assert_eq!(hours, ["1.67", "1.00"]),
        }
        let roles: Vec<&str> = rows.iter().map(|r| r[6].as_str()).collect();
        let w = crate::i18n::strings(lang).attendance;
        assert_eq!(roles, [w.role_inbrenger, w.role_member]);
        assert_eq!(rows[0][9], QUOTES, "the leader, quotes and all");
    }

    let md = proof(
        &input(&group, &records, Lang::Nl),
        &Proof::Certificate(piet),
        ProofFormat::Markdown,
    )
    .expect("proof");
    assert!(
        md.contains(
            "nam deel aan 2 bijeenkomsten van Intervisie \\<Noord\\> \\& Zuid, samen 2,7 uur."
        ),
        "{md}"
    );
    assert!(md.contains("**2,7 uur**"), "the total: {md}");
    assert!(md.contains("2 december 2026"));
}

#[test]
fn a_logbook_lists_meetings_led_and_co_led() {
    let (group, records) = (group(), records());
    let bo = person(&group, &records, "bo berg");
    let text = proof(
        &input(&group, &records, Lang::Nl),
        &Proof::Logbook(bo.clone()),
        ProofFormat::Csv,
    )
    .expect("proof");
    let (_, rows) = read_csv(&text, Lang::Nl);
    assert_eq!(rows.len(), 1, "Bo co-led the 9th only");
    assert_eq!(rows[0][0], "2026-12-09");
    assert_eq!(rows[0][3], "90");
    assert_eq!(rows[0][7], "tweede gespreksleider");
    assert_eq!(rows[0][8], "3", "three present");

    let an = person(&group, &records, QUOTES);
    let text = proof(
        &input(&group, &records, Lang::En),
        &Proof::Logbook(an),
        ProofFormat::Csv,
    )
    .expect("proof");
    let (_, rows) = read_csv(&text, Lang::En);
    let days: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        days,
        ["2026-12-02", "2026-12-09", "2026-12-30"],
        "oldest first"
    );
    assert_eq!(rows[0][9], COMMA, "who brought the case");
    let minutes: i64 = rows.iter().map(|r| r[3].parse::<i64>().expect("n")).sum();
    assert_eq!(minutes, 120 + 90 + 105);

    // Someone who led nothing in the period: a sentence, not an empty page.
    let piet = person(&group, &records, COMMA);
    let err = proof(
        &input(&group, &records, Lang::Nl),
        &Proof::Logbook(piet),
        ProofFormat::Html,
    )
    .expect_err("led nothing");
    assert!(
        err.contains("leidde van 1 december 2026 tot en met 31 december 2026 geen"),
        "{err}"
    );
}

#[test]
fn the_sign_in_sheets_have_everyone_with_room_to_sign() {
    let (group, records) = (group(), records());
    let text = proof(
        &input(&group, &records, Lang::Nl),
        &Proof::Sheets,
        ProofFormat::Csv,
    )
    .expect("proof");
    assert!(text.contains(';'), "Dutch CSV uses ;");
    let (_, rows) = read_csv(&text, Lang::Nl);
    assert_eq!(rows.len(), 3 + 3 + 2, "one row per person per meeting");
    assert!(
        rows.iter().any(|r| r[5] == NEWLINE),
        "a line break survives"
    );

    let html = proof(
        &input(&group, &records, Lang::Nl),
        &Proof::Sheets,
        ProofFormat::Html,
    )
    .expect("proof");
    assert_eq!(html.matches("<section class=\"page\">").count(), 3);
    assert_eq!(html.matches("<td class=\"sign\"></td>").count(), 8);
    for rule in [
        "@page { size: A4;",
        "thead { display: table-header-group; }",
        "tr, .signline, dl, h2 { break-inside: avoid;",
        "section.page + section.page { break-before: page;",
    ] {
        assert!(html.contains(rule), "{rule}");
    }
    assert!(!html.contains("<Noord>"), "the group's name is escaped");
    assert!(html.contains("Intervisie &lt;Noord&gt; &amp; Zuid"));
    assert!(html.contains("An &quot;Annie&quot; de Wit"));
    assert!(html.contains("20 min. later gekomen"));
    assert!(
        html.contains("elke zes weken"),
        "the group agreement is referred to"
    );
    assert!(html.contains("90 minuten"));
    assert!(html.contains("<dt>Gespreksleider</dt><dd>An &quot;Annie&quot; de Wit</dd>"));
    assert!(html.contains("<dt>Tweede gespreksleider</dt><dd>Bo\nBerg</dd>"));

    let err = proof(
        &ProofInput {
            from: date(2027, 1, 1),
            to: date(2027, 2, 1),
            ..input(&group, &records, Lang::En)
        },
        &Proof::Sheets,
        ProofFormat::Csv,
    )
    .expect_err("empty");
    assert!(err.contains("had no meetings from 1 January 2027 to 1 February 2027"));
}

#[test]
fn near_names_help_with_a_typing_slip() {
    let names: Vec<String> = ["Sanne", "Sander", "Pieter", "An de Wit"]
        .map(String::from)
        .to_vec();
    assert_eq!(near_names("Sane", &names), ["Sanne", "Sander"]);
    assert_eq!(near_names("de wit", &names), ["An de Wit"]);
    assert!(near_names("Xavier", &names).is_empty());
    assert_eq!(csv_separator(Lang::Nl), b';');
    assert_eq!(csv_separator(Lang::En), b',');
    assert_eq!(csv_separator(Lang::De), b';');
}
