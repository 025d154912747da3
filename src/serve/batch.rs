//! How advice from phones reaches the board: pieces that arrive close together go up
//! together, so the count on the wall rises by several at once and nobody's number of pieces
//! can be read off it.
//!
//! What the count could give away is that someone sent something, never what: the wall shows
//! no text before the reveal, the reveal shuffles phone and PC advice together, and nothing
//! about a device is kept. The moment of a tap the room sees anyway (people see each other
//! tap); hiding it would take a wait of many seconds, longer than the gaps between taps, and
//! the count would lag behind what people just did (issue 13 asks for the count within 1 s).
//! So a piece waits at most [`MAX_WAIT_MS`] for company: once [`BATCH`] are in they go at
//! once, at random places on the board; a piece alone goes when its wait is over. When the
//! leader asks everyone to send, the taps come within a second or two and the count jumps by
//! several. Revealing, leaving the phase and ending the meeting take everything waiting
//! first. The wait is in memory: a crash within it loses those pieces, as it would lose a
//! half-typed one.

/// Pieces that go to the board together.
pub const BATCH: usize = 2;
/// The longest a single piece waits: short enough for the count to follow within the 1 s
/// the issue sets (the pipeline itself takes 20–40 ms), long enough to catch taps that come
/// together.
pub const MAX_WAIT_MS: i64 = 700;

#[derive(Debug, Default)]
pub struct AdviceBatch {
    waiting: Vec<String>,
    oldest_ms: Option<i64>,
}

impl AdviceBatch {
    pub fn push(&mut self, text: String, now_ms: i64) {
        self.oldest_ms.get_or_insert(now_ms);
        self.waiting.push(text);
    }

    pub fn len(&self) -> usize {
        self.waiting.len()
    }

    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// The pieces due for the board now: all of them once [`BATCH`] are in or the oldest has
    /// waited [`MAX_WAIT_MS`]; otherwise none.
    pub fn due(&mut self, now_ms: i64) -> Vec<String> {
        let waited = self.oldest_ms.is_some_and(|t| now_ms - t >= MAX_WAIT_MS);
        if self.waiting.len() >= BATCH || waited {
            self.take_all()
        } else {
            Vec::new()
        }
    }

    /// Everything waiting (before the reveal, or when the phase or the meeting ends).
    pub fn take_all(&mut self) -> Vec<String> {
        self.oldest_ms = None;
        std::mem::take(&mut self.waiting)
    }

    /// When the next piece falls due, in ms from `now_ms` (for the app's wake-up).
    pub fn due_in_ms(&self, now_ms: i64) -> Option<i64> {
        self.oldest_ms.map(|t| (t + MAX_WAIT_MS - now_ms).max(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_piece_waits_two_go_together_and_a_lone_one_goes_after_the_wait() {
        let mut batch = AdviceBatch::default();
        batch.push("a".into(), 0);
        assert!(batch.due(600).is_empty(), "one alone is not shown at once");
        batch.push("b".into(), 650);
        assert_eq!(batch.due(650), ["a", "b"]);
        assert!(batch.is_empty());
        batch.push("c".into(), 5_000);
        assert_eq!(batch.due_in_ms(5_200), Some(500));
        assert!(batch.due(5_699).is_empty());
        assert_eq!(batch.due(5_700), ["c"]);
        batch.push("d".into(), 20_000);
        assert_eq!(batch.take_all(), ["d"], "the reveal takes what waits");
        assert_eq!(batch.due_in_ms(20_000), None);
    }
}
