//! Typed errors put into words: the sentence in the user's language (what, where, what to
//! do), then the operating system's own detail in brackets, as it reports it.

use super::{fill, strings};
use crate::model::Lang;
use crate::store::{StoreError, StoreErrorKind};

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
}
