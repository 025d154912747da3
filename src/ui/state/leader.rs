//! The leader's own state during a meeting: drafts, switches and the private scratchpad.
//! Lives only in memory; nothing here is ever saved, shown on the wall or exported.

use crate::model::{FollowUp, QuestionFocus, QuestionKind, Who};
pub use crate::ui::command::PrivateThing;

/// Proof that opening something private now does not put it in front of the room by surprise:
/// the group screen has a window of its own, or the leader has just chosen, in a question that
/// says the room sees this window, to show it here. [`LeaderState`] opens private things only
/// against one of these, so no code path can open them on a mirrored projector unasked.
#[derive(Clone, Copy, Debug)]
pub struct PrivateOk(());

impl PrivateOk {
    /// When the group screen has its own window, this window is the leader's alone.
    pub fn room_has_own_window(room_window: bool) -> Option<Self> {
        room_window.then_some(Self(()))
    }

    /// The leader answered "show it here" to the question that says the room sees this
    /// window. Only that answer's command may call this.
    pub fn chosen_by_leader() -> Self {
        Self(())
    }
}

/// What the leader is correcting in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditTarget {
    Problem(u32),
    Question(usize),
    Advice(usize),
    FollowUp(usize),
    Insight(usize),
}

/// A correction in progress: the row's text (and its second line or tags).
#[derive(Clone, Debug)]
pub struct Editing {
    pub target: EditTarget,
    pub text: String,
    /// A problem's line, a follow-up's "when".
    pub second: String,
    pub kind: QuestionKind,
    pub focus: QuestionFocus,
}

impl Editing {
    pub fn new(target: EditTarget, text: &str, second: &str) -> Self {
        Self {
            target,
            text: text.to_owned(),
            second: second.to_owned(),
            kind: QuestionKind::Untagged,
            focus: QuestionFocus::Untagged,
        }
    }
}

/// Drafts and switches of the leader screen. Lives only in memory; the scratchpad text is
/// here and nowhere else.
#[derive(Debug)]
pub struct LeaderState {
    pub scratchpad: String,
    scratchpad_open: bool,
    /// Opened by the phase (not by the leader): closes when the phase is over.
    scratchpad_auto: bool,
    /// The private advice entry: while open, only its field and *hand in* work.
    advice_entry_open: bool,
    /// The phase notes are shown (on one window only after the leader chose so).
    notes_open: bool,
    /// The leader just opened the scratchpad: its field gets the cursor, so what is typed
    /// next goes into it and not into a shortcut.
    pub focus_scratchpad: bool,
    pub name_draft: String,
    pub problem_title: String,
    pub problem_line: String,
    pub problem_owner: Option<String>,
    pub question_text: String,
    pub question_kind: QuestionKind,
    pub question_focus: QuestionFocus,
    pub advice_draft: String,
    /// The row being corrected in place, if any.
    pub editing: Option<Editing>,
    pub advice_thanks: bool,
    /// The name field got the cursor when the setup screen opened.
    pub setup_focused: bool,
    pub subgroup_size: usize,
    pub insight_draft: String,
    pub follow_up: FollowUp,
    /// Whom the follow-up being written names: a member or the group (none: nobody yet).
    pub follow_up_who: Option<Who>,
}

impl Default for LeaderState {
    fn default() -> Self {
        Self {
            scratchpad: String::new(),
            scratchpad_open: false,
            scratchpad_auto: false,
            name_draft: String::new(),
            problem_title: String::new(),
            problem_line: String::new(),
            problem_owner: None,
            question_text: String::new(),
            question_kind: QuestionKind::Untagged,
            question_focus: QuestionFocus::Untagged,
            advice_draft: String::new(),
            editing: None,
            advice_entry_open: false,
            notes_open: false,
            focus_scratchpad: false,
            advice_thanks: false,
            setup_focused: false,
            subgroup_size: 3,
            insight_draft: String::new(),
            follow_up: FollowUp::default(),
            follow_up_who: None,
        }
    }
}

impl LeaderState {
    /// The privacy curtain: private things disappear from the screen at once. An unfinished
    /// piece of advice is dropped, so the next person cannot read it.
    pub fn curtain(&mut self) {
        self.scratchpad_open = false;
        self.scratchpad_auto = false;
        self.advice_entry_open = false;
        self.notes_open = false;
        self.advice_draft.clear();
        self.advice_thanks = false;
    }

    pub fn is_open(&self, thing: PrivateThing) -> bool {
        match thing {
            PrivateThing::Scratchpad => self.scratchpad_open,
            PrivateThing::AdviceEntry => self.advice_entry_open,
            PrivateThing::Notes => self.notes_open,
        }
    }

    /// Opens something private; `auto` marks a scratchpad opened by the phase, which closes
    /// again when the phase is over.
    pub fn open(&mut self, thing: PrivateThing, _ok: PrivateOk, auto: bool) {
        match thing {
            PrivateThing::Scratchpad => {
                self.scratchpad_open = true;
                self.scratchpad_auto = auto;
                self.focus_scratchpad = !auto;
            }
            PrivateThing::AdviceEntry => {
                self.advice_entry_open = true;
                self.advice_thanks = false;
                self.advice_draft.clear();
            }
            PrivateThing::Notes => self.notes_open = true,
        }
    }

    pub fn close_scratchpad(&mut self) {
        self.scratchpad_open = false;
        self.scratchpad_auto = false;
    }

    /// A new phase: a scratchpad the previous phase opened by itself closes.
    pub fn phase_changed(&mut self) {
        self.editing = None;
        if self.scratchpad_auto {
            self.close_scratchpad();
        }
    }
}
