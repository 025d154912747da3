//! Saving a meeting record atomically (temporary file, flush to disk, rename, flush the
//! folder), as the app does when a meeting ends.

use std::path::Path;
use std::time::Instant;

use super::frames::{BENCH_NOW_MS, Stats};
use crate::cli::demo::{DemoGenerator, DemoOptions};
use crate::store::{Catalog, GroupLock, LockOutcome, save_record};

/// Saving figures: times in milliseconds, and the average file size.
pub struct SaveFigures {
    pub times: Stats,
    pub mean_bytes: u64,
}

/// Saves `count` realistic records (made by the `kring demo-data` generator: questions,
/// advice, notes, follow-ups) into `<group_dir>/meetings`, one after another, each timed,
/// holding the folder's lock as the app does.
pub fn measure(group_dir: &Path, count: usize) -> Result<SaveFigures, String> {
    let dir = match GroupLock::acquire(group_dir, BENCH_NOW_MS) {
        LockOutcome::Acquired(lock) | LockOutcome::Unavailable { unlocked: lock, .. } => lock,
        LockOutcome::ReadOnly { .. } => {
            return Err(format!(
                "{}: another Kring holds this folder",
                group_dir.display()
            ));
        }
    };
    let dir = &dir;
    let catalog = Catalog::load(None);
    let options = DemoOptions {
        meetings: count + 1,
        ..DemoOptions::default()
    };
    let mut generator =
        DemoGenerator::new(&catalog, &options, BENCH_NOW_MS, jiff::tz::TimeZone::UTC)?;
    // The first save makes the folder; it is not counted.
    save_record(dir, &generator.next_meeting()).map_err(|err| err.to_string())?;
    let mut samples = Vec::with_capacity(count);
    let mut bytes = 0;
    for _ in 0..count {
        let record = generator.next_meeting();
        let started = Instant::now();
        let path = save_record(dir, &record).map_err(|err| err.to_string())?;
        samples.push(started.elapsed().as_secs_f64() * 1000.0);
        bytes += std::fs::metadata(&path).map_or(0, |m| m.len());
    }
    Ok(SaveFigures {
        times: Stats::new(samples),
        mean_bytes: bytes / count.max(1) as u64,
    })
}
