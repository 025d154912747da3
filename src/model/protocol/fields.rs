//! The fields a protocol file may have, by place, and the ones it has that Kring does not
//! know (a misspelled field is named, with the fields that can stand there).

use super::{Locator, ProtocolIssue, ProtocolProblem};

/// The fields a protocol file may have, by place. Kring's own files (records, the autosave)
/// read leniently; a protocol's author gets each misspelled field named.
const PROTOCOL_FIELDS: &[&str] = &[
    "format_version",
    "id",
    "version",
    "name",
    "description",
    "introduction",
    "parts",
    "group_size",
    "total_minutes",
    "phases",
];
const PHASE_FIELDS: &[&str] = &[
    "id",
    "title",
    "purpose",
    "instructions",
    "rules",
    "guard",
    "planned_minutes",
    "prepare_minutes",
    "tools",
    "variants",
];
const TEXT_FIELDS: &[&str] = &["nl", "en", "de"];
const RANGE_FIELDS: &[&str] = &["min", "max"];
const INSTRUCTION_FIELDS: &[&str] = &["leader", "inbrenger", "members"];
const VARIANT_FIELDS: &[&str] = &["id", "title", "description"];

/// Fields in a protocol file that Kring does not know (a misspelled `prepare_minutes` would
/// otherwise be left out without a word), each at its place with the fields known there.
pub(super) fn unknown_fields(file: &str, source: &str) -> Vec<ProtocolIssue> {
    use ron::Value;
    fn map(value: &Value) -> Option<&ron::Map> {
        match value {
            Value::Map(map) => Some(map),
            Value::Option(Some(inner)) => map(inner),
            _ => None,
        }
    }
    fn seq(value: &Value) -> &[Value] {
        match value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }
    /// Checks the keys of `value` against `known`; calls `inner` for each known one.
    fn walk<'v>(
        value: &'v Value,
        known: &'static [&'static str],
        phase: Option<usize>,
        found: &mut Vec<(Option<usize>, String, &'static [&'static str])>,
        mut inner: impl FnMut(
            &str,
            &'v Value,
            &mut Vec<(Option<usize>, String, &'static [&'static str])>,
        ),
    ) {
        let Some(map) = map(value) else { return };
        for (key, value) in map.iter() {
            let Value::String(key) = key else { continue };
            if known.contains(&key.as_str()) {
                inner(key, value, found);
            } else {
                found.push((phase, key.clone(), known));
            }
        }
    }
    let Ok(value) = ron::from_str::<Value>(source) else {
        return Vec::new();
    };
    let text = |phase, value: &Value, found: &mut Vec<_>| {
        walk(value, TEXT_FIELDS, phase, found, |_, _, _| {});
    };
    let mut found = Vec::new();
    walk(
        &value,
        PROTOCOL_FIELDS,
        None,
        &mut found,
        |key, value, found| match key {
            "name" | "description" | "introduction" => text(None, value, found),
            "group_size" | "total_minutes" => walk(value, RANGE_FIELDS, None, found, |_, _, _| {}),
            "phases" => {
                for (index, phase_value) in seq(value).iter().enumerate() {
                    let phase = Some(index);
                    walk(
                        phase_value,
                        PHASE_FIELDS,
                        phase,
                        found,
                        |key, value, found| match key {
                            "title" | "purpose" | "guard" => text(phase, value, found),
                            "rules" => seq(value).iter().for_each(|v| text(phase, v, found)),
                            "instructions" => {
                                walk(value, INSTRUCTION_FIELDS, phase, found, |_, v, found| {
                                    text(phase, v, found);
                                });
                            }
                            "variants" => seq(value).iter().for_each(|v| {
                                walk(v, VARIANT_FIELDS, phase, found, |key, v, found| {
                                    if key != "id" {
                                        text(phase, v, found);
                                    }
                                });
                            }),
                            _ => {}
                        },
                    );
                }
            }
            _ => {}
        },
    );
    let locator = Locator::new(source);
    found
        .into_iter()
        .map(|(phase, field, known)| {
            let at = locator.find(phase, &field).unwrap_or((1, 1));
            ProtocolIssue::new(
                file,
                at,
                ProtocolProblem::UnknownField {
                    field,
                    known: known.iter().map(|k| (*k).to_owned()).collect(),
                    phase: phase.map(|i| i + 1),
                },
            )
        })
        .collect()
}
