//! The one place that reads a Kring file's `format_version`, before anything else in it.
//!
//! Every loader (meeting records, prepared cases, group settings, app settings, the autosave
//! of a meeting in progress, protocols) calls [`read_format_version`] first and parses the
//! whole file only when this Kring knows the format. A file from a newer Kring may hold
//! fields and variants this build has never heard of; parsing it whole would call it damaged
//! and set it aside, and in a synced group folder that move would reach every member. So a
//! newer file is turned down with [`Rejection::newer_format`]: left where it is, untouched,
//! and listed. Only a file whose version cannot be read at all is damaged.
//!
//! How: the text is deserialized into a struct with the single field `format_version`;
//! every other field, whatever its value (an unknown enum variant too), is skipped by serde
//! as `IgnoredAny`, which RON parses as any well-formed value. A top-level struct name
//! (`MeetingRecord(...)`) is allowed, as the full parse allows it.

use serde::Deserialize;

use super::quarantine::{LoadReason, Rejection};

/// A file's format, as far as this Kring can tell without reading the rest of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Versioned {
    /// The format the file says it has (or the one assumed when it says none).
    pub format_version: u32,
}

#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format_version: Version,
}

/// The version field: absent, or a whole number (a larger one than `u32` is newer still).
#[derive(Default)]
struct Version(Option<u64>);

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u64::deserialize(deserializer).map(|v| Self(Some(v)))
    }
}

/// Reads `format_version` from the RON `text` of a Kring file, before and without parsing the
/// rest of it.
///
/// - `current`: the newest format this build reads. A larger number is turned down with
///   [`Rejection::newer_format`] (leave the file in place; it says to update Kring).
/// - `missing`: the format a file without `format_version` has (`Some(1)` for kinds that
///   predate version numbers), or `None` when the field is required: then the file is
///   damaged.
/// - A text that is not one well-formed RON value with named fields is damaged
///   ([`Rejection::damaged`], with line and column).
pub fn read_format_version(
    text: &str,
    current: u32,
    missing: Option<u32>,
) -> Result<Versioned, Rejection> {
    let found = match ron::from_str::<Probe>(text) {
        Ok(probe) => probe.format_version.0,
        // A struct name (`MeetingRecord(...)`) other than the probe's own is fine: read the
        // text as a plain value and look for the field there.
        Err(err) if matches!(err.code, ron::Error::ExpectedDifferentStructName { .. }) => {
            version_in_value(text)?
        }
        Err(err) => return Err(damaged(&err)),
    };
    let format_version = match found {
        Some(v) => v,
        None => match missing {
            Some(v) => u64::from(v),
            None => {
                return Err(Rejection::aside(LoadReason::NoVersion));
            }
        },
    };
    if format_version > u64::from(current) {
        return Err(Rejection::newer(format_version, current));
    }
    // Not larger than `current`, so it fits.
    Ok(Versioned {
        format_version: u32::try_from(format_version).unwrap_or(current),
    })
}

fn damaged(err: &ron::error::SpannedError) -> Rejection {
    Rejection::parse_error(err)
}

/// `format_version` of a named top-level struct, read as a [`ron::Value`].
fn version_in_value(text: &str) -> Result<Option<u64>, Rejection> {
    let value: ron::Value = ron::from_str(text).map_err(|err| damaged(&err))?;
    let ron::Value::Map(map) = value else {
        return Err(Rejection::aside(LoadReason::NoVersion));
    };
    match map.get(&ron::Value::String("format_version".to_owned())) {
        None => Ok(None),
        Some(ron::Value::Number(n)) => match n.into_f64() {
            v if v >= 0.0 && v.fract() == 0.0 => Ok(Some(v as u64)),
            _ => Err(Rejection::aside(LoadReason::NoVersion)),
        },
        Some(_) => Err(Rejection::aside(LoadReason::NoVersion)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_read_whatever_else_the_file_holds() {
        let newer = "(format_version: 99, protocol_id: \"x\", new_field: Wonder(depth: [1, 2]), \
                     mood: Elated)";
        let err = read_format_version(newer, 2, None).expect_err("newer");
        assert!(!err.set_aside, "a newer file stays where it is");
        assert_eq!(
            err.reason,
            LoadReason::NewerFormat {
                found: 99,
                current: 2
            }
        );

        let named = "#![enable(implicit_some)]\nMeetingRecord(format_version: 3, x: Some(1))";
        assert!(
            !read_format_version(named, 2, None)
                .expect_err("newer")
                .set_aside
        );

        let current = "(\n  // a comment\n  name: \"a\",\n  format_version: 2,\n)";
        assert_eq!(
            read_format_version(current, 2, None).expect("read"),
            Versioned { format_version: 2 }
        );
        let huge = "(format_version: 99999999999)";
        assert!(
            !read_format_version(huge, 2, None)
                .expect_err("newer")
                .set_aside
        );
    }

    #[test]
    fn a_missing_version_is_the_first_format_or_damage() {
        assert_eq!(
            read_format_version("(name: \"a\")", 1, Some(1))
                .expect("old")
                .format_version,
            1
        );
        let err = read_format_version("(name: \"a\")", 2, None).expect_err("required");
        assert!(err.set_aside);
        assert_eq!(err.reason, LoadReason::NoVersion);
    }

    #[test]
    fn unreadable_text_is_damaged_with_line_and_column() {
        for text in [
            "(format_version: 99, name: \"cut off",
            "(format_version: \"two\")",
            "[1, 2, 3]",
            "(format_version: -1)",
            "(format_version: 2,\n  oops: ]",
        ] {
            let err = read_format_version(text, 2, None).expect_err(text);
            assert!(err.set_aside, "{text}: {err:?}");
            assert!(
                matches!(
                    err.reason,
                    LoadReason::Damaged { at: Some(_), .. } | LoadReason::NoVersion
                ),
                "{text}: {}",
                err.reason
            );
        }
    }
}
