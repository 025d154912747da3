//! The attendance pages as data: a title, labelled fields, a table, the group agreement and
//! lines to sign. `render` writes them out; the CSV tables are here too.

use jiff::civil::DateTime;

use super::ProofInput;
use super::figures::attendees;
use super::figures::{Attendee, Meeting, Person, Role, inbrenger, leaders_of};
use crate::i18n::{AttendanceStrings, fill, format_date, format_decimal, format_hours, strings};
use crate::model::Lang;

/// One printed page (or more, for a long table: its head repeats on each).
pub(super) struct Page {
    pub title: String,
    pub fields: Vec<(String, String)>,
    pub intro: Option<String>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns of numbers, aligned right.
    pub numeric: Vec<usize>,
    /// Columns kept on one line (dates).
    pub nowrap: Vec<usize>,
    /// The sum of the rows, in the same columns.
    pub total: Option<Vec<String>>,
    /// The last column is left empty for a signature.
    pub sign_column: bool,
    /// The group agreement the meetings follow: (label, value) lines under a heading.
    pub agreement: Vec<(String, String)>,
    /// Lines to sign at the end, each with its label.
    pub sign_lines: Vec<String>,
    pub footer: String,
}

/// Rows for CSV: a head and the data, every cell text.
pub(super) struct CsvTable {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn w(lang: Lang) -> &'static AttendanceStrings {
    strings(lang).attendance
}

fn clock(at: DateTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

fn iso(at: DateTime) -> String {
    at.date().strftime("%Y-%m-%d").to_string()
}

pub(super) fn role_word(lang: Lang, role: Role) -> &'static str {
    let w = w(lang);
    match role {
        Role::Member => w.role_member,
        Role::Inbrenger => w.role_inbrenger,
        Role::Leader => w.role_leader,
        Role::CoLeader => w.role_co_leader,
    }
}

/// Hours for CSV: two decimals in the language's decimal sign (90 minutes: "1,50").
fn csv_hours(lang: Lang, minutes: i64) -> String {
    format_decimal(lang, minutes as f64 / 60.0, 2)
}

fn period(input: &ProofInput<'_>) -> String {
    fill(
        w(input.lang).period_value,
        &[
            ("from", &format_date(input.lang, input.from)),
            ("to", &format_date(input.lang, input.to)),
        ],
    )
}

/// The group agreement's reference: that it was signed, how often and how long the group
/// meets.
fn agreement(input: &ProofInput<'_>) -> Vec<(String, String)> {
    let (w, g) = (w(input.lang), input.group);
    let mut lines = vec![(w.agreement.to_owned(), w.agreement_signed.to_owned())];
    if !g.meets_how_often.trim().is_empty() {
        lines.push((w.meets.to_owned(), g.meets_how_often.trim().to_owned()));
    }
    lines.push((
        w.meeting_length.to_owned(),
        fill(
            w.meeting_length_value.get(g.meeting_minutes),
            &[("minutes", &g.meeting_minutes)],
        ),
    ));
    lines
}

/// What a name's late and early minutes say, for the note column.
fn note(lang: Lang, a: &Attendee) -> String {
    let w = w(lang);
    let mut parts = Vec::new();
    if a.came_late > 0 {
        parts.push(fill(w.came_late, &[("minutes", &a.came_late)]));
    }
    if a.left_early > 0 {
        parts.push(fill(w.left_early, &[("minutes", &a.left_early)]));
    }
    parts.join(", ")
}

/// The columns a certificate and a logbook share: date, start, end, hours, method, role.
const MEETING_COLUMNS: usize = 6;
/// Where the hours stand among them (right-aligned, and the total under it).
const HOURS_COLUMN: usize = 3;

/// The heads of the [`MEETING_COLUMNS`].
fn meeting_head(w: &AttendanceStrings) -> Vec<String> {
    [w.date, w.start, w.end, w.hours, w.protocol, w.role]
        .map(str::to_owned)
        .to_vec()
}

/// A meeting's [`MEETING_COLUMNS`], with the minutes that count for this page.
fn meeting_cells(lang: Lang, m: &Meeting<'_>, minutes: i64, role: Role) -> Vec<String> {
    vec![
        format_date(lang, m.start.date()),
        clock(m.start),
        clock(m.end),
        format_hours(lang, minutes),
        m.record.protocol_name.get(lang).to_owned(),
        role_word(lang, role).to_owned(),
    ]
}

/// The total row of a table `columns` wide: the word first, the hours under the hours.
fn total_row(lang: Lang, minutes: i64, columns: usize) -> Vec<String> {
    let mut row = vec![String::new(); columns];
    row[0] = w(lang).total.to_owned();
    row[HOURS_COLUMN] = format_hours(lang, minutes);
    row
}

/// The sign-in sheet of one meeting: who was there, with room to sign.
pub(super) fn sheet(input: &ProofInput<'_>, m: &Meeting<'_>) -> Page {
    let lang = input.lang;
    let w = w(lang);
    let c = &m.record.content;
    let mut fields = vec![
        (w.group.to_owned(), input.group.name.clone()),
        (w.date.to_owned(), format_date(lang, m.start.date())),
        (w.start.to_owned(), clock(m.start)),
        (w.end.to_owned(), clock(m.end)),
        (
            w.protocol.to_owned(),
            m.record.protocol_name.get(lang).to_owned(),
        ),
        (
            w.leader.to_owned(),
            c.leader.clone().unwrap_or_else(|| w.nobody.to_owned()),
        ),
    ];
    if let Some(co) = &c.co_leader {
        fields.push((w.co_leader.to_owned(), co.clone()));
    }
    let rows = attendees(m)
        .iter()
        .enumerate()
        .map(|(n, a)| {
            vec![
                (n + 1).to_string(),
                a.name.clone(),
                role_word(lang, a.role).to_owned(),
                note(lang, a),
                String::new(),
            ]
        })
        .collect();
    Page {
        title: w.sheet_title.to_owned(),
        fields,
        intro: None,
        head: vec![
            "#".to_owned(),
            w.name.to_owned(),
            w.role.to_owned(),
            w.note.to_owned(),
            w.signature.to_owned(),
        ],
        rows,
        numeric: vec![0],
        nowrap: Vec::new(),
        total: None,
        sign_column: true,
        agreement: agreement(input),
        sign_lines: vec![w.leader_signs.to_owned()],
        footer: w.made_by.to_owned(),
    }
}

/// A certificate of attendance: every meeting the person was at, their role and time.
pub(super) fn certificate(
    input: &ProofInput<'_>,
    person: &Person,
    rows: &[(Meeting<'_>, Attendee)],
) -> Page {
    let lang = input.lang;
    let w = w(lang);
    let minutes: i64 = rows.iter().map(|(_, a)| a.minutes).sum();
    let meetings: Vec<Meeting<'_>> = rows.iter().map(|(m, _)| *m).collect();
    let leaders = leaders_of(&meetings);
    let mut fields = vec![
        (w.participant.to_owned(), person.name.clone()),
        (w.group.to_owned(), input.group.name.clone()),
        (w.period.to_owned(), period(input)),
    ];
    fields.push((
        w.leaders.to_owned(),
        if leaders.is_empty() {
            w.nobody.to_owned()
        } else {
            leaders.join(", ")
        },
    ));
    Page {
        title: w.certificate_title.to_owned(),
        fields,
        intro: Some(fill(
            w.certificate_intro.get(rows.len()),
            &[
                ("name", &person.name),
                ("count", &rows.len()),
                ("group", &input.group.name),
                ("hours", &format_hours(lang, minutes)),
            ],
        )),
        head: meeting_head(w),
        rows: rows
            .iter()
            .map(|(m, a)| meeting_cells(lang, m, a.minutes, a.role))
            .collect(),
        numeric: vec![HOURS_COLUMN],
        nowrap: vec![0],
        total: Some(total_row(lang, minutes, MEETING_COLUMNS)),
        sign_column: false,
        agreement: agreement(input),
        sign_lines: vec![
            w.leader_signs.to_owned(),
            w.registration.to_owned(),
            w.place_date.to_owned(),
        ],
        footer: w.made_by.to_owned(),
    }
}

/// The leader's logbook: the meetings they led and co-led.
pub(super) fn logbook(
    input: &ProofInput<'_>,
    person: &Person,
    rows: &[(Meeting<'_>, Attendee)],
) -> Page {
    let lang = input.lang;
    let w = w(lang);
    let minutes: i64 = rows.iter().map(|(m, _)| m.minutes()).sum();
    Page {
        title: w.logbook_title.to_owned(),
        fields: vec![
            (w.leader.to_owned(), person.name.clone()),
            (w.group.to_owned(), input.group.name.clone()),
            (w.period.to_owned(), period(input)),
        ],
        intro: Some(fill(
            w.logbook_intro.get(rows.len()),
            &[
                ("name", &person.name),
                ("count", &rows.len()),
                ("hours", &format_hours(lang, minutes)),
            ],
        )),
        head: meeting_head(w)
            .into_iter()
            .chain([w.present_count.to_owned(), w.case_by.to_owned()])
            .collect(),
        rows: rows
            .iter()
            .map(|(m, a)| {
                let mut cells = meeting_cells(lang, m, m.minutes(), a.role);
                cells.push(m.record.content.group_size().to_string());
                cells.push(inbrenger(m).unwrap_or("").to_owned());
                cells
            })
            .collect(),
        numeric: vec![HOURS_COLUMN, MEETING_COLUMNS],
        nowrap: vec![0],
        total: Some(total_row(lang, minutes, MEETING_COLUMNS + 2)),
        sign_column: false,
        agreement: Vec::new(),
        sign_lines: vec![w.registration.to_owned(), w.place_date.to_owned()],
        footer: w.made_by.to_owned(),
    }
}

/// The sign-in sheets as CSV: one row per person per meeting.
pub(super) fn sheets_csv(input: &ProofInput<'_>, meetings: &[Meeting<'_>]) -> CsvTable {
    let (lang, w) = (input.lang, w(input.lang));
    CsvTable {
        head: vec![
            w.date.to_owned(),
            w.start.to_owned(),
            w.end.to_owned(),
            w.group.to_owned(),
            w.protocol.to_owned(),
            w.name.to_owned(),
            w.role.to_owned(),
            w.minutes.to_owned(),
            w.hours.to_owned(),
        ],
        rows: meetings
            .iter()
            .flat_map(|m| {
                attendees(m).into_iter().map(move |a| {
                    vec![
                        iso(m.start),
                        clock(m.start),
                        clock(m.end),
                        input.group.name.clone(),
                        m.record.protocol_name.get(lang).to_owned(),
                        a.name.clone(),
                        role_word(lang, a.role).to_owned(),
                        a.minutes.to_string(),
                        csv_hours(lang, a.minutes),
                    ]
                })
            })
            .collect(),
    }
}

/// A certificate as CSV: one row per meeting the person was at.
pub(super) fn certificate_csv(
    input: &ProofInput<'_>,
    person: &Person,
    rows: &[(Meeting<'_>, Attendee)],
) -> CsvTable {
    let (lang, w) = (input.lang, w(input.lang));
    CsvTable {
        head: vec![
            w.name.to_owned(),
            w.group.to_owned(),
            w.date.to_owned(),
            w.start.to_owned(),
            w.end.to_owned(),
            w.protocol.to_owned(),
            w.role.to_owned(),
            w.minutes.to_owned(),
            w.hours.to_owned(),
            w.leader.to_owned(),
        ],
        rows: rows
            .iter()
            .map(|(m, a)| {
                vec![
                    person.name.clone(),
                    input.group.name.clone(),
                    iso(m.start),
                    clock(m.start),
                    clock(m.end),
                    m.record.protocol_name.get(lang).to_owned(),
                    role_word(lang, a.role).to_owned(),
                    a.minutes.to_string(),
                    csv_hours(lang, a.minutes),
                    m.record.content.leader.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

/// A logbook as CSV: one row per meeting led or co-led.
pub(super) fn logbook_csv(input: &ProofInput<'_>, rows: &[(Meeting<'_>, Attendee)]) -> CsvTable {
    let (lang, w) = (input.lang, w(input.lang));
    CsvTable {
        head: vec![
            w.date.to_owned(),
            w.start.to_owned(),
            w.end.to_owned(),
            w.minutes.to_owned(),
            w.hours.to_owned(),
            w.group.to_owned(),
            w.protocol.to_owned(),
            w.role.to_owned(),
            w.present_count.to_owned(),
            w.case_by.to_owned(),
        ],
        rows: rows
            .iter()
            .map(|(m, a)| {
                vec![
                    iso(m.start),
                    clock(m.start),
                    clock(m.end),
                    m.minutes().to_string(),
                    csv_hours(lang, m.minutes()),
                    input.group.name.clone(),
                    m.record.protocol_name.get(lang).to_owned(),
                    role_word(lang, a.role).to_owned(),
                    m.record.content.group_size().to_string(),
                    inbrenger(m).unwrap_or("").to_owned(),
                ]
            })
            .collect(),
    }
}
