//! Tokens with byte offsets, and where sentences start: the ground the word-based detectors
//! (names, places, ages, written dates) stand on.

use super::words;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokenKind {
    /// Letters, with inner hyphens ("Jan-Willem") and the Dutch elisions "'t" and "'s".
    Word,
    /// A run of ASCII digits.
    Number,
    /// A run of white space; `newline` when it holds a line break.
    Space { newline: bool },
    /// Any other single character.
    Punct(char),
}

/// One token of a text. `start..end` are byte offsets on char boundaries.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token<'a> {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// For a word: the first word of a sentence (after . ! ? : a line break, or the start of
    /// the text), where a capital letter says nothing about being a name.
    pub sentence_start: bool,
    /// Which sentence the token is in; sentences end at . ! ? and line breaks (not at colons).
    pub sentence: usize,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// White space within one line.
    pub fn is_inline_space(&self) -> bool {
        self.kind == TokenKind::Space { newline: false }
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// Whether this is a word whose lowercase form is `word`.
    pub fn is(&self, word: &str) -> bool {
        self.is_word() && self.lower() == word
    }

    pub fn starts_upper(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The number's value, for a number of at most `max_digits` digits.
    pub fn value(&self, max_digits: usize) -> Option<u32> {
        if self.is_number() && self.text.len() <= max_digits {
            self.text.parse().ok()
        } else {
            None
        }
    }
}

/// A span of the text with the sentence it starts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
}

/// Splits `text` into tokens and marks sentence starts.
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let ch = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte_at = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);

    let mut tokens = Vec::new();
    let mut k = 0;
    while let Some(c) = ch(k) {
        let first = k;
        let kind = if c.is_whitespace() {
            let mut newline = false;
            while let Some(d) = ch(k)
                && d.is_whitespace()
            {
                newline |= matches!(d, '\n' | '\r' | '\u{2028}' | '\u{2029}');
                k += 1;
            }
            TokenKind::Space { newline }
        } else if c.is_ascii_digit() {
            while ch(k).is_some_and(|d| d.is_ascii_digit()) {
                k += 1;
            }
            TokenKind::Number
        } else if c.is_alphabetic() || is_elision(&chars, k) {
            if !c.is_alphabetic() {
                k += 2; // the apostrophe and the t or s
            }
            loop {
                while ch(k).is_some_and(char::is_alphabetic) {
                    k += 1;
                }
                if ch(k).is_some_and(is_hyphen) && ch(k + 1).is_some_and(char::is_alphabetic) {
                    k += 1;
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else {
            k += 1;
            TokenKind::Punct(c)
        };
        let (start, end) = (byte_at(first), byte_at(k));
        tokens.push(Token {
            kind,
            start,
            end,
            text: text.get(start..end).unwrap_or_default(),
            sentence_start: false,
            sentence: 0,
        });
    }
    mark_sentences(&mut tokens);
    tokens
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// "'t" and "'s" as words of their own ("Jan 't Hart", "'s-Hertogenbosch").
fn is_elision(chars: &[(usize, char)], k: usize) -> bool {
    let c = |i: usize| chars.get(i).map(|&(_, c)| c);
    c(k).is_some_and(is_apostrophe)
        && (k == 0 || !c(k - 1).is_some_and(char::is_alphanumeric))
        && c(k + 1).is_some_and(|c| matches!(c, 't' | 's' | 'T' | 'S'))
        && !c(k + 2).is_some_and(char::is_alphanumeric)
}

/// Quotes, brackets, dashes and bullets: they neither start nor continue a sentence.
fn is_transparent(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '\u{2013}'
            | '\u{2014}'
            | '*'
            | '\u{2022}'
            | '\u{00B7}'
            | '>'
            | '#'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | ')' | ']' | '}'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

fn mark_sentences(tokens: &mut [Token<'_>]) {
    let mut at_start = true;
    let mut sentence = 0;
    for idx in 0..tokens.len() {
        let Some(&tok) = tokens.get(idx) else { break };
        let this_sentence = sentence;
        let mut sentence_start = false;
        match tok.kind {
            TokenKind::Space { newline } => {
                if newline {
                    at_start = true;
                    sentence += 1;
                }
            }
            TokenKind::Word => {
                sentence_start = at_start;
                at_start = false;
            }
            TokenKind::Number => at_start = false,
            TokenKind::Punct(c) if is_terminal(c) => {
                if ends_sentence(tokens, idx) {
                    at_start = true;
                    sentence += 1;
                }
            }
            TokenKind::Punct(':') => {
                // "Naam: Jan" is no sentence start: the word after it is meant as a name.
                at_start = followed_by_space(tokens, idx) && !after_name_cue(tokens, idx);
            }
            TokenKind::Punct(c) if is_transparent(c) => {}
            TokenKind::Punct(_) => at_start = false,
        }
        if let Some(t) = tokens.get_mut(idx) {
            t.sentence_start = sentence_start;
            t.sentence = this_sentence;
        }
    }
}

fn followed_by_space(tokens: &[Token<'_>], idx: usize) -> bool {
    tokens
        .get(idx + 1)
        .is_none_or(|t| matches!(t.kind, TokenKind::Space { .. }))
}

fn after_name_cue(tokens: &[Token<'_>], idx: usize) -> bool {
    prev_index(tokens, idx)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| t.is_word() && words::is_name_cue(&t.lower()))
}

/// A full stop ends a sentence when white space (or the end) follows, possibly after closing
/// quotes, and it does not close an abbreviation ("dhr.", "geb.") or an initial ("J.").
fn ends_sentence(tokens: &[Token<'_>], idx: usize) -> bool {
    let mut j = idx + 1;
    while tokens
        .get(j)
        .is_some_and(|t| matches!(t.kind, TokenKind::Punct(c) if is_closing(c) || is_terminal(c)))
    {
        j += 1;
    }
    if !tokens
        .get(j)
        .is_none_or(|t| matches!(t.kind, TokenKind::Space { .. }))
    {
        return false;
    }
    let is_dot = tokens.get(idx).is_some_and(|t| t.is_punct('.'));
    if is_dot
        && let Some(prev) = idx.checked_sub(1).and_then(|p| tokens.get(p))
        && prev.is_word()
    {
        let lower = prev.lower();
        if lower.chars().count() == 1 || words::is_abbreviation(&lower) {
            return false;
        }
    }
    true
}

/// The index of the token before `i`, skipping one stretch of white space within the line.
pub(super) fn prev_index(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    if tokens.get(p)?.is_inline_space() {
        p.checked_sub(1)
    } else {
        Some(p)
    }
}

/// The index after `i` when white space within the line follows `i` and something follows it.
pub(super) fn after_space(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    if tokens.get(i + 1)?.is_inline_space() && tokens.get(i + 2).is_some() {
        Some(i + 2)
    } else {
        None
    }
}

/// The character before byte offset `i` (a char boundary).
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character starting at byte offset `i` (a char boundary).
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}
