//! What one device may do: how many devices a meeting takes, how often each may ask and send,
//! and its dots. A device is the random id its page made; it lives in memory only, for these
//! limits, and is forgotten when the meeting closes. No submission carries it.

use std::collections::HashMap;
use std::time::Instant;

/// The most bytes a request body may have.
pub const MAX_BODY_BYTES: usize = 4096;
/// How many devices may join one meeting (a group is 5 to 12; guests and second phones fit).
pub const MAX_DEVICES: usize = 40;
/// A problem's title and line, as long as the app's one-line fields (`ui::library::LINE_LIMIT`).
pub const LINE_LIMIT_CHARS: usize = 500;
/// A piece of advice from a phone. The app's advice field takes more, but a phone's request
/// body is at most [`MAX_BODY_BYTES`]; 1,000 characters fit in it whatever the script.
pub const ADVICE_LIMIT_CHARS: usize = 1000;

/// Requests a device may make at once, then [`REQUESTS_PER_SEC`] more each second: the page
/// asks once a second.
const REQUEST_BURST: f64 = 10.0;
const REQUESTS_PER_SEC: f64 = 3.0;
/// Submissions (a problem, a dot, advice) at once, then one more every few seconds.
const SUBMIT_BURST: f64 = 8.0;
const SUBMITS_PER_SEC: f64 = 0.5;

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn full(burst: f64, now: Instant) -> Self {
        Self {
            tokens: burst,
            at: now,
        }
    }

    fn take(&mut self, burst: f64, per_sec: f64, now: Instant) -> bool {
        let secs = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + secs * per_sec).min(burst);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[derive(Debug)]
struct Device {
    requests: Bucket,
    submits: Bucket,
    /// Dots this device gave, per problem.
    dots: HashMap<u32, u32>,
}

/// Why a device's request is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The meeting has as many devices as it takes.
    Full,
    TooFast,
}

/// The devices of one open meeting.
#[derive(Debug)]
pub struct Devices {
    max: usize,
    devices: HashMap<String, Device>,
}

impl Devices {
    pub fn new(max: usize) -> Self {
        Self {
            max,
            devices: HashMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.devices.len()
    }

    /// A request from `id`: a new device joins if there is room; each request and each
    /// submission takes from the device's allowance.
    pub fn admit(&mut self, id: &str, submit: bool, now: Instant) -> Result<(), Refusal> {
        if !self.devices.contains_key(id) {
            if self.devices.len() >= self.max {
                return Err(Refusal::Full);
            }
            self.devices.insert(
                id.to_owned(),
                Device {
                    requests: Bucket::full(REQUEST_BURST, now),
                    submits: Bucket::full(SUBMIT_BURST, now),
                    dots: HashMap::new(),
                },
            );
        }
        let Some(device) = self.devices.get_mut(id) else {
            return Err(Refusal::Full);
        };
        if !device.requests.take(REQUEST_BURST, REQUESTS_PER_SEC, now) {
            return Err(Refusal::TooFast);
        }
        if submit && !device.submits.take(SUBMIT_BURST, SUBMITS_PER_SEC, now) {
            return Err(Refusal::TooFast);
        }
        Ok(())
    }

    /// Gives (`delta` 1) or takes back (-1) one of the device's `budget` dots on `problem`;
    /// `false` when it has none left to give or none there to take back.
    pub fn dot(&mut self, id: &str, problem: u32, delta: i32, budget: u32) -> bool {
        let Some(device) = self.devices.get_mut(id) else {
            return false;
        };
        let used: u32 = device.dots.values().sum();
        let here = device.dots.entry(problem).or_insert(0);
        match delta {
            1 if used < budget => *here += 1,
            -1 if *here > 0 => *here -= 1,
            _ => return false,
        }
        true
    }

    /// The dots this device gave, per problem (for its page).
    pub fn dots_of(&self, id: &str) -> HashMap<u32, u32> {
        self.devices
            .get(id)
            .map(|d| d.dots.clone())
            .unwrap_or_default()
    }
}

/// A device id as the page makes it: 16 to 64 hex digits.
pub fn valid_device_id(id: &str) -> bool {
    (16..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_meeting_takes_its_number_of_devices_and_each_its_pace() {
        let now = Instant::now();
        let mut devices = Devices::new(2);
        assert_eq!(devices.admit("a", false, now), Ok(()));
        assert_eq!(devices.admit("b", false, now), Ok(()));
        assert_eq!(devices.admit("c", false, now), Err(Refusal::Full));
        assert_eq!(
            devices.admit("a", false, now),
            Ok(()),
            "a known device is welcome"
        );
        let refused = (0..20)
            .filter(|_| devices.admit("b", false, now).is_err())
            .count();
        assert!(refused >= 10, "a burst is cut off: {refused}");
        let later = now + Duration::from_secs(2);
        assert_eq!(
            devices.admit("b", false, later),
            Ok(()),
            "and allowed again"
        );
    }

    #[test]
    fn a_device_gives_its_own_dots_only() {
        let now = Instant::now();
        let mut devices = Devices::new(5);
        devices.admit("a", true, now).unwrap();
        assert!(devices.dot("a", 1, 1, 2));
        assert!(devices.dot("a", 2, 1, 2));
        assert!(!devices.dot("a", 2, 1, 2), "the budget is spent");
        assert!(!devices.dot("a", 3, -1, 2), "nothing to take back there");
        assert!(devices.dot("a", 1, -1, 2));
        assert!(devices.dot("a", 2, 1, 2));
        assert!(!devices.dot("unknown", 1, 1, 2));
    }

    #[test]
    fn device_ids_are_hex_of_sensible_length() {
        assert!(valid_device_id("0123456789abcdef0123456789abcdef"));
        assert!(!valid_device_id("short"));
        assert!(!valid_device_id("0123456789abcdef<script>"));
    }
}
