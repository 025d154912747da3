//! Protocol-check problems put into words: what is wrong, naming the protocol's field as its
//! author writes it (`planned_minutes` of phase 3 "Beeldvorming"), and what to change. Never
//! the parser's or Rust's type names.

use super::{fill, strings};
use crate::model::{
    Lang, MAX_PHASE_MINUTES, MinutesField, PhaseRef, ProtocolIssue, ProtocolProblem,
};

/// A protocol problem as the line `kring check` prints and the home screen lists:
/// `file:line:col: message`, the message in `lang`.
/// A warning says so first: `file:line:col: warning: message`.
pub fn protocol_issue(lang: Lang, issue: &ProtocolIssue) -> String {
    let message = protocol_problem(lang, &issue.problem);
    let message = if issue.problem.is_warning() {
        fill(strings(lang).protocol_warning, &[("message", &message)])
    } else {
        message
    };
    format!("{}:{}:{}: {message}", issue.file, issue.line, issue.col)
}

/// What is wrong and what to change, in `lang`.
pub fn protocol_problem(lang: Lang, problem: &ProtocolProblem) -> String {
    use ProtocolProblem as P;
    let s = strings(lang);
    let phase = |phase: &PhaseRef| phase_name(lang, phase);
    let place = |phase: &Option<usize>| match phase {
        Some(n) => fill(s.protocol_phase, &[("n", n)]),
        None => s.protocol_place_top.to_owned(),
    };
    let fields = |known: &[String]| {
        known
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let with_os = |sentence: &str, os: &str| format!("{sentence} ({os})");
    match problem {
        P::FolderUnreadable { os } => with_os(s.protocol_folder_unreadable, os),
        P::Unreadable { os } => with_os(s.protocol_unreadable, os),
        P::NotText => s.protocol_not_text.to_owned(),
        P::NewerFormat { found, current } => {
            fill(s.protocol_newer, &[("found", found), ("current", current)])
        }
        P::IdTaken { id, other } => fill(s.protocol_id_taken, &[("id", id), ("other", other)]),
        P::EndsEarly => s.protocol_ends_early.to_owned(),
        P::MissingComma => s.protocol_missing_comma.to_owned(),
        P::MissingClose { bracket } => fill(s.protocol_missing_close, &[("bracket", bracket)]),
        P::MissingOpen { bracket } => fill(s.protocol_missing_open, &[("bracket", bracket)]),
        P::MissingColon => s.protocol_missing_colon.to_owned(),
        P::UnclosedText => s.protocol_unclosed_text.to_owned(),
        P::ExpectedText => s.protocol_expected_text.to_owned(),
        P::ExpectedNumber => s.protocol_expected_number.to_owned(),
        P::ExpectedYesNo => s.protocol_expected_yes_no.to_owned(),
        P::ExpectedFieldName => s.protocol_expected_field_name.to_owned(),
        P::UnknownName { found, known } => fill(
            s.protocol_unknown_name,
            &[("found", found), ("known", &known.join(", "))],
        ),
        P::UnknownField {
            field,
            known,
            phase,
        } => fill(
            s.protocol_unknown_field,
            &[
                ("field", field),
                ("place", &place(phase)),
                ("known", &fields(known)),
            ],
        ),
        P::MissingField { field, phase } => fill(
            s.protocol_missing_field,
            &[("field", field), ("place", &place(phase))],
        ),
        P::DuplicateField { field, phase } => fill(
            s.protocol_duplicate_field,
            &[("field", field), ("place", &place(phase))],
        ),
        P::TrailingText => s.protocol_trailing_text.to_owned(),
        P::UnexpectedChar { found } => fill(s.protocol_unexpected_char, &[("found", found)]),
        P::WrongStartName { found } => fill(s.protocol_wrong_start, &[("found", found)]),
        P::NotUnderstood => s.protocol_not_understood.to_owned(),
        P::FormatVersion { found, current } => fill(
            s.protocol_format_version,
            &[("found", found), ("current", current)],
        ),
        P::BadId { id } => fill(s.protocol_bad_id, &[("id", id)]),
        P::MissingName => s.protocol_missing_name.to_owned(),
        P::BadRange { field, min, max } => fill(
            s.protocol_bad_range,
            &[("field", &field.name()), ("min", min), ("max", max)],
        ),
        P::NoPhases => s.protocol_no_phases.to_owned(),
        P::BadPhaseId { phase: p, id } => {
            fill(s.protocol_bad_phase_id, &[("id", id), ("phase", &phase(p))])
        }
        P::DuplicatePhaseId { phase: p, id } => fill(
            s.protocol_duplicate_phase_id,
            &[("id", id), ("phase", &phase(p))],
        ),
        P::EmptyPhaseTitle { phase: p } => {
            fill(s.protocol_empty_phase_title, &[("phase", &phase(p))])
        }
        P::MinutesOutOfRange {
            phase: p,
            field,
            value,
        } => {
            let template = match field {
                _ if *value > MAX_PHASE_MINUTES => s.protocol_minutes_too_many,
                MinutesField::Planned => s.protocol_planned_too_few,
                MinutesField::Prepare => s.protocol_prepare_too_few,
            };
            fill(
                template,
                &[
                    ("field", &field.name()),
                    ("phase", &phase(p)),
                    ("value", value),
                    ("max", &MAX_PHASE_MINUTES),
                ],
            )
        }
        P::EmptyRule { phase: p } => fill(s.protocol_empty_rule, &[("phase", &phase(p))]),
        P::EmptyVariantTitle { phase: p, id } => fill(
            s.protocol_empty_variant_title,
            &[("id", id), ("phase", &phase(p))],
        ),
        P::DuplicateVariantId { phase: p, id } => fill(
            s.protocol_duplicate_variant_id,
            &[("id", id), ("phase", &phase(p))],
        ),
        P::NoGerman {
            count,
            total,
            field,
            phase: p,
        } => {
            let place = match p {
                Some(p) => phase(p),
                None => s.protocol_place_top.to_owned(),
            };
            fill(
                s.protocol_no_german.get(*count),
                &[
                    ("count", count),
                    ("total", total),
                    ("field", field),
                    ("place", &place),
                ],
            )
        }
    }
}

/// "fase 3 "Beeldvorming"", or "fase 3" when the phase has no title in `lang` (a problem may
/// be that very title). German, which a protocol may leave out, names the English title.
fn phase_name(lang: Lang, phase: &PhaseRef) -> String {
    let s = strings(lang);
    let title = match lang {
        Lang::De if phase.title.lacks_de() => phase.title.exact(Lang::En),
        _ => phase.title.exact(lang),
    }
    .trim();
    if title.is_empty() {
        fill(s.protocol_phase, &[("n", &phase.number)])
    } else {
        fill(
            s.protocol_phase_titled,
            &[("n", &phase.number), ("title", &title)],
        )
    }
}
