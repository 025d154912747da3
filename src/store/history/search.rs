//! Searching the history: the search index kept per meeting (texts as written and folded),
//! [`History::search`] over it, and the snippet shown around a match.

use crate::model::MeetingRecord;

use super::History;
use super::fold::{fold_char, fold_for_search, fold_into};

/// Where in a meeting a search matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HitField {
    /// The title of the chosen problem (the case the group worked on).
    CaseTitle,
    /// The case's question, or a question asked while forming an image.
    Question,
    /// A piece of advice.
    Advice,
    /// The inbrenger's decision.
    Decision,
    /// A key word or insight.
    Insight,
    /// A follow-up step (what, or who takes it).
    FollowUp,
    /// A problem that was brought in (not the chosen one's title).
    Problem,
    /// A phase note.
    Note,
}

/// One meeting that matches a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// The meeting's index in [`History::summaries`].
    pub index: usize,
    /// Where the first match is.
    pub field: HitField,
    /// The text around the first match, on one line; `…` where it was cut.
    pub snippet: String,
}

/// One searchable text of a meeting: where it starts in [`SearchIndex::text`] and in
/// [`SearchIndex::folded`].
#[derive(Clone, Copy, Debug)]
struct Segment {
    text_start: u32,
    folded_start: u32,
    field: HitField,
}

/// The searchable texts of one meeting, as written (for snippets) and folded (to search),
/// each followed by `\n`. Folding turns every other whitespace into a space, so a query word
/// never spans two texts.
#[derive(Clone, Debug, Default)]
pub(super) struct SearchIndex {
    pub(super) text: String,
    pub(super) folded: String,
    segments: Vec<Segment>,
}

impl SearchIndex {
    /// The texts of the record that can be searched, the case first (a match there makes the
    /// best snippet). Nothing else: not the protocol, not phase titles, not names present.
    pub(super) fn build(record: &MeetingRecord) -> Self {
        let content = &record.content;
        let mut index = Self::default();
        let chosen = content
            .chosen_problem
            .and_then(|id| content.problems.iter().position(|p| p.id == id));
        if let Some(problem) = chosen.and_then(|i| content.problems.get(i)) {
            index.push(HitField::CaseTitle, &problem.title);
        }
        index.push(
            HitField::Question,
            content.inbrenger_question().unwrap_or_default(),
        );
        for (i, problem) in content.problems.iter().enumerate() {
            if Some(i) != chosen {
                index.push(HitField::Problem, &problem.title);
                index.push(
                    HitField::Problem,
                    problem.question.as_deref().unwrap_or_default(),
                );
            }
            index.push(HitField::Problem, &problem.line);
        }
        for question in &content.questions {
            index.push(HitField::Question, &question.text);
        }
        for advice in content.advice.items() {
            index.push(HitField::Advice, &advice.text);
        }
        index.push(HitField::Decision, &content.decision);
        for step in &content.follow_ups {
            index.push(HitField::FollowUp, &step.what);
            index.push(HitField::FollowUp, &step.who);
        }
        for insight in &content.insights {
            index.push(HitField::Insight, insight);
        }
        for note in content.notes.values() {
            index.push(HitField::Note, note);
        }
        index.text.shrink_to_fit();
        index.folded.shrink_to_fit();
        index.segments.shrink_to_fit();
        index
    }

    fn push(&mut self, field: HitField, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let (Ok(text_start), Ok(folded_start)) = (
            u32::try_from(self.text.len()),
            u32::try_from(self.folded.len()),
        ) else {
            return; // Beyond 4 GB of text in one meeting: not searchable, not a crash.
        };
        self.segments.push(Segment {
            text_start,
            folded_start,
            field,
        });
        self.text.push_str(text);
        self.text.push('\n');
        fold_into(text, &mut self.folded);
        self.folded.push('\n');
    }

    /// The segment holding folded byte offset `at`, and its text as written.
    fn segment_at(&self, at: usize) -> Option<(&Segment, &str)> {
        let i = self
            .segments
            .partition_point(|s| s.folded_start as usize <= at)
            .checked_sub(1)?;
        let segment = self.segments.get(i)?;
        let end = self
            .segments
            .get(i + 1)
            .map_or(self.text.len(), |next| next.text_start as usize)
            .saturating_sub(1);
        Some((segment, self.text.get(segment.text_start as usize..end)?))
    }
}

/// How much text a snippet shows before and after the match, in characters.
const SNIPPET_BEFORE_CHARS: usize = 40;
const SNIPPET_AFTER_CHARS: usize = 80;

/// The original `text` around the match that starts at byte `folded_at` of its folded form,
/// on one line, cut at words, with `…` where text was left out.
pub(super) fn snippet(text: &str, folded_at: usize) -> String {
    // Walk the original and its folding together to find the character the match starts at.
    let chars: Vec<char> = text.chars().collect();
    let mut folded_len = 0;
    let mut start_char = chars.len();
    let mut buf = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if folded_len >= folded_at {
            start_char = i;
            break;
        }
        buf.clear();
        fold_char(c, &mut buf);
        folded_len += buf.len();
    }
    let mut from = start_char.saturating_sub(SNIPPET_BEFORE_CHARS);
    let mut to = (start_char + SNIPPET_AFTER_CHARS).min(chars.len());
    // Cut at whitespace, unless that would leave out the whole window.
    if from > 0
        && let Some(space) = chars[from..start_char]
            .iter()
            .position(|c| c.is_whitespace())
    {
        from += space + 1;
    }
    if to < chars.len()
        && let Some(space) = chars[start_char..to]
            .iter()
            .rposition(|c| c.is_whitespace())
        && space > 0
    {
        to = start_char + space;
    }
    let middle: String = chars[from..to].iter().collect();
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&middle.split_whitespace().collect::<Vec<_>>().join(" "));
    if to < chars.len() {
        out.push('…');
    }
    out
}

impl History {
    /// The meetings in which every word of `query` occurs (in any of the texts listed in
    /// [`HitField`]), newest first, one hit per meeting at the first match of any word.
    /// Case and accents do not matter ("Cliënt" finds "client"); a word matches inside longer
    /// words ("grens" finds "grensgeval"). A blank query finds nothing.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let folded = fold_for_search(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for (index, meeting) in self.meetings.iter().enumerate() {
            let folded = &meeting.index.folded;
            // `contains` has a vectorised path that `find` lacks: most meetings are ruled
            // out by it, and only the matching ones are searched again for the position.
            if !words.iter().all(|word| folded.contains(word)) {
                continue;
            }
            let first = words
                .iter()
                .filter_map(|word| folded.find(word))
                .min()
                .unwrap_or_default();
            if let Some((segment, text)) = meeting.index.segment_at(first) {
                hits.push(SearchHit {
                    index,
                    field: segment.field,
                    snippet: snippet(text, first - segment.folded_start as usize),
                });
            }
        }
        hits
    }
}
