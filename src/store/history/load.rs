//! Loading a history: [`History::load`] reads the meetings folder through [`load_dir`], with
//! helper threads parsing files from the end of the folder ahead of it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use super::super::records::parse_record;
use super::super::{DirLoad, Rejection, SetAside, find_conflicts, load_dir};
use super::History;
use super::digest::{Parsed, digest};

/// The most helper threads [`History::load`] starts beside its own.
const MAX_HELPERS: usize = 3;

/// What became of one file that helper threads may parse ahead of [`load_dir`].
enum SlotState {
    /// Nobody has started on it.
    Free,
    /// A helper is parsing it.
    Busy,
    /// A helper parsed it: the meeting, or `None` when the helper could not (then the file
    /// is parsed again from the text [`load_dir`] read, which decides what is wrong with it).
    Done(Option<Box<Parsed>>),
    /// [`load_dir`] has dealt with it.
    Taken,
}

struct Slot {
    state: Mutex<SlotState>,
    done: Condvar,
}

impl Slot {
    /// For [`load_dir`]: the helper's meeting when there is one (waiting while a helper is on
    /// it), or `None` to parse the text itself. Either way no helper starts on it after.
    fn take(&self) -> Option<Box<Parsed>> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            match std::mem::replace(&mut *state, SlotState::Taken) {
                SlotState::Busy => {
                    *state = SlotState::Busy;
                    state = self
                        .done
                        .wait(state)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                SlotState::Done(parsed) => return parsed,
                SlotState::Free | SlotState::Taken => return None,
            }
        }
    }

    /// For a helper: starts on the file unless [`load_dir`] got there first.
    fn claim(&self) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if matches!(*state, SlotState::Free) {
            *state = SlotState::Busy;
            true
        } else {
            false
        }
    }

    fn finish(&self, parsed: Option<Box<Parsed>>) {
        *self.state.lock().unwrap_or_else(PoisonError::into_inner) = SlotState::Done(parsed);
        self.done.notify_all();
    }
}

/// The files [`load_dir`] will parse, in its order: `*.ron` files not starting with `.`,
/// without sync conflict copies.
fn files_to_parse(dir: &Path) -> Vec<PathBuf> {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, PathBuf)> = listing
        .filter_map(Result::ok)
        .map(|entry| {
            (
                entry.file_name().to_string_lossy().into_owned(),
                entry.path(),
            )
        })
        .filter(|(name, _)| !name.starts_with('.') && name.ends_with(".ron"))
        .collect();
    files.sort();
    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    let copies: Vec<String> = find_conflicts(&names).into_iter().map(|c| c.copy).collect();
    files
        .into_iter()
        .filter(|(name, _)| !copies.contains(name))
        .map(|(_, path)| path)
        .collect()
}

/// Reads and digests a file on a helper thread; `None` for anything but a sound record.
fn parse_file(path: &Path) -> Option<Box<Parsed>> {
    let text = std::fs::read_to_string(path).ok()?;
    let record = parse_record(&text).ok()?;
    Some(Box::new(digest(path, record)))
}

/// [`load_dir`] with `helpers` extra threads parsing files ahead of it, from the last file
/// back. [`load_dir`] still lists and reads every file and decides about each one (a file a
/// helper could not parse is parsed again from [`load_dir`]'s text, so damaged and newer
/// files are judged exactly as without helpers); a helper only saves it the parsing of the
/// sound ones.
fn load_meetings(dir: &Path, set_aside: SetAside<'_>, helpers: usize) -> DirLoad<Box<Parsed>> {
    let parse_here = |path: &Path, text: &str| -> Result<Box<Parsed>, Rejection> {
        Ok(Box::new(digest(path, parse_record(text)?)))
    };
    if helpers == 0 {
        return load_dir(dir, set_aside, parse_here);
    }
    let files = files_to_parse(dir);
    let slots: Vec<Slot> = files
        .iter()
        .map(|_| Slot {
            state: Mutex::new(SlotState::Free),
            done: Condvar::new(),
        })
        .collect();
    let slot_of: HashMap<&Path, &Slot> = files.iter().map(PathBuf::as_path).zip(&slots).collect();
    let taken = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(|| {
                // From the last file back, while load_dir works from the first: they meet
                // once, instead of load_dir waiting for a helper at every file.
                loop {
                    let from_end = taken.fetch_add(1, Ordering::Relaxed);
                    let Some(i) = files.len().checked_sub(from_end + 1) else {
                        break;
                    };
                    let (Some(path), Some(slot)) = (files.get(i), slots.get(i)) else {
                        break;
                    };
                    if !slot.claim() {
                        break; // load_dir got here first: the rest is behind it.
                    }
                    // Should parsing ever panic, load_dir must not wait for this file
                    // forever: it then parses the file itself.
                    let parsed = std::panic::catch_unwind(|| parse_file(path)).ok().flatten();
                    slot.finish(parsed);
                }
            });
        }
        load_dir(dir, set_aside, |path, text| {
            match slot_of.get(path).and_then(|slot| slot.take()) {
                Some(parsed) => Ok(parsed),
                None => parse_here(path, text),
            }
        })
    })
}

impl History {
    /// Reads every meeting in `meetings_dir`. Damaged files are moved into quarantine, or
    /// left in place when this Kring only reads the group, as `set_aside` says; like files
    /// from a newer Kring (always left where they are), they are listed in
    /// [`Self::problems`]; sync conflict copies are not read and are listed in
    /// [`Self::conflicts`] (see [`load_dir`]). A missing folder is an empty history.
    ///
    /// Parsing, most of the time it takes, is spread over the cores (at most 3 helper
    /// threads beside this one); see the module documentation.
    pub fn load(meetings_dir: &Path, set_aside: SetAside<'_>) -> Self {
        let helpers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .saturating_sub(1)
            .min(MAX_HELPERS);
        Self::load_with_helpers(meetings_dir, set_aside, helpers)
    }

    /// [`Self::load`] with this many helper threads (0: all on this thread).
    pub(super) fn load_with_helpers(
        meetings_dir: &Path,
        set_aside: SetAside<'_>,
        helpers: usize,
    ) -> Self {
        let load = load_meetings(meetings_dir, set_aside, helpers);
        let mut parsed: Vec<Box<Parsed>> = load.items.into_iter().map(|(_, p)| p).collect();
        parsed.sort_by(|a, b| {
            b.summary
                .started_at_ms
                .cmp(&a.summary.started_at_ms)
                .then_with(|| b.summary.path.cmp(&a.summary.path))
        });
        let mut history = Self {
            summaries: Vec::with_capacity(parsed.len()),
            meetings: Vec::with_capacity(parsed.len()),
            problems: load.problems,
            conflicts: load.conflicts,
            ..Self::default()
        };
        // Newest first, so the first spelling of a name met is its most recent one.
        for meeting in parsed {
            let (summary, data) = history.number(*meeting);
            history.summaries.push(summary);
            history.meetings.push(data);
        }
        history
    }
}
