//! The page's sentences, in the meeting's language, from the one book of sentences. The page
//! gets them as JSON and puts them in with `textContent`, never as markup.

use serde_json::{Value, json};

use crate::i18n::{PhoneStrings, Strings};

use super::limits::{ADVICE_LIMIT_CHARS, LINE_LIMIT_CHARS, MAX_DEVICES};

pub fn page_texts(s: &Strings, p: &PhoneStrings) -> Value {
    json!({
        "app_name": s.app_name,
        "ring_run": s.ring_run,
        "ring_paused": s.ring_paused,
        "break_title": s.break_title,
        "problem_title": p.phone_problem_title,
        "problem_line": p.phone_problem_line,
        "problem_send": p.phone_problem_send,
        "problem_sent": p.phone_problem_sent,
        "dots_left_one": p.phone_dots_left.one,
        "dots_left_other": p.phone_dots_left.other,
        "dots_none": p.phone_dots_none,
        "dot_give": p.phone_dot_give,
        "dot_take": p.phone_dot_take,
        "scratch_title": p.phone_scratch_title,
        "scratch_hint": p.phone_scratch_hint,
        "scratch_clear": p.phone_scratch_clear,
        "advice_label": p.phone_advice_label,
        "advice_hint": p.phone_advice_hint,
        "advice_send": p.phone_advice_send,
        "advice_in": p.phone_advice_in,
        "revealed": p.phone_revealed,
        "nothing": p.phone_nothing,
        "closed_title": p.phone_closed_title,
        "closed_text": p.phone_closed_text,
        "full": crate::i18n::fill(p.phone_full, &[("max", &MAX_DEVICES)]),
        "too_fast": p.phone_too_fast,
        "offline": p.phone_offline,
        "too_long": p.phone_too_long,
        "not_now": p.phone_not_now,
        "line_limit": LINE_LIMIT_CHARS,
        "advice_limit": ADVICE_LIMIT_CHARS,
    })
}
