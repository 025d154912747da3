//! The page's sentences, in the meeting's language, from the one book of sentences. The page
//! gets them as JSON and puts them in with `textContent`, never as markup.

use serde_json::{Value, json};

use crate::i18n::Strings;

use super::limits::{ADVICE_LIMIT_CHARS, LINE_LIMIT_CHARS, MAX_DEVICES};

pub fn page_texts(s: &Strings) -> Value {
    json!({
        "app_name": s.app_name,
        "ring_run": s.ring_run,
        "ring_paused": s.ring_paused,
        "break_title": s.break_title,
        "problem_title": s.phone_problem_title,
        "problem_line": s.phone_problem_line,
        "problem_send": s.phone_problem_send,
        "problem_sent": s.phone_problem_sent,
        "dots_left_one": s.phone_dots_left.one,
        "dots_left_other": s.phone_dots_left.other,
        "dot_give": s.phone_dot_give,
        "dot_take": s.phone_dot_take,
        "scratch_title": s.phone_scratch_title,
        "scratch_hint": s.phone_scratch_hint,
        "scratch_clear": s.phone_scratch_clear,
        "advice_label": s.phone_advice_label,
        "advice_hint": s.phone_advice_hint,
        "advice_send": s.phone_advice_send,
        "advice_in": s.phone_advice_in,
        "revealed": s.phone_revealed,
        "nothing": s.phone_nothing,
        "closed_title": s.phone_closed_title,
        "closed_text": s.phone_closed_text,
        "full": crate::i18n::fill(s.phone_full, &[("max", &MAX_DEVICES)]),
        "too_fast": s.phone_too_fast,
        "offline": s.phone_offline,
        "too_long": s.phone_too_long,
        "not_now": s.phone_not_now,
        "line_limit": LINE_LIMIT_CHARS,
        "advice_limit": ADVICE_LIMIT_CHARS,
    })
}
