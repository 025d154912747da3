//! Who was at a meeting and for how long: the part of a record the leader may correct after
//! the meeting (someone came late or left early, a forgotten member, the real start and end,
//! who led).

use std::collections::BTreeMap;

use super::{MeetingRecord, Who};

/// The attendance of one meeting as its record holds it. The history's correction writes
/// exactly these fields back, and only when the file still has what was shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendanceFields {
    pub started_at_ms: i64,
    pub ended_at_ms: i64,
    pub started_local: String,
    pub present: Vec<String>,
    pub who_is: BTreeMap<String, Who>,
    pub present_count: u32,
    pub inbrenger: Option<String>,
    pub leader: Option<String>,
    pub co_leader: Option<String>,
    pub came_late: BTreeMap<String, u32>,
    pub left_early: BTreeMap<String, u32>,
}

impl AttendanceFields {
    /// The attendance in `record`.
    pub fn of(record: &MeetingRecord) -> Self {
        let c = &record.content;
        Self {
            started_at_ms: record.started_at_ms,
            ended_at_ms: record.ended_at_ms,
            started_local: record.started_local.clone(),
            present: c.present.clone(),
            who_is: c.who_is.clone(),
            present_count: c.present_count,
            inbrenger: c.inbrenger.clone(),
            leader: c.leader.clone(),
            co_leader: c.co_leader.clone(),
            came_late: c.came_late.clone(),
            left_early: c.left_early.clone(),
        }
    }

    /// Puts this attendance into `record`; the rest of the record stays as it is. Late and
    /// early minutes of names no longer present are dropped.
    pub fn apply_to(self, record: &mut MeetingRecord) {
        let present = self.present;
        let keep = |map: BTreeMap<String, u32>| -> BTreeMap<String, u32> {
            map.into_iter()
                .filter(|(name, minutes)| *minutes > 0 && present.contains(name))
                .collect()
        };
        let came_late = keep(self.came_late);
        let left_early = keep(self.left_early);
        record.started_at_ms = self.started_at_ms;
        record.ended_at_ms = self.ended_at_ms;
        record.started_local = self.started_local;
        let c = &mut record.content;
        c.present = present;
        c.who_is = self.who_is;
        c.present_count = self.present_count;
        c.inbrenger = self.inbrenger;
        c.leader = self.leader;
        c.co_leader = self.co_leader;
        c.came_late = came_late;
        c.left_early = left_early;
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::{date, time};

    use super::*;
    use crate::model::{Lead, MeetingContent, Parts, RECORD_FORMAT_VERSION, Text};

    fn record() -> MeetingRecord {
        MeetingRecord {
            format_version: RECORD_FORMAT_VERSION,
            protocol_id: "balint-9-fasen".into(),
            protocol_version: 1,
            protocol_name: Text::default(),
            parts: Parts::default(),
            // 2026-12-02 19:30 in the Netherlands (UTC+1).
            started_at_ms: 1_796_236_200_000,
            ended_at_ms: 1_796_236_200_000 + 120 * 60_000,
            started_local: "2026-12-02 19:30".into(),
            ended_early: false,
            planned_minutes: 120,
            phases: Vec::new(),
            breaks: Vec::new(),
            content: MeetingContent::default(),
        }
    }

    /// Issue 14, point 1: the real start and end are corrected in local time; the instants
    /// move with them, and an end past midnight is the next day's.
    #[test]
    fn the_real_start_and_end_are_corrected() {
        let mut r = record();
        assert_eq!(r.local_start(), Some(date(2026, 12, 2).at(19, 30, 0, 0)));
        assert_eq!(r.local_end(), Some(date(2026, 12, 2).at(21, 30, 0, 0)));
        assert!(r.set_local_times(date(2026, 12, 2).at(19, 45, 0, 0), time(21, 15, 0, 0)));
        assert_eq!(r.started_local, "2026-12-02 19:45");
        assert_eq!(r.started_at_ms, 1_796_236_200_000 + 15 * 60_000);
        assert_eq!(r.duration_minutes(), 90);
        assert!(r.set_local_times(date(2026, 12, 3).at(23, 0, 0, 0), time(0, 30, 0, 0)));
        assert_eq!(r.duration_minutes(), 90, "past midnight");
        assert_eq!(r.started_local, "2026-12-03 23:00");
        r.started_local = "garbled".into();
        assert!(!r.set_local_times(date(2026, 12, 2).at(19, 0, 0, 0), time(21, 0, 0, 0)));
    }

    /// Issue 14, point 1: late and early minutes come off a member's time, never below zero;
    /// one person holds one lead role.
    #[test]
    fn late_and_early_minutes_and_roles() {
        let mut r = record();
        let c = &mut r.content;
        c.set_member_present(1, "An", true);
        c.set_member_present(2, "Bo", true);
        c.came_late.insert("An".into(), 20);
        c.left_early.insert("An".into(), 10);
        assert_eq!(c.minutes_attended("An", 120), 90);
        assert_eq!(c.minutes_attended("Bo", 120), 120);
        c.came_late.insert("Bo".into(), 500);
        assert_eq!(c.minutes_attended("Bo", 120), 0);
        c.set_lead(Lead::Leader, Some((1, "An")));
        c.set_lead(Lead::CoLeader, Some((2, "Bo")));
        assert_eq!(c.lead(Lead::Leader), Some("An"));
        c.set_lead(Lead::CoLeader, Some((1, "An")));
        assert_eq!(c.lead(Lead::CoLeader), Some("An"));
        assert_eq!(c.lead(Lead::Leader), None, "An cannot hold both roles");
        assert_eq!(c.member_of("An"), Some(1));

        // The correction carries over only the attendance, and drops minutes of names gone.
        let mut fields = AttendanceFields::of(&r);
        fields.present.retain(|n| n != "Bo");
        let mut other = record();
        other.content.decision = "kept".into();
        fields.apply_to(&mut other);
        assert_eq!(other.content.present, ["An"]);
        assert_eq!(other.content.decision, "kept");
        assert!(!other.content.came_late.contains_key("Bo"));
        assert_eq!(other.content.came_late.get("An"), Some(&20));
    }

    /// Issue 14, point 1: a format 2 record (no leader, no minutes) still loads.
    #[test]
    fn an_older_record_has_no_leader_and_no_minutes() {
        let r = record();
        let mut text = ron::to_string(&r).expect("written");
        text = text.replace("format_version:3", "format_version:2");
        for field in [
            "leader:None",
            "co_leader:None",
            "came_late:{}",
            "left_early:{}",
        ] {
            assert!(text.contains(field), "{field} in {text}");
            text = text.replace(&format!(",{field}"), "");
        }
        let back = crate::store::parse_record(&text).expect("format 2 reads");
        assert_eq!(back.format_version, RECORD_FORMAT_VERSION);
        assert_eq!(back.content.leader, None);
        assert!(back.content.came_late.is_empty());
    }
}
