//! Recognises the copies sync tools make when a file was changed in two places at once.
//!
//! A group folder may live in a synced folder (Syncthing, Nextcloud, ownCloud, Dropbox,
//! OneDrive). When two computers change the same file before syncing, the tool keeps both:
//! the original name gets one version, a "conflict copy" with a marked name gets the other.
//! Kring must neither load such a copy as a second meeting nor set it aside as damaged: it is
//! reported so that a person compares the two and keeps the right one.
//!
//! Our own file names never contain spaces, brackets or upper-case letters
//! (`2026-11-23_1930_balint-9-fasen.ron`, `..._balint-9-fasen-2.ron`), which is what makes
//! the markers below safe to recognise.

use std::collections::HashSet;

/// The sync tool whose naming a conflict copy follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConflictKind {
    /// `name.sync-conflict-20241123-101500-ABCDEF7.ron`
    Syncthing,
    /// Nextcloud or ownCloud desktop client: `name (conflicted copy 2024-11-23 101500).ron`
    /// or `name_conflict-20241123-101500.ron`.
    Nextcloud,
    /// `name (Jan's conflicted copy 2024-11-23).ron`, `name (conflicted copy).ron`, and the
    /// same in other languages (any bracketed suffix that says "conflict").
    Dropbox,
    /// `name-DESKTOP-4F2K9QL.ron`: the computer's name appended. Only recognised by
    /// [`find_conflicts`], which can see whether `name.ron` is in the same folder.
    OneDrive,
}

impl ConflictKind {
    /// The tool's name as shown to a person.
    pub fn tool_name(self) -> &'static str {
        match self {
            Self::Syncthing => "Syncthing",
            Self::Nextcloud => "Nextcloud/ownCloud",
            Self::Dropbox => "Dropbox",
            Self::OneDrive => "OneDrive",
        }
    }
}

/// A conflict copy found among the names of one folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictCopy {
    /// The copy's file name.
    pub copy: String,
    /// The name of the file it is a copy of (derived from the copy's name).
    pub original: String,
    /// Whether a file of the original's name is in the same folder.
    pub original_exists: bool,
    pub kind: ConflictKind,
}

/// The kind of conflict copy `file_name` is, judged from the name alone.
///
/// OneDrive copies (`name-PCNAME.ron`) cannot be told from an ordinary name without knowing
/// the folder, so this returns `None` for them; use [`find_conflicts`].
pub fn conflict_kind(file_name: &str) -> Option<ConflictKind> {
    marked_copy(file_name).map(|(_, kind)| kind)
}

/// The conflict copies among the file names of one folder, in the order of `names`.
///
/// Besides the marked forms [`conflict_kind`] knows, a name `X-SUFFIX.ext` is a OneDrive copy
/// when `X.ext` is among `names` too and SUFFIX looks like a Windows computer name: upper-case
/// letters, digits and dashes with at least one letter (`-DESKTOP-4F2K9QL`, `-LAPTOP-JAN`).
/// Lower-case or purely numeric suffixes never count, so Kring's own names such as
/// `2026-11-23_1930_balint-9-fasen-2.ron` (a second meeting started the same minute) stay
/// ordinary files. A computer with a lower-case name is therefore missed; its copy is then
/// loaded as one more file, which loses nothing.
pub fn find_conflicts(names: &[String]) -> Vec<ConflictCopy> {
    let present: HashSet<&str> = names.iter().map(String::as_str).collect();
    names
        .iter()
        .filter_map(|name| {
            let (original, kind) = marked_copy(name).or_else(|| onedrive_copy(name, &present))?;
            Some(ConflictCopy {
                copy: name.clone(),
                original_exists: present.contains(original.as_str()),
                original,
                kind,
            })
        })
        .collect()
}

/// The original name and kind of a copy whose name carries a tool's marker.
fn marked_copy(name: &str) -> Option<(String, ConflictKind)> {
    syncthing(name)
        .or_else(|| owncloud(name))
        .or_else(|| bracketed(name))
}

/// `stem.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext` or without `.ext`.
fn syncthing(name: &str) -> Option<(String, ConflictKind)> {
    const MARK: &str = ".sync-conflict-";
    let (stem, rest) = name.split_once(MARK)?;
    let rest = date_time(rest, 8, 6)?;
    let rest = rest.strip_prefix('-')?;
    let device_len = rest.find('.').unwrap_or(rest.len());
    let (device, ext) = rest.split_at(device_len);
    let device_ok = !device.is_empty() && device.chars().all(|c| c.is_ascii_alphanumeric());
    (!stem.is_empty() && device_ok).then(|| (format!("{stem}{ext}"), ConflictKind::Syncthing))
}

/// `stem_conflict-YYYYMMDD-HHMMSS.ext` (ownCloud, older Nextcloud).
fn owncloud(name: &str) -> Option<(String, ConflictKind)> {
    const MARK: &str = "_conflict-";
    let (stem, rest) = name.rsplit_once(MARK)?;
    let ext = date_time(rest, 8, 6)?;
    let ext_ok = ext.is_empty() || ext.starts_with('.');
    (!stem.is_empty() && ext_ok).then(|| (format!("{stem}{ext}"), ConflictKind::Nextcloud))
}

/// `stem (… conflict …).ext`: Nextcloud when the bracket holds "conflicted copy" with a date
/// and a time, otherwise Dropbox (whose marker names the person and may be translated).
fn bracketed(name: &str) -> Option<(String, ConflictKind)> {
    let (base, ext) = if name.ends_with(')') {
        (name, "")
    } else {
        let dot = name.rfind('.')?;
        name.split_at(dot)
    };
    let inner_end = base.len().checked_sub(1)?;
    if !base.ends_with(')') {
        return None;
    }
    // Find the bracket that opens the final one, allowing "(… (1))".
    let mut depth = 0usize;
    let mut open = None;
    for (index, c) in base.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    open = Some(index);
                    break;
                }
            }
            _ => {}
        }
    }
    let open = open?;
    let inner = base.get(open + 1..inner_end)?;
    let stem = base.get(..open)?.strip_suffix(' ')?;
    let lower = inner.to_lowercase();
    let says_conflict = ["conflict", "konflikt", "conflit"]
        .iter()
        .any(|word| lower.contains(word));
    if stem.is_empty() || !says_conflict {
        return None;
    }
    let nextcloud = inner
        .strip_prefix("conflicted copy ")
        .and_then(|rest| date_time_dashed(rest))
        .is_some_and(str::is_empty);
    let kind = if nextcloud {
        ConflictKind::Nextcloud
    } else {
        ConflictKind::Dropbox
    };
    Some((format!("{stem}{ext}"), kind))
}

/// `name-PCNAME.ext` where `name.ext` is present: the longest such original wins.
fn onedrive_copy(name: &str, present: &HashSet<&str>) -> Option<(String, ConflictKind)> {
    let (stem, ext) = match name.rfind('.') {
        Some(dot) if dot > 0 => name.split_at(dot),
        _ => (name, ""),
    };
    stem.char_indices()
        .rev()
        .filter(|&(_, c)| c == '-')
        .filter_map(|(dash, _)| {
            let base = stem.get(..dash).filter(|b| !b.is_empty())?;
            let suffix = stem.get(dash + 1..)?;
            let original = format!("{base}{ext}");
            (looks_like_machine_name(suffix) && present.contains(original.as_str()))
                .then_some(original)
        })
        .next()
        .map(|original| (original, ConflictKind::OneDrive))
}

/// Upper-case letters, digits and dashes, at least one letter, no dash at either end.
fn looks_like_machine_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && s.chars().any(|c| c.is_ascii_uppercase())
}

/// Strips `date_digits` digits, a dash and `time_digits` digits; returns the rest.
fn date_time(s: &str, date_digits: usize, time_digits: usize) -> Option<&str> {
    let rest = digits(s, date_digits)?;
    let rest = rest.strip_prefix('-')?;
    digits(rest, time_digits)
}

/// Strips `YYYY-MM-DD HHMMSS`; returns the rest.
fn date_time_dashed(s: &str) -> Option<&str> {
    let rest = digits(s, 4)?.strip_prefix('-')?;
    let rest = digits(rest, 2)?.strip_prefix('-')?;
    let rest = digits(rest, 2)?.strip_prefix(' ')?;
    digits(rest, 6)
}

/// Strips exactly `count` ASCII digits from the front of `s`.
fn digits(s: &str, count: usize) -> Option<&str> {
    let head = s.get(..count)?;
    if head.bytes().all(|b| b.is_ascii_digit()) {
        s.get(count..)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn marked_copies_of_each_tool_are_recognised_with_their_original() {
        let cases = [
            (
                "2026-11-23_1930_balint-9-fasen.sync-conflict-20241123-101500-ABCDEF7.ron",
                "2026-11-23_1930_balint-9-fasen.ron",
                ConflictKind::Syncthing,
            ),
            (
                "settings.sync-conflict-20250101-000000-Z7Q2MXL.ron",
                "settings.ron",
                ConflictKind::Syncthing,
            ),
            (
                "notes.sync-conflict-20241123-101500-ABCDEF7",
                "notes",
                ConflictKind::Syncthing,
            ),
            (
                "2026-11-23_1930_uitpluizen (conflicted copy 2024-11-23 101500).ron",
                "2026-11-23_1930_uitpluizen.ron",
                ConflictKind::Nextcloud,
            ),
            (
                "2026-11-23_1930_uitpluizen_conflict-20241123-101500.ron",
                "2026-11-23_1930_uitpluizen.ron",
                ConflictKind::Nextcloud,
            ),
            (
                "settings (Jan's conflicted copy 2024-11-23).ron",
                "settings.ron",
                ConflictKind::Dropbox,
            ),
            (
                "settings (conflicted copy).ron",
                "settings.ron",
                ConflictKind::Dropbox,
            ),
            (
                "settings (Jan's conflicted copy 2024-11-23 (1)).ron",
                "settings.ron",
                ConflictKind::Dropbox,
            ),
            (
                "settings (conflicterende kopie van Jan).ron",
                "settings.ron",
                ConflictKind::Dropbox,
            ),
            (
                "settings (In Konflikt stehende Kopie von Jan 2024-11-23).ron",
                "settings.ron",
                ConflictKind::Dropbox,
            ),
        ];
        for (copy, original, kind) in cases {
            assert_eq!(conflict_kind(copy), Some(kind), "{copy}");
            let found = find_conflicts(&names(&[copy]));
            assert_eq!(found.len(), 1, "{copy}");
            assert_eq!(found[0].original, original, "{copy}");
            assert_eq!(found[0].kind, kind);
            assert!(!found[0].original_exists);
        }
    }

    #[test]
    fn ordinary_names_are_not_conflict_copies() {
        let ordinary = [
            "2026-11-23_1930_balint-9-fasen.ron",
            "2026-11-23_1930_balint-9-fasen-2.ron",
            "2026-11-23_1930_balint-9-fasen-13.ron",
            "2026-11-23_1930_geen-oplossing-geven.ron",
            "settings.ron",
            "settings.ron.damaged-1763900000",
            "balint-8-stappen.ron",
            "my (draft).ron",
            "report (final copy).ron",
            "conflict.ron",
            "x.sync-conflict-2024-ABCDEF7.ron",
            "x.sync-conflict-20241123-101500-.ron",
            "x_conflict-20241123.ron",
            ".sync-conflict-20241123-101500-ABCDEF7.ron",
            " (conflicted copy).ron",
            "(conflicted copy)",
            ")",
            "",
            ".ron",
            "-DESKTOP-4F2K9QL.ron",
        ];
        for name in ordinary {
            assert_eq!(conflict_kind(name), None, "{name}");
        }
        let mut folder = names(&ordinary);
        folder.push("2026-11-23_1930_balint.ron".to_owned());
        assert_eq!(find_conflicts(&folder), [], "a meeting is no OneDrive copy");
    }

    #[test]
    fn onedrive_copies_need_their_original_beside_them() {
        let folder = names(&[
            "2026-11-23_1930_balint-9-fasen.ron",
            "2026-11-23_1930_balint-9-fasen-2.ron",
            "2026-11-23_1930_balint-9-fasen-DESKTOP-4F2K9QL.ron",
            "2026-11-23_1930_balint-9-fasen-2-LAPTOP-JAN.ron",
            "settings-PC01.ron",
            "settings.ron",
            "alone-DESKTOP-4F2K9QL.ron",
            "2026-11-23_1930_uitpluizen-JAN-laptop.ron",
            "2026-11-23_1930_uitpluizen.ron",
            "2026-11-23_1930_uitpluizen-123.ron",
        ]);
        let found = find_conflicts(&folder);
        let pairs: Vec<(&str, &str, ConflictKind)> = found
            .iter()
            .map(|c| (c.copy.as_str(), c.original.as_str(), c.kind))
            .collect();
        assert_eq!(
            pairs,
            [
                (
                    "2026-11-23_1930_balint-9-fasen-DESKTOP-4F2K9QL.ron",
                    "2026-11-23_1930_balint-9-fasen.ron",
                    ConflictKind::OneDrive
                ),
                (
                    "2026-11-23_1930_balint-9-fasen-2-LAPTOP-JAN.ron",
                    "2026-11-23_1930_balint-9-fasen-2.ron",
                    ConflictKind::OneDrive
                ),
                ("settings-PC01.ron", "settings.ron", ConflictKind::OneDrive),
            ]
        );
        assert!(found.iter().all(|c| c.original_exists));
        assert_eq!(conflict_kind("settings-PC01.ron"), None);
    }

    #[test]
    fn marked_copy_reports_whether_its_original_is_there() {
        let folder = names(&[
            "a.ron",
            "a.sync-conflict-20241123-101500-ABCDEF7.ron",
            "b (conflicted copy).ron",
        ]);
        let found = find_conflicts(&folder);
        assert_eq!(found.len(), 2);
        assert!(found[0].original_exists);
        assert!(!found[1].original_exists);
    }

    #[test]
    fn names_with_any_characters_never_panic() {
        for name in [
            "é (conflicted copy).ron",
            "(é)",
            "ü.sync-conflict-2024112é-101500-A.ron",
            "x_conflict-2024112€-101500.ron",
            "ø-Ø.ron",
            "-.ron",
            "a-.ron",
            "((((",
            "))))",
            "a ().ron",
        ] {
            conflict_kind(name);
            find_conflicts(&names(&[name, "ø.ron", "a.ron"]));
        }
    }
}
