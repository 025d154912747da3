//! The RON reader's errors as [`ProtocolProblem`]s a protocol author can act on.

use super::ProtocolProblem;

/// A RON parse error as a [`ProtocolProblem`] a protocol author can act on, never in the
/// parser's own (type) words. `phase` is the phase (from 1) the position is in, if any.
pub(super) fn parse_problem(code: &ron::Error, phase: Option<usize>) -> ProtocolProblem {
    use ProtocolProblem as P;
    use ron::Error as E;
    let list = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    match code {
        E::Eof | E::UnclosedBlockComment => P::EndsEarly,
        E::ExpectedComma => P::MissingComma,
        E::ExpectedStringEnd => P::UnclosedText,
        E::ExpectedString | E::ExpectedChar => P::ExpectedText,
        E::ExpectedInteger
        | E::ExpectedFloat
        | E::InvalidIntegerDigit { .. }
        | E::IntegerOutOfBounds
        | E::FloatUnderscore
        | E::UnderscoreAtBeginning => P::ExpectedNumber,
        E::ExpectedBoolean => P::ExpectedYesNo,
        E::ExpectedArray => P::MissingOpen { bracket: '[' },
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedMap => {
            P::MissingOpen { bracket: '(' }
        }
        E::ExpectedArrayEnd => P::MissingClose { bracket: ']' },
        E::ExpectedStructLikeEnd | E::ExpectedMapEnd | E::ExpectedOptionEnd => {
            P::MissingClose { bracket: ')' }
        }
        E::ExpectedMapColon => P::MissingColon,
        E::ExpectedIdentifier | E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
            P::ExpectedFieldName
        }
        E::NoSuchEnumVariant {
            found, expected, ..
        } => P::UnknownName {
            found: found.clone(),
            known: list(expected),
        },
        E::NoSuchStructField {
            found, expected, ..
        } => P::UnknownField {
            field: found.clone(),
            known: list(expected),
            phase,
        },
        E::MissingStructField { field, .. } => P::MissingField {
            field: (*field).to_owned(),
            phase,
        },
        E::DuplicateStructField { field, .. } => P::DuplicateField {
            field: (*field).to_owned(),
            phase,
        },
        E::TrailingCharacters => P::TrailingText,
        E::UnexpectedChar(c) => P::UnexpectedChar { found: *c },
        E::ExpectedDifferentStructName { found, .. } => P::WrongStartName {
            found: found.clone(),
        },
        E::InvalidValueForType { expected, .. } => {
            let expected = expected.to_ascii_lowercase();
            if ["int", "i32", "u32", "u64", "i64", "float", "number"]
                .iter()
                .any(|t| expected.contains(t))
            {
                P::ExpectedNumber
            } else if expected.contains("string") || expected.contains("char") {
                P::ExpectedText
            } else if expected.contains("bool") {
                P::ExpectedYesNo
            } else if expected.contains("sequence") {
                P::MissingOpen { bracket: '[' }
            } else {
                P::NotUnderstood
            }
        }
        _ => P::NotUnderstood,
    }
}
