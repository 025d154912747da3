use serde::{Deserialize, Serialize};

/// Time accumulated over one or more stretches, from wall-clock timestamps.
///
/// A clock that jumps backwards (a time-zone or NTP correction) never makes elapsed time
/// shrink below what was already counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stopwatch {
    accumulated_ms: i64,
    running_since_ms: Option<i64>,
}

impl Stopwatch {
    pub fn is_running(&self) -> bool {
        self.running_since_ms.is_some()
    }

    /// Starts counting; a running stopwatch keeps its original start.
    pub fn start(&mut self, now_ms: i64) {
        if self.running_since_ms.is_none() {
            self.running_since_ms = Some(now_ms);
        }
    }

    pub fn stop(&mut self, now_ms: i64) {
        if let Some(since) = self.running_since_ms.take() {
            self.accumulated_ms = self
                .accumulated_ms
                .saturating_add(now_ms.saturating_sub(since).max(0));
        }
    }

    /// Moves a running stretch's start later by `gap_ms`, so that a gap (the app was closed)
    /// does not count.
    pub fn skip_gap(&mut self, gap_ms: i64) {
        if let Some(since) = &mut self.running_since_ms {
            *since = since.saturating_add(gap_ms.max(0));
        }
    }

    /// Whether the stored values are ones Kring could have written: nothing negative, no
    /// timestamp outside the years 1970-3000. A loaded autosave is checked with this.
    pub fn is_plausible(&self) -> bool {
        const YEAR_3000_MS: i64 = 32_503_680_000_000;
        (0..=YEAR_3000_MS).contains(&self.accumulated_ms)
            && self
                .running_since_ms
                .is_none_or(|since| (0..=YEAR_3000_MS).contains(&since))
    }

    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        self.accumulated_ms.saturating_add(
            self.running_since_ms
                .map_or(0, |since| now_ms.saturating_sub(since).max(0)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_while_running_and_survives_a_clock_going_back() {
        let mut watch = Stopwatch::default();
        watch.start(1_000);
        watch.start(5_000); // already running: keeps the first start
        assert_eq!(watch.elapsed_ms(11_000), 10_000);
        watch.stop(11_000);
        assert_eq!(watch.elapsed_ms(99_000), 10_000);
        watch.start(20_000);
        assert_eq!(watch.elapsed_ms(19_000), 10_000, "clock went back");
        assert_eq!(watch.elapsed_ms(22_500), 12_500);
    }
}
