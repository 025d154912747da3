//! What the attendance pages say, worked out from the meeting records: which meetings fall in
//! a period, who had which role, and how many minutes each person was there.

use jiff::civil::{Date, DateTime};

use crate::i18n::{fill, strings};
use crate::model::{GroupSettings, Lang, MeetingContent, MeetingRecord, name_key};

/// A person's part in a meeting. When one person had several, the first of leader,
/// co-leader, inbrenger, member is theirs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Member,
    Inbrenger,
    Leader,
    CoLeader,
}

/// Who a proof is for: a roster member (number and name), or a name as the records write it
/// (older records, or someone no longer on the roster).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: Option<u32>,
    pub name: String,
}

/// One meeting, with its local start and end.
#[derive(Clone, Copy, Debug)]
pub struct Meeting<'a> {
    pub record: &'a MeetingRecord,
    pub start: DateTime,
    pub end: DateTime,
}

impl Meeting<'_> {
    pub fn minutes(&self) -> i64 {
        self.record.duration_minutes()
    }
}

/// One person in one meeting: their name as written that day, role and minutes there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendee {
    pub name: String,
    pub role: Role,
    pub minutes: i64,
    pub came_late: u32,
    pub left_early: u32,
}

/// The meetings that started from `from` to `to` (local dates, both included), oldest
/// first. Records whose start cannot be read are left out.
pub fn meetings_in(records: &[MeetingRecord], from: Date, to: Date) -> Vec<Meeting<'_>> {
    let mut meetings: Vec<Meeting<'_>> = records
        .iter()
        .filter_map(|record| {
            let start = record.local_start()?;
            let end = record.local_end()?;
            let day = start.date();
            (from <= day && day <= to).then_some(Meeting { record, start, end })
        })
        .collect();
    meetings.sort_by_key(|m| (m.start, m.record.started_at_ms));
    meetings
}

/// Everyone in a meeting, each once: the leader, the co-leader, then those present in the
/// order of the record. A leader not ticked present still counts: they were there.
pub fn attendees(meeting: &Meeting<'_>) -> Vec<Attendee> {
    let c = &meeting.record.content;
    let minutes = meeting.minutes();
    let mut names: Vec<&str> = Vec::new();
    for name in c
        .leader
        .iter()
        .chain(&c.co_leader)
        .chain(&c.present)
        .map(|n| n.as_str())
    {
        if !names.iter().any(|n| same_name(c, n, name)) {
            names.push(name);
        }
    }
    names
        .into_iter()
        .map(|name| Attendee {
            name: name.to_owned(),
            role: role_of(c, name),
            minutes: c.minutes_attended(name, minutes),
            came_late: c.came_late.get(name).copied().unwrap_or(0),
            left_early: c.left_early.get(name).copied().unwrap_or(0),
        })
        .collect()
}

fn same_name(c: &MeetingContent, a: &str, b: &str) -> bool {
    match (c.member_of(a), c.member_of(b)) {
        (Some(x), Some(y)) => x == y,
        _ => name_key(a) == name_key(b),
    }
}

fn role_of(c: &MeetingContent, name: &str) -> Role {
    let is = |other: &Option<String>| other.as_deref().is_some_and(|o| same_name(c, o, name));
    if is(&c.leader) {
        Role::Leader
    } else if is(&c.co_leader) {
        Role::CoLeader
    } else if is(&c.inbrenger) {
        Role::Inbrenger
    } else {
        Role::Member
    }
}

/// Whether a name in a meeting is `person`: by roster number when the record links the name
/// to one, else by the name (any case and spacing).
pub fn is_person(c: &MeetingContent, name: &str, person: &Person) -> bool {
    match (c.member_of(name), person.id) {
        (Some(id), Some(pid)) => id == pid,
        _ => name_key(name) == name_key(&person.name),
    }
}

/// `person` in a meeting, if they were there.
pub fn attendee(meeting: &Meeting<'_>, person: &Person) -> Option<Attendee> {
    let c = &meeting.record.content;
    attendees(meeting)
        .into_iter()
        .find(|a| is_person(c, &a.name, person))
}

/// The inbrenger of a meeting, if noted.
pub fn inbrenger<'a>(meeting: &Meeting<'a>) -> Option<&'a str> {
    meeting
        .record
        .content
        .inbrenger
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

/// Who is meant by a name given on the command line or chosen on the Groep tab: the roster
/// member of that name, else a name the records have. `None`: nobody of that name.
pub fn find_person(group: &GroupSettings, records: &[MeetingRecord], name: &str) -> Option<Person> {
    if let Some(member) = group.member_named(name) {
        return Some(Person {
            id: Some(member.id),
            name: member.name.clone(),
        });
    }
    let key = name_key(name);
    records
        .iter()
        .flat_map(|r| {
            let c = &r.content;
            c.present.iter().chain(&c.leader).chain(&c.co_leader)
        })
        .find(|n| name_key(n) == key)
        .map(|n| Person {
            id: None,
            name: n.trim().to_owned(),
        })
}

/// [`find_person`], or, in `lang`, the message that says the name is not known and names the
/// nearest ones (or, when none is near, every name): the same on the command line and on the
/// Groep tab.
pub fn find_person_or_say(
    lang: Lang,
    group: &GroupSettings,
    records: &[MeetingRecord],
    name: &str,
) -> Result<Person, String> {
    find_person(group, records, name).ok_or_else(|| {
        let w = strings(lang).attendance;
        let mut names = known_names(group, records);
        names.sort_by_key(|n| name_key(n));
        let near = near_names(name, &names);
        let hint = if near.is_empty() {
            fill(w.members_are, &[("names", &names.join(", "))])
        } else {
            fill(w.did_you_mean, &[("names", &near.join(", "))])
        };
        let unknown = fill(
            w.unknown_member,
            &[("name", &name.trim()), ("group", &group.name)],
        );
        format!("{unknown} {hint}")
    })
}

/// Every name a proof can be asked for: the roster, then names in the records that are on
/// no roster, each once.
pub fn known_names(group: &GroupSettings, records: &[MeetingRecord]) -> Vec<String> {
    let mut names: Vec<String> = group.members.iter().map(|m| m.name.clone()).collect();
    for record in records {
        let c = &record.content;
        for name in c.present.iter().chain(&c.leader).chain(&c.co_leader) {
            let name = name.trim();
            if !name.is_empty() && !names.iter().any(|n| name_key(n) == name_key(name)) {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// Names close to `name` (a typing slip, or part of a name), closest first, at most three.
pub fn near_names(name: &str, names: &[String]) -> Vec<String> {
    let key = name_key(name);
    let mut scored: Vec<(usize, &String)> = names
        .iter()
        .filter_map(|candidate| {
            let other = name_key(candidate);
            let distance = edit_distance(&key, &other);
            let part = !key.is_empty() && (other.contains(&key) || key.contains(&other));
            let limit = (key.chars().count() / 3).max(2);
            (part || distance <= limit).then_some((if part { 0 } else { distance }, candidate))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, n)| n.clone()).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// What a certificate sums up: the meetings a person attended, with their role and minutes.
pub fn certificate<'a>(meetings: &[Meeting<'a>], person: &Person) -> Vec<(Meeting<'a>, Attendee)> {
    meetings
        .iter()
        .filter_map(|m| attendee(m, person).map(|a| (*m, a)))
        .collect()
}

/// What a logbook lists: the meetings a person led or co-led.
pub fn logbook<'a>(meetings: &[Meeting<'a>], person: &Person) -> Vec<(Meeting<'a>, Attendee)> {
    certificate(meetings, person)
        .into_iter()
        .filter(|(_, a)| matches!(a.role, Role::Leader | Role::CoLeader))
        .collect()
}

/// The leaders of these meetings, each once, in order of first appearance.
pub fn leaders_of(meetings: &[Meeting<'_>]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for m in meetings {
        let c = &m.record.content;
        for name in c.leader.iter().chain(&c.co_leader) {
            if !names.iter().any(|n| name_key(n) == name_key(name)) {
                names.push(name.clone());
            }
        }
    }
    names
}
