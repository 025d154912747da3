//! How advice from phones reaches the board: in batches, so the count on the wall does not
//! tell the room who just sent something.
//!
//! The room sees the count ("3 of 6 pieces of advice in") and sees who holds a phone. If each
//! piece went up the moment it arrived, a member tapping "send" would be seen doing it. So
//! pieces wait here until at least [`BATCH`] are in and go to the board together, at random
//! places; a piece alone goes after [`MAX_WAIT_MS`], by which time nobody can tell whose tap it
//! was. Revealing, leaving the phase and ending the meeting take everything waiting first, so
//! nothing is lost. The wait is in memory: a crash within those seconds loses those pieces,
//! as it would lose a half-typed one.

/// Pieces that go to the board together.
pub const BATCH: usize = 2;
/// The longest a single piece waits.
pub const MAX_WAIT_MS: i64 = 10_000;

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
        assert!(
            batch.due(1_000).is_empty(),
            "one alone is not shown at once"
        );
        batch.push("b".into(), 2_000);
        assert_eq!(batch.due(2_000), ["a", "b"]);
        assert!(batch.is_empty());
        batch.push("c".into(), 5_000);
        assert_eq!(batch.due_in_ms(6_000), Some(9_000));
        assert!(batch.due(14_999).is_empty());
        assert_eq!(batch.due(15_000), ["c"]);
        batch.push("d".into(), 20_000);
        assert_eq!(batch.take_all(), ["d"], "the reveal takes what waits");
        assert_eq!(batch.due_in_ms(20_000), None);
    }
}
