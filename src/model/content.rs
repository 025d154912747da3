//! What the group produces during a meeting: who is there, the problems, the questions, the
//! advice, the decision, notes and insights.
//!
//! This is shared material: it goes into the meeting record. The private scratchpad is not
//! here and has no place here; it lives only in the leader screen's memory.

use std::collections::BTreeMap;

use rand::Rng;
use rand::seq::SliceRandom as _;
use serde::{Deserialize, Serialize};

/// The group size the method works best with; above it the leader is shown what helps.
pub const IDEAL_GROUP_MAX: usize = 12;

/// A problem (work question) a member brings in phase 1.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Problem {
    /// Stable within the meeting; votes and the choice refer to it.
    pub id: u32,
    pub title: String,
    /// One line that says what it is about.
    pub line: String,
    /// Who brings it (a name or initials from those present), if the leader noted it.
    pub owner: Option<String>,
    /// Dots the group gave it when voting.
    pub votes: u32,
    /// The question of a prepared case, when the problem came from a case file.
    pub question: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    Open,
    Closed,
    /// A question that hides advice or an opinion ("Have you thought of ...?").
    Suggestive,
    /// Not tagged (yet): every new question starts so, the leader tags it when there is time.
    Untagged,
}

/// What a question is about: the facts (the visible "upper current") or the experience,
/// feelings and beliefs below it (the "under current").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionFocus {
    Facts,
    Experience,
    /// Not tagged (yet).
    Untagged,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub text: String,
    pub kind: QuestionKind,
    pub focus: QuestionFocus,
}

/// How the inbrenger takes a piece of advice, in the decision phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdviceMark {
    WillUse,
    Maybe,
    NotNow,
}

/// One piece of advice. It has no author, no time and no entry number, by design.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advice {
    pub text: String,
    pub mark: Option<AdviceMark>,
}

/// The anonymous advice board. Each new piece goes in at a random place, and revealing
/// shuffles again, so neither the stored nor the shown order follows the order of entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AdviceBoard {
    items: Vec<Advice>,
    pub revealed: bool,
}

impl AdviceBoard {
    /// Adds a piece of advice at a random position. Blank text is ignored.
    pub fn add(&mut self, text: &str, rng: &mut impl Rng) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        let at = rng.random_range(0..=self.items.len());
        self.items.insert(
            at,
            Advice {
                text: text.to_owned(),
                mark: None,
            },
        );
        true
    }

    /// Shows everything at once, in a fresh random order.
    pub fn reveal(&mut self, rng: &mut impl Rng) {
        self.items.shuffle(rng);
        self.revealed = true;
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn items(&self) -> &[Advice] {
        &self.items
    }

    /// Corrects a piece of advice; its place and the inbrenger's mark stay. An empty text
    /// changes nothing (removing is its own action).
    pub fn set_text(&mut self, index: usize, text: &str) {
        let text = text.trim();
        if let Some(item) = self.items.get_mut(index)
            && !text.is_empty()
        {
            item.text = text.to_owned();
        }
    }

    pub fn set_mark(&mut self, index: usize, mark: Option<AdviceMark>) {
        if let Some(item) = self.items.get_mut(index) {
            item.mark = mark;
        }
    }

    pub fn remove(&mut self, index: usize) {
        if index < self.items.len() {
            self.items.remove(index);
        }
    }
}

/// A step the inbrenger (or someone else) takes after the meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUp {
    pub what: String,
    pub who: String,
    /// Free text: a date or "next meeting".
    pub by_when: String,
    pub done: bool,
}

/// Who a name in a meeting record is: a member on the group's roster, or the group itself (a
/// follow-up step for everyone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Who {
    Member(u32),
    Group,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingContent {
    /// Names or initials of those present, as they were written that day (ticked from the
    /// group's roster; older records: typed by the leader).
    pub present: Vec<String>,
    /// Who the names in this record are (those present, the inbrenger, a follow-up's "who"):
    /// the member's number on the roster, or the group. Older records have none; their names
    /// are text only.
    pub who_is: BTreeMap<String, Who>,
    /// How many are present when no names were entered.
    pub present_count: u32,
    /// Whether the room display may show names (off: roles and counts only).
    pub names_on_wall: bool,
    pub problems: Vec<Problem>,
    pub chosen_problem: Option<u32>,
    pub inbrenger: Option<String>,
    /// The inbrenger's question, as written down from the problem statement on: the thing
    /// the whole meeting works on. Starts from the chosen case's question, if it had one.
    pub question: String,
    /// Dots each member may give when the group votes.
    pub dots_per_member: u32,
    pub questions: Vec<Question>,
    /// How often the leader noted advice given during image forming, before its time.
    pub early_advice: u32,
    /// The form of the judgement phase (a variant id of the protocol's phase).
    pub advice_form: Option<String>,
    pub advice: AdviceBoard,
    /// Pieces of advice the leader expects beyond one per member (a second idea, a guest).
    pub advice_extra: u32,
    pub subgroups: Vec<Vec<String>>,
    pub decision: String,
    pub follow_ups: Vec<FollowUp>,
    /// Notes per phase id.
    pub notes: BTreeMap<String, String>,
    /// Key words and insights: the digital flip-over.
    pub insights: Vec<String>,
    pub insights_on_wall: bool,
    /// Who led the meeting: a name from the roster, linked in `who_is`. Older records: none.
    pub leader: Option<String>,
    /// Who co-led it, if anyone (English-language Balint groups often have two leaders).
    pub co_leader: Option<String>,
    /// Minutes a name present came after the start, as the leader noted or corrected it.
    pub came_late: BTreeMap<String, u32>,
    /// Minutes a name present left before the end.
    pub left_early: BTreeMap<String, u32>,
}

/// A role in leading the meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lead {
    Leader,
    CoLeader,
}

impl Default for MeetingContent {
    fn default() -> Self {
        Self {
            present: Vec::new(),
            who_is: BTreeMap::new(),
            present_count: 0,
            names_on_wall: false,
            problems: Vec::new(),
            chosen_problem: None,
            inbrenger: None,
            question: String::new(),
            dots_per_member: 3,
            questions: Vec::new(),
            early_advice: 0,
            advice_form: None,
            advice: AdviceBoard::default(),
            advice_extra: 0,
            subgroups: Vec::new(),
            decision: String::new(),
            follow_ups: Vec::new(),
            notes: BTreeMap::new(),
            insights: Vec::new(),
            insights_on_wall: false,
            leader: None,
            co_leader: None,
            came_late: BTreeMap::new(),
            left_early: BTreeMap::new(),
        }
    }
}

impl MeetingContent {
    /// How many are present: the names, or the count when no names were entered.
    pub fn group_size(&self) -> usize {
        if self.present.is_empty() {
            self.present_count as usize
        } else {
            self.present.len()
        }
    }

    pub fn is_large_group(&self) -> bool {
        self.group_size() > IDEAL_GROUP_MAX
    }

    /// Adds a name; blank names and names already present are ignored.
    pub fn add_present(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || self.present.iter().any(|p| p == name) {
            return false;
        }
        self.present.push(name.to_owned());
        true
    }

    pub fn remove_present(&mut self, index: usize) {
        if index < self.present.len() {
            let name = self.present.remove(index);
            if self.inbrenger.as_deref() == Some(name.as_str()) {
                self.inbrenger = None;
            }
            if !self.follow_ups.iter().any(|f| f.who == name) {
                self.who_is.remove(&name);
            }
        }
    }

    /// Ticks (or unticks) a member of the roster as present, under the name the roster
    /// gives them.
    pub fn set_member_present(&mut self, id: u32, name: &str, present: bool) {
        let name = name.trim();
        if present {
            if name.is_empty() {
                return;
            }
            self.add_present(name);
            self.who_is.insert(name.to_owned(), Who::Member(id));
        } else if let Some(index) = self
            .present
            .iter()
            .position(|p| p == name || self.who_is.get(p.as_str()) == Some(&Who::Member(id)))
        {
            self.remove_present(index);
        }
    }

    /// Who has the role `lead` (a name), if anyone.
    pub fn lead(&self, lead: Lead) -> Option<&str> {
        match lead {
            Lead::Leader => self.leader.as_deref(),
            Lead::CoLeader => self.co_leader.as_deref(),
        }
    }

    /// Gives the role `lead` to a member of the roster (`None`: to nobody). One person holds
    /// one role: the leader chosen as co-leader is no longer the leader, and the other way.
    pub fn set_lead(&mut self, lead: Lead, member: Option<(u32, &str)>) {
        let name = member
            .map(|(id, name)| (id, name.trim()))
            .filter(|(_, name)| !name.is_empty());
        let (slot, other) = match lead {
            Lead::Leader => (&mut self.leader, &mut self.co_leader),
            Lead::CoLeader => (&mut self.co_leader, &mut self.leader),
        };
        *slot = name.map(|(_, name)| name.to_owned());
        if other.is_some() && *other == *slot {
            *other = None;
        }
        if let Some((id, name)) = name {
            self.who_is.insert(name.to_owned(), Who::Member(id));
        }
    }

    /// Minutes `name` was there of a meeting of `minutes`: less what they came late and left
    /// early, never below zero.
    pub fn minutes_attended(&self, name: &str, minutes: i64) -> i64 {
        let late = self.came_late.get(name).copied().unwrap_or(0);
        let early = self.left_early.get(name).copied().unwrap_or(0);
        (minutes - i64::from(late) - i64::from(early)).max(0)
    }

    /// The roster member a name in this record stands for, if the record says so.
    pub fn member_of(&self, name: &str) -> Option<u32> {
        match self.who_is.get(name.trim()) {
            Some(Who::Member(id)) => Some(*id),
            _ => None,
        }
    }

    pub fn add_problem(&mut self, title: &str, line: &str, owner: Option<String>) -> Option<u32> {
        let title = title.trim();
        if title.is_empty() {
            return None;
        }
        let id = self.problems.iter().map(|p| p.id + 1).max().unwrap_or(1);
        self.problems.push(Problem {
            id,
            title: title.to_owned(),
            line: line.trim().to_owned(),
            owner: owner.filter(|o| !o.trim().is_empty()),
            votes: 0,
            question: None,
        });
        Some(id)
    }

    pub fn problem(&self, id: u32) -> Option<&Problem> {
        self.problems.iter().find(|p| p.id == id)
    }

    /// The inbrenger's question: as written down in the meeting, else the chosen case's own.
    pub fn inbrenger_question(&self) -> Option<&str> {
        Some(self.question.trim())
            .filter(|q| !q.is_empty())
            .or_else(|| {
                self.chosen()
                    .and_then(|p| p.question.as_deref())
                    .map(str::trim)
                    .filter(|q| !q.is_empty())
            })
    }

    pub fn chosen(&self) -> Option<&Problem> {
        self.chosen_problem.and_then(|id| self.problem(id))
    }

    /// Dots the group may hand out in all.
    pub fn dots_available(&self) -> u32 {
        self.group_size() as u32 * self.dots_per_member
    }

    pub fn dots_used(&self) -> u32 {
        self.problems.iter().map(|p| p.votes).sum()
    }

    /// Gives (`delta` > 0) or takes back a dot. Never below zero, never more than the group
    /// has (when the group size is known).
    pub fn vote(&mut self, id: u32, delta: i32) {
        let available = self.dots_available();
        let used = self.dots_used();
        if let Some(problem) = self.problems.iter_mut().find(|p| p.id == id) {
            if delta > 0 && available > 0 && used >= available {
                return;
            }
            problem.votes = problem.votes.saturating_add_signed(delta);
        }
    }

    /// The problems with the most dots (several on a tie; none when nobody voted).
    pub fn vote_leaders(&self) -> Vec<u32> {
        let top = self.problems.iter().map(|p| p.votes).max().unwrap_or(0);
        if top == 0 {
            return Vec::new();
        }
        self.problems
            .iter()
            .filter(|p| p.votes == top)
            .map(|p| p.id)
            .collect()
    }

    /// Chooses the problem to work on; its owner becomes the inbrenger.
    pub fn choose(&mut self, id: u32) {
        if let Some(problem) = self.problem(id) {
            let owner = problem.owner.clone();
            self.chosen_problem = Some(id);
            if owner.is_some() {
                self.inbrenger = owner;
            }
        }
    }

    /// Splits those present (the inbrenger listens and is left out) into random subgroups of
    /// about `size`. With no names, numbered places stand in for people.
    pub fn make_subgroups(&mut self, size: usize, rng: &mut impl Rng) {
        let size = size.max(2);
        let mut people: Vec<String> = if self.present.is_empty() {
            (1..=self.group_size()).map(|n| n.to_string()).collect()
        } else {
            self.present
                .iter()
                .filter(|p| Some(p.as_str()) != self.inbrenger.as_deref())
                .cloned()
                .collect()
        };
        people.shuffle(rng);
        let groups = people.len().div_ceil(size).max(1);
        let mut subgroups = vec![Vec::new(); groups];
        for (i, person) in people.into_iter().enumerate() {
            subgroups[i % groups].push(person);
        }
        self.subgroups = subgroups.into_iter().filter(|g| !g.is_empty()).collect();
    }

    /// How many pieces of advice to expect in the write-then-tell form: everyone but the
    /// inbrenger (unknown group size: none).
    /// The leader can raise it ([`Self::advice_extra`]).
    pub fn advice_expected(&self) -> usize {
        let size = self.group_size();
        let base = if !self.subgroups.is_empty() {
            self.subgroups.len()
        } else if self.inbrenger.is_some() || size > 0 {
            size.saturating_sub(1)
        } else {
            0
        };
        base.saturating_add(self.advice_extra as usize)
    }

    /// Every piece of advice expected is in: the private entry takes no more until the leader
    /// raises the number.
    pub fn advice_full(&self) -> bool {
        let expected = self.advice_expected();
        expected > 0 && self.advice.len() >= expected
    }

    /// A member's advice from the private entry; `false` (and nothing added) when every piece
    /// expected is in already, so the count never reads "5 of 4".
    pub fn submit_private_advice(&mut self, text: &str, rng: &mut impl Rng) -> bool {
        if self.advice_full() || text.trim().is_empty() {
            return false;
        }
        self.advice.add(text, rng);
        true
    }

    /// Advice given aloud and typed by the leader: past the number expected, the number goes
    /// up with it.
    pub fn add_oral_advice(&mut self, text: &str, rng: &mut impl Rng) {
        if text.trim().is_empty() {
            return;
        }
        if self.advice_full() {
            self.advice_extra = self.advice_extra.saturating_add(1);
        }
        self.advice.add(text, rng);
    }

    pub fn question_count(&self, kind: QuestionKind) -> usize {
        self.questions.iter().filter(|q| q.kind == kind).count()
    }

    pub fn focus_count(&self, focus: QuestionFocus) -> usize {
        self.questions.iter().filter(|q| q.focus == focus).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_voting_and_choice() {
        let mut content = MeetingContent::default();
        for name in ["An", "Bo", "Cas", "An", "  "] {
            content.add_present(name);
        }
        assert_eq!(content.present, ["An", "Bo", "Cas"]);
        assert_eq!(content.dots_available(), 9);
        let a = content
            .add_problem("Agressie", "", Some("Bo".into()))
            .expect("a");
        let b = content.add_problem("Grenzen", "", None).expect("b");
        assert_eq!(content.add_problem("  ", "", None), None);
        for _ in 0..5 {
            content.vote(a, 1);
        }
        for _ in 0..6 {
            content.vote(b, 1); // only 4 dots are left
        }
        assert_eq!(
            (
                content.problem(a).map(|p| p.votes),
                content.problem(b).map(|p| p.votes)
            ),
            (Some(5), Some(4))
        );
        content.vote(b, -1);
        content.vote(b, -9);
        assert_eq!(content.problem(b).map(|p| p.votes), Some(0));
        assert_eq!(content.vote_leaders(), [a]);
        content.choose(a);
        assert_eq!(content.inbrenger.as_deref(), Some("Bo"));
        content.remove_present(1);
        assert_eq!(
            content.inbrenger, None,
            "a removed inbrenger is no longer the inbrenger"
        );
    }

    #[test]
    fn subgroups_cover_everyone_but_the_inbrenger_once() {
        let mut content = MeetingContent::default();
        for name in ["A", "B", "C", "D", "E", "F", "G"] {
            content.add_present(name);
        }
        content.inbrenger = Some("D".into());
        content.make_subgroups(3, &mut rand::rng());
        let mut everyone: Vec<String> = content.subgroups.concat();
        everyone.sort();
        assert_eq!(everyone, ["A", "B", "C", "E", "F", "G"]);
        assert_eq!(content.subgroups.len(), 2);
        assert_eq!(content.advice_expected(), 2);
    }
}
