//! E-mail addresses: a local part, an @, and a domain with at least one dot and a top-level
//! domain of two or more letters (jan.devries@example.nl, j+werk@mail.co.uk).

use super::{Finding, FindingKind};

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

pub(super) fn find(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices('@') {
        if at < from {
            continue;
        }
        // The local part, without leading dots.
        let mut start = at;
        while start > from
            && start
                .checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_some_and(|&b| is_local(b))
        {
            start -= 1;
        }
        while bytes.get(start) == Some(&b'.') {
            start += 1;
        }
        // The domain, without trailing dots or hyphens ("mail jan@example.nl.").
        let mut end = at + 1;
        while bytes.get(end).is_some_and(|&b| is_domain(b)) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes.get(end - 1), Some(b'.' | b'-')) {
            end -= 1;
        }
        let (Some(local), Some(domain)) = (text.get(start..at), text.get(at + 1..end)) else {
            continue;
        };
        let labels: Vec<&str> = domain.split('.').collect();
        let tld_ok = labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
        if !local.is_empty()
            && labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty() && !l.starts_with('-'))
            && tld_ok
        {
            out.push(Finding::at(FindingKind::Email, text, start, end));
            from = end;
        }
    }
    out
}
