//! The meeting's secret: 128 random bits from the operating system, fresh for every meeting,
//! written as 32 hex digits in the link. Compared in constant time.

use std::fmt;

/// A token of one meeting. Its `Debug` does not print it (logs never hold it twice).
#[derive(Clone, PartialEq, Eq)]
pub struct Token([u8; 16]);

impl Token {
    /// A fresh token from the operating system's random source; `None` when that fails (then
    /// Kring does not serve: a guessable token would be worse than none).
    pub fn fresh() -> Option<Self> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).ok()?;
        Some(Self(bytes))
    }

    pub fn as_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Whether `text` is this token. Every byte is looked at whatever the others are, so the
    /// time taken does not tell how much of a guess was right.
    pub fn matches(&self, text: &str) -> bool {
        let mine = self.as_hex();
        let theirs = text.as_bytes();
        let mut diff = u8::from(theirs.len() != mine.len());
        for (i, a) in mine.as_bytes().iter().enumerate() {
            // A shorter guess is compared against zeros: still every byte, still a mismatch.
            let b = theirs.get(i).copied().unwrap_or(0);
            diff |= a ^ b;
        }
        diff == 0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_fresh_128_bits_and_only_their_own_text_matches() {
        let a = Token::fresh().unwrap();
        let b = Token::fresh().unwrap();
        assert_ne!(a, b);
        let hex = a.as_hex();
        assert_eq!(hex.len(), 32);
        assert!(a.matches(&hex));
        assert!(!a.matches(&b.as_hex()));
        assert!(!a.matches(&hex[..31]));
        assert!(!a.matches(&format!("{hex}0")));
        assert!(!a.matches(""));
        assert!(!format!("{a:?}").contains(&hex));
    }
}
