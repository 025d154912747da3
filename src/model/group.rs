//! A group's own settings: its name, the agreements the members signed, how often, where and
//! how long it meets, what it costs, and how long its history is kept.
//!
//! One `group.ron` per group folder (see `store::groups`). Several Dutch professional
//! registers ask for the signed group agreement, so its text lives here, word for word.
//! The roster (who the members are) lives here too: presence is ticked from it, and
//! attendance counts by member.

use serde::{Deserialize, Serialize};

use super::Lang;

/// The group settings format this build writes. Older formats are read and brought up to
/// date; a newer one is refused with a message to update Kring.
///
/// 2: the roster (`members`). An older Kring would drop it when saving, so it must refuse
/// the file instead.
pub const GROUP_FORMAT_VERSION: u32 = 2;

/// A member on the group's roster. The number stays when the name is corrected, so
/// attendance keeps counting for the same person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Unique within the group, never reused.
    pub id: u32,
    /// The name or initials as the group writes it.
    pub name: String,
}

/// The key two spellings of one name share: trimmed, lower case, single spaces. "Anne" and
/// " anne" are one member; "Anne" and "Anne B." are not.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// How long the group keeps its meeting records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Retention {
    /// Until the group deletes them itself.
    #[default]
    Keep,
    Months6,
    Months12,
    Months24,
}

impl Retention {
    /// Every choice, in the order a settings screen offers them.
    pub const ALL: [Self; 4] = [Self::Keep, Self::Months6, Self::Months12, Self::Months24];

    /// How many months records are kept, or `None` when they are kept until deleted.
    pub fn months(self) -> Option<u32> {
        match self {
            Self::Keep => None,
            Self::Months6 => Some(6),
            Self::Months12 => Some(12),
            Self::Months24 => Some(24),
        }
    }

    /// The choice in words, for a settings screen or an export.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Keep, Lang::Nl) => "Bewaren tot we het zelf verwijderen",
            (Self::Keep, Lang::En) => "Keep until we delete it ourselves",
            (Self::Keep, Lang::De) => "Aufbewahren, bis wir es selbst löschen",
            (Self::Months6, Lang::Nl) => "6 maanden",
            (Self::Months6, Lang::En) => "6 months",
            (Self::Months6, Lang::De) => "6 Monate",
            (Self::Months12, Lang::Nl) => "12 maanden",
            (Self::Months12, Lang::En) => "12 months",
            (Self::Months12, Lang::De) => "12 Monate",
            (Self::Months24, Lang::Nl) => "24 maanden",
            (Self::Months24, Lang::En) => "24 months",
            (Self::Months24, Lang::De) => "24 Monate",
        }
    }
}

/// What a group has agreed and how it meets. Every field is free text a person writes, except
/// the meeting length and the retention choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupSettings {
    pub format_version: u32,
    /// The group's name as its members call it.
    pub name: String,
    /// The group agreement: confidentiality, presence, what happens with what is shared.
    /// This is the text the members signed.
    pub agreements: String,
    /// e.g. "elke zes weken op dinsdagavond".
    pub meets_how_often: String,
    /// e.g. "bij een van de leden thuis, bij toerbeurt".
    pub meets_where: String,
    /// How long a meeting lasts, in minutes.
    pub meeting_minutes: u32,
    /// Who pays what, e.g. for a room or a supervisor.
    pub costs: String,
    /// How long meeting records are kept.
    pub retention: Retention,
    /// The group's members, in the order they joined. Older files have none: the names in
    /// their records still count (see `History::attendance_hours`).
    pub members: Vec<Member>,
    /// Members take part from their own phones over the room's network: the leader's last
    /// choice for this group, so the next meeting starts with it. Off unless turned on.
    pub phones: bool,
}

impl Default for GroupSettings {
    fn default() -> Self {
        Self {
            format_version: GROUP_FORMAT_VERSION,
            name: "Mijn groep".to_owned(),
            agreements: String::new(),
            meets_how_often: String::new(),
            meets_where: String::new(),
            meeting_minutes: 120,
            costs: String::new(),
            retention: Retention::Keep,
            members: Vec::new(),
            phones: false,
        }
    }
}

impl GroupSettings {
    /// Default settings under another name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// The member with this number.
    pub fn member(&self, id: u32) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The member with this name, spelled any way [`name_key`] counts as the same.
    pub fn member_named(&self, name: &str) -> Option<&Member> {
        let key = name_key(name);
        self.members.iter().find(|m| name_key(&m.name) == key)
    }

    /// Puts a name on the roster once: a name already there gives that member's number, a
    /// new one a new number. Blank names are not added.
    pub fn add_member(&mut self, name: &str) -> Option<u32> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return None;
        }
        if let Some(member) = self.member_named(&name) {
            return Some(member.id);
        }
        let id = self.members.iter().map(|m| m.id + 1).max().unwrap_or(1);
        self.members.push(Member { id, name });
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_missing_fields() {
        let settings = GroupSettings::default();
        assert_eq!(settings.name, "Mijn groep");
        assert_eq!(settings.retention, Retention::Keep);
        assert_eq!(settings.format_version, GROUP_FORMAT_VERSION);

        // A hand-written file with only some fields reads; the rest take their defaults.
        let partial: GroupSettings =
            ron::from_str("(format_version: 1, name: \"Team Noord\", retention: Months12)")
                .expect("partial file reads");
        assert_eq!(partial.name, "Team Noord");
        assert_eq!(partial.retention.months(), Some(12));
        assert_eq!(partial.meeting_minutes, 120);
        assert_eq!(Retention::Keep.months(), None);
        assert!(partial.members.is_empty(), "an older file has no roster");
    }

    /// Issue 12, point 2: a name joins the roster once, whatever its spacing or case.
    #[test]
    fn a_name_joins_the_roster_once() {
        let mut group = GroupSettings::default();
        let an = group.add_member(" An  de Wit ").expect("added");
        assert_eq!(group.add_member("an de wit"), Some(an));
        let bo = group.add_member("Bo").expect("added");
        assert_ne!(an, bo);
        assert_eq!(group.add_member("   "), None);
        assert_eq!(group.members.len(), 2);
        assert_eq!(group.member(an).map(|m| m.name.as_str()), Some("An de Wit"));
        // A removed member's number is not given again while higher numbers exist.
        group.members.retain(|m| m.id != an);
        assert_ne!(group.add_member("Cas"), Some(bo));
        let text = ron::to_string(&group).expect("written");
        let back: GroupSettings = ron::from_str(&text).expect("read");
        assert_eq!(back, group);
    }
}
