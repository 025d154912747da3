//! Typed errors put into words: the sentence in the user's language (what, where, what to
//! do), then the operating system's own detail in brackets, as it reports it.

use super::{fill, strings};
use crate::model::Lang;
use crate::store::{
    ConflictFile, LeftBecause, LoadProblem, LoadReason, StoreError, StoreErrorKind,
};

/// A [`StoreError`] as one sentence in `lang`, the operating system's detail after it:
/// "Kring kon /x/y.ron niet schrijven. Controleer … (Permission denied (os error 13))".
pub fn store_error(lang: Lang, error: &StoreError) -> String {
    let s = strings(lang);
    let path = error.path.display();
    let mut out = match &error.kind {
        StoreErrorKind::CannotWrite => fill(s.error_cannot_write, &[("path", &path)]),
        StoreErrorKind::CannotRead => fill(s.error_cannot_read, &[("path", &path)]),
        StoreErrorKind::CannotMakeFolder => fill(s.error_cannot_make_folder, &[("path", &path)]),
        StoreErrorKind::CannotRemove => fill(s.error_cannot_remove, &[("path", &path)]),
        StoreErrorKind::OutsideGroup { group } => fill(
            s.error_outside_group,
            &[("path", &path), ("group", &group.display())],
        ),
        StoreErrorKind::NewerFormat { found, current } => fill(
            s.error_newer_format,
            &[("path", &path), ("found", found), ("current", current)],
        ),
        StoreErrorKind::Damaged { at, detail } => {
            let place = match at {
                Some((line, col)) => format!("{path}:{line}:{col}"),
                None => path.to_string(),
            };
            fill(s.error_damaged, &[("path", &place), ("detail", detail)])
        }
        StoreErrorKind::CannotSerialize { detail } => fill(
            s.error_cannot_serialize,
            &[("path", &path), ("detail", detail)],
        ),
        StoreErrorKind::NoFreeName => fill(s.error_no_free_name, &[("path", &path)]),
        StoreErrorKind::LockCannotOpen => fill(s.error_lock_cannot_open, &[("path", &path)]),
        StoreErrorKind::LockNotSupported => fill(s.error_lock_not_supported, &[("path", &path)]),
        StoreErrorKind::ChangedElsewhere => fill(s.error_changed_elsewhere, &[("path", &path)]),
    };
    if let Some(os) = error.os_detail() {
        out.push_str(" (");
        out.push_str(&os);
        out.push(')');
    }
    out
}

/// A file that could not be loaded, in `lang`: "{path}: what is wrong (where: the parser's
/// or system's words). Where it went, or why it is still there, and what to do."
pub fn load_problem(lang: Lang, problem: &LoadProblem) -> String {
    let s = strings(lang);
    let mut out = format!(
        "{}: {}",
        problem.path.display(),
        load_reason(lang, &problem.reason)
    );
    let then = match (&problem.moved_to, &problem.left) {
        (Some(moved_to), _) => fill(s.load_moved, &[("path", &moved_to.display())]),
        (None, Some(LeftBecause::ReadOnly)) => s.load_left_read_only.to_owned(),
        (None, Some(LeftBecause::MoveFailed { dir, os })) => format!(
            "{} ({os})",
            fill(s.load_left_move_failed, &[("path", &dir.display())])
        ),
        (None, Some(LeftBecause::OutsideGroup { group })) => {
            fill(s.load_left_outside_group, &[("group", &group.display())])
        }
        (None, None) => return out,
    };
    out.push(' ');
    out.push_str(&then);
    out
}

/// What is wrong with a file, in `lang`, the parser's or system's detail (and the line and
/// column) in brackets after the sentence.
pub fn load_reason(lang: Lang, reason: &LoadReason) -> String {
    let s = strings(lang);
    let place = |at: &Option<(usize, usize)>| {
        at.map(|(line, col)| fill(s.load_at, &[("line", &line), ("col", &col)]))
    };
    let (sentence, detail): (String, Vec<String>) = match reason {
        LoadReason::Empty => (s.load_empty.to_owned(), vec![]),
        LoadReason::NotText { at } => (s.load_not_text.to_owned(), place(at).into_iter().collect()),
        LoadReason::Damaged { at, detail } => (
            s.load_damaged.to_owned(),
            place(at).into_iter().chain([detail.clone()]).collect(),
        ),
        LoadReason::NoVersion => (s.load_no_version.to_owned(), vec![]),
        LoadReason::NotACase => (s.load_not_a_case.to_owned(), vec![]),
        LoadReason::NewerFormat { found, current } => (
            fill(s.load_newer, &[("found", found), ("current", current)]),
            vec![],
        ),
        LoadReason::CannotRead { os } => (s.load_cannot_read.to_owned(), vec![os.clone()]),
        LoadReason::FolderUnreadable { os } => {
            (s.load_folder_unreadable.to_owned(), vec![os.clone()])
        }
        LoadReason::SetAsideByLeader => (s.load_set_aside_by_leader.to_owned(), vec![]),
    };
    let detail: Vec<String> = detail
        .into_iter()
        .filter(|d| !d.trim().is_empty())
        .collect();
    if detail.is_empty() {
        sentence
    } else {
        format!("{sentence} ({})", detail.join(": "))
    }
}

/// A sync tool's conflict copy, in `lang`: whose copy, of what, and what to do.
pub fn conflict_file(lang: Lang, conflict: &ConflictFile) -> String {
    let s = strings(lang);
    let template = if conflict.original_exists {
        s.conflict_copy
    } else {
        s.conflict_copy_orphan
    };
    fill(
        template,
        &[
            ("path", &conflict.path.display()),
            ("tool", &conflict.kind.tool_name()),
            ("original", &conflict.original.display()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    /// Issue 10, point 5: the sentence is in the user's language; only the operating
    /// system's own words come after it, in brackets.
    #[test]
    fn a_store_error_is_a_dutch_sentence_with_the_os_detail_after_it() {
        let denied = || io::Error::from_raw_os_error(13);
        let error = StoreError::os(StoreErrorKind::CannotWrite, "/groep/x.ron", denied());
        let nl = store_error(Lang::Nl, &error);
        let os = denied().to_string();
        assert!(
            nl.starts_with("Kring kon /groep/x.ron niet opslaan."),
            "{nl}"
        );
        assert!(nl.ends_with(&format!(" ({os})")), "{nl}");
        assert_eq!(nl.matches(&os).count(), 1, "{nl}");
        let en = store_error(Lang::En, &error);
        assert!(en.starts_with("Kring could not save /groep/x.ron."), "{en}");
        assert_eq!(error.to_string(), en, "Display is the English sentence");

        let newer = StoreError::new(
            StoreErrorKind::NewerFormat {
                found: 9,
                current: 2,
            },
            "/groep/group.ron",
        );
        let nl = store_error(Lang::Nl, &newer);
        assert!(nl.contains("nieuwere Kring") && nl.contains("9"), "{nl}");
        assert!(
            nl.ends_with("te gebruiken."),
            "no operating-system detail: {nl}"
        );
    }

    /// Issue 10, point 5: a damaged record's problem reads as Dutch, the parser's detail (with
    /// line and column) after the sentence; English too.
    #[test]
    fn a_damaged_file_is_worded_in_the_users_language_with_the_detail_after_it() {
        let problem = LoadProblem {
            path: "/g/meetings/x.ron".into(),
            moved_to: Some("/g/quarantine/x.ron".into()),
            reason: LoadReason::Damaged {
                at: Some((3, 5)),
                detail: "Expected string".to_owned(),
            },
            left: None,
        };
        let nl = load_problem(Lang::Nl, &problem);
        assert!(
            nl.starts_with(
                "/g/meetings/x.ron: Het bestand is beschadigd of geen Kring-bestand van deze \
                 soort. (regel 3, kolom 5: Expected string) Kring heeft het verplaatst naar \
                 /g/quarantine/x.ron"
            ),
            "{nl}"
        );
        let en = load_problem(Lang::En, &problem);
        assert!(
            en.starts_with(
                "/g/meetings/x.ron: The file is damaged or not a Kring file of this kind. \
                 (line 3, column 5: Expected string) Kring moved it to /g/quarantine/x.ron"
            ),
            "{en}"
        );
        assert_eq!(problem.to_string(), en);

        // The operating system's words come last, after the sentence.
        let left = LoadProblem {
            left: Some(LeftBecause::MoveFailed {
                dir: "/g/quarantine".into(),
                os: "Permission denied (os error 13)".to_owned(),
            }),
            moved_to: None,
            ..problem
        };
        let nl = load_problem(Lang::Nl, &left);
        assert!(nl.contains("niet naar /g/quarantine verplaatsen"), "{nl}");
        assert!(nl.ends_with(" (Permission denied (os error 13))"), "{nl}");
    }
}
