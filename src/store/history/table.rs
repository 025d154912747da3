//! A table of texts that recur across meetings (member names, phase ids), each stored once.

use std::collections::HashMap;

/// Texts that recur across meetings (names, phase ids), stored once and known by number.
#[derive(Clone, Debug, Default)]
pub(super) struct Table {
    /// `(key, text)`: the key matches, the text is shown.
    pub(super) entries: Vec<(String, String)>,
    numbers: HashMap<String, u32>,
}

impl Table {
    /// The number of `key`, adding it with `text` when new.
    pub(super) fn number(&mut self, key: String, text: &str) -> u32 {
        if let Some(&n) = self.numbers.get(&key) {
            return n;
        }
        let n = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.entries.push((key.clone(), text.to_owned()));
        self.numbers.insert(key, n);
        n
    }

    pub(super) fn text(&self, n: u32) -> &str {
        self.entries.get(n as usize).map_or("", |(_, text)| text)
    }
}
